import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  AGENCY_TIME_ZONES,
  COMMUNITY_JOIN_POLICIES,
  COMMUNITY_MEMBER_STATUSES,
  COMMUNITY_ROLES,
  COMMUNITY_SESSION_MODES,
  type AgencyTimeZone,
  type Community,
  type CommunityJoinPolicy,
  type CommunityMember,
  type CommunityMemberStatus,
  type CommunityRole,
  type CommunitySession,
  type CommunitySessionMode,
} from '@kompeten/shared-contracts';
import { PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const UUID = '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f';

export class CreateCommunityDto {
  @ApiProperty({ example: 'Komunitas Pengelola Kepegawaian NTB', minLength: 3, maxLength: 150 })
  @Transform(trim)
  @IsString({ message: 'name harus teks' })
  @MinLength(3, { message: 'name minimal 3 karakter' })
  @MaxLength(150, { message: 'name maksimal 150 karakter' })
  name: string;

  @ApiProperty({ example: 'Pemutakhiran data kompetensi di SIASN', minLength: 3, maxLength: 150 })
  @Transform(trim)
  @IsString({ message: 'topic harus teks' })
  @MinLength(3, { message: 'topic minimal 3 karakter' })
  @MaxLength(150, { message: 'topic maksimal 150 karakter' })
  topic: string;

  @ApiPropertyOptional({ example: 'Berbagi praktik baik pengelolaan data ASN lintas instansi.', maxLength: 4000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'description harus teks' })
  @MaxLength(4000, { message: 'description maksimal 4000 karakter' })
  description?: string;

  @ApiProperty({
    format: 'uuid',
    example: UUID,
    description: 'The host agency: the caller is a widyaiswara or an admin there (its admins moderate)',
  })
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId: string;

  @ApiPropertyOptional({ enum: COMMUNITY_JOIN_POLICIES, default: 'open', example: 'open' })
  @IsOptional()
  @IsIn(COMMUNITY_JOIN_POLICIES, { message: `joinPolicy harus salah satu dari ${COMMUNITY_JOIN_POLICIES.join(', ')}` })
  joinPolicy?: CommunityJoinPolicy;
}

export class CommunityQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'siasn', maxLength: 100, description: 'Part of the name or topic' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: false, description: 'Only communities the caller belongs to or is invited to' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

export class InviteDto {
  @ApiProperty({ example: '198609262015051001', description: 'NIP of an active ASN of any agency' })
  @Matches(/^\d{18}$/, { message: 'nip harus 18 angka' })
  nip: string;
}

export class MemberRoleDto {
  @ApiProperty({ enum: COMMUNITY_ROLES, example: 'facilitator' })
  @IsIn(COMMUNITY_ROLES, { message: `role harus salah satu dari ${COMMUNITY_ROLES.join(', ')}` })
  role: CommunityRole;
}

export class RecordSessionDto {
  @ApiProperty({ example: 'Berbagi praktik: sinkronisasi riwayat diklat', minLength: 3, maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;

  @ApiProperty({
    example: '2026-12-03',
    description: 'The day of the meeting in the host agency’s zone; not in the future, at most a year back',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn harus tanggal YYYY-MM-DD' })
  heldOn: string;

  @ApiProperty({ example: 90, minimum: 15, maximum: 1440 })
  @Type(() => Number)
  @IsInt({ message: 'durationMinutes harus bilangan bulat' })
  @Min(15, { message: 'durationMinutes minimal 15' })
  @Max(1440, { message: 'durationMinutes maksimal 1440' })
  durationMinutes: number;

  @ApiPropertyOptional({ enum: COMMUNITY_SESSION_MODES, default: 'online', example: 'online' })
  @IsOptional()
  @IsIn(COMMUNITY_SESSION_MODES, { message: `mode harus salah satu dari ${COMMUNITY_SESSION_MODES.join(', ')}` })
  mode?: CommunitySessionMode;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 1000, description: 'Active members present' })
  @IsArray()
  @ArrayMinSize(1, { message: 'minimal satu peserta' })
  @ArrayMaxSize(1000, { message: 'paling banyak 1000 peserta' })
  @IsUUID('all', { each: true, message: 'attendeeIds harus UUID' })
  attendeeIds: string[];

  @ApiPropertyOptional({ format: 'uuid', example: UUID, description: 'The client’s id of this write (idempotent)' })
  @IsOptional()
  @IsUUID('all', { message: 'requestId harus UUID' })
  requestId?: string;
}

export class CommunityDto implements Community {
  @ApiProperty({ format: 'uuid', example: UUID }) id: string;
  @ApiProperty({ example: 'Komunitas Pengelola Kepegawaian NTB' }) name: string;
  @ApiProperty({ example: 'Pemutakhiran data kompetensi di SIASN' }) topic: string;
  @ApiProperty({ example: 'Berbagi praktik baik pengelolaan data ASN lintas instansi.' }) description: string;
  @ApiProperty({ format: 'uuid', example: UUID }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) agencyName: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar', description: 'Session dates are its days' })
  agencyTimeZone: AgencyTimeZone;
  @ApiProperty({ enum: COMMUNITY_JOIN_POLICIES, example: 'open' }) joinPolicy: CommunityJoinPolicy;
  @ApiProperty({ example: 42 }) memberCount: number;
  @ApiProperty({ example: 5 }) sessionCount: number;
  @ApiProperty({ enum: COMMUNITY_ROLES, nullable: true, example: 'member' }) myRole: CommunityRole | null;
  @ApiProperty({ enum: COMMUNITY_MEMBER_STATUSES, nullable: true, example: 'active' })
  myStatus: CommunityMemberStatus | null;
  @ApiProperty({ example: false, description: 'A facilitator or an admin of the host agency' }) canManage: boolean;
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The community’s discussion space' }) spaceId: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T01:00:00.000Z' }) createdAt: string;
}

export class CommunityMemberDto implements CommunityMember {
  @ApiProperty({ format: 'uuid', example: UUID }) employeeId: string;
  @ApiProperty({ example: 'Peserta Dinkes 1' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Pemerintah Kota Mataram' }) agencyName: string | null;
  @ApiProperty({ enum: COMMUNITY_ROLES, example: 'member' }) role: CommunityRole;
  @ApiProperty({ enum: COMMUNITY_MEMBER_STATUSES, example: 'active' }) status: CommunityMemberStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T01:00:00.000Z' })
  joinedAt: string | null;
}

export class SessionAttendeeDto {
  @ApiProperty({ format: 'uuid', example: UUID }) employeeId: string;
  @ApiProperty({ example: 'Peserta Dinkes 1' }) name: string;
}

export class CommunitySessionDto implements CommunitySession {
  @ApiProperty({ format: 'uuid', example: UUID }) id: string;
  @ApiProperty({ format: 'uuid', example: UUID }) communityId: string;
  @ApiProperty({ example: 'Berbagi praktik: sinkronisasi riwayat diklat' }) title: string;
  @ApiProperty({ example: '2026-12-03', description: 'Local date (host agency’s zone)' }) heldOn: string;
  @ApiProperty({ example: 90 }) durationMinutes: number;
  @ApiProperty({ enum: COMMUNITY_SESSION_MODES, example: 'online' }) mode: CommunitySessionMode;
  @ApiProperty({ example: 12 }) attendeeCount: number;
  @ApiProperty({ type: [SessionAttendeeDto] }) attendees: SessionAttendeeDto[];
  @ApiProperty({ format: 'date-time', example: '2026-12-03T09:00:00.000Z' }) recordedAt: string;
}
