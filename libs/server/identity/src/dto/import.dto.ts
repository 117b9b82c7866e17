import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, MaxLength, IsString } from 'class-validator';
import { PageQueryDto } from '@kompeten/server-core';

export class ImportRowErrorDto {
  @ApiProperty({ example: 17, description: 'Line number in the file (the header is line 1)' }) row: number;
  @ApiProperty({ nullable: true, type: String, example: '198609262015051000' }) nip: string | null;
  @ApiProperty({ example: 'Nomor urut NIP (3 digit terakhir) tidak boleh 000' }) reason: string;
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
  @ApiProperty() failedCount: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'Per-row problems (the first 1,000)' }) errors: ImportRowErrorDto[];
  @ApiProperty() errorsTruncated: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed import stopped' }) message: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

export class ImportUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV file (comma or semicolon separated, UTF-8), at most 50 MB' }) file: unknown;
}

export class ImportCreateQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Wait up to 120 s for the import to finish and answer with the full report' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'wait harus true atau false' })
  wait?: 'true' | 'false';
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ example: 'employee.update' }) action: string;
  @ApiProperty({ example: 'employee' }) entityType: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ nullable: true, type: Object }) before: unknown;
  @ApiProperty({ nullable: true, type: Object }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'agencyId harus UUID' }) agencyId?: string;
  @ApiPropertyOptional({ example: 'employee' }) @IsOptional() @IsString() @MaxLength(60) entityType?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'entityId harus UUID' }) entityId?: string;
}
