import type { EntityManager } from 'typeorm';
import { insertAuditEntry } from './audit-store';

/** The audit log's reader (other libs page through it, decision 0016); its SQL lives in audit-store.ts. */
export { listAuditLog, type AuditLogFilter, type AuditLogRow } from './audit-store';

export interface AuditActor {
  userId: string | null;
  correlationId?: string | null;
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.has(k))
      .map(([k, v]) => [k, scrub(v)]),
  );
}

/** Records an administrative write in the caller's transaction; secrets never reach the log. */
export async function recordAudit(
  manager: EntityManager,
  actor: AuditActor,
  entry: {
    action: string;
    entityType: string;
    entityId: string | null;
    agencyId: string | null;
    before?: unknown;
    after?: unknown;
    /** Agencies of the people the write touched (e.g. an ASN moved between agencies, a role granted elsewhere). */
    touchedAgencyIds?: ReadonlyArray<string | null | undefined>;
  },
): Promise<void> {
  await insertAuditEntry(manager, {
    actorUserId: actor.userId,
    correlationId: actor.correlationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    agencyId: entry.agencyId,
    touchedAgencyIds: [...new Set((entry.touchedAgencyIds ?? []).filter((a): a is string => !!a))],
    before: scrub(entry.before),
    after: scrub(entry.after),
  });
}
