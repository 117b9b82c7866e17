import type { EntityManager } from 'typeorm';
import { displayName } from '@kompeten/shared-util';
import { selectActorNames } from './account-store';

/**
 * How an account is named where it acted (audit log, account events): the ASN's name with titles, or the login email
 * of an account without an ASN record (the platform admin). Keys are user ids; unknown ids are absent.
 */
export async function actorNames(m: EntityManager, userIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await selectActorNames(m, ids);
  return new Map(
    rows.map((r) => [r.id, r.full_name ? displayName(r.full_name, r.front_title, r.back_title) : r.email]),
  );
}
