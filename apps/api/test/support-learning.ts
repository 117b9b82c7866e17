import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AnswerKey, CompletionRule, CourseSnapshot, LessonContent, LessonSnapshot, ModuleSnapshot, QuestionKind, QuestionOption, QuestionSnapshot, QuizRole, QuizSnapshot } from '@kompeten/shared-contracts';
import { QuestionEntity, questionProblems, toQuestionSnapshot } from '@kompeten/server-assessment';

/**
 * Published courses written straight into the learning tables (course, course_version, course_author), so the
 * enrolment tests depend on the learning schema only, never on its authoring and publishing API.
 */
export type LessonSpec = { key: string; title?: string; required?: boolean; content: LessonContent };

export interface SeedCourseOptions {
  /** Agency code of the course (default kota-mataram). */
  agency?: string;
  title?: string;
  visibility?: 'agency' | 'province' | 'national';
  enrolmentMode?: 'open' | 'approval' | 'assigned_only';
  status?: 'draft' | 'in_review' | 'published' | 'archived';
  prerequisiteCourseIds?: string[];
  jp?: number;
  /** Modules of lesson specs; default: a text, a video, a document and an optional file lesson. */
  modules?: Array<{ title?: string; lessons: LessonSpec[] }>;
  completionRule?: CompletionRule;
  quizzes?: Record<string, QuizSnapshot>;
  /** NIPs of the course's authors (the first is the owner). */
  authorNips?: string[];
}

export interface SeededCourse {
  courseId: string;
  versionId: string;
  snapshot: CourseSnapshot;
  /** Lesson ids by spec key. */
  lesson: Record<string, string>;
}

export const DEFAULT_LESSONS: LessonSpec[][] = [
  [
    { key: 'intro', title: 'Pengantar BerAKHLAK', content: { kind: 'text', html: '<p>Nilai dasar ASN: Berorientasi Pelayanan, Akuntabel, Kompeten…</p>' } },
    { key: 'video', title: 'Video: Berorientasi Pelayanan', content: { kind: 'video', url: 'https://video.example.go.id/berakhlak.mp4', durationSeconds: 600, completeAtRatio: 0.9 } },
  ],
  [
    { key: 'reading', title: 'Bahan bacaan', content: { kind: 'document', fileId: randomUUID() } },
    { key: 'handout', title: 'Lembar kerja (pilihan)', required: false, content: { kind: 'file', fileId: randomUUID() } },
  ],
];

/**
 * A question snapshot exactly as publishing writes it: the assessment lib's own shape check (`questionProblems`, what
 * its authoring API enforces) and its own snapshot mapper (`toQuestionSnapshot`, what QUIZ_SNAPSHOT_PORT returns), so
 * keys have the shapes grading reads (`{ correct: 'a' }`, `{ correct: true }`, …).
 */
export function makeQuestion(q: { kind: QuestionKind; prompt: string; options?: QuestionOption[]; answerKey: AnswerKey; points?: number; feedback?: string }): QuestionSnapshot {
  const options = q.options ?? [];
  const problems = questionProblems(q.kind, options, q.answerKey);
  if (problems.length) throw new Error(`makeQuestion: ${problems.join('; ')}`);
  return toQuestionSnapshot(Object.assign(new QuestionEntity(), {
    id: randomUUID(), courseId: randomUUID(), categoryId: null, kind: q.kind, prompt: q.prompt, options, answerKey: q.answerKey,
    points: q.points ?? 1, feedback: q.feedback ?? null, archived: false,
  }));
}

/** A quiz snapshot with two questions (keys included, in the shapes assessment grades: true_false `{ correct: true }`, single `{ correct: 'a' }`). */
export function makeQuiz(role: QuizRole, overrides: Partial<QuizSnapshot['settings']> = {}): QuizSnapshot {
  const id = randomUUID();
  return {
    id,
    title: role === 'pre_test' ? 'Pre-test' : role === 'post_test' ? 'Post-test' : 'Kuis',
    settings: {
      role, draw: [], shuffleOptions: true, timeLimitSeconds: 900, opensAt: null, closesAt: null, maxAttempts: 2,
      passPercent: 70, gradingMethod: 'highest', reviewPolicy: 'after_submit', ...overrides,
    },
    questions: [
      makeQuestion({ kind: 'true_false', prompt: 'ASN wajib berorientasi pelayanan.', answerKey: { correct: true } }),
      makeQuestion({
        kind: 'single', prompt: 'Huruf A pada BerAKHLAK berarti…', options: [{ id: 'a', text: 'Akuntabel' }, { id: 'b', text: 'Amanah' }], answerKey: { correct: 'a' },
      }),
    ],
  };
}

export async function seedPublishedCourse(db: DataSource, o: SeedCourseOptions = {}): Promise<SeededCourse> {
  const [agency] = await db.query(`SELECT id FROM agency WHERE code = $1`, [o.agency ?? 'kota-mataram']);
  if (!agency) throw new Error(`No agency ${o.agency}`);
  const title = o.title ?? `Nilai Dasar ASN BerAKHLAK ${randomUUID().slice(0, 8)}`;
  const jp = o.jp ?? 8;
  const lesson: Record<string, string> = {};
  const modules: ModuleSnapshot[] = (o.modules ?? DEFAULT_LESSONS.map((lessons): { title?: string; lessons: LessonSpec[] } => ({ lessons }))).map((mod, i) => ({
    id: randomUUID(),
    title: mod.title ?? `Modul ${i + 1}`,
    lessons: mod.lessons.map((spec): LessonSnapshot => {
      lesson[spec.key] = randomUUID();
      return { id: lesson[spec.key], title: spec.title ?? spec.key, required: spec.required ?? true, content: spec.content };
    }),
  }));
  const completionRule = o.completionRule ?? { requiredLessons: 'all' };
  const [course] = await db.query(
    `INSERT INTO course (agency_id, title, description, objectives, competency_kind, learning_method, jenis_diklat_id, jp, level, tags,
                         visibility, enrolment_mode, prerequisite_course_ids, completion_rule, status, search_stems)
     VALUES ($1, $2, 'Pelatihan dasar untuk ASN.', '["Memahami nilai dasar ASN"]', 'sosial_kultural', 'e_learning', 16, $3, 'dasar', '{}',
             $4, $5, $6::uuid[], $7, $8, lower($2)) RETURNING id`,
    [agency.id, title, jp, o.visibility ?? 'agency', o.enrolmentMode ?? 'open', o.prerequisiteCourseIds ?? [], JSON.stringify(completionRule), o.status ?? 'published'],
  );
  const snapshot: CourseSnapshot = {
    courseId: course.id, versionNo: 1, title, description: 'Pelatihan dasar untuk ASN.', jp, jenisDiklatId: 16, modules,
    completionRule, quizzes: o.quizzes ?? {},
  };
  const [version] = await db.query(
    `INSERT INTO course_version (course_id, version_no, snapshot, jp, requires_upgrade, published_at) VALUES ($1, 1, $2, $3, false, now()) RETURNING id`,
    [course.id, JSON.stringify(snapshot), jp],
  );
  await db.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [course.id, version.id]);
  for (const [i, nip] of (o.authorNips ?? []).entries()) {
    await db.query(
      `INSERT INTO course_author (course_id, employee_id, role) SELECT $1, id, $3 FROM employee WHERE nip = $2`,
      [course.id, nip, i === 0 ? 'owner' : 'co_author'],
    );
  }
  return { courseId: course.id, versionId: version.id, snapshot, lesson };
}

/**
 * Moves an enrolment's learning clock `seconds` into the past, as if the learner had been learning that long since
 * their last event (the server credits time and video only as fast as wall-clock time passes: docs/learning.md).
 */
export async function rewindLearningClock(db: DataSource, enrolmentId: string, seconds: number): Promise<void> {
  await db.query(
    `UPDATE enrolment SET created_at = created_at - make_interval(secs => $2), decided_at = decided_at - make_interval(secs => $2),
            last_progress_at = last_progress_at - make_interval(secs => $2) WHERE id = $1`,
    [enrolmentId, seconds],
  );
  await db.query(`UPDATE lesson_progress SET watched_at = watched_at - make_interval(secs => $2) WHERE enrolment_id = $1`, [enrolmentId, seconds]);
}
