import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';

/** Agencies and work units written straight into the organisation tables. */
export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface UnitRef {
  id: string;
  agencyId: string;
  code: string;
  /** Materialised path `/<root id>/…/<id>/`, as the organisation lib keeps it. */
  path: string;
}

export async function createAgency(
  db: DataSource | EntityManager,
  o: {
    code: string;
    name?: string;
    level: AgencyLevel;
    parentId?: string | null;
    timeZone?: AgencyTimeZone;
    hrBodyName?: string | null;
  },
): Promise<AgencyRef> {
  const name = o.name ?? o.code;
  const [row] = await db.query(
    `INSERT INTO agency (code, name, level, parent_id, time_zone, hr_body_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.code, name, o.level, o.parentId ?? null, o.timeZone ?? 'Asia/Makassar', o.hrBodyName ?? null],
  );
  return { id: row.id, code: o.code, name };
}

export async function createUnit(
  db: DataSource | EntityManager,
  agencyId: string,
  o: { code: string; name?: string; parent?: UnitRef | null },
): Promise<UnitRef> {
  const parent = o.parent ?? null;
  const [row] = await db.query(
    `WITH id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO work_unit (id, agency_id, parent_id, code, name, path, depth)
     SELECT id.id, $1, $2, $3, $4, coalesce($5, '/') || id.id || '/', $6 FROM id RETURNING id, path`,
    [
      agencyId,
      parent?.id ?? null,
      o.code,
      o.name ?? o.code,
      parent?.path ?? null,
      parent ? parent.path.split('/').filter(Boolean).length : 0,
    ],
  );
  return { id: row.id, agencyId, code: o.code, path: row.path };
}
