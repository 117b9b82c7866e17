import type { EntityManager } from 'typeorm';
import type { CourseSnapshot } from '@kompeten/shared-contracts';

/**
 * Hand-written SQL for published course versions (this lib's `course_version`), read only by the one version cache
 * (published-versions.ts), which decides when a statement is needed at all: a cached version costs none.
 */

/** A version row as the cache prepares it; `jp` is numeric (text from the driver) and null on old rows. */
export interface VersionRow {
  id: string;
  course_id: string;
  version_no: number;
  jp: string | number | null;
  snapshot: CourseSnapshot;
}

/** One version by id, with its whole snapshot (a cache miss). */
export async function selectVersion(m: EntityManager, versionId: string): Promise<VersionRow | undefined> {
  const [row]: VersionRow[] = await m.query(
    'SELECT id, course_id, version_no, jp, snapshot FROM course_version WHERE id = $1',
    [versionId],
  );
  return row;
}

/** A course's version ids, oldest first: ids only, so versions already cached never load their snapshots again. */
export async function selectVersionIds(m: EntityManager, courseId: string): Promise<string[]> {
  const ids: Array<{ id: string }> = await m.query(
    'SELECT id FROM course_version WHERE course_id = $1 ORDER BY version_no',
    [courseId],
  );
  return ids.map((r) => r.id);
}

/** The versions the cache is missing, in one statement (any order: the caller orders by the ids above). */
export async function selectVersions(m: EntityManager, versionIds: string[]): Promise<VersionRow[]> {
  return m.query('SELECT id, course_id, version_no, jp, snapshot FROM course_version WHERE id = ANY($1::uuid[])', [
    versionIds,
  ]);
}
