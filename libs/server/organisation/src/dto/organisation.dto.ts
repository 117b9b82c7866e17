import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AGENCY_LEVELS, AGENCY_TIME_ZONES, type AgencyLevel, type AgencyTimeZone } from '@kompeten/shared-contracts';
import { IsOmittable, SearchPageQueryDto } from '@kompeten/server-core';

export class AgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'kota-mataram' }) code: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) name: string;
  @ApiProperty({ enum: AGENCY_LEVELS, example: 'kota' }) level: AgencyLevel;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ nullable: true, type: String, example: 'BKPSDM Kota Mataram' }) hrBodyName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'A5EB03E23C3EF6A0E040640A040252AD' }) siasnInstansiId:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WorkUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: 'DINKES' }) code: string;
  @ApiProperty({ example: 'Dinas Kesehatan' }) name: string;
  @ApiProperty({ example: 0, description: '0 for a top-level unit' }) depth: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const CODE_MSG = 'code hanya boleh huruf, angka, titik, garis bawah dan tanda hubung (maks. 40)';

export class CreateAgencyDto {
  @ApiProperty({ example: 'kab-sumbawa' }) @IsString() @Matches(CODE, { message: CODE_MSG }) code: string;
  @ApiProperty({ example: 'Pemerintah Kabupaten Sumbawa' }) @IsString() @MinLength(3) @MaxLength(200) name: string;
  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsIn(AGENCY_LEVELS, { message: `level harus salah satu dari ${AGENCY_LEVELS.join(', ')}` })
  level: AgencyLevel;
  @ApiPropertyOptional({ format: 'uuid', description: 'Parent agency (a province for a regency/city)' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId harus UUID' })
  parentId?: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, description: 'WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura' })
  @IsIn(AGENCY_TIME_ZONES, {
    message: 'timeZone harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)',
  })
  timeZone: AgencyTimeZone;
  @ApiPropertyOptional({ example: 'BKPSDM Kabupaten Sumbawa' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  hrBodyName?: string;
  @ApiPropertyOptional({ example: 'A5EB03E23C3EF6A0E040640A040252AD', description: 'SIASN instansiId (32 hex)' })
  @IsOptional()
  @Matches(/^[0-9A-Fa-f]{32}$/, { message: 'siasnInstansiId harus 32 karakter heksadesimal' })
  siasnInstansiId?: string;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(3) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: AGENCY_TIME_ZONES })
  @IsOmittable()
  @IsIn(AGENCY_TIME_ZONES, {
    message: 'timeZone harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)',
  })
  timeZone?: AgencyTimeZone;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) hrBodyName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9A-Fa-f]{32}$/, { message: 'siasnInstansiId harus 32 karakter heksadesimal' })
  siasnInstansiId?: string;
}

export class AgencyQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: AGENCY_LEVELS }) @IsOptional() @IsIn(AGENCY_LEVELS) level?: AgencyLevel;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId harus UUID' })
  parentId?: string;
}

export class UnitQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId harus UUID' })
  parentId?: string;
}

export class CreateWorkUnitDto {
  @ApiProperty({ example: 'DINKES' }) @IsString() @Matches(CODE, { message: CODE_MSG }) code: string;
  @ApiProperty({ example: 'Dinas Kesehatan' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Parent unit in the same agency' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId harus UUID' })
  parentId?: string;
}

export class UpdateWorkUnitDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(2) @MaxLength(200) name?: string;
}
