import type { EmployeeType } from './enums';
import type { CompetencyKind } from './learning';
import type { DeliveryMode, JpChannel, JpSourceType, JpUnit } from './jp';

/**
 * The JP ledger's API types (issue 16, docs/jp.md): recognition rule versions, ledger lines and corrections, the
 * learner's year summary, and external-learning claims with their verification.
 */

/** Who verifies an agency's external-learning claims (a setting of its rule version). */
export const JP_CLAIM_VERIFIERS = ['hr_officer', 'supervisor'] as const;
export type JpClaimVerifier = (typeof JP_CLAIM_VERIFIERS)[number];

export const JP_EVIDENCE_KINDS = ['none', 'certificate', 'document'] as const;
export type JpEvidenceKind = (typeof JP_EVIDENCE_KINDS)[number];

export const JP_CLAIM_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type JpClaimStatus = (typeof JP_CLAIM_STATUSES)[number];

/** Why a credit is lower than the learning itself would earn. */
export type JpCapReason = 'activity' | 'year' | 'disabled';

/** How one form of development earns JP under one rule version. */
export interface JpRule {
  jenisDiklatId: number;
  channel: JpChannel;
  unit: JpUnit;
  /** null: by minutes (hours × 60 ÷ the rule set's minutes per JP of the delivery mode); only for `hour`. */
  jpPerUnit: number | null;
  capPerActivity: number | null;
  capPerYear: number | null;
  evidence: JpEvidenceKind;
  enabled: boolean;
}

/** One version of the recognition rules: the national defaults (`agencyId` null) or an agency's own. */
export interface JpRuleSet {
  id: string;
  agencyId: string | null;
  /** null for the national defaults. */
  agencyName: string | null;
  /** Local date (`YYYY-MM-DD`) from which the version is in force, until the owner's next version. */
  effectiveFrom: string;
  minutesPerJp: Record<DeliveryMode, number>;
  claimVerifier: JpClaimVerifier;
  note: string | null;
  createdAt: string;
  /** Ledger lines credited under this version (a version in use is never changed). */
  lineCount: number;
  rules: JpRule[];
}

/** The rules that apply to one ASN on one day (agency → its province → national), with the version they come from. */
export interface JpRulesInForce {
  on: string;
  ruleSet: JpRuleSet;
}

/** How a credit was computed (kept on the line, so it can be explained later). */
export interface JpCalculation {
  /**
   * What was counted: the course's declared JP, the claim's quantity in the rule's unit, or a class's minutes attended
   * (`quantity` the minutes, `minutesPerJp` the class's rule; decision 0037).
   */
  basis: 'declared_jp' | 'quantity' | 'attended_minutes';
  unit: JpUnit | null;
  quantity: number | null;
  jpPerUnit: number | null;
  minutesPerJp: number | null;
  deliveryMode: DeliveryMode | null;
  /** JP before caps. */
  rawJp: number;
  /** JP of this form already earned in the year before this credit (the per-year cap's base). */
  earnedBefore: number;
  cappedBy: JpCapReason | null;
}

export interface JpLedgerLine {
  id: string;
  employeeId: string;
  year: number;
  occurredOn: string;
  jp: number;
  jenisDiklatId: number;
  jenisDiklatName: string;
  channel: JpChannel;
  competencyKind: CompetencyKind | null;
  sourceType: JpSourceType;
  sourceId: string;
  title: string;
  organiser: string | null;
  ruleSetId: string;
  /** The version's effective date and owner, so a line names the rule that produced it. */
  ruleSetEffectiveFrom: string;
  ruleSetAgencyName: string | null;
  calculation: JpCalculation | null;
  /** Set on a reversal: the line it reverses. */
  reversesId: string | null;
  /** Set on a line that has been reversed: the reversing line. */
  reversedById: string | null;
  reason: string | null;
  createdAt: string;
}

/**
 * A learner's standing for a year (DOMAIN.md §3): `met` at 20 JP or more; `in_progress` below it while the year runs;
 * after it, `below_target` for a PNS (who owe at least 20 JP) and `below_reference` for a PPPK, for whom 20 is the
 * reference their progress is shown against — a PPPK is never labelled below target.
 */
export const JP_STANDINGS = ['met', 'in_progress', 'below_target', 'below_reference'] as const;
export type JpStanding = (typeof JP_STANDINGS)[number];

export interface JpYearSummary {
  year: number;
  employeeType: EmployeeType;
  totalJp: number;
  targetJp: number;
  /** PPPK only: at most 24 JP a year of the contract. */
  ceilingJp: number | null;
  remainingJp: number;
  standing: JpStanding;
  /** Whether the year is still running in the agency's zone. */
  currentYear: boolean;
  channels: Record<JpChannel, number>;
  byForm: Array<{ jenisDiklatId: number; name: string; jp: number }>;
  byCompetencyKind: Array<{ kind: string; jp: number }>;
  /** JP per month (index 0 = January). */
  monthlyJp: number[];
}

export interface JpYearTotal {
  year: number;
  totalJp: number;
  standing: JpStanding;
}

/** A course the learner may take next toward the target, shortest first. */
export interface JpNextCourse {
  courseId: string;
  title: string;
  jp: number;
  enrolmentMode: 'open' | 'approval' | 'assigned_only';
  /** The learner's enrolment in it, if any (active or waiting for approval). */
  enrolmentId: string | null;
  enrolmentStatus: 'active' | 'pending_approval' | null;
}

export interface JpClaim {
  id: string;
  employeeId: string;
  employeeName: string;
  nip: string;
  unitName: string | null;
  jenisDiklatId: number;
  jenisDiklatName: string;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  unit: JpUnit;
  quantity: number;
  deliveryMode: DeliveryMode;
  competencyKind: CompetencyKind | null;
  certificateNumber: string | null;
  evidenceName: string | null;
  status: JpClaimStatus;
  verifier: JpClaimVerifier;
  decidedAt: string | null;
  decisionReason: string | null;
  creditedJp: number | null;
  ledgerLineId: string | null;
  /** The credit was later reversed by a correction. */
  reversed: boolean;
  /** The caller may verify or reject it (pending, in scope, not their own). */
  canDecide: boolean;
  createdAt: string;
}

export interface JpClaimDecision {
  decision: 'verify' | 'reject';
  reason?: string;
}
