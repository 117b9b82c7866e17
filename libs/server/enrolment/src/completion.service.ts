import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from '@kompeten/shared-contracts';
import { writeOutbox } from '@kompeten/server-core';
import { progressPercent, unmetConditions } from './completion-rule';
import { insertCompletion, markEnrolmentCompleted } from './completion-store';
import {
  lockEnrolment,
  progressRows,
  setEnrolmentProgress,
  toFacts,
  type LessonProgressRow,
  type LockedEnrolment,
} from './progress-store';
import { EnrolmentVersions } from './enrolment-versions';

export interface CompletionOutcome {
  /** The enrolment is completed (now or before). */
  completed: boolean;
  /** This call wrote the completion (and its event). */
  recorded: boolean;
  completionId: string | null;
  progressPercent: number;
}

/** Checks a version's completion rule and writes the completion exactly once. */
@Injectable()
export class CompletionService {
  constructor(@Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions) {}

  /**
   * Runs in the caller's transaction. The enrolment row is locked first, so two triggers racing for the last lesson
   * are serialised (the second sees the first one's progress); the unique completion per enrolment and
   * ON CONFLICT DO NOTHING make a repeated evaluation write nothing, and only a newly written completion marks the
   * enrolment completed and emits `course.completed`. A caller that has already locked the enrolment and read its
   * lesson rows in this transaction passes them as `known` (the progress hot path: no second lock, no re-read).
   */
  async evaluate(
    manager: EntityManager,
    enrolmentId: string,
    known?: { enrolment: LockedEnrolment; rows: readonly LessonProgressRow[] },
  ): Promise<CompletionOutcome> {
    const en = known?.enrolment ?? (await lockEnrolment(manager, enrolmentId));
    const version = await this.versions.get(manager, en.courseVersionId);
    const facts = toFacts(known?.rows ?? (await progressRows(manager, enrolmentId)));
    const percent = progressPercent(version.snapshot, facts);
    if (percent !== en.progressPercent) await setEnrolmentProgress(manager, enrolmentId, percent);
    if (en.status === 'completed')
      return { completed: true, recorded: false, completionId: null, progressPercent: percent };
    if (en.status !== 'active' || unmetConditions(version.snapshot, facts).length > 0) {
      return { completed: false, recorded: false, completionId: null, progressPercent: percent };
    }
    const row = await insertCompletion(manager, {
      enrolmentId: en.id,
      courseId: en.courseId,
      courseVersionId: en.courseVersionId,
      employeeId: en.employeeId,
      jp: version.jp,
    });
    if (!row) return { completed: true, recorded: false, completionId: null, progressPercent: percent };
    await markEnrolmentCompleted(manager, en.id, row.completed_at);
    await writeOutbox(manager, OutboxEvent.CourseCompleted, row.id, { completionId: row.id });
    return { completed: true, recorded: true, completionId: row.id, progressPercent: percent };
  }
}
