import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@kompeten/server-core';
import { EnrolmentAccess, QuizOutcomeService } from '@kompeten/server-enrolment';

export interface LearnerEnrolment {
  enrolmentId: string;
  courseId: string;
  courseVersionId: string;
}

/** What assessment needs from the enrolment domain: the learner's own enrolment, and recording a quiz outcome on it. */
@Injectable()
export class LearnerEnrolments {
  private readonly logger = new Logger(LearnerEnrolments.name);

  constructor(
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(QuizOutcomeService) private readonly outcomes: QuizOutcomeService,
  ) {}

  /** The caller's own active enrolment (404 otherwise). */
  requireActive(m: EntityManager, enrolmentId: string, employeeId: string): Promise<LearnerEnrolment> {
    return this.access.requireActiveLearnerEnrolment(m, enrolmentId, employeeId);
  }

  /** Whether the caller's own enrolment is active (a new quiz attempt could be started on it). */
  async isActive(m: EntityManager, enrolmentId: string, employeeId: string): Promise<boolean> {
    try {
      await this.access.requireActiveLearnerEnrolment(m, enrolmentId, employeeId);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return false;
      throw err;
    }
  }

  /** The caller's own enrolment in any status, for reading past attempts; null when it is not theirs. */
  async findOwn(m: EntityManager, enrolmentId: string, employeeId: string): Promise<LearnerEnrolment | null> {
    return this.access.findOwnEnrolment(m, enrolmentId, employeeId);
  }

  /**
   * In the caller's transaction: the quiz lesson is completed with the learner's quiz grade; may complete the course.
   * A withdrawn enrolment, or one moved to a version without this lesson, keeps the graded attempt and records nothing
   * (so the worker's sweep never retries such an attempt forever).
   */
  async recordQuizOutcome(
    m: EntityManager,
    enrolmentId: string,
    lessonId: string,
    outcome: { gradePercent: number; passed: boolean },
  ): Promise<{ courseCompleted: boolean } | null> {
    try {
      return await this.outcomes.recordQuizOutcome(m, enrolmentId, lessonId, outcome);
    } catch (err) {
      // Only checks made in code (no failed SQL statement), so the transaction is still usable.
      if (err instanceof DomainError && (err.kind === 'not_found' || err.kind === 'validation')) {
        this.logger.warn(
          { enrolmentId, lessonId, code: err.code },
          'Quiz outcome not recorded: the lesson is no longer in the enrolment’s version',
        );
        return null;
      }
      throw err;
    }
  }
}
