import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyTimeZone } from '@kompeten/shared-contracts';

/** Where an account has no agency at all (never in practice: every role names one). */
export const FALLBACK_TIME_ZONE: AgencyTimeZone = 'Asia/Jakarta';

/**
 * The zone a user reads and writes times in (`Me.timeZone`): their own agency's as an ASN, else that of the agency of
 * their first role. One rule for what the web shows and what the API writes in the user's name: a due date set by
 * this user is a local day of this zone, and messages and reports shown to them name it (decision 0015).
 */
export async function userTimeZone(m: EntityManager | DataSource, userId: string): Promise<AgencyTimeZone> {
  const [row]: Array<{ time_zone: AgencyTimeZone | null }> = await m.query(
    `SELECT coalesce(
              (SELECT a.time_zone FROM user_account ua JOIN employee e ON e.id = ua.employee_id JOIN organisation_agency a ON a.id = e.agency_id WHERE ua.id = $1),
              (SELECT a.time_zone FROM role_assignment r JOIN organisation_agency a ON a.id = r.agency_id WHERE r.user_id = $1 ORDER BY r.created_at, r.id LIMIT 1)
            ) AS time_zone`,
    [userId],
  );
  return row?.time_zone ?? FALLBACK_TIME_ZONE;
}
