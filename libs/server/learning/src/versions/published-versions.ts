import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CourseSnapshot,
  LessonSnapshot,
  ModuleSnapshot,
  QuestionSnapshot,
  QuizSnapshot,
} from '@kompeten/shared-contracts';
import { selectVersion, selectVersionIds, selectVersions, type VersionRow } from './published-version-store';

export interface PreparedQuiz extends QuizSnapshot {
  questionById: ReadonlyMap<string, QuestionSnapshot>;
}

/** A published course version as the player, grading and reports read it (docs/learning.md, "Versions"). */
export interface PublishedVersion {
  id: string;
  courseId: string;
  versionNo: number;
  jp: number;
  snapshot: CourseSnapshot;
  /** Lessons in course order, with their module. */
  lessons: ReadonlyArray<{ module: ModuleSnapshot; lesson: LessonSnapshot }>;
  /** The version's quizzes (keys included: never sent to a learner as they are). */
  quizzes: ReadonlyMap<string, PreparedQuiz>;
  /** Quiz lesson id → quiz id. */
  lessonQuiz: ReadonlyMap<string, string>;
  /** Whether the version names this id anywhere: a lesson's file, a picture in a text lesson. */
  mentions(id: string): boolean;
  /**
   * A value another lib derives from the version (enrolment's required lessons, say), computed on first use and kept
   * with the version: the version never changes, so neither does the value. `key` is the deriving lib's own symbol.
   */
  derived<T>(key: symbol, compute: (version: PublishedVersion) => T): T;
}

const MAX_VERSIONS = 500;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function prepare(row: VersionRow): PublishedVersion {
  const snapshot = row.snapshot;
  const quizzes = new Map<string, PreparedQuiz>();
  for (const [id, q] of Object.entries(snapshot.quizzes ?? {}))
    quizzes.set(id, { ...q, questionById: new Map((q.questions ?? []).map((x) => [x.id, x])) });
  const lessons = (snapshot.modules ?? []).flatMap((module) =>
    (module.lessons ?? []).map((lesson) => ({ module, lesson })),
  );
  const lessonQuiz = new Map<string, string>();
  for (const { lesson } of lessons)
    if (lesson.content.kind === 'quiz') lessonQuiz.set(lesson.id, lesson.content.quizId);
  let ids: Set<string> | null = null;
  const values = new Map<symbol, unknown>();
  const version: PublishedVersion = {
    id: row.id,
    courseId: row.course_id,
    versionNo: Number(row.version_no),
    jp: Number(row.jp ?? snapshot.jp ?? 0),
    snapshot,
    lessons,
    quizzes,
    lessonQuiz,
    mentions: (id) => (ids ??= new Set(JSON.stringify(snapshot).match(UUID) ?? [])).has(id.toLowerCase()),
    derived: <T>(key: symbol, compute: (v: PublishedVersion) => T): T => {
      if (!values.has(key)) values.set(key, compute(version));
      return values.get(key) as T;
    },
  };
  return version;
}

/**
 * The one reader of published course versions, with the one cache of them (per process, least recently used out):
 * a version never changes once published, and the player, autosave, grading and completion read one on every call
 * (decision 0009). The enrolment and assessment libs read versions only through this; its statements are in
 * published-version-store.ts.
 */
@Injectable()
export class PublishedVersions {
  private readonly cache = new Map<string, PublishedVersion>();

  /** A published version, or null for an unknown id. */
  async find(m: EntityManager, versionId: string): Promise<PublishedVersion | null> {
    const hit = this.cache.get(versionId);
    if (hit) {
      // Map iteration is insertion order: re-inserting makes the first key the least recently used.
      this.cache.delete(versionId);
      this.cache.set(versionId, hit);
      return hit;
    }
    const row = await selectVersion(m, versionId);
    return row ? this.keep(prepare(row)) : null;
  }

  /** Every published version of a course, oldest first (one statement, two when some are not cached yet). */
  async ofCourse(m: EntityManager, courseId: string): Promise<PublishedVersion[]> {
    const ids = await selectVersionIds(m, courseId);
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length) for (const row of await selectVersions(m, missing)) this.keep(prepare(row));
    const out: PublishedVersion[] = [];
    for (const id of ids) {
      const v = this.cache.get(id) ?? (await this.find(m, id));
      if (v) out.push(v);
    }
    return out;
  }

  private keep(version: PublishedVersion): PublishedVersion {
    this.cache.set(version.id, version);
    if (this.cache.size > MAX_VERSIONS) this.cache.delete(this.cache.keys().next().value as string);
    return version;
  }
}
