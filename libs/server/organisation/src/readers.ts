import type { EntityManager } from 'typeorm';
import type { AgencyTimeZone } from '@kompeten/shared-contracts';

/**
 * What other libs read of agencies and work units one lookup at a time (decision 0016). Statements that join them
 * with another lib's rows use the views in read-models.ts; the hierarchy comes from AgencyTree.
 */

export interface UnitRef {
  id: string;
  agencyId: string;
  /** Materialised "/<root>/…/<id>/": a subtree is a prefix match. */
  path: string;
}

/** A work unit of the agency, or null (an unknown id, or a unit of another agency). */
export async function findUnitInAgency(m: EntityManager, agencyId: string, unitId: string): Promise<UnitRef | null> {
  const [row]: Array<{ id: string; agency_id: string; path: string }> = await m.query(
    'SELECT id, agency_id, path FROM work_unit WHERE id = $1 AND agency_id = $2',
    [unitId, agencyId],
  );
  return row ? { id: row.id, agencyId: row.agency_id, path: row.path } : null;
}

/** Every unit of an agency by its code in lower case (codes are unique per agency, case-insensitively). */
export async function unitsByCode(m: EntityManager, agencyId: string): Promise<Map<string, UnitRef>> {
  const rows: Array<{ code: string; id: string; path: string }> = await m.query(
    'SELECT code, id, path FROM work_unit WHERE agency_id = $1',
    [agencyId],
  );
  return new Map(rows.map((u) => [u.code.toLowerCase(), { id: u.id, agencyId, path: u.path }]));
}

export async function agencyExists(m: EntityManager, agencyId: string): Promise<boolean> {
  return (await m.query<unknown[]>('SELECT 1 FROM agency WHERE id = $1', [agencyId])).length > 0;
}

/** The agency's time zone (DOMAIN.md §1: stored UTC, shown in the agency's local time), or null for an unknown id. */
export async function agencyTimeZone(m: EntityManager, agencyId: string): Promise<AgencyTimeZone | null> {
  const [row]: Array<{ time_zone: AgencyTimeZone }> = await m.query('SELECT time_zone FROM agency WHERE id = $1', [
    agencyId,
  ]);
  return row?.time_zone ?? null;
}

/** What a certificate names of an agency: its code, name, level, zone and HR body. */
export interface AgencyFacts {
  id: string;
  code: string;
  name: string;
  level: string;
  timeZone: AgencyTimeZone;
  hrBodyName: string | null;
}

/** An agency by id, or null for an unknown id. */
export async function findAgencyFacts(m: EntityManager, agencyId: string): Promise<AgencyFacts | null> {
  const [row]: Array<{
    id: string;
    code: string;
    name: string;
    level: string;
    time_zone: AgencyTimeZone;
    hr_body_name: string | null;
  }> = await m.query('SELECT id, code, name, level, time_zone, hr_body_name FROM agency WHERE id = $1', [agencyId]);
  return row
    ? {
        id: row.id,
        code: row.code,
        name: row.name,
        level: row.level,
        timeZone: row.time_zone,
        hrBodyName: row.hr_body_name,
      }
    : null;
}

/** What the SIASN push needs of an agency: its name and SIASN instansiId (null when not recorded); null when unknown. */
export async function agencySiasnFacts(
  m: EntityManager,
  agencyId: string,
): Promise<{ name: string; siasnInstansiId: string | null } | null> {
  const [row]: Array<{ name: string; siasn_instansi_id: string | null }> = await m.query(
    'SELECT name, siasn_instansi_id FROM agency WHERE id = $1',
    [agencyId],
  );
  return row ? { name: row.name, siasnInstansiId: row.siasn_instansi_id } : null;
}
