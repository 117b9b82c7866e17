import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  ACCOUNT_EVENT_KINDS,
  AGENCY_TIME_ZONES,
  LANGUAGES,
  ROLES,
  type AccountEventKind,
  type AgencyTimeZone,
  type Language,
  type Role,
} from '@kompeten/shared-contracts';
import { EmployeeDto } from './employee.dto';

export class LoginDto {
  @ApiProperty({ example: '198609262015051001', description: 'NIP (18 digits) or email' })
  @IsString({ message: 'username harus diisi (NIP atau email)' })
  @IsNotEmpty({ message: 'username harus diisi (NIP atau email)' })
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'Kompeten#2026' })
  @IsString({ message: 'password harus diisi' })
  @IsNotEmpty({ message: 'password harus diisi' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    description:
      'Non-browser clients: `true` also returns the refresh token in the body. Browsers leave it out: the refresh token then ' +
      'travels only in the `kompeten_refresh` cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/auth), out of reach of scripts. ' +
      'Either way login also sets the `kompeten_page` cookie (HttpOnly; Secure; SameSite=Strict; Path=/; read-only: lets the server ' +
      'render the signed-in pages; never accepted by /api).',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'returnRefreshToken harus true atau false' })
  returnRefreshToken?: boolean;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description:
      'The refresh token from login or the previous refresh (non-browser clients); it rotates on every use. ' +
      'Without it the `kompeten_refresh` cookie is used, and the new refresh token goes back only in that cookie.',
  })
  @IsOptional()
  @IsString({ message: 'refreshToken harus berupa teks' })
  @IsNotEmpty({ message: 'refreshToken tidak boleh kosong' })
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'currentPassword harus diisi' })
  @MaxLength(200)
  currentPassword: string;
  @ApiProperty({ description: 'At least 10 characters with letters and digits', example: 'BerAKHLAK2026' })
  @IsString()
  @IsNotEmpty({ message: 'newPassword harus diisi' })
  @MaxLength(200)
  newPassword: string;
}

export class RoleAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) agencyName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: EmployeeDto, nullable: true }) employee: EmployeeDto | null;
  @ApiProperty({ type: [RoleAssignmentDto] }) roles: RoleAssignmentDto[];
  @ApiProperty({ enum: AGENCY_TIME_ZONES, description: 'Display time zone of the user\u2019s agency' })
  timeZone: AgencyTimeZone;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Login email waiting for the user\u2019s confirmation (POST /me/email/confirm)',
  })
  pendingEmail: string | null;
  @ApiProperty({
    enum: LANGUAGES,
    example: 'id',
    description: 'Language kept in the profile: the web switches to it at sign-in; errors answer in it by default',
  })
  language: Language;
}

export class SetLanguageDto {
  @ApiProperty({ enum: LANGUAGES, example: 'en', description: 'id (Bahasa Indonesia) or en (English)' })
  @IsIn(LANGUAGES, { message: 'language harus id atau en' })
  language: Language;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT, valid 15 minutes; send as Authorization: Bearer …' }) accessToken: string;
  @ApiPropertyOptional({
    description:
      'Opaque; valid 30 days; rotates on every refresh. Present only for login with `returnRefreshToken: true` and for a ' +
      'refresh that sent the token in the body; otherwise it is set in the HttpOnly `kompeten_refresh` cookie. The session ' +
      'id is never in the body: it travels only in the `kompeten_page` cookie (HttpOnly; Secure; SameSite=Strict; Path=/; ' +
      'read-only: lets the server render the signed-in pages; never accepted by /api).',
  })
  refreshToken?: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ example: 2592000 }) refreshExpiresIn: number;
  @ApiProperty({ type: MeDto }) user: MeDto;
}

export class LogoutDto extends RefreshDto {}

// ---- issue 12: accounts (setup links, account events) -----------------------------------------------

export class SetupTokenDto {
  @ApiProperty({ description: 'The token from the setup link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class CompleteSetupDto extends SetupTokenDto {
  @ApiProperty({
    description:
      'New password: at least 10 characters with letters and digits, not common, without the ASN\u2019s name, NIP, agency, email or "kompeten"',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SetupLinkInfoDto {
  @ApiProperty({ example: 'Baiq Nurul Aini' }) fullName: string;
  @ApiProperty({ nullable: true, type: String, example: '198609******051001' }) nipMasked: string | null;
  @ApiProperty({ enum: ['setup', 'reset'] }) purpose: 'setup' | 'reset';
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class AccountEventActorDto {
  @ApiProperty({ description: 'The user themself' }) self: boolean;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, enum: ROLES }) role: Role | null;
  @ApiProperty({ nullable: true, type: String }) agencyName: string | null;
}

export class AccountEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACCOUNT_EVENT_KINDS }) kind: AccountEventKind;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: AccountEventActorDto, nullable: true, description: 'null: the system' })
  actor: AccountEventActorDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'e.g. the new email; never a secret',
  })
  details: Record<string, string | null>;
}

// ---- issue 15: "Lupa kata sandi" without email ----------------------------------------------------------

export class PasswordResetRequestDto {
  @ApiProperty({
    description: 'The ASN\u2019s 18-digit NIP (spaces allowed) or their login email',
    example: '198609262015051001',
    maxLength: 254,
  })
  @IsString({ message: 'identifier harus teks (NIP atau email)' })
  @MinLength(3, { message: 'Isi NIP atau email Anda' })
  @MaxLength(254, { message: 'identifier paling panjang 254 karakter' })
  identifier: string;
}

export class PasswordResetRequestAcceptedDto {
  @ApiProperty({
    example:
      'Jika NIP atau email tersebut terdaftar, permintaan Anda sudah dicatat. Pengelola kepegawaian instansi Anda akan memberikan tautan sekali pakai untuk mengatur kata sandi baru.',
    description: 'The same text whether or not an account matched',
  })
  message: string;
}

export class PasswordResetRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Dr. Baiq Nurul Aini, S.E., M.M.' }) name: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) agencyName: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
}
