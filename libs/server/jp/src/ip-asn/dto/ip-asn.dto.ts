import { ApiProperty, ApiPropertyOptional, IntersectionType, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  COMPLIANCE_CHILD_KINDS,
  EMPLOYEE_TYPES,
  JP_EMPLOYEE_FILTERS,
  POSITION_KINDS,
  type ComplianceChildKind,
  type EmployeeType,
  type IpAsnBand,
  type IpAsnSchemeRules,
  type JpEmployeeFilter,
  type PositionKind,
} from '@kompeten/shared-contracts';
import { IsCalendarDate, PageMetaDto, SearchPageQueryDto } from '@kompeten/server-core';
import {
  ComplianceCrumbDto,
  ComplianceDrillDto,
  ComplianceNodeDto,
  ReportFilterDto,
} from '../../reports/dto/compliance.dto';

// ---- requests ----------------------------------------------------------------------------------

export class IpAsnPeopleQueryDto extends IntersectionType(SearchPageQueryDto, ReportFilterDto) {}

export class IpAsnYearQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: this year in the ASN\u2019s agency zone' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year harus bilangan bulat' })
  @Min(2000, { message: 'year minimal 2000' })
  @Max(2100, { message: 'year maksimal 2100' })
  year?: number;
}

const RULES_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  properties: {
    maxPoints: { type: 'number', example: 40 },
    jobKinds: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
  },
  description:
    'maxPoints and, per job kind (struktural, fungsional, pelaksana), its inputs: key, label, points, match (forms = SIASN jenis diklat codes, optional competencyKinds), minJp (null: any line), lookbackYears (null: every year)',
  example: {
    maxPoints: 40,
    jobKinds: {
      struktural: [
        {
          key: 'kepemimpinan',
          label: 'Pelatihan kepemimpinan',
          points: 15,
          match: [{ forms: [1, 5] }],
          minJp: null,
          lookbackYears: null,
        },
      ],
      fungsional: [],
      pelaksana: [],
    },
  },
};

const BANDS_SCHEMA: ApiPropertyOptions = {
  type: 'array',
  items: {
    type: 'object',
    properties: { min: { type: 'number', example: 91 }, label: { type: 'string', example: 'Sangat Tinggi' } },
  },
  description: 'Categories of the whole IP ASN (0–100): a score at or above min and below the next band',
};

export class CreateIpAsnSchemeDto {
  @ApiProperty({ example: '2027', description: 'A name of the version, unique' })
  @IsString({ message: 'version harus teks' })
  @MinLength(1, { message: 'version wajib diisi' })
  @MaxLength(40, { message: 'version paling panjang 40 karakter' })
  version: string;

  @ApiProperty({
    example: '2027-01-01',
    description: 'In force from this date (reports use the version in force on 31 December)',
  })
  @IsCalendarDate('effectiveFrom')
  effectiveFrom: string;

  @ApiProperty({ example: 'Peraturan BKN Nomor … Tahun 2027' })
  @IsString({ message: 'legalBasis harus teks' })
  @MinLength(3, { message: 'legalBasis wajib diisi' })
  @MaxLength(300)
  legalBasis: string;

  @ApiProperty(RULES_SCHEMA)
  @IsObject({ message: 'rules harus objek' })
  rules: IpAsnSchemeRules;

  @ApiProperty(BANDS_SCHEMA)
  @IsArray({ message: 'bands harus daftar' })
  bands: IpAsnBand[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

// ---- responses ---------------------------------------------------------------------------------

export class IpAsnSchemeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2019' }) version: string;
  @ApiProperty({ example: '2019-01-01' }) effectiveFrom: string;
  @ApiProperty({ example: 'PermenPANRB 38/2018; Peraturan BKN 8/2019' }) legalBasis: string;
  @ApiProperty(RULES_SCHEMA) rules: IpAsnSchemeRules;
  @ApiProperty(BANDS_SCHEMA) bands: IpAsnBand[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IpAsnEvidenceLineDto {
  @ApiProperty({ example: 'Pelatihan Teknis Pengelolaan Keuangan Daerah' }) title: string;
  @ApiProperty({ example: '2026-03-14' }) occurredOn: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 24 }) jp: number;
  @ApiProperty({ example: 3, description: 'SIASN jenis diklat code' }) jenisDiklatId: number;
}

export class IpAsnInputResultDto {
  @ApiProperty({ example: 'teknis' }) key: string;
  @ApiProperty({ example: 'Pelatihan teknis minimal 20 JP' }) label: string;
  @ApiProperty({ example: 15 }) pointsPossible: number;
  @ApiProperty({ example: 15 }) pointsEarned: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ example: 24, description: 'JP of the matching lines in the window' }) jp: number;
  @ApiProperty({ example: 2 }) lines: number;
  @ApiProperty({ nullable: true, type: Number, example: 20 }) minJp: number | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'integer', nullable: true },
    example: [2026, 2026],
    description: '[from, to]; from null: every year up to `to`',
  })
  years: [number | null, number];
  @ApiProperty({ type: [IpAsnEvidenceLineDto], description: 'The matching lines, newest first (at most 20)' })
  evidence: IpAsnEvidenceLineDto[];
}

export class IpAsnOfficialScoreDto {
  @ApiProperty() year: number;
  @ApiProperty({ example: 78.5, description: 'The whole IP ASN (0–100)' }) totalScore: number;
  @ApiProperty({ nullable: true, type: Number, example: 25, description: 'The competency dimension (0–40)' })
  competencyScore: number | null;
  @ApiProperty({ example: 'siasn' }) source: string;
  @ApiProperty({ format: 'date-time' }) retrievedAt: string;
  @ApiProperty({ example: 'Sedang', description: 'The band of totalScore' }) category: string;
}

export class IpAsnEstimateDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EMPLOYEE_TYPES }) employeeType: EmployeeType;
  @ApiProperty({ enum: POSITION_KINDS, nullable: true }) jobKind: PositionKind | null;
  @ApiProperty() year: number;
  @ApiProperty({ example: { id: '00000000-0000-0000-0000-000000000000', version: '2019' } })
  scheme: { id: string; version: string };
  @ApiProperty({ nullable: true, type: Number, example: 25, description: 'Null without a job kind' })
  points: number | null;
  @ApiProperty({ example: 40 }) maxPoints: number;
  @ApiProperty({ nullable: true, type: Number, example: 62.5 }) percent: number | null;
  @ApiProperty({ type: [IpAsnInputResultDto] }) inputs: IpAsnInputResultDto[];
  @ApiProperty({ type: IpAsnOfficialScoreDto, nullable: true, description: 'Shown beside the estimate when known' })
  official: IpAsnOfficialScoreDto | null;
}

export class IpAsnInputCountDto {
  @ApiProperty({ enum: POSITION_KINDS }) jobKind: PositionKind;
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() points: number;
  @ApiProperty({ description: 'ASN of the job kind' }) eligible: number;
  @ApiProperty({ description: 'Of them, how many met the input' }) met: number;
}

export class IpAsnBandCountDto {
  @ApiProperty({ example: 'Sedang' }) label: string;
  @ApiProperty() count: number;
}

export class IpAsnAggregateDto {
  @ApiProperty() asnCount: number;
  @ApiProperty({ description: 'ASN with a job kind (the others cannot be estimated)' }) estimatedCount: number;
  @ApiProperty({ nullable: true, type: Number, example: 24.5 }) averagePoints: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 61.3 }) averagePercent: number | null;
  @ApiProperty({ type: [IpAsnInputCountDto] }) inputs: IpAsnInputCountDto[];
  @ApiProperty() officialCount: number;
  @ApiProperty({ nullable: true, type: Number }) officialAverage: number | null;
  @ApiProperty({ type: [IpAsnBandCountDto], description: 'Official whole-IP-ASN scores per band' })
  officialBands: IpAsnBandCountDto[];
}

export class IpAsnChildDto extends IpAsnAggregateDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id: string | null;
  @ApiProperty({ enum: COMPLIANCE_CHILD_KINDS }) kind: ComplianceChildKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: ComplianceDrillDto, nullable: true }) drill: ComplianceDrillDto | null;
}

export class IpAsnSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: JP_EMPLOYEE_FILTERS }) employeeType: JpEmployeeFilter;
  @ApiProperty({ type: ComplianceNodeDto }) node: ComplianceNodeDto;
  @ApiProperty({ type: [ComplianceCrumbDto] }) breadcrumb: ComplianceCrumbDto[];
  @ApiProperty({ type: IpAsnSchemeDto }) scheme: IpAsnSchemeDto;
  @ApiProperty({ type: IpAsnAggregateDto }) totals: IpAsnAggregateDto;
  @ApiProperty({ type: [IpAsnChildDto] }) children: IpAsnChildDto[];
}

export class IpAsnPersonDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty() nip: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty({ enum: EMPLOYEE_TYPES }) employeeType: EmployeeType;
  @ApiProperty({ enum: POSITION_KINDS, nullable: true }) jobKind: PositionKind | null;
  @ApiProperty({ nullable: true, type: Number }) points: number | null;
  @ApiProperty({ nullable: true, type: Number }) percent: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { teknis: 22.5, seminar: 0 },
    description: 'Points earned per input key of the job kind',
  })
  inputs: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number }) officialTotal: number | null;
  @ApiProperty({ nullable: true, type: Number }) officialCompetency: number | null;
  @ApiProperty({ nullable: true, type: String }) officialCategory: string | null;
}

export class IpAsnPeoplePageDto extends PageMetaDto {
  @ApiProperty({ type: [IpAsnPersonDto] }) items: IpAsnPersonDto[];
}
