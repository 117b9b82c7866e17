import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { EnrolmentVersions } from './enrolment-versions';
import { ProgressRecorder } from './progress-recorder';
import { lockEnrolment } from './progress-store';

/** Quiz outcomes on the learner's progress, for the assessment lib (decision 0005). */
@Injectable()
export class QuizOutcomeService {
  constructor(
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(ProgressRecorder) private readonly recorder: ProgressRecorder,
  ) {}

  /**
   * A graded quiz attempt completes its quiz lesson with the learner's quiz grade, in the caller's transaction, and
   * may complete the course. `courseCompleted`: the course is completed (now or before). Null, recording nothing, when
   * the enrolment is no longer active or completed (withdrawn, say).
   */
  async recordQuizOutcome(
    manager: EntityManager,
    enrolmentId: string,
    lessonId: string,
    outcome: { gradePercent: number; passed: boolean },
  ): Promise<{ courseCompleted: boolean } | null> {
    const en = await lockEnrolment(manager, enrolmentId);
    if (en.status !== 'active' && en.status !== 'completed') return null;
    const { lesson } = await this.versions.lesson(manager, en.courseVersionId, lessonId);
    if (lesson.content.kind !== 'quiz') throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan kuis');
    const grade = Math.round(Math.min(100, Math.max(0, outcome.gradePercent)) * 100) / 100;
    const result = await this.recorder.apply(
      manager,
      en,
      lessonId,
      { complete: true, scorePercent: grade, passed: outcome.passed },
      true,
    );
    return { courseCompleted: result.completed };
  }
}
