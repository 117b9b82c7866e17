import type { EntityManager } from 'typeorm';
import type { AccountEvent, AccountEventKind, Page } from '@kompeten/shared-contracts';
import { toPage, type PageQueryDto, type Principal } from '@kompeten/server-core';
import { ROLE_RANK } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import { countAccountEvents, insertAccountEvent, selectAccountEvents } from './account-store';

/** Who did it: null for the system; otherwise the principal, with its highest role and that role's agency. */
export type EventActor = Principal | null;

/** Records what happened to an account, for its owner to see. Never a secret in `details`. */
export async function recordAccountEvent(
  m: EntityManager,
  actor: EventActor,
  userId: string,
  kind: AccountEventKind,
  details: Record<string, string | null> = {},
): Promise<void> {
  const top =
    actor && actor.userId !== userId
      ? [...actor.roles].sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role])[0]
      : undefined;
  await insertAccountEvent(m, {
    userId,
    kind,
    actorUserId: actor?.userId ?? null,
    actorRole: top?.role ?? null,
    actorAgencyId: top?.agencyId ?? null,
    details,
  });
}

/**
 * The caller's own account events, newest first. The actor is shown by name, role and agency: an ASN has a right to
 * know who reset their account or changed their login email (decision 0012).
 */
export async function listAccountEvents(
  m: EntityManager,
  userId: string,
  q: PageQueryDto,
): Promise<Page<AccountEvent>> {
  const total = await countAccountEvents(m, userId);
  const rows = await selectAccountEvents(m, userId, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const items = rows.map((r): AccountEvent => ({
    id: r.id,
    kind: r.kind,
    createdAt: new Date(r.created_at).toISOString(),
    actor: r.actor_user_id
      ? {
          self: r.actor_user_id === userId,
          name: r.full_name ? displayName(r.full_name, r.front_title, r.back_title) : r.actor_email,
          role: r.actor_role,
          agencyName: r.agency_name,
        }
      : null,
    details: r.details ?? {},
  }));
  return toPage(items, total, q);
}
