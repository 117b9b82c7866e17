import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import {
  EMPLOYEE_TYPES,
  POSITION_KINDS,
  ROLES,
  type EmployeeType,
  type PositionKind,
  type Role,
} from '@kompeten/shared-contracts';
import { SearchPageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// The shape only (harmless variants such as "iii / A" pass); whether the golongan exists for the employee type
// is checked by requireValidRank in the service, which also stores the canonical spelling.
const RANK = /^\s*(i{1,3}|iv)\s*\/\s*[a-z]\s*$|^\s*[ivx]{1,5}\s*$/i;
const RANK_MSG = 'golongan harus seperti III/a (PNS) atau IX (PPPK)';
const PHONE = /^\+?[0-9][0-9 -]{6,18}$/;

export class EmployeeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) agencyName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
  @ApiProperty({ example: '198609262015051001', description: '18-digit NIP' }) nip: string;
  @ApiProperty({ enum: EMPLOYEE_TYPES }) employeeType: EmployeeType;
  @ApiProperty({ example: 'Lalu Muhammad Hasan' }) fullName: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dr.' }) frontTitle: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'S.Kom., M.T.' }) backTitle: string | null;
  @ApiProperty({ example: 'Dr. Lalu Muhammad Hasan, S.Kom., M.T.' }) displayName: string;
  @ApiProperty({ nullable: true, type: String, example: 'Analis Sumber Daya Manusia Aparatur' }) positionName:
    string | null;
  @ApiProperty({ enum: POSITION_KINDS, nullable: true }) positionKind: PositionKind | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'III/a',
    description: 'Golongan: I/a–IV/e for PNS, I–XVII for PPPK',
  })
  rank: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Penata Muda',
    description: 'Pangkat name of a PNS golongan (DOMAIN.md §1); null for PPPK',
  })
  rankName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) supervisorId: string | null;
  @ApiProperty({ nullable: true, type: String }) supervisorName: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ format: 'date', description: 'From the NIP' }) birthDate: string;
  @ApiProperty({ enum: ['L', 'P'], description: 'From the NIP: L laki-laki, P perempuan' }) gender: 'L' | 'P';
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Whether the ASN can sign in' }) hasAccount: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class EmployeeQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The unit and every unit under it' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;
  @ApiPropertyOptional({ enum: EMPLOYEE_TYPES }) @IsOptional() @IsIn(EMPLOYEE_TYPES) employeeType?: EmployeeType;
}

class EmployeeFields {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;
  @ApiPropertyOptional({ example: 'Dr.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  frontTitle?: string;
  @ApiPropertyOptional({ example: 'S.Kom., M.T.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  backTitle?: string;
  @ApiPropertyOptional({ example: 'Analis Sumber Daya Manusia Aparatur' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  positionName?: string;
  @ApiPropertyOptional({ enum: POSITION_KINDS })
  @IsOptional()
  @IsIn(POSITION_KINDS, { message: 'positionKind harus struktural, fungsional atau pelaksana' })
  positionKind?: PositionKind;
  @ApiPropertyOptional({
    example: 'III/a',
    description:
      'PNS I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e; PPPK I–XVII. Case and spaces are normalised (iii / A → III/a)',
  })
  @IsOptional()
  @Transform(trim)
  @Matches(RANK, { message: RANK_MSG })
  rank?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'supervisorId harus UUID' })
  supervisorId?: string;
  @ApiPropertyOptional({ example: 'hasan@mataramkota.go.id' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email tidak valid' })
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({ example: '+6281234567890' })
  @IsOptional()
  @Transform(trim)
  @Matches(PHONE, { message: 'nomor telepon tidak valid' })
  phone?: string;
}

export class CreateEmployeeDto extends EmployeeFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'agencyId harus UUID' }) agencyId: string;
  @ApiProperty({ example: '198609262015051001' }) @Transform(trim) @IsString() nip: string;
  @ApiProperty({ enum: EMPLOYEE_TYPES })
  @IsIn(EMPLOYEE_TYPES, { message: 'employeeType harus PNS atau PPPK' })
  employeeType: EmployeeType;
  @ApiProperty({ example: 'Lalu Muhammad Hasan' })
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'fullName minimal 2 karakter' })
  @MaxLength(200)
  fullName: string;
}

export class UpdateEmployeeDto extends EmployeeFields {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

// ---- issue 12: accounts (setup links, confirmed email changes) -------------------------------------

/** Admins never set a password: a new account answers a one-time setup link; see POST …/account/reset for a new one. */
export class SetAccountDto {
  @ApiPropertyOptional({
    description:
      'Login email, kept pending until the ASN confirms it on their profile; for a new account it defaults to the ASN\u2019s email',
  })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email tidak valid' })
  @MaxLength(254)
  email?: string;
}

export class AccountSetupLinkDto {
  @ApiProperty({ description: 'Secret one-time token; shown only in this answer' }) token: string;
  @ApiProperty({
    example: 'https://kompeten.ntbprov.go.id/atur-kata-sandi/3q2-…',
    description: 'Page where the ASN sets their password',
  })
  url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SetAccountResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'Whether this call created the account' }) created: boolean;
  @ApiProperty({
    type: AccountSetupLinkDto,
    nullable: true,
    description: 'For a new account: hand it to the ASN (shown once)',
  })
  setupLink: AccountSetupLinkDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'Login email in use' }) email: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Login email waiting for the ASN\u2019s confirmation' })
  pendingEmail: string | null;
}

export class ResetAccountResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({
    type: AccountSetupLinkDto,
    description: 'Hand it to the ASN (shown once); the old password no longer works',
  })
  setupLink: AccountSetupLinkDto;
}

export class GrantRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: `role harus salah satu dari ${ROLES.join(', ')}` }) role: Role;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'agencyId harus UUID' }) agencyId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Narrow the role to a unit subtree (HR officer)' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;
}
