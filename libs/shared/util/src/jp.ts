import type { DeliveryMode, JpCapReason, JpRule, JpUnit } from '@kompeten/shared-contracts';

/**
 * The arithmetic of JP recognition (DOMAIN.md §3, docs/jp.md "Rules"), pure: what one activity earns under one rule,
 * before and after the caps. Amounts are JP with two decimals (the ledger's numeric(6,2)). Shared by the server, which
 * credits by it, and the web, which shows the claimant an estimate.
 */

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/**
 * What is being credited: a course's declared JP, a claimed quantity in the rule's unit, or a class's minutes attended
 * at its completion rule's minutes per JP, at most the offering's JP (decision 0037).
 */
export type CreditBasis =
  | { basis: 'declared_jp'; jp: number }
  | { basis: 'quantity'; unit: JpUnit; quantity: number; deliveryMode: DeliveryMode }
  | { basis: 'attended_minutes'; minutes: number; minutesPerJp: number; maxJp: number };

/**
 * JP of minutes attended (decision 0037): minutes ÷ minutes per JP, two decimals, never more than the training's
 * declared JP. The calendar's completion rule and the ledger compute a class's JP with this one function.
 */
export function attendedMinutesJp(minutes: number, minutesPerJp: number, maxJp: number): number {
  if (minutes <= 0 || minutesPerJp <= 0) return 0;
  return Math.min(round2(maxJp), Math.floor((minutes / minutesPerJp) * 100 + 1e-9) / 100);
}

/**
 * JP before caps. A course counts the JP its version declares (an e-learning course counts its declared JP too). A
 * claim counts its quantity: units × JP per unit, or — for hours with no JP per unit — hours × 60 ÷ the minutes per JP
 * of the delivery mode (45 by default: 3 hours of classroom learning are 4 JP).
 */
export function rawJp(
  rule: Pick<JpRule, 'unit' | 'jpPerUnit'>,
  basis: CreditBasis,
  minutesPerJp: Record<DeliveryMode, number>,
): { rawJp: number; minutes: number | null } {
  if (basis.basis === 'declared_jp') return { rawJp: round2(basis.jp), minutes: null };
  if (basis.basis === 'attended_minutes')
    return { rawJp: attendedMinutesJp(basis.minutes, basis.minutesPerJp, basis.maxJp), minutes: basis.minutesPerJp };
  if (rule.jpPerUnit !== null) return { rawJp: round2(basis.quantity * rule.jpPerUnit), minutes: null };
  if (rule.unit !== 'hour') return { rawJp: 0, minutes: null };
  const minutes = minutesPerJp[basis.deliveryMode];
  return { rawJp: round2((basis.quantity * 60) / minutes), minutes };
}

/**
 * The caps, in order: a form the rules do not recognise earns nothing; then at most `capPerActivity` for this activity;
 * then at most what is left of `capPerYear` after what this form already earned in the year (net of reversals).
 */
export function applyCaps(
  rule: Pick<JpRule, 'enabled' | 'capPerActivity' | 'capPerYear'>,
  raw: number,
  earnedBefore: number,
): { jp: number; cappedBy: JpCapReason | null } {
  if (!rule.enabled) return { jp: 0, cappedBy: 'disabled' };
  let jp = raw;
  let cappedBy: JpCapReason | null = null;
  if (rule.capPerActivity !== null && jp > rule.capPerActivity) {
    jp = rule.capPerActivity;
    cappedBy = 'activity';
  }
  if (rule.capPerYear !== null) {
    const room = Math.max(0, round2(rule.capPerYear - earnedBefore));
    if (jp > room) {
      jp = room;
      cappedBy = 'year';
    }
  }
  return { jp: round2(jp), cappedBy };
}

/** Days from start to end, both included (`YYYY-MM-DD`, already local dates). */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Whether a claimed quantity is believable for its dates: at most one day per calendar day, at most 24 hours per day.
 * Sessions and activities are not bounded by the dates (several coaching sessions may fall on one day). Null: fine;
 * otherwise the largest quantity the dates allow.
 */
export function quantityLimit(unit: JpUnit, start: string, end: string): number | null {
  const days = daysInclusive(start, end);
  if (unit === 'day') return days;
  if (unit === 'hour') return days * 24;
  return null;
}
