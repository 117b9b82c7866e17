import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AGENCY_TIME_ZONES, ROLES, type AgencyTimeZone, type Role } from '@kompeten/shared-contracts';
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
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh; it rotates on every use' })
  @IsString({ message: 'refreshToken harus diisi' })
  @IsNotEmpty({ message: 'refreshToken harus diisi' })
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'currentPassword harus diisi' }) @MaxLength(200) currentPassword: string;
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
  @ApiProperty({ enum: AGENCY_TIME_ZONES, description: 'Display time zone of the user\u2019s agency' }) timeZone: AgencyTimeZone;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT, valid 15 minutes; send as Authorization: Bearer …' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; valid 30 days; rotates on every refresh' }) refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ example: 2592000 }) refreshExpiresIn: number;
  @ApiProperty({ type: MeDto }) user: MeDto;
}

export class LogoutDto extends RefreshDto {}
