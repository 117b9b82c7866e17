import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ModuleSnapshot, QuestionSnapshot, QuizSnapshot } from '@kompeten/shared-contracts';

export interface PreparedQuiz extends QuizSnapshot {
  questionById: ReadonlyMap<string, QuestionSnapshot>;
}

export interface VersionQuizzes {
  courseId: string;
  quizzes: ReadonlyMap<string, PreparedQuiz>;
  /** Quiz lesson id → quiz id. */
  lessonQuiz: ReadonlyMap<string, string>;
}

const MAX_VERSIONS = 500;

/**
 * The quizzes of published course versions, kept in memory: a version's snapshot never changes, and answering
 * (autosave every few seconds by every learner in a quiz) must not re-read a large jsonb on each call.
 */
@Injectable()
export class QuizSnapshotCache {
  private readonly versions = new Map<string, VersionQuizzes>();

  async get(m: EntityManager, courseVersionId: string): Promise<VersionQuizzes | null> {
    const hit = this.versions.get(courseVersionId);
    if (hit) {
      // Refresh recency: Map iteration order is insertion order, so the first key is the least recently used.
      this.versions.delete(courseVersionId);
      this.versions.set(courseVersionId, hit);
      return hit;
    }
    const [row]: Array<{ courseId: string; quizzes: Record<string, QuizSnapshot> | null; modules: ModuleSnapshot[] | null }> = await m.query(
      `SELECT course_id AS "courseId", snapshot->'quizzes' AS quizzes, snapshot->'modules' AS modules FROM course_version WHERE id = $1`,
      [courseVersionId],
    );
    if (!row) return null;
    const quizzes = new Map<string, PreparedQuiz>();
    for (const [id, q] of Object.entries(row.quizzes ?? {})) quizzes.set(id, { ...q, questionById: new Map(q.questions.map((x) => [x.id, x])) });
    const lessonQuiz = new Map<string, string>();
    for (const mod of row.modules ?? []) {
      for (const lesson of mod.lessons) if (lesson.content.kind === 'quiz') lessonQuiz.set(lesson.id, lesson.content.quizId);
    }
    const prepared = { courseId: row.courseId, quizzes, lessonQuiz };
    this.versions.set(courseVersionId, prepared);
    if (this.versions.size > MAX_VERSIONS) this.versions.delete(this.versions.keys().next().value as string);
    return prepared;
  }
}
