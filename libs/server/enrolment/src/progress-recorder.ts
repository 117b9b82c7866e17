import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProgressResult } from '@kompeten/shared-contracts';
import { creditedSeconds } from './completion-rule';
import { CompletionService } from './completion.service';
import { applyProgress, toFacts, toLessonProgress, type LockedEnrolment, type ProgressChange } from './progress-store';

/**
 * Writes one change of a lesson's progress and evaluates completion, for every source of progress: the player, a
 * graded quiz, a submitted or graded assignment, attendance. The caller has locked the enrolment (lockEnrolment).
 */
@Injectable()
export class ProgressRecorder {
  constructor(@Inject(CompletionService) private readonly completion: CompletionService) {}

  /** One statement writes the lesson and reads the others, then completion is evaluated. `byLearner`: marks the learner's activity. */
  async apply(
    m: EntityManager,
    en: LockedEnrolment,
    lessonId: string,
    change: ProgressChange,
    byLearner: boolean,
  ): Promise<ProgressResult & { creditedSeconds: number }> {
    const { row, rows } = await applyProgress(m, en.id, lessonId, change, byLearner);
    const outcome = await this.completion.evaluate(m, en.id, { enrolment: en, rows });
    return {
      lesson: toLessonProgress(row),
      enrolmentProgressPercent: outcome.progressPercent,
      enrolmentStatus: outcome.completed ? 'completed' : en.status,
      completed: outcome.completed,
      creditedSeconds: creditedSeconds(toFacts(rows)),
    };
  }
}
