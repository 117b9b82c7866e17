import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength, MinLength, IsString } from 'class-validator';
import { PageQueryDto } from '@kompeten/server-core';
import { AUDIT_ACTIONS } from '@kompeten/shared-contracts';

export class ImportRowErrorDto {
  @ApiProperty({ example: 17, description: 'Line number in the file (the header is line 1)' }) row: number;
  @ApiProperty({ nullable: true, type: String, example: '198609262015051000' }) nip: string | null;
  @ApiProperty({ example: 'Nomor urut NIP (3 digit terakhir) tidak boleh 000' }) reason: string;
}

export const IMPORT_ENTRY_FILTERS = [
  'problems',
  'failed',
  'warnings',
  'created',
  'updated',
  'unchanged',
  'all',
] as const;
export type ImportEntryFilter = (typeof IMPORT_ENTRY_FILTERS)[number];

export class ImportEntryDto {
  @ApiProperty({ example: 17, description: 'Line number in the file (the header is line 1)' }) line: number;
  @ApiProperty({ nullable: true, type: String, example: '198609262015051001' }) nip: string | null;
  @ApiProperty({
    enum: ['created', 'updated', 'unchanged', 'failed', 'saved'],
    description: '`saved`: an import made before per-row outcomes were recorded',
  })
  outcome: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'RANK_INVALID',
    description: 'Why the row was refused (stable code)',
  })
  reasonCode: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'golongan "IX" adalah golongan PPPK; golongan PNS ditulis seperti III/a',
  })
  reason: string | null;
  @ApiProperty({ type: [String], example: ['nama', 'golongan'], description: 'CSV columns an update changed' })
  changedFields: string[];
  @ApiProperty({ nullable: true, type: String, example: 'SUPERVISOR_NOT_FOUND' }) warningCode: string | null;
  @ApiProperty({ nullable: true, type: String }) warning: string | null;
}

export class ImportReasonCountDto {
  @ApiProperty({ enum: ['error', 'warning'] }) kind: string;
  @ApiProperty({ example: 'UNIT_NOT_FOUND' }) code: string;
  @ApiProperty({ example: 'kode_unit tidak ada di instansi' }) label: string;
  @ApiProperty({ example: 56 }) count: number;
}

export class ImportEntryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: IMPORT_ENTRY_FILTERS,
    default: 'problems',
    description: 'problems = refused rows and warnings',
  })
  @IsOptional()
  @IsIn(IMPORT_ENTRY_FILTERS, { message: `filter harus salah satu dari ${IMPORT_ENTRY_FILTERS.join(', ')}` })
  filter?: ImportEntryFilter;
}

export class ImportReportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'format harus csv atau xlsx' })
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({
    enum: IMPORT_ENTRY_FILTERS,
    default: 'problems',
    description: 'problems = every refused row and warning; all = every line',
  })
  @IsOptional()
  @IsIn(IMPORT_ENTRY_FILTERS, { message: `filter harus salah satu dari ${IMPORT_ENTRY_FILTERS.join(', ')}` })
  filter?: ImportEntryFilter;
}

export class ImportHeaderCheckDto {
  @ApiProperty({ type: [String], example: ['jenis_pegawai'], description: 'Required columns the header lacks' })
  missing: string[];
  @ApiProperty({ type: [String], example: ['status'], description: 'Header columns that are not import columns' })
  unknown: string[];
}

export class EmployeeImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: 'pegawai-2026.csv' }) fileName: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'Data rows in the file (an estimate until completed)' }) totalRows: number;
  @ApiProperty() processedRows: number;
  @ApiProperty() createdCount: number;
  @ApiProperty() updatedCount: number;
  @ApiProperty({ description: 'Rows identical to the stored record' }) unchangedCount: number;
  @ApiProperty({ description: 'Rows refused' }) failedCount: number;
  @ApiProperty({ description: 'Rows saved with a warning (e.g. nip_atasan not found)' }) warningCount: number;
  @ApiProperty({
    type: [ImportReasonCountDto],
    description: 'Refused rows and warnings per reason, most frequent first',
  })
  reasonCounts: ImportReasonCountDto[];
  @ApiProperty({
    type: [ImportRowErrorDto],
    description:
      'The first 50 refused rows and warnings by line; all of them: GET /api/employee-imports/{id}/entries or /report',
  })
  errors: ImportRowErrorDto[];
  @ApiProperty({ description: 'More refused rows and warnings exist than `errors` holds' }) errorsTruncated: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why a failed import stopped, in the request\u2019s language',
  })
  message: string | null;
  @ApiProperty({
    nullable: true,
    type: ImportHeaderCheckDto,
    description:
      'The header row lacked required columns (the import failed) or held columns nobody recognised (ignored); null when clean',
  })
  headerCheck: ImportHeaderCheckDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

export class ImportUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'CSV file (comma or semicolon separated, UTF-8), at most 50 MB',
  })
  file: unknown;
}

export class ImportCreateQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Wait up to 120 s for the import to finish and answer with the full report',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'wait harus true atau false' })
  wait?: 'true' | 'false';
}

export class AuditChangeDto {
  @ApiProperty({ example: 'golongan' }) field: string;
  @ApiProperty({ nullable: true, type: String, example: 'III/a' }) before: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'III/b' }) after: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'Kursus «Pelayanan Publik Prima» diterbitkan oleh Dra. Ni Made Ayu',
    description: 'The entry in words, in the request\u2019s language',
  })
  summary: string;
  @ApiProperty({ type: [AuditChangeDto], description: 'Fields that differ between before and after' })
  changes: AuditChangeDto[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ example: 'employee.update' }) action: string;
  @ApiProperty({ example: 'employee' }) entityType: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Agencies whose people the write touched besides agencyId (their admins see the entry too)',
  })
  touchedAgencyIds: string[];
  @ApiProperty({ nullable: true, type: Object }) before: unknown;
  @ApiProperty({ nullable: true, type: Object }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries filed under, or touching people of, this agency' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId?: string;
  @ApiPropertyOptional({ example: 'employee' }) @IsOptional() @IsString() @MaxLength(60) entityType?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'entityId harus UUID' })
  entityId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, example: 'course.publish' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action tidak dikenal' })
  action?: string;
  @ApiPropertyOptional({
    example: 'Ni Made',
    description: 'The person who acted: part of the name, the whole NIP, or part of the login email',
  })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'actor minimal 2 karakter' })
  @MaxLength(100)
  actor?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'First local day (caller\u2019s time zone), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from harus tanggal YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last local day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to harus tanggal YYYY-MM-DD' })
  to?: string;
}

export class AuditQueryDto extends IntersectionType(PageQueryDto, AuditFilterDto) {}
