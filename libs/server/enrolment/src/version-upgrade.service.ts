import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublishedVersions } from '@kompeten/server-learning';
import { CompletionService } from './completion.service';
import { requiredLessonIds } from './completion-rule';
import { moveEnrolmentsToVersion } from './enrolment-store';

/** A course version was published (the learning lib's outbox event `course.published`). */
export interface PublishedVersion {
  courseId: string;
  versionId: string;
  requiresUpgrade: boolean;
}

export interface VersionUpgradeOutcome {
  /** `skipped` when nothing moved: no upgrade asked, an unknown version, or every enrolment already moved (a re-run). */
  result: 'success' | 'skipped';
  moved: number;
  /** Moved enrolments that the new version's rule completed. */
  completed: number;
}

/**
 * `requiresUpgrade` on a publish moves the course's active and pending enrolments to the new version
 * (docs/learning.md). Progress rows are kept by lesson id, so lessons that still exist stay completed; lessons the new
 * version dropped simply stop counting. Quiz attempts keep the version they were started with (their own column).
 */
@Injectable()
export class VersionUpgradeService {
  private readonly logger = new Logger(VersionUpgradeService.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
    @Inject(CompletionService) private readonly completion: CompletionService,
  ) {}

  /**
   * One transaction: one UPDATE moves every `active | pending_approval` enrolment on an OLDER version (by version_no)
   * to this one and recomputes its progress percentage over the new version's required lessons; then each moved
   * enrolment's completion is re-evaluated (the new version may need less). Idempotent: a re-run finds nothing older
   * to move; and a late event never moves learners back from a newer version.
   */
  async upgradeToPublishedVersion(event: PublishedVersion): Promise<VersionUpgradeOutcome> {
    const skipped: VersionUpgradeOutcome = { result: 'skipped', moved: 0, completed: 0 };
    if (!event.requiresUpgrade) return skipped;
    return this.db.transaction(async (m) => {
      const version = await this.versions.find(m, event.versionId);
      if (!version || version.courseId !== event.courseId) {
        this.logger.warn(
          { courseId: event.courseId, versionId: event.versionId },
          'Published version not found; nothing upgraded',
        );
        return skipped;
      }
      const required = requiredLessonIds(version.snapshot);
      const moved = await moveEnrolmentsToVersion(m, {
        courseId: event.courseId,
        versionId: event.versionId,
        versionNo: version.versionNo,
        requiredLessonIds: required,
      });
      let completed = 0;
      for (const id of [...moved].sort((a, b) => a.localeCompare(b))) {
        if ((await this.completion.evaluate(m, id)).recorded) completed++;
      }
      if (moved.length)
        this.logger.log(
          { courseId: event.courseId, versionId: event.versionId, moved: moved.length, completed },
          'Enrolments moved to the new course version',
        );
      return { result: moved.length ? 'success' : 'skipped', moved: moved.length, completed };
    });
  }
}
