import type { CompetencyKind, DeliveryMode, JpRule, JpRuleSet } from '@kompeten/shared-contracts';
import { applyCaps, parseIndonesianNumber, quantityLimit, rawJp } from '@kompeten/shared-util';
import type { ClaimInput } from './api';

/**
 * The claim form's state and rules (issue 16): what the selected form of development counts (the unit and evidence of
 * the rule in force on the end date), what is missing, and the JP it would earn before the yearly cap. The server
 * decides; this tells the claimant early and in the same words.
 */
export interface ClaimFormValues {
  /** The Select's value: the SIASN jenis diklat code as text, '' before a choice. */
  jenisDiklatId: string;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  /** As typed: "4,5" and "4.5" are both four and a half. */
  quantity: string;
  deliveryMode: DeliveryMode;
  competencyKind: CompetencyKind | '';
  certificateNumber: string;
}

export const EMPTY_CLAIM: ClaimFormValues = {
  jenisDiklatId: '',
  title: '',
  organiser: '',
  startDate: '',
  endDate: '',
  quantity: '',
  deliveryMode: 'classroom',
  competencyKind: '',
  certificateNumber: '',
};

/** i18n keys under `jp:claimForm.problem`. */
export type ClaimProblem =
  | 'formRequired'
  | 'formNotRecognised'
  | 'titleRequired'
  | 'organiserRequired'
  | 'datesRequired'
  | 'endBeforeStart'
  | 'endInFuture'
  | 'quantityInvalid'
  | 'quantityTooMany'
  | 'certificateRequired'
  | 'evidenceRequired'
  | 'evidenceType'
  | 'evidenceTooLarge';

export type ClaimField = keyof ClaimFormValues | 'file';

const EVIDENCE = /\.(pdf|jpe?g|png)$/i;
/** The API's limit for an evidence file. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The rule of the chosen form in a rule version (null before a choice, or when the version does not list it). */
export function ruleOf(ruleSet: JpRuleSet | undefined, jenisDiklatId: string): JpRule | null {
  if (!ruleSet || !jenisDiklatId) return null;
  return ruleSet.rules.find((r) => r.jenisDiklatId === Number(jenisDiklatId)) ?? null;
}

export function quantityOf(v: ClaimFormValues): number | null {
  const n = parseIndonesianNumber(v.quantity);
  return n !== null && n > 0 ? Math.round(n * 100) / 100 : null;
}

/** Field → the first problem with it; empty when the claim may be sent. `today` is the claimant's local date. */
export function claimProblems(
  v: ClaimFormValues,
  rule: JpRule | null,
  file: { name: string; size: number } | null,
  today: string,
): Partial<Record<ClaimField, ClaimProblem>> {
  const out: Partial<Record<ClaimField, ClaimProblem>> = {};
  if (!v.jenisDiklatId) out.jenisDiklatId = 'formRequired';
  else if (rule && !rule.enabled) out.jenisDiklatId = 'formNotRecognised';
  if (v.title.trim().length < 3) out.title = 'titleRequired';
  if (v.organiser.trim().length < 2) out.organiser = 'organiserRequired';
  if (!v.startDate || !v.endDate) out.endDate = 'datesRequired';
  else if (v.endDate < v.startDate) out.endDate = 'endBeforeStart';
  else if (v.endDate > today) out.endDate = 'endInFuture';
  const quantity = quantityOf(v);
  if (quantity === null) out.quantity = 'quantityInvalid';
  else if (rule && v.startDate && v.endDate && v.endDate >= v.startDate) {
    const limit = quantityLimit(rule.unit, v.startDate, v.endDate);
    if (limit !== null && quantity > limit) out.quantity = 'quantityTooMany';
  }
  if (rule?.evidence === 'certificate' && !v.certificateNumber.trim()) out.certificateNumber = 'certificateRequired';
  if (file) {
    if (!EVIDENCE.test(file.name)) out.file = 'evidenceType';
    else if (file.size > MAX_EVIDENCE_BYTES) out.file = 'evidenceTooLarge';
  } else if (rule && rule.evidence !== 'none') out.file = 'evidenceRequired';
  return out;
}

/**
 * The JP the claim would earn under the rule, with the per-activity cap applied; the per-year cap depends on what the
 * form already earned this year, which the server counts when the claim is verified. Null until it can be computed.
 */
export function estimateJp(
  v: ClaimFormValues,
  rule: JpRule | null,
  minutesPerJp: Record<DeliveryMode, number> | undefined,
): number | null {
  const quantity = quantityOf(v);
  if (!rule || !minutesPerJp || quantity === null || !rule.enabled) return null;
  const raw = rawJp(rule, { basis: 'quantity', unit: rule.unit, quantity, deliveryMode: v.deliveryMode }, minutesPerJp);
  return applyCaps({ ...rule, capPerYear: null }, raw.rawJp, 0).jp;
}

/** What the API takes (call only when `claimProblems` is empty). */
export function claimInputOf(v: ClaimFormValues): ClaimInput {
  return {
    jenisDiklatId: Number(v.jenisDiklatId),
    title: v.title.trim(),
    organiser: v.organiser.trim(),
    startDate: v.startDate,
    endDate: v.endDate,
    quantity: quantityOf(v) ?? 0,
    deliveryMode: v.deliveryMode,
    competencyKind: v.competencyKind || null,
    certificateNumber: v.certificateNumber.trim() || null,
  };
}
