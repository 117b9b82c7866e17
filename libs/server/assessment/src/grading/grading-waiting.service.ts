import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GradingWaiting } from '@kompeten/shared-contracts';
import type { AccessScope } from '@kompeten/server-organisation';
import { findAuthorableCourse } from '../course-access';
import { essayAttemptsWaiting } from './grading-store';

/** How much grading waits per course, for the grading index (issue 15). */
@Injectable()
export class GradingWaitingService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  /**
   * Essay attempts waiting per course, for the courses of `courseIds` the caller grades (an author, or an admin of the
   * course's agency: the learning lib's one rule). Other ids — unknown, or courses the caller only reviews — are
   * answered with nothing, exactly like a course with nothing waiting, so they reveal nothing.
   */
  async waiting(scope: AccessScope, courseIds: string[]): Promise<GradingWaiting[]> {
    const m = this.db.manager;
    const graded: string[] = [];
    for (const id of new Set(courseIds)) if (await findAuthorableCourse(m, scope, id)) graded.push(id);
    const counts = new Map((await essayAttemptsWaiting(m, graded)).map((r) => [r.courseId, r.essayAttempts]));
    return graded.map((courseId) => ({ courseId, essayAttempts: counts.get(courseId) ?? 0 }));
  }
}
