import { JP_ANNUAL_TARGET, PPPK_JP_CEILING, type EmployeeType, type JpStanding } from '@kompeten/shared-contracts';

/**
 * A learner's standing for a year (DOMAIN.md §3): PNS owe at least 20 JP a year; PPPK are shown their progress toward
 * 20 with their ceiling of 24, and are never labelled below target.
 */
export function standingOf(type: EmployeeType, totalJp: number, currentYear: boolean): JpStanding {
  if (totalJp >= JP_ANNUAL_TARGET) return 'met';
  if (currentYear) return 'in_progress';
  return type === 'PPPK' ? 'below_reference' : 'below_target';
}

export function ceilingOf(type: EmployeeType): number | null {
  return type === 'PPPK' ? PPPK_JP_CEILING : null;
}
