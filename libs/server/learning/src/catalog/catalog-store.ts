import type { DataSource } from 'typeorm';
import type { CourseSnapshot } from '@kompeten/shared-contracts';
import type { AuthorRole } from '../course-access';
import { LIVE_SQL } from '../course-access-store';
import type { CourseSummaryRow } from '../course.mapper';
import type { CatalogQueryDto } from '../dto/course.dto';
import { stemText } from '../search/stemmer';
import type { Viewer } from '../visibility/course-visibility';
import { visibleCoursesSql } from '../visibility/course-visibility-store';

/**
 * Hand-written SQL for the catalog: live courses the viewer may see (course-visibility.ts, as SQL), filtered and
 * ranked by the stemmed search text, and one course's public page with its authors (identity's published view).
 */

/**
 * Catalog rows show the live version's title, description, JP and SIASN code (what a learner would take) and the
 * course's current metadata (kind, method, level, tags, visibility, enrolment mode, cover).
 */
const CATALOG_SELECT = `
  SELECT c.id, c.agency_id, a.name AS agency_name, v.title, v.snapshot->>'description' AS description,
         c.competency_kind, c.learning_method, (v.snapshot->>'jenisDiklatId')::int AS jenis_diklat_id,
         (v.snapshot->>'latihanStrukturalId')::int AS latihan_struktural_id, v.jp::float8 AS jp, c.level, c.tags,
         c.cover_file_id, c.visibility, c.enrolment_mode, c.status, c.current_version_id, v.version_no AS current_version_no, c.created_at, c.updated_at`;

/** Courses with their agency and live version (an inner join: a course without one is not in the catalog). */
const FROM = `FROM course c JOIN organisation_agency a ON a.id = c.agency_id JOIN course_version v ON v.id = c.current_version_id`;

/**
 * A page of the live courses the viewer sees, by the query's filters. `q` is stemmed like the indexed text (Sastrawi,
 * docs/learning.md) and every stemmed term is required; results rank by ts_rank, then title.
 */
export async function pageCatalog(
  db: DataSource,
  viewer: Viewer,
  q: CatalogQueryDto,
): Promise<{ total: number; rows: CourseSummaryRow[] }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [LIVE_SQL, visibleCoursesSql(viewer, params)];
  if (q.competencyKind) where.push(`c.competency_kind = ${p(q.competencyKind)}`);
  if (q.learningMethod) where.push(`c.learning_method = ${p(q.learningMethod)}`);
  if (q.level) where.push(`c.level = ${p(q.level)}`);
  if (q.agencyId) where.push(`c.agency_id = ${p(q.agencyId)}`);
  if (q.jpMin !== undefined) where.push(`v.jp >= ${p(q.jpMin)}`);
  if (q.jpMax !== undefined) where.push(`v.jp <= ${p(q.jpMax)}`);
  const stems = q.q ? stemText(q.q) : '';
  let rank = '';
  if (stems) {
    const tsq = `plainto_tsquery('simple', ${p(stems)})`;
    where.push(`to_tsvector('simple', c.search_stems) @@ ${tsq}`);
    rank = `ts_rank(to_tsvector('simple', c.search_stems), ${tsq}) DESC, `;
  }
  const cond = where.join(' AND ');
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total ${FROM} WHERE ${cond}`,
    params,
  );
  // The count ran with the parameters so far; the page adds its size and offset after them.
  const rows: CourseSummaryRow[] = await db.query(
    `${CATALOG_SELECT} ${FROM} WHERE ${cond} ORDER BY ${rank}v.title, c.id LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)}`,
    params,
  );
  return { total, rows };
}

export type CatalogCourseRow = CourseSummaryRow & {
  objectives: string[];
  prerequisite_course_ids: string[];
  snapshot: CourseSnapshot;
};

/** One live course the viewer sees, with its objectives, prerequisites and the live version's snapshot; or none. */
export async function selectCatalogCourse(
  db: DataSource,
  viewer: Viewer,
  courseId: string,
): Promise<CatalogCourseRow | undefined> {
  const params: unknown[] = [courseId];
  const visible = visibleCoursesSql(viewer, params);
  const [row] = (await db.query(
    `${CATALOG_SELECT}, c.objectives, c.prerequisite_course_ids, v.snapshot ${FROM} WHERE c.id = $1 AND ${LIVE_SQL} AND ${visible}`,
    params,
  )) as CatalogCourseRow[];
  return row;
}

export interface CatalogAuthorRow {
  role: AuthorRole;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
}

/** A course's authors' names (no NIPs on the public page), owner first, then by joining. */
export async function selectCatalogAuthors(db: DataSource, courseId: string): Promise<CatalogAuthorRow[]> {
  return db.query(
    `SELECT ca.role, e.full_name, e.front_title, e.back_title FROM course_author ca JOIN identity_employee e ON e.id = ca.employee_id
        WHERE ca.course_id = $1 ORDER BY ca.role DESC, ca.created_at`,
    [courseId],
  );
}
