import {
  DELIVERY_MODES,
  type DeliveryMode,
  type JpChannel,
  type JpClaimVerifier,
  type JpEvidenceKind,
  type JpRule,
  type JpRuleSet,
  type JpUnit,
} from '@kompeten/shared-contracts';
import { parseCalendarDate, parseIndonesianNumber } from '@kompeten/shared-util';
import type { RuleSetInput } from './api';

/**
 * The rule editor's state (issue 16): a new version starts as a copy of the one in force, every number as typed
 * ('' = none), and becomes the API's body once it has no problems. The server checks the same and more (the effective
 * date against credits already written).
 */
export interface RuleRowValues {
  jenisDiklatId: number;
  channel: JpChannel;
  unit: JpUnit;
  jpPerUnit: string;
  capPerActivity: string;
  capPerYear: string;
  evidence: JpEvidenceKind;
  enabled: boolean;
}

export interface RuleSetFormValues {
  agencyId: string | null;
  effectiveFrom: string;
  minutesPerJp: Record<DeliveryMode, string>;
  claimVerifier: JpClaimVerifier;
  note: string;
  rules: RuleRowValues[];
}

/** i18n keys under `jp:rules.problem`. */
export type RuleProblem =
  'effectiveFromInvalid' | 'minutesInvalid' | 'numberInvalid' | 'jpPerUnitRequired' | 'capsOrder';

export interface RuleSetProblem {
  problem: RuleProblem;
  /** The form concerned (rules), or the delivery mode (minutes). */
  jenisDiklatId?: number;
  mode?: DeliveryMode;
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function ruleSetFormFrom(base: JpRuleSet, agencyId: string | null, effectiveFrom: string): RuleSetFormValues {
  return {
    agencyId,
    effectiveFrom,
    minutesPerJp: Object.fromEntries(DELIVERY_MODES.map((m) => [m, String(base.minutesPerJp[m])])) as Record<
      DeliveryMode,
      string
    >,
    claimVerifier: base.claimVerifier,
    note: '',
    rules: base.rules.map((r) => ({
      jenisDiklatId: r.jenisDiklatId,
      channel: r.channel,
      unit: r.unit,
      jpPerUnit: text(r.jpPerUnit),
      capPerActivity: text(r.capPerActivity),
      capPerYear: text(r.capPerYear),
      evidence: r.evidence,
      enabled: r.enabled,
    })),
  };
}

/** '' → null; a positive number with at most two decimals → the number; anything else → undefined (a problem). */
export function optionalAmount(value: string): number | null | undefined {
  if (value.trim() === '') return null;
  const n = parseIndonesianNumber(value);
  if (n === null || n <= 0 || Math.round(n * 100) !== n * 100) return undefined;
  return n;
}

export function ruleSetProblems(v: RuleSetFormValues): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  if (!parseCalendarDate(v.effectiveFrom) || v.effectiveFrom < '2000-01-02')
    out.push({ problem: 'effectiveFromInvalid' });
  for (const mode of DELIVERY_MODES) {
    const n = Number(v.minutesPerJp[mode]);
    if (!/^\d+$/.test(v.minutesPerJp[mode].trim()) || n < 1 || n > 600) out.push({ problem: 'minutesInvalid', mode });
  }
  for (const r of v.rules) {
    const perUnit = optionalAmount(r.jpPerUnit);
    const perActivity = optionalAmount(r.capPerActivity);
    const perYear = optionalAmount(r.capPerYear);
    if (perUnit === undefined || perActivity === undefined || perYear === undefined)
      out.push({ problem: 'numberInvalid', jenisDiklatId: r.jenisDiklatId });
    else if (perUnit === null && r.unit !== 'hour')
      out.push({ problem: 'jpPerUnitRequired', jenisDiklatId: r.jenisDiklatId });
    else if (perActivity !== null && perYear !== null && perActivity > perYear)
      out.push({ problem: 'capsOrder', jenisDiklatId: r.jenisDiklatId });
  }
  return out;
}

/** The API's body (call only when `ruleSetProblems` is empty). */
export function ruleSetInputOf(v: RuleSetFormValues): RuleSetInput {
  const rules: JpRule[] = v.rules.map((r) => ({
    jenisDiklatId: r.jenisDiklatId,
    channel: r.channel,
    unit: r.unit,
    jpPerUnit: optionalAmount(r.jpPerUnit) ?? null,
    capPerActivity: optionalAmount(r.capPerActivity) ?? null,
    capPerYear: optionalAmount(r.capPerYear) ?? null,
    evidence: r.evidence,
    enabled: r.enabled,
  }));
  return {
    agencyId: v.agencyId,
    effectiveFrom: v.effectiveFrom,
    minutesPerJp: Object.fromEntries(DELIVERY_MODES.map((m) => [m, Number(v.minutesPerJp[m])])) as Record<
      DeliveryMode,
      number
    >,
    claimVerifier: v.claimVerifier,
    note: v.note.trim() || null,
    rules,
  };
}

/** Forms whose rule differs from the base version (what the editor highlights and the summary counts). */
export function changedForms(v: RuleSetFormValues, base: JpRuleSet): number[] {
  const input = ruleSetInputOf(v);
  return input.rules
    .filter((r) => {
      const b = base.rules.find((x) => x.jenisDiklatId === r.jenisDiklatId);
      return !b || JSON.stringify({ ...b }) !== JSON.stringify({ ...r, jenisDiklatId: b.jenisDiklatId });
    })
    .map((r) => r.jenisDiklatId);
}
