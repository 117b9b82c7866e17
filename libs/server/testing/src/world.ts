import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { QuizSnapshot } from '@kompeten/shared-contracts';
import {
  createDraftCourse,
  DEFAULT_LESSONS,
  seedPublishedCourse,
  type DraftCourse,
  type DraftCourseOptions,
  type LessonSpec,
  type SeedCourseOptions,
  type SeededCourse,
} from './factories/courses';
import { createAgency, createUnit, type AgencyRef, type UnitRef } from './factories/organisation';
import { createPerson, type Person, type PersonOptions } from './factories/people';
import { makeQuiz } from './factories/quizzes';

type OwnedCourseOptions = 'agencyId' | 'agency' | 'authorNips' | 'authorEmployeeIds';

/** The world's course: published as version 1 unless `published: false` (then a draft with an outline). */
export type WorldCourseOptions =
  | ({ published?: true; /** Adds a module with a post-test quiz lesson (key `postTest`). */ quiz?: boolean } & Omit<
      SeedCourseOptions,
      OwnedCourseOptions
    >)
  | ({ published: false } & Omit<DraftCourseOptions, OwnedCourseOptions>);

export interface WorldOptions {
  /** Learners in Dinas Kesehatan reporting to the supervisor (default 1). */
  learners?: number;
  /** A course of the main agency owned by `world.author`. */
  course?: WorldCourseOptions;
}

export interface PublishedWorldCourse extends SeededCourse {
  /** The post-test (with `quiz: true`). */
  quiz: QuizSnapshot | null;
}

export interface World {
  db: DataSource;
  /** A province (WITA) and two of its cities, then another province (WIB) with a regency: agencies outside the first. */
  province: AgencyRef;
  /** Where everyone below works unless said otherwise. */
  agency: AgencyRef;
  /** Another city of the same province. */
  sibling: AgencyRef;
  otherProvince: AgencyRef;
  otherAgency: AgencyRef;
  /** Work units of `agency`: Dinas Kesehatan with RSUD under it, and Dinas Pendidikan beside them. */
  units: { dinkes: UnitRef; rsud: UnitRef; disdik: UnitRef };
  /** Atasan langsung of the learners (supervisor role in the agency). */
  supervisor: Person;
  learners: Person[];
  /** learners[0] */
  learner: Person;
  /** A widyaiswara of the agency; owns the world's course. */
  author: Person;
  /** Another widyaiswara of the agency, who may review the author's courses. */
  reviewer: Person;
  /** Agency admin account (no ASN record). */
  admin: Person;
  /** HR officer (pengelola kepegawaian) of Dinas Kesehatan and its sub-units. */
  hrOfficer: Person;
  /** A learner of the sibling city (same province). */
  siblingLearner: Person;
  /** A learner of the other province's regency. */
  outsider: Person;
  /** One more person, by default a learner of Dinas Kesehatan reporting to the supervisor. */
  person(o?: Partial<PersonOptions>): Promise<Person>;
}

export type WorldFor<O extends WorldOptions> = World &
  (O extends { course: infer C }
    ? { course: C extends { published: false } ? DraftCourse : PublishedWorldCourse }
    : unknown);

/**
 * A small world for one test file in one line: agencies in two provinces, units, a supervisor with learners, authors,
 * an admin and an HR officer, and optionally a course. Codes carry a random tag, so several worlds fit in one database.
 *
 *   const world = await createWorld(db, { learners: 3, course: { quiz: true } });
 */
export async function createWorld<const O extends WorldOptions = Record<never, never>>(
  db: DataSource,
  options?: O,
): Promise<WorldFor<O>> {
  const tag = randomBytes(3).toString('hex');
  const province = await createAgency(db, {
    code: `prov-ntb-${tag}`,
    name: 'Pemerintah Provinsi Nusa Tenggara Barat',
    level: 'provinsi',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BPSDM',
  });
  const agency = await createAgency(db, {
    code: `kota-mataram-${tag}`,
    name: 'Pemerintah Kota Mataram',
    level: 'kota',
    parentId: province.id,
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM',
  });
  const sibling = await createAgency(db, {
    code: `kota-bima-${tag}`,
    name: 'Pemerintah Kota Bima',
    level: 'kota',
    parentId: province.id,
    timeZone: 'Asia/Makassar',
  });
  const otherProvince = await createAgency(db, {
    code: `prov-jateng-${tag}`,
    name: 'Pemerintah Provinsi Jawa Tengah',
    level: 'provinsi',
    timeZone: 'Asia/Jakarta',
  });
  const otherAgency = await createAgency(db, {
    code: `kab-kendal-${tag}`,
    name: 'Pemerintah Kabupaten Kendal',
    level: 'kabupaten',
    parentId: otherProvince.id,
    timeZone: 'Asia/Jakarta',
  });
  const dinkes = await createUnit(db, agency.id, { code: 'DINKES', name: 'Dinas Kesehatan' });
  const rsud = await createUnit(db, agency.id, { code: 'RSUD', name: 'Rumah Sakit Umum Daerah', parent: dinkes });
  const disdik = await createUnit(db, agency.id, { code: 'DISDIK', name: 'Dinas Pendidikan' });

  const supervisor = await createPerson(db, {
    agencyId: agency.id,
    unitId: dinkes.id,
    fullName: 'Muhammad Ilham Hakim',
    positionName: 'Kepala Dinas Kesehatan',
    positionKind: 'struktural',
    roles: ['learner', 'supervisor'],
  });
  const learners: Person[] = [];
  for (let i = 0; i < (options?.learners ?? 1); i++) {
    learners.push(
      await createPerson(db, {
        agencyId: agency.id,
        unitId: dinkes.id,
        supervisorId: supervisor.employeeId,
        fullName: `Peserta Dinkes ${i + 1}`,
      }),
    );
  }
  const author = await createPerson(db, {
    agencyId: agency.id,
    fullName: 'Nurhayati Rahman',
    positionName: 'Widyaiswara Ahli Madya',
    roles: ['learner', 'widyaiswara'],
  });
  const reviewer = await createPerson(db, {
    agencyId: agency.id,
    fullName: 'Ahmad Fauzi',
    positionName: 'Widyaiswara Ahli Muda',
    roles: ['learner', 'widyaiswara'],
  });
  const admin = await createPerson(db, {
    agencyId: agency.id,
    employee: false,
    fullName: 'Admin BKPSDM',
    roles: ['agency_admin'],
  });
  const hrOfficer = await createPerson(db, {
    agencyId: agency.id,
    unitId: dinkes.id,
    supervisorId: supervisor.employeeId,
    fullName: 'Baiq Rina Susanti',
    roles: ['learner', { role: 'hr_officer', unitId: dinkes.id }],
  });
  const siblingLearner = await createPerson(db, { agencyId: sibling.id, fullName: 'Peserta Kota Bima' });
  const outsider = await createPerson(db, { agencyId: otherAgency.id, fullName: 'Sri Wahyuni' });

  const world: World & { course?: DraftCourse | PublishedWorldCourse } = {
    db,
    province,
    agency,
    sibling,
    otherProvince,
    otherAgency,
    units: { dinkes, rsud, disdik },
    supervisor,
    learners,
    learner: learners[0],
    author,
    reviewer,
    admin,
    hrOfficer,
    siblingLearner,
    outsider,
    person: (o = {}) =>
      createPerson(db, { agencyId: agency.id, unitId: dinkes.id, supervisorId: supervisor.employeeId, ...o }),
  };
  const course = options?.course;
  if (course && course.published === false) {
    const { published: _published, ...draft } = course;
    world.course = await createDraftCourse(db, {
      ...draft,
      agencyId: agency.id,
      authorEmployeeIds: [author.employeeId as string],
    });
  } else if (course) {
    const { published: _published, quiz: withQuiz, ...rest } = course;
    const quiz = withQuiz ? makeQuiz('post_test') : null;
    const modules =
      rest.modules ?? DEFAULT_LESSONS.map((lessons): { title?: string; lessons: LessonSpec[] } => ({ lessons }));
    const seeded = await seedPublishedCourse(db, {
      ...rest,
      agencyId: agency.id,
      authorEmployeeIds: [author.employeeId as string],
      modules: quiz
        ? [
            ...modules,
            {
              title: 'Evaluasi',
              lessons: [{ key: 'postTest', title: 'Post-test', content: { kind: 'quiz', quizId: quiz.id } }],
            },
          ]
        : modules,
      quizzes: { ...(rest.quizzes ?? {}), ...(quiz ? { [quiz.id]: quiz } : {}) },
    });
    world.course = { ...seeded, quiz };
  }
  return world as WorldFor<O>;
}
