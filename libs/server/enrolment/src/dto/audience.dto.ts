import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AGENCY_TIME_ZONES,
  AUDIENCE_KINDS,
  type AgencyTimeZone,
  type AudienceKind,
  type AudienceTarget,
} from '@kompeten/shared-contracts';
import { DATE_TIME_WITH_OFFSET_DOC, IsCalendarDate, IsIsoDateTimeWithOffset, PageMetaDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// ---- requests ----------------------------------------------------------------------------------

/** Who an audience assignment reaches (decision 0025). */
export class AudienceTargetDto implements AudienceTarget {
  @ApiProperty({
    enum: AUDIENCE_KINDS,
    example: 'unit',
    description: 'unit: a work unit; position: a position (jabatan) in an agency',
  })
  @IsIn(AUDIENCE_KINDS, { message: 'kind harus unit atau position' })
  kind: AudienceKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind unit: the work unit' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;

  @ApiPropertyOptional({ default: true, description: 'kind unit: the units under it too' })
  @IsOptional()
  @IsBoolean({ message: 'includeSubUnits harus true atau false' })
  includeSubUnits?: boolean;

  @ApiPropertyOptional({
    example: 'Pranata Komputer Ahli Pertama',
    description: 'kind position: the position name (case-insensitive)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'positionName minimal 2 karakter' })
  @MaxLength(200)
  positionName?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'kind position: the agency whose holders of the position are meant',
  })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId?: string;
}

export class PreviewAudienceDto {
  @ApiProperty({ type: AudienceTargetDto })
  @IsDefined({ message: 'audience wajib diisi (unit kerja atau jabatan)' })
  @IsObject({ message: 'audience harus objek' })
  @ValidateNested()
  @Type(() => AudienceTargetDto)
  audience: AudienceTargetDto;
}

export class CreateAudienceAssignmentDto extends PreviewAudienceDto {
  @ApiPropertyOptional({ default: false, description: 'Mandatory (wajib): learners cannot withdraw' })
  @IsOptional()
  @IsBoolean({ message: 'mandatory harus true atau false' })
  mandatory?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description:
      'A fixed due date for everyone: 23:59:59 of this day in the zone of the assigner\u2019s agency. Send this, dueDays or neither.',
  })
  @IsOptional()
  @IsCalendarDate('dueDate')
  dueDate?: string;

  @ApiPropertyOptional({
    example: 30,
    description: 'Or: due this many days after each person is enrolled (the end of that local day), 1–3650',
  })
  @IsOptional()
  @IsInt({ message: 'dueDays harus bilangan bulat' })
  @Min(1, { message: 'dueDays minimal 1' })
  @Max(3650, { message: 'dueDays paling banyak 3650' })
  dueDays?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-01-01T00:00:00+08:00',
    description: `When it starts enrolling (default now). ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @IsIsoDateTimeWithOffset('startsAt')
  startsAt?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-06-30T23:59:59+08:00',
    description: `When it stops enrolling newcomers (default: until ended). ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @IsIsoDateTimeWithOffset('endsAt')
  endsAt?: string;
}

// ---- responses ---------------------------------------------------------------------------------

export class AudienceSamplePersonDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Baiq Nurul Aini, S.Kep.' }) name: string;
  @ApiProperty({ example: '199001152015032002' }) nip: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
}

export class AudiencePreviewDto {
  @ApiProperty({ example: 42, description: 'Active ASN of the audience in the caller\u2019s scope' }) reach: number;
  @ApiProperty({ example: 40, description: 'Of them, not yet enrolled: the enrolments confirming creates now' })
  newEnrolments: number;
  @ApiProperty({ example: 2, description: 'Of them, already enrolled (left as they are)' }) alreadyEnrolled: number;
  @ApiProperty({ type: [AudienceSamplePersonDto], description: 'Up to 5 people, by name' })
  sample: AudienceSamplePersonDto[];
}

export class AudienceAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid', description: 'The agency whose ASN it covers' }) agencyId: string;
  @ApiProperty({ enum: AUDIENCE_KINDS, example: 'unit' }) kind: AudienceKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
  @ApiProperty({ example: true }) includeSubUnits: boolean;
  @ApiProperty({ nullable: true, type: String, example: null }) positionName: string | null;
  @ApiProperty({ example: true }) mandatory: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-12-31T23:59:59+08:00' })
  dueAt: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-31' }) dueDate: string | null;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, nullable: true, example: 'Asia/Makassar' })
  dueTimeZone: AgencyTimeZone | null;
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'Due this many days after each enrolment' })
  dueDays: number | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt: string | null;
  @ApiProperty({ example: true, description: 'Not ended: newcomers are enrolled' }) live: boolean;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ nullable: true, type: String, example: 'Admin BKPSDM Kota Mataram' }) createdByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: 40, description: 'Enrolments it created so far' }) enrolledCount: number;
}

export class AudienceAssignmentResultDto {
  @ApiProperty({ type: AudienceAssignmentDto }) assignment: AudienceAssignmentDto;
  @ApiProperty({ example: true, description: 'False: the same live assignment existed (a repeated request)' })
  created: boolean;
  @ApiProperty({ example: 40, description: 'Enrolments created now' }) enrolled: number;
}

export class AudienceAssignmentPageDto extends PageMetaDto {
  @ApiProperty({ type: [AudienceAssignmentDto] }) items: AudienceAssignmentDto[];
}
