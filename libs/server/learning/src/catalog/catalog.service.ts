import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type CatalogCourseDetail, type CourseSummary, type Page } from '@kompeten/shared-contracts';
import { notFound, toPage, type Principal } from '@kompeten/server-core';
import { displayName } from '@kompeten/shared-util';
import { toCourseSummary } from '../course.mapper';
import type { CatalogQueryDto } from '../dto/course.dto';
import { LEARNER_ENROLMENT_PORT, type LearnerEnrolmentPort } from '../learner-enrolment.port';
import { CourseVisibilityService } from '../visibility/course-visibility';
import { pageCatalog, selectCatalogAuthors, selectCatalogCourse } from './catalog-store';

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
    const { total, rows } = await pageCatalog(this.db, viewer, q);
    return toPage(rows.map(toCourseSummary), total, q);
  }

  /** The public course page: metadata and the live version's outline, without lesson content; the caller's enrolment status. */
  async get(principal: Principal, courseId: string): Promise<CatalogCourseDetail> {
    const viewer = await this.visibility.viewer(principal);
    const row = await selectCatalogCourse(this.db, viewer, courseId);
    if (!row) throw notFound(ErrorCode.LEARNING_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
    const authors = await selectCatalogAuthors(this.db, courseId);
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
