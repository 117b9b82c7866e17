import type { EntityManager } from 'typeorm';
import type { AccountEvent, AccountEventKind, Page, Role } from '@kompeten/shared-contracts';
import { toPage, type PageQueryDto, type Principal } from '@kompeten/server-core';
import { ROLE_RANK } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import { AccountEventEntity } from '../entities/account-event.entity';

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
  await m.getRepository(AccountEventEntity).insert({
    userId,
    kind,
    actorUserId: actor?.userId ?? null,
    actorRole: top?.role ?? null,
    actorAgencyId: top?.agencyId ?? null,
    // TypeORM's deep-partial type cannot express a jsonb record.
    details: details as never,
    // The wall clock, not the transaction's start: a reset and its link, written in one transaction, list in order.
    createdAt: () => 'clock_timestamp()',
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
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM account_event WHERE user_id = $1`,
    [userId],
  );
  const rows: Array<{
    id: string;
    kind: AccountEventKind;
    created_at: Date;
    actor_user_id: string | null;
    actor_role: Role | null;
    agency_name: string | null;
    details: Record<string, string | null> | null;
    full_name: string | null;
    front_title: string | null;
    back_title: string | null;
    actor_email: string | null;
  }> = await m.query(
    `SELECT ev.id, ev.kind, ev.created_at, ev.actor_user_id, ev.actor_role, a.name AS agency_name, ev.details,
            e.full_name, e.front_title, e.back_title, ua.email AS actor_email
       FROM account_event ev
       LEFT JOIN organisation_agency a ON a.id = ev.actor_agency_id
       LEFT JOIN user_account ua ON ua.id = ev.actor_user_id
       LEFT JOIN employee e ON e.id = ua.employee_id
      WHERE ev.user_id = $1
      ORDER BY ev.created_at DESC, ev.id DESC LIMIT $2 OFFSET $3`,
    [userId, q.pageSize, (q.page - 1) * q.pageSize],
  );
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
