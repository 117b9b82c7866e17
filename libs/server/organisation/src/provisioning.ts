import type { EntityManager } from 'typeorm';
import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';

/**
 * Writes of agencies and work units for the API's bootstrap and the demo seed (decision 0016: the apps call the
 * owner instead of writing its tables). Admins change the organisation through OrganisationService.
 */

/** The national root agency every platform-wide role hangs from: the first one, created when there is none. */
export async function ensureNationalRoot(m: EntityManager): Promise<string> {
  const [existing]: Array<{ id: string }> = await m.query(
    `SELECT id FROM agency WHERE level = 'nasional' AND parent_id IS NULL ORDER BY created_at LIMIT 1`,
  );
  if (existing) return existing.id;
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO agency (code, name, level, time_zone, hr_body_name) VALUES ('nasional', 'Kompeten Nasional', 'nasional', 'Asia/Jakarta', NULL)
     ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
  );
  return row.id;
}

export async function agencyIdByCode(m: EntityManager, code: string): Promise<string | null> {
  const [row]: Array<{ id: string }> = await m.query('SELECT id FROM agency WHERE code = $1', [code]);
  return row?.id ?? null;
}

export async function insertAgency(
  m: EntityManager,
  a: {
    code: string;
    name: string;
    level: AgencyLevel;
    parentId: string | null;
    timeZone: AgencyTimeZone;
    hrBodyName: string | null;
    /** SIASN's instansiId (32 hex, upper case), where the agency's ASN records live. */
    siasnInstansiId?: string | null;
  },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO agency (code, name, level, parent_id, time_zone, hr_body_name, siasn_instansi_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.code, a.name, a.level, a.parentId, a.timeZone, a.hrBodyName, a.siasnInstansiId ?? null],
  );
  return row.id;
}

/** A work unit under `parent` (or at the top of the agency), with its materialised path. */
export async function insertWorkUnit(
  m: EntityManager,
  u: { agencyId: string; code: string; name: string; parent: { id: string; path: string; depth: number } | null },
): Promise<{ id: string; path: string; depth: number }> {
  const depth = u.parent ? u.parent.depth + 1 : 0;
  const [row]: Array<{ id: string; path: string }> = await m.query(
    `WITH id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO work_unit (id, agency_id, parent_id, code, name, path, depth)
     SELECT id.id, $1, $2, $3, $4, coalesce($5, '/') || id.id || '/', $6 FROM id RETURNING id, path`,
    [u.agencyId, u.parent?.id ?? null, u.code, u.name, u.parent?.path ?? null, depth],
  );
  return { id: row.id, path: row.path, depth };
}
