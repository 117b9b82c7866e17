import { randomUUID } from 'node:crypto';
import { ErrorCode, OutboxEvent } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createEnrolment,
  createWorld,
  rewindLearningClock,
  seedPublishedCourse,
  type LessonSpec,
  type LibTestContext,
  type Person,
  type SeedCourseOptions,
  type SeededCourse,
  type World,
} from '@kompeten/server-testing';
import { EnrolmentModule } from './enrolment.module';
import { ENROLMENT_ENTITIES } from './index';
import { EnrolmentService } from './enrolment.service';
import { AttendanceService } from './attendance.service';
import { ProgressService } from './progress.service';
import { QuizOutcomeService } from './quiz-outcome.service';

const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
];
const text = (key: string): LessonSpec => ({ key, title: key, content: { kind: 'text', html: `<p>${key}</p>` } });

// Progress and completion as a learner sees them (docs/learning.md, "Completion rule format" and "Time and video the
// server credits"): which events complete a lesson, the percentage, completion written exactly once with its event,
// minimum times, the post-test grade, and attendance of live sessions.
describe('progress and completion (ProgressService, CompletionService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World & { course: SeededCourse };
  let progress: ProgressService;
  let outcomes: QuizOutcomeService;
  let attendance: AttendanceService;
  let enrolments: EnrolmentService;
  let org: OrganisationService;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const event = async (
    p: Person,
    enrolmentId: string,
    lessonId: string,
    dto: Parameters<ProgressService['recordEvent']>[3],
  ) => progress.recordEvent(await scope(p), enrolmentId, lessonId, dto);
  const course = (modules: LessonSpec[][], completionRule?: SeedCourseOptions['completionRule']) =>
    seedPublishedCourse(lib.db, {
      agencyId: world.agency.id,
      authorEmployeeIds: [world.author.employeeId as string],
      modules: modules.map((lessons) => ({ lessons })),
      completionRule,
    });
  const enrolNew = async (c: SeededCourse): Promise<{ learner: Person; enrolmentId: string }> => {
    const learner = await world.person();
    return {
      learner,
      enrolmentId: await createEnrolment(lib.db, {
        courseId: c.courseId,
        versionId: c.versionId,
        employeeId: learner.employeeId as string,
      }),
    };
  };
  const completions = (enrolmentId: string): Promise<Array<{ id: string; jp: string; course_version_id: string }>> =>
    lib.db.query(`SELECT id, jp, course_version_id FROM course_completion WHERE enrolment_id = $1`, [enrolmentId]);
  const completedEvents = (completionIds: string[]): Promise<Array<{ aggregate_id: string; payload: unknown }>> =>
    lib.db.query(
      `SELECT aggregate_id, payload FROM outbox_event WHERE event_type = $1 AND aggregate_id = ANY($2::uuid[])`,
      [OutboxEvent.CourseCompleted, completionIds],
    );

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [EnrolmentModule] });
    // The default course: intro (text), video (600 s, completes at 90 %), reading (document), handout (file, optional).
    world = await createWorld(lib.db, { course: {} });
    progress = lib.get(ProgressService);
    outcomes = lib.get(QuizOutcomeService);
    attendance = lib.get(AttendanceService);
    enrolments = lib.get(EnrolmentService);
    org = lib.get(OrganisationService);
  });
  afterAll(() => lib?.close());

  describe('lessons and the percentage', () => {
    it('opening a text lesson completes it; the percentage counts required lessons only', async () => {
      const { learner, enrolmentId } = await enrolNew(world.course);
      const opened = await event(learner, enrolmentId, world.course.lesson.intro, { event: 'opened' });
      expect(opened).toMatchObject({
        lesson: { status: 'completed' },
        enrolmentProgressPercent: 33.33,
        enrolmentStatus: 'active',
        completed: false,
      });
      // The optional handout neither raises the percentage nor is needed.
      const handout = await event(learner, enrolmentId, world.course.lesson.handout, { event: 'downloaded' });
      expect(handout).toMatchObject({ lesson: { status: 'completed' }, enrolmentProgressPercent: 33.33 });
      const [row] = await lib.db.query(`SELECT progress_percent FROM enrolment WHERE id = $1`, [enrolmentId]);
      expect(Number(row.progress_percent)).toBe(33.33);
    });

    it('a video completes only when the share the server credits (no faster than playback) reaches its mark', async () => {
      const { learner, enrolmentId } = await enrolNew(world.course);
      const claimed = await event(learner, enrolmentId, world.course.lesson.video, { event: 'video', watchedRatio: 1 });
      expect(claimed.lesson.status).toBe('in_progress');
      expect(claimed.lesson.watchedRatio).toBeLessThan(0.1);
      await rewindLearningClock(lib.db, enrolmentId, 600);
      const watched = await event(learner, enrolmentId, world.course.lesson.video, {
        event: 'video',
        watchedRatio: 0.95,
      });
      expect(watched.lesson).toMatchObject({ status: 'completed', watchedRatio: 0.95 });
    });

    it('refuses events of the wrong kind, lessons of another version and someone else’s enrolment', async () => {
      const { learner, enrolmentId } = await enrolNew(world.course);
      await expect(
        event(learner, enrolmentId, world.course.lesson.intro, { event: 'video', watchedRatio: 0.5 }),
      ).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.ENROLMENT_WRONG_LESSON_KIND,
        message: 'Materi ini bukan video',
      });
      await expect(event(learner, enrolmentId, randomUUID(), { event: 'opened' })).rejects.toMatchObject({
        kind: 'not_found',
        code: ErrorCode.ENROLMENT_LESSON_NOT_FOUND,
      });
      await expect(
        event(world.learner, enrolmentId, world.course.lesson.intro, { event: 'opened' }),
      ).rejects.toMatchObject({ kind: 'not_found', code: ErrorCode.ENROLMENT_NOT_FOUND });
      expect(await lib.db.query(`SELECT 1 FROM lesson_progress WHERE enrolment_id = $1`, [enrolmentId])).toEqual([]);
    });

    it('a withdrawn learner records nothing', async () => {
      const { learner, enrolmentId } = await enrolNew(world.course);
      await enrolments.withdraw(await scope(learner), enrolmentId);
      await expect(event(learner, enrolmentId, world.course.lesson.intro, { event: 'opened' })).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.ENROLMENT_NOT_ACTIVE,
      });
    });
  });

  describe('completion', () => {
    it('the last required lesson completes the course once: one completion with the version’s JP and one course.completed event', async () => {
      const { learner, enrolmentId } = await enrolNew(world.course);
      await event(learner, enrolmentId, world.course.lesson.intro, { event: 'opened' });
      await rewindLearningClock(lib.db, enrolmentId, 600);
      await event(learner, enrolmentId, world.course.lesson.video, { event: 'video', watchedRatio: 0.9 });
      const last = await event(learner, enrolmentId, world.course.lesson.reading, { event: 'opened' });
      expect(last).toMatchObject({ completed: true, enrolmentStatus: 'completed', enrolmentProgressPercent: 100 });

      const [completion] = await completions(enrolmentId);
      expect(completion).toMatchObject({ course_version_id: world.course.versionId });
      expect(Number(completion.jp)).toBe(8);
      expect(await completedEvents([completion.id])).toEqual([
        { aggregate_id: completion.id, payload: { completionId: completion.id } },
      ]);

      // Repeating events afterwards writes nothing more.
      expect(await event(learner, enrolmentId, world.course.lesson.reading, { event: 'opened' })).toMatchObject({
        completed: true,
        enrolmentStatus: 'completed',
      });
      expect(await completions(enrolmentId)).toHaveLength(1);
      expect(await completedEvents([completion.id])).toHaveLength(1);
      const detail = await enrolments.detail(await scope(learner), enrolmentId);
      expect(detail).toMatchObject({
        status: 'completed',
        progressPercent: 100,
        resume: { lessonId: world.course.lesson.handout },
      });
      await expect(enrolments.withdraw(await scope(learner), enrolmentId)).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.ENROLMENT_ALREADY_COMPLETED,
      });
    });

    it('concurrent events racing for the last lessons complete the course exactly once', async () => {
      const c = await course([[text('a'), text('b'), text('c')]]);
      const { learner, enrolmentId } = await enrolNew(c);
      const s = await scope(learner);
      const results = await Promise.all(
        ['a', 'b', 'c', 'c', 'b', 'a', 'c', 'b'].map((k) =>
          progress.recordEvent(s, enrolmentId, c.lesson[k], { event: 'opened' }),
        ),
      );
      expect(results.some((r) => r.completed)).toBe(true);
      const rows = await completions(enrolmentId);
      expect(rows).toHaveLength(1);
      expect(await completedEvents(rows.map((r) => r.id))).toHaveLength(1);
      const [en] = await lib.db.query(`SELECT status, progress_percent FROM enrolment WHERE id = $1`, [enrolmentId]);
      expect({ status: en.status, percent: Number(en.progress_percent) }).toEqual({
        status: 'completed',
        percent: 100,
      });
    });

    it('two last lessons finished at the same moment never leave a learner stuck short of completion', async () => {
      const c = await course([[text('a'), text('b')]]);
      const learners = await Promise.all(Array.from({ length: 8 }, () => enrolNew(c)));
      const scopes = await Promise.all(learners.map((l) => scope(l.learner)));
      await Promise.all(
        learners.flatMap((l, i) =>
          ['a', 'b'].map((k) => progress.recordEvent(scopes[i], l.enrolmentId, c.lesson[k], { event: 'opened' })),
        ),
      );
      const ids = learners.map((l) => l.enrolmentId);
      const rows: Array<{ status: string; n: number }> = await lib.db.query(
        `SELECT en.status, (SELECT count(*)::int FROM course_completion cc WHERE cc.enrolment_id = en.id) AS n FROM enrolment en WHERE en.id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows).toEqual(ids.map(() => ({ status: 'completed', n: 1 })));
    });

    it('a rule naming some lessons completes with those alone', async () => {
      const named = await course([[text('must'), text('extra')]], (lesson) => ({ requiredLessons: [lesson.must] }));
      const all = await course([[text('must'), text('extra')]]);
      const a = await enrolNew(named);
      expect(await event(a.learner, a.enrolmentId, named.lesson.must, { event: 'opened' })).toMatchObject({
        completed: true,
        enrolmentProgressPercent: 100,
      });
      const b = await enrolNew(all);
      expect(await event(b.learner, b.enrolmentId, all.lesson.must, { event: 'opened' })).toMatchObject({
        completed: false,
        enrolmentProgressPercent: 50,
      });
    });
  });

  describe('minimum times', () => {
    it('a lesson with a minimum completes only once that much time is credited, never faster than the clock', async () => {
      const c = await course([[text('read')]], (lesson) => ({
        requiredLessons: 'all',
        lessonMinMinutes: { [lesson.read]: 10 },
      }));
      const { learner, enrolmentId } = await enrolNew(c);
      const opened = await event(learner, enrolmentId, c.lesson.read, { event: 'opened' });
      expect(opened).toMatchObject({
        lesson: { status: 'in_progress' },
        completed: false,
        timeRemaining: { lessonSeconds: 600 },
      });
      expect(opened.notice).toBe(
        'Materi ini baru selesai setelah waktu belajar minimal 10 menit; kurang 10 menit lagi.',
      );
      // Claiming five minutes at once credits only the seconds that really passed.
      const greedy = await event(learner, enrolmentId, c.lesson.read, { event: 'heartbeat', secondsSpent: 300 });
      expect(greedy.lesson.timeSpentSeconds).toBeLessThan(5);
      await rewindLearningClock(lib.db, enrolmentId, 300);
      const half = await event(learner, enrolmentId, c.lesson.read, { event: 'heartbeat', secondsSpent: 300 });
      expect(half).toMatchObject({ lesson: { status: 'in_progress' }, completed: false });
      expect(half.timeRemaining?.lessonSeconds).toBeGreaterThan(290);
      await rewindLearningClock(lib.db, enrolmentId, 300);
      const done = await event(learner, enrolmentId, c.lesson.read, { event: 'heartbeat', secondsSpent: 300 });
      expect(done).toMatchObject({
        lesson: { status: 'completed' },
        completed: true,
        timeRemaining: { lessonSeconds: 0, courseSeconds: 0 },
        notice: null,
      });
    });

    it('a course minimum holds the completion back after the last lesson, and says how long is left', async () => {
      const c = await course([[text('read')]], { requiredLessons: 'all', minMinutes: 5 });
      const { learner, enrolmentId } = await enrolNew(c);
      const opened = await event(learner, enrolmentId, c.lesson.read, { event: 'opened' });
      expect(opened).toMatchObject({
        lesson: { status: 'completed' },
        enrolmentProgressPercent: 100,
        completed: false,
        enrolmentStatus: 'active',
        timeRemaining: { courseSeconds: 300 },
      });
      expect(opened.notice).toBe(
        'Pelatihan ini baru selesai setelah waktu belajar minimal 5 menit; kurang 5 menit lagi.',
      );
      expect(await completions(enrolmentId)).toEqual([]);
      await rewindLearningClock(lib.db, enrolmentId, 300);
      expect(await event(learner, enrolmentId, c.lesson.read, { event: 'heartbeat', secondsSpent: 300 })).toMatchObject(
        { completed: true, enrolmentStatus: 'completed' },
      );
      expect(await completions(enrolmentId)).toHaveLength(1);
    });
  });

  describe('the post-test grade (what assessment reports after grading an attempt)', () => {
    it('a grade below the rule’s minimum completes the quiz lesson but not the course; a passing grade completes it', async () => {
      const quizWorld = await createWorld(lib.db, {
        course: {
          quiz: true,
          modules: [{ lessons: [text('read')] }],
          completionRule: { requiredLessons: 'all', minPostTestPercent: 70 },
        },
      });
      const c = quizWorld.course;
      const learner = quizWorld.learner;
      const enrolmentId = await createEnrolment(lib.db, {
        courseId: c.courseId,
        versionId: c.versionId,
        employeeId: learner.employeeId as string,
      });
      await event(learner, enrolmentId, c.lesson.read, { event: 'opened' });

      const failed = await lib.db.transaction((m) =>
        outcomes.recordQuizOutcome(m, enrolmentId, c.lesson.postTest, { gradePercent: 50, passed: false }),
      );
      expect(failed).toEqual({ courseCompleted: false });
      const [lp] = await lib.db.query(
        `SELECT status, score_percent, passed FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
        [enrolmentId, c.lesson.postTest],
      );
      expect({ ...lp, score_percent: Number(lp.score_percent) }).toEqual({
        status: 'completed',
        score_percent: 50,
        passed: false,
      });
      expect(await completions(enrolmentId)).toEqual([]);

      const passed = await lib.db.transaction((m) =>
        outcomes.recordQuizOutcome(m, enrolmentId, c.lesson.postTest, { gradePercent: 85, passed: true }),
      );
      expect(passed).toEqual({ courseCompleted: true });
      expect(await completions(enrolmentId)).toHaveLength(1);
      // A quiz outcome for a lesson that is not a quiz is refused.
      await expect(
        lib.db.transaction((m) =>
          outcomes.recordQuizOutcome(m, enrolmentId, c.lesson.read, { gradePercent: 90, passed: true }),
        ),
      ).rejects.toMatchObject({ code: ErrorCode.ENROLMENT_WRONG_LESSON_KIND });
    });
  });

  describe('live sessions', () => {
    it('an author records attendance of enrolled ASN, which completes the session and the course', async () => {
      const live: LessonSpec = {
        key: 'live',
        title: 'Sesi tatap maya',
        content: {
          kind: 'live',
          startsAt: '2026-02-02T01:00:00Z',
          endsAt: '2026-02-02T03:00:00Z',
          joinUrl: 'https://meet.example.go.id/berakhlak',
        },
      };
      const c = await course([[live]], { requiredLessons: 'all', minLiveAttendance: 1 });
      const { learner, enrolmentId } = await enrolNew(c);
      const absent = await world.person();
      const result = await attendance.recordAttendance(await scope(world.author), c.courseId, c.lesson.live, {
        employeeIds: [learner.employeeId as string, absent.employeeId as string],
      });
      expect(result).toEqual({ recorded: 1, notEnrolled: 1 });
      expect(await completions(enrolmentId)).toHaveLength(1);
    });

    it('only the course’s authors and admins record attendance', async () => {
      const live: LessonSpec = {
        key: 'live',
        content: {
          kind: 'live',
          startsAt: '2026-02-02T01:00:00Z',
          endsAt: '2026-02-02T03:00:00Z',
          joinUrl: 'https://meet.example.go.id/x',
        },
      };
      const c = await course([[live]]);
      const { learner, enrolmentId } = await enrolNew(c);
      const dto = { employeeIds: [learner.employeeId as string] };
      await expect(
        attendance.recordAttendance(await scope(world.reviewer), c.courseId, c.lesson.live, dto),
      ).rejects.toMatchObject({ kind: 'forbidden', code: ErrorCode.AUTH_FORBIDDEN });
      await expect(
        attendance.recordAttendance(await scope(world.outsider), c.courseId, c.lesson.live, dto),
      ).rejects.toMatchObject({ kind: 'not_found', code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND });
      expect(await lib.db.query(`SELECT 1 FROM lesson_progress WHERE enrolment_id = $1`, [enrolmentId])).toEqual([]);
      expect(await attendance.recordAttendance(await scope(world.admin), c.courseId, c.lesson.live, dto)).toEqual({
        recorded: 1,
        notEnrolled: 0,
      });
    });
  });
});
