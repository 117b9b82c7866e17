import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyTimeZone } from '@kompeten/shared-contracts';
import { selectUserTimeZone } from './auth-store';

/** Where an account has no agency at all (never in practice: every role names one). */
export const FALLBACK_TIME_ZONE: AgencyTimeZone = 'Asia/Jakarta';

/**
 * The zone a user reads and writes times in (`Me.timeZone`): their own agency's as an ASN, else that of the agency of
 * their first role. One rule for what the web shows and what the API writes in the user's name: a due date set by
 * this user is a local day of this zone, and messages and reports shown to them name it (decision 0015).
 */
export async function userTimeZone(m: EntityManager | DataSource, userId: string): Promise<AgencyTimeZone> {
  return (await selectUserTimeZone(m, userId)) ?? FALLBACK_TIME_ZONE;
}
