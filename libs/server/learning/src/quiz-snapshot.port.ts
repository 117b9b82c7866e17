import type { EntityManager } from 'typeorm';
import type { QuizSnapshot } from '@kompeten/shared-contracts';

/**
 * How publishing gets quiz snapshots without importing the assessment lib (which depends on this one):
 * assessment binds this token; publishing a course with quiz lessons and no binding answers 400.
 * Called inside the publishing transaction with its manager; it may throw a DomainError (e.g. a quiz not ready).
 */
export const QUIZ_SNAPSHOT_PORT = Symbol('QUIZ_SNAPSHOT_PORT');

export interface QuizSnapshotPort {
  snapshot(manager: EntityManager, courseId: string, quizIds: string[]): Promise<Record<string, QuizSnapshot>>;
}
