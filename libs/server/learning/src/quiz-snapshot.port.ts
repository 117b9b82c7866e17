import type { EntityManager } from 'typeorm';
import type { QuizRole, QuizSnapshot } from '@kompeten/shared-contracts';

/**
 * How publishing gets quiz snapshots without importing the assessment lib (which depends on this one):
 * assessment binds this token; publishing a course with quiz lessons and no binding answers 400.
 * Called inside the caller's transaction with its manager; it may throw a DomainError (e.g. a quiz not ready).
 */
export const QUIZ_SNAPSHOT_PORT = Symbol('QUIZ_SNAPSHOT_PORT');

export interface QuizSnapshotPort {
  snapshot(manager: EntityManager, courseId: string, quizIds: string[]): Promise<Record<string, QuizSnapshot>>;
  /**
   * One quiz as `snapshot` would freeze it, even when it is not ready to publish (no questions, a draw larger than
   * its category): what the course preview shows beside the reason. Undefined for a quiz that is not the course's.
   */
  preview?(manager: EntityManager, courseId: string, quizId: string): Promise<QuizSnapshot | undefined>;
  /** Each quiz's role (quiz, pre_test, post_test) by id; quizzes not of the course are left out. */
  roles?(manager: EntityManager, courseId: string, quizIds: string[]): Promise<Record<string, QuizRole>>;
}
