import type { DataSource } from 'typeorm';
import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';

/** SQL for the cached agency tree (AgencyTree). */

export interface AgencyNodeRow {
  id: string;
  parent_id: string | null;
  level: AgencyLevel;
  time_zone: AgencyTimeZone;
}

/**
 * Every agency, with just what the tree needs (parent, level, time zone): a few hundred rows at most, read whole
 * when the cache is empty or stale, outside any transaction.
 */
export async function readAgencyNodes(db: DataSource): Promise<AgencyNodeRow[]> {
  return db.query('SELECT id, parent_id, level, time_zone FROM agency');
}
