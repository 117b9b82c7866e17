import type { DataSource, EntityManager } from 'typeorm';
import type { CourseSummaryRow } from './course.mapper';

/**
 * Hand-written SQL for course summaries (`course` with its agency's name and live version number): the authoring
 * list, the review queue and a course's detail header share this one select, mapped by `toCourseSummary`.
 */

/** Course rows with their agency name and live version number (alias c; a = agency, v = current version). */
const COURSE_SUMMARY_SELECT = `
  SELECT c.id, c.agency_id, a.name AS agency_name, c.title, c.description, c.competency_kind, c.learning_method, c.jenis_diklat_id,
         c.latihan_struktural_id,
         c.jp::float8 AS jp, c.level, c.tags, c.cover_file_id, c.visibility, c.enrolment_mode, c.status, c.current_version_id,
         v.version_no AS current_version_no, c.created_at, c.updated_at
    FROM course c
    JOIN organisation_agency a ON a.id = c.agency_id
    LEFT JOIN course_version v ON v.id = c.current_version_id`;

/** One course's summary (the course exists: the caller has just loaded it). */
export async function selectCourseSummary(m: EntityManager, courseId: string): Promise<CourseSummaryRow> {
  const [summary] = (await m.query(`${COURSE_SUMMARY_SELECT} WHERE c.id = $1`, [courseId])) as CourseSummaryRow[];
  return summary;
}

/**
 * A page of summaries of the courses matching `where` (a condition over alias c built by the caller's store, with
 * `params`): the count over `course` alone, then the page. Page and size are validated integers (PageQueryDto).
 */
export async function pageCourseSummaries(
  db: DataSource,
  where: string,
  params: unknown[],
  orderBy: string,
  q: { page: number; pageSize: number },
): Promise<{ total: number; rows: CourseSummaryRow[] }> {
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM course c WHERE ${where}`,
    params,
  );
  const rows: CourseSummaryRow[] = await db.query(
    `${COURSE_SUMMARY_SELECT} WHERE ${where} ORDER BY ${orderBy} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { total, rows };
}
