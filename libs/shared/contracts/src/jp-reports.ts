/**
 * JP compliance reports and the IP ASN competency estimate (issue 16, decision 0023, docs/jp-reports.md): what the API
 * answers under /api/jp/compliance and /api/jp/ip-asn, and the columns the screens and the exports share.
 */
import type { EmployeeType, PositionKind } from './enums';
import type { CompetencyKind } from './learning';

/** `employeeType` filter of every report: PNS, PPPK or both. */
export const JP_EMPLOYEE_FILTERS = ['all', 'PNS', 'PPPK'] as const;
export type JpEmployeeFilter = (typeof JP_EMPLOYEE_FILTERS)[number];

/**
 * Distribution buckets of a person's JP in a year: exactly 0, then (0, 5), [5, 10), [10, 15), [15, 20), [20, 30),
 * [30, ∞). `min` is inclusive except for "0–5", whose lower bound 0 is exclusive (0 has its own bucket).
 */
export const JP_BUCKETS = [
  { key: '0', min: null, max: 0 },
  { key: '0-5', min: 0, max: 5 },
  { key: '5-10', min: 5, max: 10 },
  { key: '10-15', min: 10, max: 15 },
  { key: '15-20', min: 15, max: 20 },
  { key: '20-30', min: 20, max: 30 },
  { key: '30+', min: 30, max: null },
] as const;
export type JpBucketKey = (typeof JP_BUCKETS)[number]['key'];

/** Where a compliance report stands: all agencies, a province, an agency, a work unit, or a supervisor's team. */
export const COMPLIANCE_LEVELS = ['all', 'province', 'agency', 'unit', 'team'] as const;
export type ComplianceLevel = (typeof COMPLIANCE_LEVELS)[number];

export interface ComplianceNode {
  level: ComplianceLevel;
  /** The agency (province, agency) or unit id; null for `all` and `team`. */
  id: string | null;
  /** The agency the node belongs to (null for `all`, `team`). */
  agencyId: string | null;
  name: string;
}

/** The 10:20:70 mix in JP, with each channel's share of their sum (null when the sum is 0). */
export interface JpMix {
  formalJp: number;
  socialJp: number;
  experientialJp: number;
  formalPercent: number | null;
  socialPercent: number | null;
  experientialPercent: number | null;
}

export interface ComplianceMetrics {
  /** Active ASN in the node (after the employee type filter). */
  asnCount: number;
  pnsCount: number;
  pppkCount: number;
  /** ASN with at least 20 JP in the year (PNS and PPPK). */
  reachedCount: number;
  pnsReachedCount: number;
  pppkReachedCount: number;
  /** PNS below 20 JP: the only ones counted as non-compliant (DOMAIN.md §3). */
  nonCompliantCount: number;
  /** PPPK below 20 JP: shown toward 20, never counted as non-compliant. */
  pppkBelowTargetCount: number;
  /** PPPK above their ceiling of 24 JP a contract year. */
  pppkAboveCeilingCount: number;
  /** PNS that reached 20 JP, in percent of PNS (null without PNS). */
  pnsCompliancePercent: number | null;
  /** Everyone who reached 20 JP, in percent of ASN (null without ASN). */
  reachedPercent: number | null;
  totalJp: number;
  /** totalJp / asnCount, 2 decimals (0 without ASN). */
  averageJp: number;
  mix: JpMix;
}

/** Where a child row drills down to: the same report with these query parameters. */
export interface ComplianceDrill {
  agencyId?: string;
  unitId?: string;
  /** An agency with agencies under it (a province): only its own ASN, by work unit. */
  ownOnly?: boolean;
  /** The caller's direct reports. */
  team?: boolean;
}

export const COMPLIANCE_CHILD_KINDS = ['agency', 'unit', 'direct', 'unassigned'] as const;
/** agency / unit: a child node; direct: ASN placed in the node's own unit (or the province's own agency, for a
 * province); unassigned: ASN of the agency without a unit. */
export type ComplianceChildKind = (typeof COMPLIANCE_CHILD_KINDS)[number];

export interface ComplianceChild extends ComplianceMetrics {
  /** Agency or unit id; null for `unassigned`. For `direct`, the node's own id. */
  id: string | null;
  kind: ComplianceChildKind;
  name: string;
  /** null: nothing further down but people. */
  drill: ComplianceDrill | null;
}

export interface ComplianceGroup {
  /** Position kind or rank; null: not recorded. */
  key: string | null;
  asnCount: number;
  reachedCount: number;
  nonCompliantCount: number;
  averageJp: number;
}

export interface ComplianceSummary {
  year: number;
  employeeType: JpEmployeeFilter;
  /**
   * When the numbers were taken: null for a live answer (agency, unit and team levels), else the time the province
   * aggregate was last built (province and all-agencies levels; rebuilt every minute).
   */
  asOf: string | null;
  node: ComplianceNode;
  /** From the caller's top node down to this one; each entry opens with its own query (agencyId / unitId). */
  breadcrumb: Array<ComplianceNode & { drill: ComplianceDrill | null }>;
  /** 20 (every PNS owes at least 20 JP a year). */
  targetJp: number;
  /** 24 (PPPK: at most 24 JP a contract year). */
  pppkCeilingJp: number;
  totals: ComplianceMetrics;
  distribution: Array<{ bucket: JpBucketKey; count: number }>;
  byPositionKind: ComplianceGroup[];
  byRank: ComplianceGroup[];
  children: ComplianceChild[];
}

/** The month-by-month trend of a node (from the per-person-year aggregate's `monthly_jp`). */
export interface ComplianceTrend {
  year: number;
  employeeType: JpEmployeeFilter;
  /**
   * When the numbers were taken: null for a live answer (agency, unit and team levels), else the time the province
   * aggregate was last built (province and all-agencies levels; rebuilt every minute).
   */
  asOf: string | null;
  asnCount: number;
  targetJp: number;
  /** January first: JP credited in the month, the running total, and the running average per ASN. */
  months: Array<{ month: number; jp: number; cumulativeJp: number; averageCumulativeJp: number }>;
}

/** One ASN in the people list: their year's JP and what is still owed. */
export interface CompliancePerson {
  employeeId: string;
  nip: string;
  name: string;
  agencyName: string;
  unitName: string | null;
  employeeType: EmployeeType;
  positionName: string | null;
  positionKind: PositionKind | null;
  rank: string | null;
  totalJp: number;
  formalJp: number;
  socialJp: number;
  experientialJp: number;
  /** max(0, 20 − totalJp). */
  owedJp: number;
  /** PNS below 20 JP. PPPK are never non-compliant. */
  nonCompliant: boolean;
  /** 24 for PPPK (their ceiling), null for PNS. */
  ceilingJp: number | null;
}

export const COMPLIANCE_PEOPLE_STATUSES = ['notReached', 'reached', 'all'] as const;
export type CompliancePeopleStatus = (typeof COMPLIANCE_PEOPLE_STATUSES)[number];

/**
 * The columns of the people table, in order: the web shows these and the CSV/XLSX export writes these (headers in
 * Bahasa Indonesia from COMPLIANCE_PEOPLE_HEADERS), so the screen and the file never differ.
 */
export const COMPLIANCE_PEOPLE_COLUMNS = [
  'nip',
  'name',
  'employeeType',
  'agencyName',
  'unitName',
  'positionName',
  'positionKind',
  'rank',
  'totalJp',
  'owedJp',
  'formalJp',
  'socialJp',
  'experientialJp',
] as const satisfies ReadonlyArray<keyof CompliancePerson>;
export type CompliancePeopleColumn = (typeof COMPLIANCE_PEOPLE_COLUMNS)[number];

export const COMPLIANCE_PEOPLE_HEADERS: Record<CompliancePeopleColumn, string> = {
  nip: 'NIP',
  name: 'Nama',
  employeeType: 'Jenis ASN',
  agencyName: 'Instansi',
  unitName: 'Unit Kerja',
  positionName: 'Jabatan',
  positionKind: 'Jenis Jabatan',
  rank: 'Golongan',
  totalJp: 'JP Tahun Ini',
  owedJp: 'Kekurangan JP',
  formalJp: 'JP Formal',
  socialJp: 'JP Sosial',
  experientialJp: 'JP Pengalaman',
};

/** The columns of the breakdown table (one row per child of the node), on screen and in the export. */
export const COMPLIANCE_CHILD_COLUMNS = [
  'name',
  'asnCount',
  'pnsCount',
  'pppkCount',
  'reachedCount',
  'nonCompliantCount',
  'pnsCompliancePercent',
  'averageJp',
  'totalJp',
  'formalJp',
  'socialJp',
  'experientialJp',
] as const;
export type ComplianceChildColumn = (typeof COMPLIANCE_CHILD_COLUMNS)[number];

export const COMPLIANCE_CHILD_HEADERS: Record<ComplianceChildColumn, string> = {
  name: 'Nama',
  asnCount: 'Jumlah ASN',
  pnsCount: 'PNS',
  pppkCount: 'PPPK',
  reachedCount: 'Mencapai 20 JP',
  nonCompliantCount: 'PNS Belum 20 JP',
  pnsCompliancePercent: 'Kepatuhan PNS (%)',
  averageJp: 'Rata-rata JP',
  totalJp: 'Total JP',
  formalJp: 'JP Formal',
  socialJp: 'JP Sosial',
  experientialJp: 'JP Pengalaman',
};

export const COMPLIANCE_EXPORT_TABLES = ['people', 'children'] as const;
export type ComplianceExportTable = (typeof COMPLIANCE_EXPORT_TABLES)[number];

/** One person-year whose aggregate differs from the sum of its ledger lines. */
export interface JpConsistencyMismatch {
  employeeId: string;
  year: number;
  /** missing: lines but no aggregate; orphan: an aggregate without lines; differs: both, with different numbers. */
  kind: 'missing' | 'orphan' | 'differs';
  /** Fields that differ (total_jp, formal_jp, social_jp, experiential_jp, monthly_jp, by_form, by_competency_kind). */
  fields: string[];
  aggregateTotalJp: number | null;
  ledgerTotalJp: number | null;
}

export interface JpConsistencyReport {
  /** True when every person-year aggregate equals its ledger lines. */
  consistent: boolean;
  personYearsChecked: number;
  ledgerLines: number;
  mismatchCount: number;
  /** The first mismatches (at most 100). */
  mismatches: JpConsistencyMismatch[];
  checkedAt: string;
  durationMs: number;
}

// ---- IP ASN (DOMAIN.md §4) -----------------------------------------------------------------------------------------

/** Which ledger lines an input counts: a form (SIASN jenis diklat) in `forms`, and when given, a competency kind in `competencyKinds`. */
export interface IpAsnMatch {
  forms: number[];
  competencyKinds?: CompetencyKind[];
}

/** One input of the competency dimension for a job kind, and the points it earns. */
export interface IpAsnRule {
  key: string;
  label: string;
  points: number;
  /** A line counts when it matches any of these (a form appears in at most one of them). */
  match: IpAsnMatch[];
  /** JP the matching lines must add up to (null: any matching line with JP above 0). */
  minJp: number | null;
  /** Years counted back from the report year, that year included (1: that year only); null: every year up to it. */
  lookbackYears: number | null;
}

export interface IpAsnSchemeRules {
  /** The dimension's maximum (40 in the 2019 scheme). */
  maxPoints: number;
  jobKinds: Record<PositionKind, IpAsnRule[]>;
}

/** A category band of the whole IP ASN (0–100): a score at or above `min` and below the next band's min. */
export interface IpAsnBand {
  min: number;
  label: string;
}

export interface IpAsnScheme {
  id: string;
  version: string;
  effectiveFrom: string;
  legalBasis: string;
  rules: IpAsnSchemeRules;
  bands: IpAsnBand[];
  note: string | null;
  createdAt: string;
}

export interface IpAsnEvidenceLine {
  title: string;
  occurredOn: string;
  year: number;
  jp: number;
  jenisDiklatId: number;
}

/** What one input earned for one ASN, with the lines behind it. */
export interface IpAsnInputResult {
  key: string;
  label: string;
  pointsPossible: number;
  pointsEarned: number;
  met: boolean;
  /** JP of the matching lines in the window, and how many lines. */
  jp: number;
  lines: number;
  minJp: number | null;
  /** The years counted: [from, to]; from null = every year up to `to`. */
  years: [number | null, number];
  evidence: IpAsnEvidenceLine[];
}

export interface IpAsnOfficialScore {
  year: number;
  /** The whole IP ASN (0–100) as published. */
  totalScore: number;
  /** The competency dimension (0–40), when published. */
  competencyScore: number | null;
  /** Where it came from, e.g. "siasn". */
  source: string;
  retrievedAt: string;
  /** The band of totalScore. */
  category: string;
}

export interface IpAsnEstimate {
  employeeId: string;
  nip: string;
  name: string;
  employeeType: EmployeeType;
  jobKind: PositionKind | null;
  year: number;
  scheme: { id: string; version: string };
  /** Null when the job kind is not recorded (nothing can be estimated). */
  points: number | null;
  maxPoints: number;
  /** points / maxPoints × 100, 1 decimal. */
  percent: number | null;
  inputs: IpAsnInputResult[];
  official: IpAsnOfficialScore | null;
}

export interface IpAsnPerson {
  employeeId: string;
  nip: string;
  name: string;
  unitName: string | null;
  employeeType: EmployeeType;
  jobKind: PositionKind | null;
  points: number | null;
  percent: number | null;
  /** Points earned per input key of the job kind. */
  inputs: Record<string, number>;
  officialTotal: number | null;
  officialCompetency: number | null;
  officialCategory: string | null;
}

export interface IpAsnAggregate {
  asnCount: number;
  /** ASN with a job kind (the others cannot be estimated). */
  estimatedCount: number;
  averagePoints: number | null;
  averagePercent: number | null;
  /** How many of the ASN of each job kind met each input. */
  inputs: Array<{ jobKind: PositionKind; key: string; label: string; points: number; eligible: number; met: number }>;
  /** Official whole-IP-ASN scores where present (SIASN), and their bands. */
  officialCount: number;
  officialAverage: number | null;
  officialBands: Array<{ label: string; count: number }>;
}

export interface IpAsnSummary {
  year: number;
  employeeType: JpEmployeeFilter;
  node: ComplianceNode;
  breadcrumb: Array<ComplianceNode & { drill: ComplianceDrill | null }>;
  scheme: IpAsnScheme;
  totals: IpAsnAggregate;
  children: Array<
    IpAsnAggregate & { id: string | null; kind: ComplianceChildKind; name: string; drill: ComplianceDrill | null }
  >;
}
