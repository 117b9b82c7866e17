import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  CompletionRule,
  CourseSnapshot,
  LessonContent,
  LessonSnapshot,
  ModuleSnapshot,
  QuizSettings,
  QuizSnapshot,
} from '@kompeten/shared-contracts';

/**
 * Courses written straight into the learning tables (course, course_author, course_module, lesson, course_version),
 * so tests of the libs that read courses depend on the learning schema only, never on its authoring and publishing
 * API. Tests of the learning lib itself build drafts here and publish them through its services.
 */
type Db = DataSource | EntityManager;

export type LessonSpec = { key: string; title?: string; required?: boolean; content: LessonContent };

export type CourseVisibility = 'agency' | 'province' | 'national';
export type EnrolmentMode = 'open' | 'approval' | 'assigned_only';

interface CourseOwnerOptions {
  /** Agency of the course by id (wins over `agency`). */
  agencyId?: string;
  /** Agency of the course by code (the demo world's codes). */
  agency?: string;
  /** Authors by NIP (the first is the owner). */
  authorNips?: string[];
  /** Authors by employee id (the first is the owner; after any `authorNips`). */
  authorEmployeeIds?: string[];
  title?: string;
  visibility?: CourseVisibility;
  enrolmentMode?: EnrolmentMode;
  prerequisiteCourseIds?: string[];
  jp?: number;
  completionRule?: CompletionRule;
}

export interface SeedCourseOptions extends Omit<CourseOwnerOptions, 'completionRule'> {
  /** The rule, or a function of the lesson ids by spec key (for rules that name lessons). */
  completionRule?: CompletionRule | ((lesson: Record<string, string>) => CompletionRule);
  /** The course's workflow status; it has a published version whatever this is (default published). */
  status?: 'draft' | 'in_review' | 'published' | 'archived';
  /** Modules of lesson specs; default: a text, a video, a document and an optional file lesson. */
  modules?: Array<{ title?: string; lessons: LessonSpec[] }>;
  quizzes?: Record<string, QuizSnapshot>;
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
    {
      key: 'intro',
      title: 'Pengantar BerAKHLAK',
      content: { kind: 'text', html: '<p>Nilai dasar ASN: Berorientasi Pelayanan, Akuntabel, Kompeten…</p>' },
    },
    {
      key: 'video',
      title: 'Video: Berorientasi Pelayanan',
      content: {
        kind: 'video',
        url: 'https://video.example.go.id/berakhlak.mp4',
        durationSeconds: 600,
        completeAtRatio: 0.9,
      },
    },
  ],
  [
    { key: 'reading', title: 'Bahan bacaan', content: { kind: 'document', fileId: randomUUID() } },
    {
      key: 'handout',
      title: 'Lembar kerja (pilihan)',
      required: false,
      content: { kind: 'file', fileId: randomUUID() },
    },
  ],
];

async function agencyIdOf(
  db: Db,
  o: Pick<CourseOwnerOptions, 'agencyId' | 'agency'>,
  defaultCode: string,
): Promise<string> {
  if (o.agencyId) return o.agencyId;
  const [agency] = await db.query(`SELECT id FROM agency WHERE code = $1`, [o.agency ?? defaultCode]);
  if (!agency) throw new Error(`No agency ${o.agency ?? defaultCode}`);
  return agency.id;
}

async function insertCourse(
  db: Db,
  o: CourseOwnerOptions,
  values: {
    agencyId: string;
    title: string;
    description: string;
    objectives: string[];
    status: string;
    visibility: CourseVisibility;
    searchStems: string;
  },
): Promise<string> {
  const [course] = await db.query(
    `INSERT INTO course (agency_id, title, description, objectives, competency_kind, learning_method, jenis_diklat_id, jp, level, tags,
                         visibility, enrolment_mode, prerequisite_course_ids, completion_rule, status, search_stems)
     VALUES ($1, $2, $3, $11, 'sosial_kultural', 'e_learning', 16, $4, 'dasar', '{}',
             $5, $6, $7::uuid[], $8, $9, $10) RETURNING id`,
    [
      values.agencyId,
      values.title,
      values.description,
      o.jp ?? 8,
      values.visibility,
      o.enrolmentMode ?? 'open',
      o.prerequisiteCourseIds ?? [],
      JSON.stringify(o.completionRule ?? { requiredLessons: 'all' }),
      values.status,
      values.searchStems,
      JSON.stringify(values.objectives),
    ],
  );
  const authors: Array<['nip' | 'id', string]> = [
    ...(o.authorNips ?? []).map((n): ['nip', string] => ['nip', n]),
    ...(o.authorEmployeeIds ?? []).map((n): ['id', string] => ['id', n]),
  ];
  for (const [i, [by, value]] of authors.entries()) {
    await db.query(
      `INSERT INTO course_author (course_id, employee_id, role) SELECT $1, id, $3 FROM employee WHERE ${by} = $2`,
      [course.id, value, i === 0 ? 'owner' : 'co_author'],
    );
  }
  return course.id;
}

/** A course with a published version 1 built from lesson specs (the draft tables stay empty). */
export async function seedPublishedCourse(db: Db, o: SeedCourseOptions = {}): Promise<SeededCourse> {
  const agencyId = await agencyIdOf(db, { agencyId: o.agencyId, agency: o.agency }, 'kota-mataram');
  const title = o.title ?? `Nilai Dasar ASN BerAKHLAK ${randomUUID().slice(0, 8)}`;
  const jp = o.jp ?? 8;
  const lesson: Record<string, string> = {};
  const modules: ModuleSnapshot[] = (
    o.modules ?? DEFAULT_LESSONS.map((lessons): { title?: string; lessons: LessonSpec[] } => ({ lessons }))
  ).map((mod, i) => ({
    id: randomUUID(),
    title: mod.title ?? `Modul ${i + 1}`,
    lessons: mod.lessons.map((spec): LessonSnapshot => {
      lesson[spec.key] = randomUUID();
      return {
        id: lesson[spec.key],
        title: spec.title ?? spec.key,
        required: spec.required ?? true,
        content: spec.content,
      };
    }),
  }));
  const completionRule = (typeof o.completionRule === 'function' ? o.completionRule(lesson) : o.completionRule) ?? {
    requiredLessons: 'all',
  };
  const description = 'Pelatihan dasar untuk ASN.';
  const courseId = await insertCourse(
    db,
    { ...o, jp, completionRule },
    {
      agencyId,
      title,
      description,
      objectives: ['Memahami nilai dasar ASN'],
      status: o.status ?? 'published',
      visibility: o.visibility ?? 'agency',
      searchStems: title.toLowerCase(),
    },
  );
  const snapshot: CourseSnapshot = {
    courseId,
    versionNo: 1,
    title,
    description,
    jp,
    jenisDiklatId: 16,
    modules,
    completionRule,
    quizzes: o.quizzes ?? {},
  };
  const [version] = await db.query(
    `INSERT INTO course_version (course_id, version_no, snapshot, jp, requires_upgrade, published_at) VALUES ($1, 1, $2, $3, false, now()) RETURNING id`,
    [courseId, JSON.stringify(snapshot), jp],
  );
  await db.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [courseId, version.id]);
  return { courseId, versionId: version.id, snapshot, lesson };
}

export interface DraftCourseOptions extends CourseOwnerOptions {
  /** Modules of the draft's outline (course_module and lesson rows); default none. */
  modules?: Array<{ title?: string; lessons: LessonSpec[] }>;
}

export interface DraftCourse {
  courseId: string;
  moduleIds: string[];
  /** Lesson ids by spec key. */
  lesson: Record<string, string>;
}

/** A never-published draft (default: of prov-ntb, province-wide), optionally with an outline. */
export async function createDraftCourse(db: Db, o: DraftCourseOptions = {}): Promise<DraftCourse> {
  const agencyId = await agencyIdOf(db, o, 'prov-ntb');
  const title = o.title ?? `Etika Pelayanan Publik ${randomUUID().slice(0, 6)}`;
  const courseId = await insertCourse(
    db,
    { ...o, jp: o.jp ?? 4 },
    {
      agencyId,
      title,
      description: 'Pelatihan etika pelayanan publik bagi ASN.',
      objectives: [],
      status: 'draft',
      visibility: o.visibility ?? 'province',
      searchStems: '',
    },
  );
  const moduleIds: string[] = [];
  const lesson: Record<string, string> = {};
  for (const [i, mod] of (o.modules ?? []).entries()) {
    const [row] = await db.query(
      `INSERT INTO course_module (course_id, position, title) VALUES ($1, $2, $3) RETURNING id`,
      [courseId, i + 1, mod.title ?? `Modul ${i + 1}`],
    );
    moduleIds.push(row.id);
    for (const [j, spec] of mod.lessons.entries()) {
      const [l] = await db.query(
        `INSERT INTO lesson (course_id, module_id, position, kind, title, required, content) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          courseId,
          row.id,
          j + 1,
          spec.content.kind,
          spec.title ?? spec.key,
          spec.required ?? true,
          JSON.stringify(spec.content),
        ],
      );
      lesson[spec.key] = l.id;
    }
  }
  return { courseId, moduleIds, lesson };
}

export interface PublishedQuizVersion {
  versionId: string;
  /** The quiz lesson of each quiz, by quiz id. */
  lessonOf: Record<string, string>;
  quizzes: Record<string, QuizSnapshot>;
}

/**
 * Publishes the next version of a course with one quiz lesson per quiz snapshot (after a required reading the tests
 * never complete, so the enrolment stays active and quizzes can be retaken). `settings` overrides snapshot settings per
 * quiz id (e.g. an open/close window in the past).
 */
export async function publishQuizVersion(
  db: Db,
  courseId: string,
  snapshots: Record<string, QuizSnapshot>,
  settings: Record<string, Partial<QuizSettings>> = {},
): Promise<PublishedQuizVersion> {
  const quizzes: Record<string, QuizSnapshot> = Object.fromEntries(
    Object.entries(snapshots).map(([id, q]) => [id, { ...q, settings: { ...q.settings, ...(settings[id] ?? {}) } }]),
  );
  const quizIds = Object.keys(quizzes);
  const lessonOf: Record<string, string> = Object.fromEntries(quizIds.map((id) => [id, randomUUID()]));
  const [{ next }] = await db.query(
    `SELECT coalesce(max(version_no), 0) + 1 AS next FROM course_version WHERE course_id = $1`,
    [courseId],
  );
  const snapshot: CourseSnapshot = {
    courseId,
    versionNo: next,
    title: 'Etika Pelayanan Publik',
    description: 'Pelatihan etika pelayanan publik bagi ASN.',
    jp: 4,
    jenisDiklatId: 16,
    modules: [
      {
        id: randomUUID(),
        title: 'Evaluasi',
        lessons: [
          {
            id: randomUUID(),
            title: 'Bahan bacaan',
            required: true,
            content: { kind: 'text', html: '<p>Etika pelayanan publik.</p>' },
          },
          ...quizIds.map((id) => ({
            id: lessonOf[id],
            title: quizzes[id].title,
            required: true,
            content: { kind: 'quiz' as const, quizId: id },
          })),
        ],
      },
    ],
    completionRule: { requiredLessons: 'all' },
    quizzes,
  };
  const [version] = await db.query(
    `INSERT INTO course_version (course_id, version_no, snapshot, jp, requires_upgrade) VALUES ($1, $2, $3, 4, false) RETURNING id`,
    [courseId, next, JSON.stringify(snapshot)],
  );
  await db.query(`UPDATE course SET status = 'published', current_version_id = $2 WHERE id = $1`, [
    courseId,
    version.id,
  ]);
  return { versionId: version.id, lessonOf, quizzes };
}
