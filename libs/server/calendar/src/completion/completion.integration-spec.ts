import { ErrorCode, OutboxEvent } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createWorld,
  domainErrorOf,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { AttendanceService } from '../attendance/attendance.service';
import { CalendarModule } from '../calendar.module';
import type { CreateClassDto } from '../dto/calendar.dto';
import { CALENDAR_ENTITIES } from '../index';
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from '../registration/registration.service';
import { classBody, placeSessions } from '../test/class-fixtures';
import { findClassCompletion } from './completion-readers';
import { CompletionService } from './completion.service';

const MINUTE = 60_000;

/** Finalising a class on real PostgreSQL (decision 0037): the threshold, the linked course, exactly-once events. */
describe('class completion by attendance (integration)', () => {
  let lib: LibTestContext;
  let world: World & { course: { courseId: string; versionId: string } };
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let attendance: AttendanceService;
  let completions: CompletionService;
  let org: OrganisationService;
  let plainOffering: string;
  let linkedOffering: string;
  let daysAhead = 20;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const codeOf = (p: Promise<unknown>) => domainErrorOf(p, { withKind: true });
  /** A class of two 4-hour sessions (480 scheduled minutes) that ended an hour ago, with these people confirmed. */
  const endedClass = async (
    people: Person[],
    offeringId = plainOffering,
    spans: ReadonlyArray<readonly [number, number]> = [
      [-26 * 60, 240],
      [-300, 240],
    ],
  ) => {
    const cls = await offerings.createClass(
      await scope(world.admin),
      offeringId,
      classBody(daysAhead++, {
        speakers: [{ employeeId: world.author.employeeId, name: 'Nurhayati Rahman' }],
      }) as CreateClassDto,
    );
    for (const p of people) await registrations.registerSelf(p.principal, cls.id);
    const sessions = await placeSessions(lib.db, cls.id, spans);
    return { classId: cls.id, starts: sessions.map((s) => Date.parse(s[0])) };
  };
  /** Present in each session for these minutes from its start (0: absent). */
  const attend = async (classId: string, starts: number[], who: Person, minutes: number[]) => {
    const trainer = await scope(world.author);
    for (const [i, m] of minutes.entries())
      await attendance.mark(trainer, classId, i, [
        m > 0
          ? {
              employeeId: who.employeeId as string,
              status: 'present',
              arrivedAt: new Date(starts[i]).toISOString(),
              leftAt: new Date(starts[i] + m * MINUTE).toISOString(),
            }
          : { employeeId: who.employeeId as string, status: 'absent' },
      ]);
  };
  const completionRows = (classId: string) =>
    lib.db.query<Array<{ id: string; employee_id: string; jp: string; jp_basis: string; attended_minutes: number }>>(
      `SELECT id, employee_id, jp, jp_basis, attended_minutes FROM class_completion WHERE class_id = $1 ORDER BY id`,
      [classId],
    );
  const eventsFor = (ids: string[]) =>
    lib.db.query<Array<{ aggregate_id: string; payload: { classCompletionId: string } }>>(
      `SELECT aggregate_id, payload FROM outbox_event WHERE event_type = $1 AND aggregate_id = ANY($2::uuid[])`,
      [OutboxEvent.ClassCompleted, ids],
    );

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...CALENDAR_ENTITIES,
      ],
      imports: [CalendarModule],
    });
    world = await createWorld(lib.db, { learners: 4, course: {} });
    offerings = lib.get(OfferingService);
    registrations = lib.get(RegistrationService);
    attendance = lib.get(AttendanceService);
    completions = lib.get(CompletionService);
    org = lib.get(OrganisationService);
    const admin = await scope(world.admin);
    const base = { agencyId: world.agency.id, jenisDiklatId: 8, jp: 16, competencyKind: 'teknis' as const };
    plainOffering = (await offerings.createOffering(admin, { ...base, title: 'Bimtek Pengelolaan Arsip' })).id;
    linkedOffering = (
      await offerings.createOffering(admin, { ...base, title: 'Bimtek Arsip Blended', courseId: world.course.courseId })
    ).id;
  });
  afterAll(() => lib?.close());

  it('waits for the last session to end', async () => {
    const { classId } = await endedClass([world.learners[0]], plainOffering, [
      [-120, 60],
      [60, 60],
    ]);
    expect(await codeOf(completions.finalise(await scope(world.author), classId))).toBe(
      `conflict:${ErrorCode.CALENDAR_CLASS_NOT_ENDED}`,
    );
    expect(await completionRows(classId)).toHaveLength(0);
  });

  it('completes at 80 % of the minutes, once with one event; corrected attendance completes on the next run', async () => {
    const [a, b, c] = world.learners;
    const { classId, starts } = await endedClass([a, b, c]);
    await attend(classId, starts, a, [240, 240]);
    await attend(classId, starts, b, [240, 143]); // 383 of 480 minutes: 79.79 %
    await attend(classId, starts, c, [0, 240]);
    const first = await completions.finalise(await scope(world.author), classId);
    expect(first).toMatchObject({
      evaluated: 3,
      completed: 1,
      newlyCompleted: 1,
      shortOfAttendance: 2,
      courseMissing: 0,
    });
    const [done] = await completionRows(classId);
    expect(done).toMatchObject({
      employee_id: a.employeeId,
      jp: '16.00',
      jp_basis: 'declared_jp',
      attended_minutes: 480,
    });
    expect(await eventsFor([done.id])).toEqual([{ aggregate_id: done.id, payload: { classCompletionId: done.id } }]);

    // Running it again (admin this time) changes nothing and writes no second event.
    const again = await completions.finalise(await scope(world.admin), classId);
    expect(again).toMatchObject({ completed: 1, newlyCompleted: 0, shortOfAttendance: 2 });
    expect(await eventsFor([done.id])).toHaveLength(1);

    // The trainer corrects b's second session: 384 of 480 is exactly 80 %.
    await attend(classId, starts, b, [240, 144]);
    const third = await completions.finalise(await scope(world.author), classId);
    expect(third).toMatchObject({ completed: 2, newlyCompleted: 1, shortOfAttendance: 1 });
    const rows = await completionRows(classId);
    expect(rows.map((r) => r.employee_id).sort()).toEqual([a.employeeId, b.employeeId].sort());
    expect(await eventsFor(rows.map((r) => r.id))).toHaveLength(2);
    const finalised = await lib.db.query(`SELECT finalised_at FROM training_class WHERE id = $1`, [classId]);
    expect(finalised[0].finalised_at).not.toBeNull();
  });

  it('two finalisations at once write each completion and its event once', async () => {
    const [a, b] = world.learners;
    const { classId, starts } = await endedClass([a, b]);
    await attend(classId, starts, a, [240, 240]);
    await attend(classId, starts, b, [240, 240]);
    const results = await Promise.all([
      completions.finalise(await scope(world.author), classId),
      completions.finalise(await scope(world.admin), classId),
    ]);
    expect(results.map((r) => r.newlyCompleted).sort()).toEqual([0, 2]);
    const rows = await completionRows(classId);
    expect(rows).toHaveLength(2);
    expect(await eventsFor(rows.map((r) => r.id))).toHaveLength(2);
  });

  it('requires the linked e-learning course when the offering has one', async () => {
    const [a, b] = world.learners;
    const { classId, starts } = await endedClass([a, b], linkedOffering);
    await attend(classId, starts, a, [240, 240]);
    await attend(classId, starts, b, [240, 240]);
    // b completed the course (as enrolment's completion rule writes it); a did not.
    const [en] = await lib.db.query(
      `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, completed_at)
       VALUES ($1, $2, $3, $4, 'assigned', 'completed', now()) RETURNING id`,
      [world.course.courseId, world.course.versionId, b.employeeId, world.agency.id],
    );
    const [cc] = await lib.db.query(
      `INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp)
       VALUES ($1, $2, $3, $4, 4) RETURNING id`,
      [en.id, world.course.courseId, world.course.versionId, b.employeeId],
    );
    const result = await completions.finalise(await scope(world.admin), classId);
    expect(result).toMatchObject({ evaluated: 2, completed: 1, courseMissing: 1, shortOfAttendance: 0 });
    const [row] = await lib.db.query(
      `SELECT employee_id, course_completion_id FROM class_completion WHERE class_id = $1`,
      [classId],
    );
    expect(row).toEqual({ employee_id: b.employeeId, course_completion_id: cc.id });
  });

  it('by minutes: JP is the minutes attended at the rule’s minutes per JP, and the reader tells consumers all of it', async () => {
    const [, , , d] = world.learners;
    const { classId, starts } = await endedClass([d]);
    expect(
      await codeOf(
        completions.setRule(await scope(world.author), classId, {
          minAttendancePercent: 50,
          jpByMinutes: true,
          minutesPerJp: 45,
        }),
      ),
    ).toBe(`forbidden:${ErrorCode.AUTH_FORBIDDEN}`);
    const rule = await completions.setRule(await scope(world.admin), classId, {
      minAttendancePercent: 50,
      jpByMinutes: true,
      minutesPerJp: 45,
    });
    expect(rule).toEqual({ minAttendancePercent: 50, jpByMinutes: true, minutesPerJp: 45, requiresCourse: false });
    await attend(classId, starts, d, [240, 120]);
    expect(await completions.finalise(await scope(world.author), classId)).toMatchObject({ newlyCompleted: 1 });
    const [row] = await completionRows(classId);
    const facts = await findClassCompletion(lib.db.manager, row.id);
    expect(facts).toMatchObject({
      id: row.id,
      employeeId: d.employeeId,
      classId,
      offeringTitle: 'Bimtek Pengelolaan Arsip',
      className: 'Angkatan Uji',
      jenisDiklatId: 8,
      competencyKind: 'teknis',
      jp: 8,
      jpBasis: 'attended_minutes',
      offeringJp: 16,
      minutesPerJp: 45,
      attendedMinutes: 360,
      scheduledMinutes: 480,
      timeZone: 'Asia/Makassar',
      organisingAgencyId: world.agency.id,
      mode: 'classroom',
      venue: 'Aula BPSDM',
      courseId: null,
    });
    expect(await findClassCompletion(lib.db.manager, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const page = await completions.list(await scope(world.author), classId, { page: 1, pageSize: 10 });
    expect(page).toMatchObject({ total: 1, items: [{ employeeId: d.employeeId, jp: 8, attendancePercent: 75 }] });
  });

  it('only the class’s trainers and admins finalise', async () => {
    const { classId } = await endedClass([world.learners[0]]);
    for (const p of [world.learners[0], world.reviewer, world.siblingLearner])
      expect(await codeOf(completions.finalise(await scope(p), classId))).toBe(
        `not_found:${ErrorCode.CALENDAR_CLASS_NOT_FOUND}`,
      );
  });
});
