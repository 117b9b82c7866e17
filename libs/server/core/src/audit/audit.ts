import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

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
  },
): Promise<void> {
  await manager.getRepository(AuditLogEntity).insert({
    actorUserId: actor.userId,
    correlationId: actor.correlationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    agencyId: entry.agencyId,
    before: scrub(entry.before) as object,
    after: scrub(entry.after) as object,
  });
}

export interface AuditLogFilter {
  /** Only entries of these agencies; undefined for every agency (a platform admin). */
  agencyIds?: readonly string[];
  agencyId?: string;
  entityType?: string;
  entityId?: string;
}

export interface AuditLogRow {
  id: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: string | null;
  before: unknown;
  after: unknown;
  correlation_id: string | null;
  created_at: Date;
}

/** One page of the audit log, newest first, with the number of matching entries (the reader other libs use, decision 0016). */
export async function listAuditLog(
  m: EntityManager,
  filter: AuditLogFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: AuditLogRow[] }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.agencyIds) add('agency_id = ANY(?::uuid[])', filter.agencyIds);
  if (filter.agencyId) add('agency_id = ?', filter.agencyId);
  if (filter.entityType) add('entity_type = ?', filter.entityType);
  if (filter.entityId) add('entity_id = ?', filter.entityId);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM audit_log ${cond}`,
    params,
  );
  const rows: AuditLogRow[] = await m.query(
    `SELECT id, actor_user_id, action, entity_type, entity_id, agency_id, before, after, correlation_id, created_at FROM audit_log ${cond}
      ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}
