import type { EntityManager } from 'typeorm';
import { displayName } from '@kompeten/shared-util';

/**
 * How an account is named where it acted (audit log, account events): the ASN's name with titles, or the login email
 * of an account without an ASN record (the platform admin). Keys are user ids; unknown ids are absent.
 */
export async function actorNames(m: EntityManager, userIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows: Array<{
    id: string;
    email: string | null;
    full_name: string | null;
    front_title: string | null;
    back_title: string | null;
  }> = await m.query(
    `SELECT ua.id, ua.email, e.full_name, e.front_title, e.back_title FROM user_account ua LEFT JOIN employee e ON e.id = ua.employee_id WHERE ua.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.id, r.full_name ? displayName(r.full_name, r.front_title, r.back_title) : r.email]),
  );
}
