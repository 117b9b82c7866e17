import type { DeliveryMode, JpCalculation, JpRule } from '@kompeten/shared-contracts';
import { applyCaps, rawJp, round2, type CreditBasis } from '@kompeten/shared-util';

/**
 * What one activity earns under one rule, with the calculation the ledger line keeps (docs/jp.md "Rules"). The
 * arithmetic itself (units, minutes, caps) is in @kompeten/shared-util, shared with the web's estimate.
 */
export { applyCaps, daysInclusive, quantityLimit, rawJp, round2, type CreditBasis } from '@kompeten/shared-util';

export interface CreditResult {
  jp: number;
  calculation: JpCalculation;
}

/** What one activity earns under a rule, with the calculation the ledger line keeps. */
export function creditFor(
  rule: JpRule,
  basis: CreditBasis,
  minutesPerJp: Record<DeliveryMode, number>,
  earnedBefore: number,
): CreditResult {
  const raw = rawJp(rule, basis, minutesPerJp);
  const capped = applyCaps(rule, raw.rawJp, earnedBefore);
  const quantity = basis.basis === 'quantity' ? basis : null;
  return {
    jp: capped.jp,
    calculation: {
      basis: basis.basis,
      unit: quantity ? rule.unit : null,
      // For attended minutes the quantity is the minutes (the unit is the minute, not one of the rule's units).
      quantity: quantity ? quantity.quantity : basis.basis === 'attended_minutes' ? basis.minutes : null,
      jpPerUnit: quantity ? rule.jpPerUnit : null,
      minutesPerJp: raw.minutes,
      deliveryMode: quantity ? quantity.deliveryMode : null,
      rawJp: raw.rawJp,
      earnedBefore: round2(earnedBefore),
      cappedBy: capped.cappedBy,
    },
  };
}
