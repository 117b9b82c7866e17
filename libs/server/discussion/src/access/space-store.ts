import type { EntityManager } from 'typeorm';
import type { DiscussionSpaceKind } from '@kompeten/shared-contracts';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import { LEARNING_READ_MODELS } from '@kompeten/server-learning';
import { ORGANISATION_READ_MODELS } from '@kompeten/server-organisation';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const ACCOUNT = IDENTITY_READ_MODELS.userAccount;
const AGENCY = ORGANISATION_READ_MODELS.agency;

export interface SpaceRow {
  id: string;
  kind: DiscussionSpaceKind;
  target_id: string;
}

/** The space of a target, made on first use (the unique target makes two first uses one space). */
export async function ensureSpace(m: EntityManager, kind: DiscussionSpaceKind, targetId: string): Promise<SpaceRow> {
  const [row]: SpaceRow[] = await m.query(
    `WITH ins AS (
       INSERT INTO discussion_space (kind, target_id) VALUES ($1, $2)
       ON CONFLICT (kind, target_id) DO NOTHING RETURNING id, kind, target_id)
     SELECT id, kind, target_id FROM ins
     UNION ALL SELECT id, kind, target_id FROM discussion_space WHERE kind = $1 AND target_id = $2`,
    [kind, targetId],
  );
  return row;
}

export async function findSpace(m: EntityManager, id: string): Promise<SpaceRow | null> {
  const [row]: SpaceRow[] = await m.query('SELECT id, kind, target_id FROM discussion_space WHERE id = $1', [id]);
  return row ?? null;
}

export interface PersonRow {
  id: string;
  agency_id: string;
  full_name: string;
  agency_name: string | null;
}

/** Active ASN by id (the people a post mentions), with their agency. */
export async function activeEmployees(m: EntityManager, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return m.query(
    `SELECT e.id, e.agency_id, e.full_name, NULL::text AS agency_name FROM ${EMPLOYEE} e
      WHERE e.active AND e.id = ANY($1::uuid[])`,
    [ids],
  );
}

/**
 * Candidates for an @mention: active ASN matching a name or NIP, among those who wrote in the space or the given ids
 * (the space's authors, speakers or members) — or anyone by an exact 18-digit NIP. The caller keeps only readers.
 */
export async function mentionCandidates(
  m: EntityManager,
  spaceId: string,
  pool: readonly string[],
  q: string,
  limit: number,
): Promise<PersonRow[]> {
  const nip = /^\d{18}$/.test(q) ? q : null;
  return m.query(
    `SELECT e.id, e.agency_id, e.full_name, a.name AS agency_name
       FROM ${EMPLOYEE} e LEFT JOIN ${AGENCY} a ON a.id = e.agency_id
      WHERE e.active
        AND (e.nip = $4 OR (
              (e.id = ANY($2::uuid[]) OR e.id IN (
                 SELECT u.employee_id FROM discussion_post p JOIN ${ACCOUNT} u ON u.id = p.author_user_id
                  WHERE p.space_id = $1 AND u.employee_id IS NOT NULL))
              AND (e.full_name ILIKE $3 OR e.nip LIKE $5)))
      ORDER BY e.full_name, e.id LIMIT $6`,
    [spaceId, pool, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, nip, `${q.replace(/\D/g, '') || '-'}%`, limit],
  );
}

/** A course's title: its current published version's (the learning lib's views). */
export async function courseTitle(m: EntityManager, courseId: string): Promise<string> {
  const [row]: Array<{ title: string }> = await m.query(
    `SELECT v.title FROM ${LEARNING_READ_MODELS.course} c
       JOIN ${LEARNING_READ_MODELS.courseVersion} v ON v.id = c.current_version_id WHERE c.id = $1`,
    [courseId],
  );
  return row?.title ?? 'Pelatihan';
}
