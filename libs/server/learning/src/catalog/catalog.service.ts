import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type CatalogCourseDetail,
  type CourseSnapshot,
  type CourseSummary,
  type Page,
} from '@kompeten/shared-contracts';
import { notFound, toPage, type Principal } from '@kompeten/server-core';
import { displayName } from '@kompeten/shared-util';
import { LIVE_SQL } from '../course-access';
import { toCourseSummary, type CourseSummaryRow } from '../course.mapper';
import type { CatalogQueryDto } from '../dto/course.dto';
import { LEARNER_ENROLMENT_PORT, type LearnerEnrolmentPort } from '../learner-enrolment.port';
import { stemText } from '../search/stemmer';
import { CourseVisibilityService, visibleCoursesSql } from '../visibility/course-visibility';

/**
 * Catalog rows show the live version's title, description, JP and SIASN code (what a learner would take) and the
 * course's current metadata (kind, method, level, tags, visibility, enrolment mode, cover).
 */
const CATALOG_SELECT = `
  SELECT c.id, c.agency_id, a.name AS agency_name, v.title, v.snapshot->>'description' AS description,
         c.competency_kind, c.learning_method, (v.snapshot->>'jenisDiklatId')::int AS jenis_diklat_id, v.jp::float8 AS jp, c.level, c.tags,
         c.cover_file_id, c.visibility, c.enrolment_mode, c.status, c.current_version_id, v.version_no AS current_version_no, c.created_at, c.updated_at`;

const FROM = `FROM course c JOIN organisation_agency a ON a.id = c.agency_id JOIN course_version v ON v.id = c.current_version_id`;

@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CourseVisibilityService) private readonly visibility: CourseVisibilityService,
    @Optional() @Inject(LEARNER_ENROLMENT_PORT) private readonly enrolments?: LearnerEnrolmentPort,
  ) {}

  /**
   * Published courses the caller may see. `q` is stemmed like the indexed text (Sastrawi, docs/learning.md) and every
   * stemmed term is required; results rank by ts_rank, then title.
   */
  async list(principal: Principal, q: CatalogQueryDto): Promise<Page<CourseSummary>> {
    const viewer = await this.visibility.viewer(principal);
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
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total ${FROM} WHERE ${cond}`,
      params,
    );
    const rows: CourseSummaryRow[] = await this.db.query(
      `${CATALOG_SELECT} ${FROM} WHERE ${cond} ORDER BY ${rank}v.title, c.id LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)}`,
      params,
    );
    return toPage(rows.map(toCourseSummary), total, q);
  }

  /** The public course page: metadata and the live version's outline, without lesson content; the caller's enrolment status. */
  async get(principal: Principal, courseId: string): Promise<CatalogCourseDetail> {
    const viewer = await this.visibility.viewer(principal);
    const params: unknown[] = [courseId];
    const visible = visibleCoursesSql(viewer, params);
    const [row] = (await this.db.query(
      `${CATALOG_SELECT}, c.objectives, c.prerequisite_course_ids, v.snapshot ${FROM} WHERE c.id = $1 AND ${LIVE_SQL} AND ${visible}`,
      params,
    )) as Array<
      CourseSummaryRow & { objectives: string[]; prerequisite_course_ids: string[]; snapshot: CourseSnapshot }
    >;
    if (!row) throw notFound(ErrorCode.LEARNING_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
    const authors: Array<{
      role: 'owner' | 'co_author';
      full_name: string;
      front_title: string | null;
      back_title: string | null;
    }> = await this.db.query(
      `SELECT ca.role, e.full_name, e.front_title, e.back_title FROM course_author ca JOIN identity_employee e ON e.id = ca.employee_id
        WHERE ca.course_id = $1 ORDER BY ca.role DESC, ca.created_at`,
      [courseId],
    );
    return {
      ...toCourseSummary(row),
      objectives: row.objectives,
      prerequisiteCourseIds: row.prerequisite_course_ids ?? [],
      authors: authors.map((a) => ({ name: displayName(a.full_name, a.front_title, a.back_title), role: a.role })),
      outline: row.snapshot.modules.map((mod) => ({
        id: mod.id,
        title: mod.title,
        lessons: mod.lessons.map((l) => ({ id: l.id, title: l.title, kind: l.content.kind, required: l.required })),
      })),
      enrolmentStatus:
        principal.employeeId && this.enrolments
          ? ((await this.enrolments.enrolmentOf(this.db.manager, courseId, principal.employeeId))?.status ?? null)
          : null,
    };
  }
}
