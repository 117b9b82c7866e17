import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  COMPLIANCE_CHILD_KINDS,
  COMPLIANCE_EXPORT_TABLES,
  COMPLIANCE_LEVELS,
  COMPLIANCE_PEOPLE_STATUSES,
  EMPLOYEE_TYPES,
  JP_BUCKETS,
  JP_EMPLOYEE_FILTERS,
  POSITION_KINDS,
  type ComplianceChildKind,
  type ComplianceExportTable,
  type ComplianceLevel,
  type CompliancePeopleStatus,
  type EmployeeType,
  type JpBucketKey,
  type JpEmployeeFilter,
  type PositionKind,
} from '@kompeten/shared-contracts';
import { PageMetaDto, SearchPageQueryDto } from '@kompeten/server-core';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

// ---- requests ----------------------------------------------------------------------------------

/** Which node, year and employees a report covers (every report endpoint of /api/jp/compliance and /api/jp/ip-asn). */
export class ReportFilterDto {
  @ApiPropertyOptional({ example: 2026, description: 'The JP year (local calendar year); default this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year harus bilangan bulat' })
  @Min(2000, { message: 'year minimal 2000' })
  @Max(2100, { message: 'year maksimal 2100' })
  year?: number;

  @ApiPropertyOptional({ enum: JP_EMPLOYEE_FILTERS, default: 'all', description: 'PNS, PPPK or all' })
  @IsOptional()
  @IsIn(JP_EMPLOYEE_FILTERS, { message: 'employeeType harus all, PNS atau PPPK' })
  employeeType?: JpEmployeeFilter;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'An agency in the caller\u2019s scope (404 outside it). A province (an agency with agencies under it) shows its regencies/cities; with ownOnly=true its own ASN by unit',
  })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A work unit in the caller\u2019s scope (404 outside it): its subtree',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'With agencyId of a province: only the province\u2019s own ASN' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'ownOnly harus true atau false' })
  ownOnly?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'The caller\u2019s direct reports (supervisors)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'team harus true atau false' })
  team?: boolean;
}

export const PEOPLE_SORTS = ['jpAsc', 'jpDesc', 'name'] as const;

export class CompliancePeopleQueryDto extends IntersectionType(SearchPageQueryDto, ReportFilterDto) {
  @ApiPropertyOptional({
    enum: COMPLIANCE_PEOPLE_STATUSES,
    default: 'notReached',
    description: 'notReached: below 20 JP (PNS and PPPK; only PNS are non-compliant); reached; all',
  })
  @IsOptional()
  @IsIn(COMPLIANCE_PEOPLE_STATUSES, { message: 'status harus notReached, reached atau all' })
  status: CompliancePeopleStatus = 'notReached';

  @ApiPropertyOptional({
    enum: PEOPLE_SORTS,
    default: 'jpAsc',
    description: 'By JP (fewest first), most first, or name',
  })
  @IsOptional()
  @IsIn(PEOPLE_SORTS, { message: 'sort harus jpAsc, jpDesc atau name' })
  sort: (typeof PEOPLE_SORTS)[number] = 'jpAsc';
}

export class ComplianceExportQueryDto extends CompliancePeopleQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format harus csv atau xlsx' })
  format: 'csv' | 'xlsx';

  @ApiPropertyOptional({
    enum: COMPLIANCE_EXPORT_TABLES,
    default: 'people',
    description: 'people: every ASN matching the filters (page and pageSize ignored); children: the breakdown table',
  })
  @IsOptional()
  @IsIn(COMPLIANCE_EXPORT_TABLES, { message: 'table harus people atau children' })
  table: ComplianceExportTable = 'people';
}

// ---- responses ---------------------------------------------------------------------------------

export class ComplianceDrillDto {
  @ApiPropertyOptional({ format: 'uuid' }) agencyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) unitId?: string;
  @ApiPropertyOptional() ownOnly?: boolean;
  @ApiPropertyOptional() team?: boolean;
}

export class ComplianceNodeDto {
  @ApiProperty({ enum: COMPLIANCE_LEVELS }) level: ComplianceLevel;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) name: string;
}

export class ComplianceCrumbDto extends ComplianceNodeDto {
  @ApiProperty({ type: ComplianceDrillDto, nullable: true, description: 'Query parameters that open this node' })
  drill: ComplianceDrillDto | null;
}

export class JpMixDto {
  @ApiProperty({ example: 1200.5 }) formalJp: number;
  @ApiProperty({ example: 240 }) socialJp: number;
  @ApiProperty({ example: 310 }) experientialJp: number;
  @ApiProperty({ nullable: true, type: Number, example: 68.8 }) formalPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 13.4 }) socialPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 17.8 }) experientialPercent: number | null;
}

export class ComplianceMetricsDto {
  @ApiProperty({ example: 60000, description: 'Active ASN of the node after the type filter' }) asnCount: number;
  @ApiProperty({ example: 51000 }) pnsCount: number;
  @ApiProperty({ example: 9000 }) pppkCount: number;
  @ApiProperty({ example: 35000, description: 'ASN with at least 20 JP' }) reachedCount: number;
  @ApiProperty({ example: 30000 }) pnsReachedCount: number;
  @ApiProperty({ example: 5000 }) pppkReachedCount: number;
  @ApiProperty({ example: 21000, description: 'PNS below 20 JP (PPPK are never counted here)' })
  nonCompliantCount: number;
  @ApiProperty({ example: 4000, description: 'PPPK below 20 JP (shown, not non-compliant)' })
  pppkBelowTargetCount: number;
  @ApiProperty({ example: 800, description: 'PPPK above their ceiling of 24 JP' }) pppkAboveCeilingCount: number;
  @ApiProperty({ nullable: true, type: Number, example: 58.82 }) pnsCompliancePercent: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 58.33 }) reachedPercent: number | null;
  @ApiProperty({ example: 1450000 }) totalJp: number;
  @ApiProperty({ example: 24.17 }) averageJp: number;
  @ApiProperty({ type: JpMixDto, description: 'The 10:20:70 mix' }) mix: JpMixDto;
}

export class ComplianceChildDto extends ComplianceMetricsDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id: string | null;
  @ApiProperty({
    enum: COMPLIANCE_CHILD_KINDS,
    description:
      'agency / unit: a child node; direct: ASN in the node itself (a province\u2019s own ASN, a unit\u2019s own); unassigned: ASN without a unit',
  })
  kind: ComplianceChildKind;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) name: string;
  @ApiProperty({ type: ComplianceDrillDto, nullable: true, description: 'Query parameters of the drill-down' })
  drill: ComplianceDrillDto | null;
}

export class ComplianceGroupDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'III/a',
    description: 'Position kind or rank; null: not recorded',
  })
  key: string | null;
  @ApiProperty() asnCount: number;
  @ApiProperty() reachedCount: number;
  @ApiProperty() nonCompliantCount: number;
  @ApiProperty() averageJp: number;
}

export class ComplianceBucketDto {
  @ApiProperty({ enum: JP_BUCKETS.map((b) => b.key) }) bucket: JpBucketKey;
  @ApiProperty() count: number;
}

export class ComplianceMonthDto {
  @ApiProperty({ minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ description: 'JP credited in that month of the year' }) jp: number;
  @ApiProperty({ description: 'JP credited from January to that month' }) cumulativeJp: number;
  @ApiProperty({ description: 'cumulativeJp per ASN of the node' }) averageCumulativeJp: number;
}

export class ComplianceTrendDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: JP_EMPLOYEE_FILTERS }) employeeType: JpEmployeeFilter;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'Null for a live answer (agency, unit and team levels); else when the province aggregate was last built (province and all-agencies levels, rebuilt every minute)',
  })
  asOf: string | null;
  @ApiProperty({ example: 60000 }) asnCount: number;
  @ApiProperty({ example: 20 }) targetJp: number;
  @ApiProperty({ type: [ComplianceMonthDto] }) months: ComplianceMonthDto[];
}

export class ComplianceSummaryDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: JP_EMPLOYEE_FILTERS }) employeeType: JpEmployeeFilter;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'Null for a live answer (agency, unit and team levels); else when the province aggregate was last built (province and all-agencies levels, rebuilt every minute)',
  })
  asOf: string | null;
  @ApiProperty({ type: ComplianceNodeDto }) node: ComplianceNodeDto;
  @ApiProperty({ type: [ComplianceCrumbDto] }) breadcrumb: ComplianceCrumbDto[];
  @ApiProperty({ example: 20 }) targetJp: number;
  @ApiProperty({ example: 24 }) pppkCeilingJp: number;
  @ApiProperty({ type: ComplianceMetricsDto }) totals: ComplianceMetricsDto;
  @ApiProperty({
    type: [ComplianceBucketDto],
    description: 'ASN per JP bucket: 0, 0–5, 5–10, 10–15, 15–20, 20–30, 30+',
  })
  distribution: ComplianceBucketDto[];
  @ApiProperty({ type: [ComplianceGroupDto] }) byPositionKind: ComplianceGroupDto[];
  @ApiProperty({ type: [ComplianceGroupDto] }) byRank: ComplianceGroupDto[];
  @ApiProperty({
    type: [ComplianceChildDto],
    description: 'One row per child of the node; their counts add up to totals',
  })
  children: ComplianceChildDto[];
}

export class CompliancePersonDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ example: 'Lalu Muhammad Hasan, S.Kom.' }) name: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) agencyName: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
  @ApiProperty({ enum: EMPLOYEE_TYPES }) employeeType: EmployeeType;
  @ApiProperty({ nullable: true, type: String }) positionName: string | null;
  @ApiProperty({ nullable: true, enum: POSITION_KINDS }) positionKind: PositionKind | null;
  @ApiProperty({ nullable: true, type: String, example: 'III/a' }) rank: string | null;
  @ApiProperty({ example: 12.5 }) totalJp: number;
  @ApiProperty() formalJp: number;
  @ApiProperty() socialJp: number;
  @ApiProperty() experientialJp: number;
  @ApiProperty({ example: 7.5, description: 'max(0, 20 − totalJp)' }) owedJp: number;
  @ApiProperty({ description: 'PNS below 20 JP; PPPK never' }) nonCompliant: boolean;
  @ApiProperty({ nullable: true, type: Number, example: 24, description: '24 for PPPK, null for PNS' })
  ceilingJp: number | null;
}

export class CompliancePeoplePageDto extends PageMetaDto {
  @ApiProperty({ type: [CompliancePersonDto] }) items: CompliancePersonDto[];
}

export class JpConsistencyMismatchDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['missing', 'orphan', 'differs'] }) kind: 'missing' | 'orphan' | 'differs';
  @ApiProperty({ type: [String], example: ['total_jp', 'monthly_jp'] }) fields: string[];
  @ApiProperty({ nullable: true, type: Number }) aggregateTotalJp: number | null;
  @ApiProperty({ nullable: true, type: Number }) ledgerTotalJp: number | null;
}

export class JpConsistencyReportDto {
  @ApiProperty() consistent: boolean;
  @ApiProperty() personYearsChecked: number;
  @ApiProperty() ledgerLines: number;
  @ApiProperty() mismatchCount: number;
  @ApiProperty({ type: [JpConsistencyMismatchDto], description: 'The first 100' })
  mismatches: JpConsistencyMismatchDto[];
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty() durationMs: number;
}
