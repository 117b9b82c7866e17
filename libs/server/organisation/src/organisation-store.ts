import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyLevel } from '@kompeten/shared-contracts';
import { likePattern } from '@kompeten/server-core';
import { AgencyEntity } from './entities/agency.entity';
import { WorkUnitEntity } from './entities/work-unit.entity';

/**
 * SQL for agencies and work units as OrganisationService edits and lists them. Single rows are read and written
 * through the entities' repositories in the service; the lists (filters built from the request) and the checks
 * a unit insert needs are here. Other libs read these tables through readers.ts and the views in read-models.ts.
 */

export interface AgencyFilter {
  /** Only these agencies (the caller's reach); undefined for every agency (a platform admin). */
  ids?: readonly string[];
  /** Part of the name or code, any case. */
  q?: string;
  level?: AgencyLevel;
  parentId?: string;
}

/**
 * One page of agencies by level, then name, with the number matching: the repository's query builder (two
 * statements, count and page), each condition added only when asked for; `q` matched literally (likePattern escapes
 * % and _).
 */
export async function agencyPage(
  db: DataSource,
  filter: AgencyFilter,
  page: { skip: number; take: number },
): Promise<[AgencyEntity[], number]> {
  const qb = db.getRepository(AgencyEntity).createQueryBuilder('a');
  if (filter.ids) qb.andWhere('a.id = ANY(:ids)', { ids: filter.ids });
  if (filter.q)
    qb.andWhere("(a.name ILIKE :q ESCAPE '\\' OR a.code ILIKE :q ESCAPE '\\')", { q: likePattern(filter.q) });
  if (filter.level) qb.andWhere('a.level = :level', { level: filter.level });
  if (filter.parentId) qb.andWhere('a.parentId = :parentId', { parentId: filter.parentId });
  qb.orderBy('a.level', 'ASC').addOrderBy('a.name', 'ASC').skip(page.skip).take(page.take);
  return qb.getManyAndCount();
}

export interface UnitFilter {
  /** Only the direct children of this unit. */
  parentId?: string;
  /** Part of the name or code, any case. */
  q?: string;
}

/**
 * One page of an agency's work units, shallowest first, then by name, with the number matching: the repository's
 * query builder (two statements, count and page), as `agencyPage`.
 */
export async function unitPage(
  db: DataSource,
  agencyId: string,
  filter: UnitFilter,
  page: { skip: number; take: number },
): Promise<[WorkUnitEntity[], number]> {
  const qb = db.getRepository(WorkUnitEntity).createQueryBuilder('u').where('u.agencyId = :agencyId', { agencyId });
  if (filter.parentId) qb.andWhere('u.parentId = :parentId', { parentId: filter.parentId });
  if (filter.q)
    qb.andWhere("(u.name ILIKE :q ESCAPE '\\' OR u.code ILIKE :q ESCAPE '\\')", { q: likePattern(filter.q) });
  qb.orderBy('u.depth', 'ASC').addOrderBy('u.name', 'ASC').skip(page.skip).take(page.take);
  return qb.getManyAndCount();
}

/**
 * Whether the agency already has a unit with this code in any case. The unique index (agency_id, code) tells case
 * apart; this check, before the insert, makes codes unique per agency case-insensitively (readers' unitsByCode and
 * the CSV import look units up by lower-case code).
 */
export async function unitCodeTaken(m: EntityManager, agencyId: string, code: string): Promise<boolean> {
  return (
    (
      await m.query<unknown[]>('SELECT 1 FROM work_unit WHERE agency_id = $1 AND lower(code) = lower($2)', [
        agencyId,
        code,
      ])
    ).length > 0
  );
}

/** A new unit's id, drawn before the insert: the unit's materialised path ends with its own id. */
export async function newUnitId(m: EntityManager): Promise<string> {
  return (await m.query<Array<{ id: string }>>('SELECT gen_random_uuid() AS id'))[0].id;
}
