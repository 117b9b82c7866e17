import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

/**
 * The audit log's statements: the one insert every administrative write makes in its own transaction (recordAudit in
 * audit.ts decides what is written and scrubs secrets first), and the page other libs read (listAuditLog, exported
 * through audit.ts).
 */

/** An audit entry as written (camelCase: the entity's properties); `before` and `after` already scrubbed. */
export interface AuditEntryValues {
  actorUserId: string | null;
  correlationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  agencyId: string | null;
  touchedAgencyIds: string[];
  before: unknown;
  after: unknown;
}

/** One INSERT into audit_log through the entity's repository (id and created_at from their defaults), in the caller's transaction. */
export async function insertAuditEntry(manager: EntityManager, values: AuditEntryValues): Promise<void> {
  await manager.getRepository(AuditLogEntity).insert({
    ...values,
    before: values.before as object,
    after: values.after as object,
  });
}

export interface AuditLogFilter {
  /** Only entries filed under, or touching people of, these agencies; undefined for every agency (a platform admin). */
  agencyIds?: readonly string[];
  agencyId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Only entries made by these accounts. */
  actorUserIds?: readonly string[];
  /** created_at >= from and < to. */
  from?: Date;
  to?: Date;
}

/** An audit_log row as the page's statement returns it (snake_case). */
export interface AuditLogRow {
  id: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: string | null;
  touched_agency_ids: string[];
  before: unknown;
  after: unknown;
  correlation_id: string | null;
  created_at: Date;
}

/**
 * One page of the audit log, newest first (then by id, so pages never overlap), with the number of matching entries
 * (the reader other libs use, decision 0016). Two statements sharing one WHERE, built from the filter with numbered
 * parameters.
 */
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
  const addTwice = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filter.agencyIds) addTwice('(agency_id = ANY(?::uuid[]) OR touched_agency_ids && ?::uuid[])', filter.agencyIds);
  if (filter.agencyId) addTwice('(agency_id = ?::uuid OR ?::uuid = ANY(touched_agency_ids))', filter.agencyId);
  if (filter.entityType) add('entity_type = ?', filter.entityType);
  if (filter.entityId) add('entity_id = ?', filter.entityId);
  if (filter.action) add('action = ?', filter.action);
  if (filter.actorUserIds) add('actor_user_id = ANY(?::uuid[])', filter.actorUserIds);
  if (filter.from) add('created_at >= ?', filter.from);
  if (filter.to) add('created_at < ?', filter.to);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM audit_log ${cond}`,
    params,
  );
  const rows: AuditLogRow[] = await m.query(
    `SELECT id, actor_user_id, action, entity_type, entity_id, agency_id, touched_agency_ids, before, after, correlation_id, created_at FROM audit_log ${cond}
      ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}
