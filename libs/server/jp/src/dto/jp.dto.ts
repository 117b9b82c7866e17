import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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
  COMPETENCY_KINDS,
  DELIVERY_MODES,
  EMPLOYEE_TYPES,
  JP_CHANNELS,
  JP_CLAIM_STATUSES,
  JP_CLAIM_VERIFIERS,
  JP_EVIDENCE_KINDS,
  JP_SOURCE_TYPES,
  JP_STANDINGS,
  JP_UNITS,
  type CompetencyKind,
  type DeliveryMode,
  type JpChannel,
  type JpClaimStatus,
  type JpClaimVerifier,
  type JpEvidenceKind,
  type JpUnit,
} from '@kompeten/shared-contracts';
import { IsCalendarDate, PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Multipart fields arrive as text: '' means "not given". */
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;
const oneOf = (name: string, values: readonly string[]) => ({
  message: `${name} harus salah satu dari ${values.join(', ')}`,
});
const JP_EXAMPLE = 4.5;

// ---- rules ---------------------------------------------------------------------------------------

export class MinutesPerJpDto {
  @ApiProperty({ example: 45, minimum: 1, maximum: 600 })
  @IsInt({ message: 'menit per JP harus bilangan bulat' })
  @Min(1, { message: 'menit per JP minimal 1' })
  @Max(600, { message: 'menit per JP maksimal 600' })
  classroom: number;

  @ApiProperty({ example: 45, minimum: 1, maximum: 600 })
  @IsInt({ message: 'menit per JP harus bilangan bulat' })
  @Min(1, { message: 'menit per JP minimal 1' })
  @Max(600, { message: 'menit per JP maksimal 600' })
  online: number;

  @ApiProperty({ example: 45, minimum: 1, maximum: 600 })
  @IsInt({ message: 'menit per JP harus bilangan bulat' })
  @Min(1, { message: 'menit per JP minimal 1' })
  @Max(600, { message: 'menit per JP maksimal 600' })
  blended: number;

  @ApiProperty({ example: 45, minimum: 1, maximum: 600 })
  @IsInt({ message: 'menit per JP harus bilangan bulat' })
  @Min(1, { message: 'menit per JP minimal 1' })
  @Max(600, { message: 'menit per JP maksimal 600' })
  self_paced: number;
}

export class JpRuleDto {
  @ApiProperty({ example: 14, minimum: 1, maximum: 25, description: 'SIASN jenis diklat code (DOMAIN.md §6)' })
  @IsInt({ message: 'jenisDiklatId harus bilangan bulat' })
  @Min(1, { message: 'jenisDiklatId antara 1 dan 25' })
  @Max(25, { message: 'jenisDiklatId antara 1 dan 25' })
  jenisDiklatId: number;

  @ApiProperty({ enum: JP_CHANNELS, example: 'social' })
  @IsIn(JP_CHANNELS, oneOf('channel', JP_CHANNELS))
  channel: JpChannel;

  @ApiProperty({ enum: JP_UNITS, example: 'session' })
  @IsIn(JP_UNITS, oneOf('unit', JP_UNITS))
  unit: JpUnit;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'JP per unit; null (hours only): by minutes, hours × 60 ÷ minutes per JP of the delivery mode',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'jpPerUnit harus angka dengan paling banyak 2 desimal' })
  @Min(0.01, { message: 'jpPerUnit harus lebih dari 0' })
  @Max(999, { message: 'jpPerUnit maksimal 999' })
  jpPerUnit: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null, description: 'At most this many JP per activity' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'capPerActivity harus angka dengan paling banyak 2 desimal' })
  @Min(0.01, { message: 'capPerActivity harus lebih dari 0' })
  @Max(9999, { message: 'capPerActivity maksimal 9999' })
  capPerActivity: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 10, description: 'At most this many JP of this form a year' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'capPerYear harus angka dengan paling banyak 2 desimal' })
  @Min(0.01, { message: 'capPerYear harus lebih dari 0' })
  @Max(9999, { message: 'capPerYear maksimal 9999' })
  capPerYear: number | null;

  @ApiProperty({ enum: JP_EVIDENCE_KINDS, example: 'document' })
  @IsIn(JP_EVIDENCE_KINDS, oneOf('evidence', JP_EVIDENCE_KINDS))
  evidence: JpEvidenceKind;

  @ApiProperty({ example: true })
  @IsBoolean({ message: 'enabled harus true atau false' })
  enabled: boolean;
}

export class JpRuleSetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the national defaults' })
  agencyId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Pemerintah Kota Mataram' }) agencyName: string | null;
  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'Local date from which the version is in force' })
  effectiveFrom: string;
  @ApiProperty({ type: MinutesPerJpDto }) minutesPerJp: Record<DeliveryMode, number>;
  @ApiProperty({ enum: JP_CLAIM_VERIFIERS, example: 'hr_officer' }) claimVerifier: JpClaimVerifier;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: 0, description: 'Ledger lines credited under this version' }) lineCount: number;
  @ApiProperty({ type: [JpRuleDto] }) rules: JpRuleDto[];
}

export class JpRulesInForceDto {
  @ApiProperty({ format: 'date', example: '2026-11-30' }) on: string;
  @ApiProperty({ type: JpRuleSetDto }) ruleSet: JpRuleSetDto;
}

export class RuleSetQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The agency whose versions to list beside the national ones (and its province’s); default: the caller’s own agency',
  })
  @IsOptional()
  @IsUUID('4', { message: 'agencyId harus UUID' })
  agencyId?: string;
}

export class RulesInForceQueryDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-30', description: 'Local date; default today' })
  @IsOptional()
  @IsCalendarDate('on')
  on?: string;
}

export class CreateRuleSetDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The agency whose version this is (its admin); null: the national defaults (platform admin)',
  })
  @IsOptional()
  @IsUUID('4', { message: 'agencyId harus UUID' })
  agencyId: string | null;

  @ApiProperty({
    format: 'date',
    example: '2027-01-01',
    description:
      'Local date from which the version is in force. It must come after the last day already credited under the rules it replaces (409 otherwise).',
  })
  @IsCalendarDate('effectiveFrom')
  effectiveFrom: string;

  @ApiProperty({ type: MinutesPerJpDto })
  @ValidateNested()
  @Type(() => MinutesPerJpDto)
  minutesPerJp: MinutesPerJpDto;

  @ApiProperty({ enum: JP_CLAIM_VERIFIERS, example: 'hr_officer' })
  @IsIn(JP_CLAIM_VERIFIERS, oneOf('claimVerifier', JP_CLAIM_VERIFIERS))
  claimVerifier: JpClaimVerifier;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, example: 'Ketentuan BKPSDM 2027' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500, { message: 'note maksimal 500 karakter' })
  note?: string | null;

  @ApiProperty({ type: [JpRuleDto], description: 'One rule for each of the 25 SIASN jenis diklat codes' })
  @IsArray()
  @ArrayMinSize(25, { message: 'rules harus memuat 25 bentuk pengembangan (kode 1–25)' })
  @ArrayMaxSize(25, { message: 'rules harus memuat 25 bentuk pengembangan (kode 1–25)' })
  @ValidateNested({ each: true })
  @Type(() => JpRuleDto)
  rules: JpRuleDto[];
}

// ---- ledger --------------------------------------------------------------------------------------

export class JpCalculationDto {
  @ApiProperty({
    enum: ['declared_jp', 'quantity', 'attended_minutes'],
    description: 'attended_minutes: a class completion by minutes attended; quantity then holds the minutes',
  })
  basis: 'declared_jp' | 'quantity' | 'attended_minutes';
  @ApiProperty({ enum: JP_UNITS, nullable: true, type: String }) unit: JpUnit | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) quantity: number | null;
  @ApiProperty({ nullable: true, type: Number }) jpPerUnit: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 45 }) minutesPerJp: number | null;
  @ApiProperty({ enum: DELIVERY_MODES, nullable: true, type: String }) deliveryMode: DeliveryMode | null;
  @ApiProperty({ example: 4 }) rawJp: number;
  @ApiProperty({ example: 0 }) earnedBefore: number;
  @ApiProperty({ enum: ['activity', 'year', 'disabled'], nullable: true, type: String })
  cappedBy: 'activity' | 'year' | 'disabled' | null;
}

export class JpLedgerLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) occurredOn: string;
  @ApiProperty({ example: JP_EXAMPLE, description: 'Signed: a reversal is negative' }) jp: number;
  @ApiProperty({ example: 16 }) jenisDiklatId: number;
  @ApiProperty({ example: 'E-Learning' }) jenisDiklatName: string;
  @ApiProperty({ enum: JP_CHANNELS }) channel: JpChannel;
  @ApiProperty({ enum: COMPETENCY_KINDS, nullable: true, type: String }) competencyKind: CompetencyKind | null;
  @ApiProperty({ enum: JP_SOURCE_TYPES }) sourceType: string;
  @ApiProperty({ format: 'uuid', description: 'The completion, claim … that produced the line' }) sourceId: string;
  @ApiProperty({ example: 'Nilai Dasar ASN BerAKHLAK' }) title: string;
  @ApiProperty({ nullable: true, type: String }) organiser: string | null;
  @ApiProperty({ format: 'uuid' }) ruleSetId: string;
  @ApiProperty({ format: 'date', example: '2000-01-01' }) ruleSetEffectiveFrom: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: national defaults' })
  ruleSetAgencyName: string | null;
  @ApiProperty({ type: JpCalculationDto, nullable: true }) calculation: JpCalculationDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reversesId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reversedById: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LinesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'One year; default every year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year harus bilangan bulat' })
  @Min(2000, { message: 'year minimal 2000' })
  @Max(2100, { message: 'year maksimal 2100' })
  year?: number;
}

export class EmployeeLinesQueryDto extends LinesQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The ASN whose lines to list (within the caller’s scope)' })
  @IsUUID('4', { message: 'employeeId harus UUID' })
  employeeId: string;
}

export class ReverseLineDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Sertifikat ternyata milik pegawai lain' })
  @Transform(trim)
  @IsString({ message: 'reason wajib diisi' })
  @MinLength(3, { message: 'reason minimal 3 karakter' })
  @MaxLength(500, { message: 'reason maksimal 500 karakter' })
  reason: string;
}

// ---- learner -------------------------------------------------------------------------------------

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year in the agency’s zone' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year harus bilangan bulat' })
  @Min(2000, { message: 'year minimal 2000' })
  @Max(2100, { message: 'year maksimal 2100' })
  year?: number;
}

export class JpChannelsDto {
  @ApiProperty({ example: 12 }) formal: number;
  @ApiProperty({ example: 4 }) social: number;
  @ApiProperty({ example: 0 }) experiential: number;
}

export class JpFormTotalDto {
  @ApiProperty({ example: 16 }) jenisDiklatId: number;
  @ApiProperty({ example: 'E-Learning' }) name: string;
  @ApiProperty({ example: 12 }) jp: number;
}

export class JpKindTotalDto {
  @ApiProperty({ example: 'teknis' }) kind: string;
  @ApiProperty({ example: 12 }) jp: number;
}

export class JpYearSummaryDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: EMPLOYEE_TYPES }) employeeType: string;
  @ApiProperty({ example: 16 }) totalJp: number;
  @ApiProperty({ example: 20 }) targetJp: number;
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'PPPK: 24 JP a year at most' })
  ceilingJp: number | null;
  @ApiProperty({ example: 4 }) remainingJp: number;
  @ApiProperty({
    enum: JP_STANDINGS,
    description:
      'met (≥ 20 JP); in_progress while the year runs; after it below_target for PNS, below_reference for PPPK (never below_target)',
  })
  standing: string;
  @ApiProperty({ example: true }) currentYear: boolean;
  @ApiProperty({ type: JpChannelsDto }) channels: JpChannelsDto;
  @ApiProperty({ type: [JpFormTotalDto] }) byForm: JpFormTotalDto[];
  @ApiProperty({ type: [JpKindTotalDto] }) byCompetencyKind: JpKindTotalDto[];
  @ApiProperty({ type: [Number], example: [0, 0, 4, 0, 0, 0, 0, 0, 8, 0, 4, 0] }) monthlyJp: number[];
}

export class JpYearTotalDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: 22 }) totalJp: number;
  @ApiProperty({ enum: JP_STANDINGS }) standing: string;
}

export class JpNextCourseDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ example: 'Literasi Digital ASN' }) title: string;
  @ApiProperty({ example: 4 }) jp: number;
  @ApiProperty({ enum: ['open', 'approval', 'assigned_only'] }) enrolmentMode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) enrolmentId: string | null;
  @ApiProperty({ enum: ['active', 'pending_approval'], nullable: true, type: String })
  enrolmentStatus: string | null;
}

// ---- claims --------------------------------------------------------------------------------------

export class CreateClaimDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'Evidence: PDF, JPEG or PNG ≤ 10 MB, checked by content',
  })
  @IsOptional()
  file?: unknown;

  @ApiProperty({ example: 9, minimum: 1, maximum: 25, description: 'Form of development (SIASN jenis diklat code)' })
  @Type(() => Number)
  @IsInt({ message: 'jenisDiklatId harus bilangan bulat' })
  @Min(1, { message: 'jenisDiklatId antara 1 dan 25' })
  @Max(25, { message: 'jenisDiklatId antara 1 dan 25' })
  jenisDiklatId: number;

  @ApiProperty({ example: 'Seminar Nasional Transformasi Digital Pelayanan Publik', maxLength: 300 })
  @Transform(trim)
  @IsString({ message: 'title wajib diisi' })
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(300, { message: 'title maksimal 300 karakter' })
  title: string;

  @ApiProperty({ example: 'Lembaga Administrasi Negara', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'organiser wajib diisi' })
  @MinLength(2, { message: 'organiser minimal 2 karakter' })
  @MaxLength(200, { message: 'organiser maksimal 200 karakter' })
  organiser: string;

  @ApiProperty({ format: 'date', example: '2026-09-14' })
  @IsCalendarDate('startDate')
  startDate: string;

  @ApiProperty({ format: 'date', example: '2026-09-15', description: 'Local date the learning ended' })
  @IsCalendarDate('endDate')
  endDate: string;

  @ApiProperty({
    example: 6,
    description: 'How much, in the unit of the rule in force on the end date (hours, sessions, days or activities)',
  })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'quantity harus angka dengan paling banyak 2 desimal' })
  @Min(0.25, { message: 'quantity minimal 0,25' })
  @Max(9999, { message: 'quantity maksimal 9999' })
  quantity: number;

  @ApiPropertyOptional({ enum: DELIVERY_MODES, default: 'classroom', description: 'For hours counted by minutes' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(DELIVERY_MODES, oneOf('deliveryMode', DELIVERY_MODES))
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({ enum: COMPETENCY_KINDS })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(COMPETENCY_KINDS, oneOf('competencyKind', COMPETENCY_KINDS))
  competencyKind?: CompetencyKind;

  @ApiPropertyOptional({ example: '800/123/LAN/2026', maxLength: 100 })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MaxLength(100, { message: 'certificateNumber maksimal 100 karakter' })
  certificateNumber?: string;
}

export class ClaimDecisionDto {
  @ApiProperty({ enum: ['verify', 'reject'] })
  @IsIn(['verify', 'reject'], oneOf('decision', ['verify', 'reject']))
  decision: 'verify' | 'reject';

  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 500,
    description: 'Required to reject: what the ASN should know',
    example: 'Sertifikat tidak terbaca; unggah ulang dengan pindaian yang jelas',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500, { message: 'reason maksimal 500 karakter' })
  reason?: string;
}

export class ClaimQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JP_CLAIM_STATUSES, description: 'Default: every status' })
  @IsOptional()
  @IsIn(JP_CLAIM_STATUSES, oneOf('status', JP_CLAIM_STATUSES))
  status?: JpClaimStatus;
}

export class JpClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Lalu Muhammad Hasan, S.Kom.' }) employeeName: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty({ example: 9 }) jenisDiklatId: number;
  @ApiProperty({ example: 'Seminar' }) jenisDiklatName: string;
  @ApiProperty() title: string;
  @ApiProperty() organiser: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ enum: JP_UNITS }) unit: JpUnit;
  @ApiProperty({ example: 6 }) quantity: number;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: DeliveryMode;
  @ApiProperty({ enum: COMPETENCY_KINDS, nullable: true, type: String }) competencyKind: CompetencyKind | null;
  @ApiProperty({ nullable: true, type: String }) certificateNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceName: string | null;
  @ApiProperty({ enum: JP_CLAIM_STATUSES }) status: JpClaimStatus;
  @ApiProperty({ enum: JP_CLAIM_VERIFIERS }) verifier: JpClaimVerifier;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 8 }) creditedJp: number | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ledgerLineId: string | null;
  @ApiProperty({ example: false }) reversed: boolean;
  @ApiProperty({ example: false }) canDecide: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
