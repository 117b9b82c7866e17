import { ErrorCode, OutboxEvent } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { EmployeeService, IDENTITY_ENTITIES, type SessionService } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createWorld,
  freshNip,
  seedPublishedCourse,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { AudienceService } from './audience.service';
import { EnrolmentModule } from './enrolment.module';
import { EnrolmentService } from './enrolment.service';
import { ENROLMENT_ENTITIES } from './index';
import { AudienceEnrolEmployeeJob, AudienceSweepJob } from './jobs/audience-assignments.jobs';
import { EnrolmentJobsModule } from './jobs/enrolment-jobs.module';

const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
];

// Live audience assignments (issue 15, decision 0025): the preview counts exactly whom the assignment enrols; people
// who join the unit or take the position later are enrolled by the worker's job, once however often it is delivered,
// until the assignment ends; ids outside the caller's scope answer 404; a mandatory enrolment cannot be withdrawn.
describe('live audience assignments (AudienceService and its jobs on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let audiences: AudienceService;
  let enrolments: EnrolmentService;
  let employees: EmployeeService;
  let org: OrganisationService;
  let enrolJob: AudienceEnrolEmployeeJob;
  let sweep: AudienceSweepJob;
  let otherAdmin: Person;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const eid = (p: Person) => p.employeeId as string;
  const newCourse = () => seedPublishedCourse(lib.db, { agencyId: world.agency.id, enrolmentMode: 'assigned_only' });
  const enrolmentOf = async (courseId: string, employeeId: string) =>
    (
      await lib.db.query(
        `SELECT id, source, status, mandatory, audience_assignment_id, due_at FROM enrolment WHERE course_id = $1 AND employee_id = $2`,
        [courseId, employeeId],
      )
    )[0];
  const countEnrolled = async (courseId: string): Promise<number> =>
    (await lib.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [courseId]))[0].n;
  /** The placement events identity wrote for an ASN, as the relay would hand them to the job. */
  const placementEvents = async (employeeId: string) =>
    (
      await lib.db.query(
        `SELECT aggregate_id, payload FROM outbox_event WHERE event_type = $1 AND payload->>'employeeId' = $2 ORDER BY created_at`,
        [OutboxEvent.EmployeePlacementChanged, employeeId],
      )
    ).map((r: { aggregate_id: string; payload: { employeeId: string; changeId: string } }) => r);

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [EnrolmentModule, EnrolmentJobsModule] });
    world = await createWorld(lib.db, { learners: 2 });
    audiences = lib.get(AudienceService);
    enrolments = lib.get(EnrolmentService);
    // identity's real service on the same database, so its outbox writes are the ones under test. Its session service
    // is only called when an ASN is deactivated, which no test here does (the lib harness has no Redis or tokens).
    employees = new EmployeeService(lib.db, lib.get(OrganisationService), {} as SessionService);
    org = lib.get(OrganisationService);
    enrolJob = lib.get(AudienceEnrolEmployeeJob);
    sweep = lib.get(AudienceSweepJob);
    otherAdmin = await world.person({ agencyId: world.otherAgency.id, roles: ['agency_admin'], employee: false });
  });
  afterAll(() => lib?.close());

  it('the preview counts exactly whom confirming enrols, and a repeated create enrols nobody twice', async () => {
    const course = await newCourse();
    await world.person({ unitId: world.units.rsud.id }); // in a sub-unit
    await world.person({ unitId: world.units.dinkes.id, active: false }); // inactive: never counted
    const s = await scope(world.admin);
    const audience = { kind: 'unit' as const, unitId: world.units.dinkes.id, includeSubUnits: true };
    const preview = await audiences.preview(s, course.courseId, audience);
    expect(preview.reach).toBeGreaterThanOrEqual(5);
    expect(preview.newEnrolments).toBe(preview.reach);
    expect(preview.sample.length).toBe(5);
    expect(await countEnrolled(course.courseId)).toBe(0); // the preview writes nothing

    const first = await audiences.create(s, course.courseId, { audience, dueDays: 14 });
    expect(first.created).toBe(true);
    expect(first.enrolled).toBe(preview.newEnrolments);
    expect(await countEnrolled(course.courseId)).toBe(preview.newEnrolments);
    expect(first.assignment).toMatchObject({ kind: 'unit', live: true, dueDays: 14, enrolledCount: preview.reach });

    const again = await audiences.create(s, course.courseId, { audience, dueDays: 14 });
    expect(again).toMatchObject({ created: false, enrolled: 0, assignment: { id: first.assignment.id } });
    const after = await audiences.preview(s, course.courseId, audience);
    expect(after).toMatchObject({ reach: preview.reach, newEnrolments: 0, alreadyEnrolled: preview.reach });
  });

  it('without sub-units, only the unit itself; a position reaches its holders across units', async () => {
    const course = await newCourse();
    const s = await scope(world.admin);
    const nurse = await world.person({ unitId: world.units.rsud.id, positionName: 'Perawat Ahli Muda' });
    const unitOnly = await audiences.preview(s, course.courseId, {
      kind: 'unit',
      unitId: world.units.dinkes.id,
      includeSubUnits: false,
    });
    const withSubs = await audiences.preview(s, course.courseId, {
      kind: 'unit',
      unitId: world.units.dinkes.id,
      includeSubUnits: true,
    });
    expect(withSubs.reach).toBeGreaterThan(unitOnly.reach);
    const byPosition = await audiences.create(s, course.courseId, {
      audience: { kind: 'position', positionName: 'perawat ahli muda', agencyId: world.agency.id },
    });
    expect(byPosition.enrolled).toBe(1);
    expect(await enrolmentOf(course.courseId, eid(nurse))).toMatchObject({
      source: 'assigned',
      status: 'active',
      audience_assignment_id: byPosition.assignment.id,
    });
  });

  it('a new member of the unit is enrolled by the job exactly once, even when the event is delivered twice', async () => {
    const course = await newCourse();
    const assignment = (
      await audiences.create(await scope(world.admin), course.courseId, {
        audience: { kind: 'unit', unitId: world.units.dinkes.id, includeSubUnits: true },
        mandatory: true,
        dueDate: '2027-03-31',
      })
    ).assignment;
    // The HR officer adds an ASN to RSUD (under Dinas Kesehatan): identity writes the placement event in its transaction.
    const { employee } = await employees.create(await scope(world.hrOfficer), {
      agencyId: world.agency.id,
      unitId: world.units.rsud.id,
      nip: await freshNip(lib.db),
      employeeType: 'PNS',
      fullName: 'Baiq Pendatang Baru',
    });
    expect(await enrolmentOf(course.courseId, employee.id)).toBeUndefined();
    const events = await placementEvents(employee.id);
    expect(events).toHaveLength(1);
    expect(events[0].aggregate_id).toBe(events[0].payload.changeId);

    // The relay hands the event's payload to the job; a re-relay (or a retry after a lost acknowledgement) runs it again.
    expect(await enrolJob.handle(events[0].payload)).toBe('success');
    expect(await enrolJob.handle(events[0].payload)).toBe('skipped');
    const rows = await lib.db.query(
      `SELECT mandatory, audience_assignment_id, due_at FROM enrolment WHERE course_id = $1 AND employee_id = $2`,
      [course.courseId, employee.id],
    );
    expect(rows).toEqual([
      {
        mandatory: true,
        audience_assignment_id: assignment.id,
        // 31 March 2027, 23:59:59 WITA (the admin's zone).
        due_at: new Date('2027-03-31T15:59:59.000Z'),
      },
    ]);
  });

  it('taking the position later enrols; a move that changes nothing writes no event', async () => {
    const course = await newCourse();
    await audiences.create(await scope(world.admin), course.courseId, {
      audience: { kind: 'position', positionName: 'Analis Kebijakan Ahli Pertama', agencyId: world.agency.id },
    });
    const teacher = await world.person({ unitId: world.units.disdik.id, positionName: 'Guru Ahli Pertama' });
    await employees.update(await scope(world.admin), eid(teacher), { fullName: 'Guru Berganti Nama' });
    expect(await placementEvents(eid(teacher))).toHaveLength(0);
    await employees.update(await scope(world.admin), eid(teacher), {
      positionName: 'Analis Kebijakan Ahli Pertama',
    });
    const [event] = await placementEvents(eid(teacher));
    expect(await enrolJob.handle(event.payload)).toBe('success');
    expect(await enrolmentOf(course.courseId, eid(teacher))).toMatchObject({ source: 'assigned', mandatory: false });
  });

  it('after the assignment ends nobody new is enrolled (by the job or the sweep); its enrolments stay', async () => {
    const course = await newCourse();
    const s = await scope(world.admin);
    const created = await audiences.create(s, course.courseId, {
      audience: { kind: 'unit', unitId: world.units.disdik.id },
    });
    const ended = await audiences.end(s, created.assignment.id);
    expect(ended.live).toBe(false);
    expect((await audiences.end(s, created.assignment.id)).endsAt).toBe(ended.endsAt); // repeating changes nothing
    const late = await world.person({ unitId: world.units.disdik.id });
    await enrolJob.handle({ employeeId: eid(late), changeId: 'late' });
    await sweep.handle();
    expect(await enrolmentOf(course.courseId, eid(late))).toBeUndefined();
    expect(await countEnrolled(course.courseId)).toBe(created.enrolled);
  });

  it('the sweep catches up a member whose event never came, once', async () => {
    const course = await newCourse();
    await audiences.create(await scope(world.admin), course.courseId, {
      audience: { kind: 'unit', unitId: world.units.rsud.id },
    });
    const quiet = await world.person({ unitId: world.units.rsud.id }); // written directly: no event
    expect(await enrolmentOf(course.courseId, eid(quiet))).toBeUndefined();
    await sweep.handle();
    await sweep.handle();
    expect(
      (
        await lib.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1 AND employee_id = $2`, [
          course.courseId,
          eid(quiet),
        ])
      )[0].n,
    ).toBe(1);
  });

  it('scope: an admin of another agency and an HR officer outside their subtree get 404 and nothing is written', async () => {
    const course = await newCourse();
    const other = await scope(otherAdmin);
    const unit = { kind: 'unit' as const, unitId: world.units.dinkes.id };
    await expect(audiences.preview(other, course.courseId, unit)).rejects.toMatchObject({
      code: ErrorCode.ORG_UNIT_NOT_FOUND,
      kind: 'not_found',
    });
    await expect(audiences.create(other, course.courseId, { audience: unit })).rejects.toMatchObject({
      code: ErrorCode.ORG_UNIT_NOT_FOUND,
    });
    await expect(
      audiences.preview(other, course.courseId, {
        kind: 'position',
        positionName: 'Guru Ahli Pertama',
        agencyId: world.agency.id,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.ORG_AGENCY_NOT_FOUND, kind: 'not_found' });
    // The HR officer of Dinas Kesehatan manages neither Dinas Pendidikan nor a whole agency's positions.
    const hr = await scope(world.hrOfficer);
    await expect(
      audiences.create(hr, course.courseId, { audience: { kind: 'unit', unitId: world.units.disdik.id } }),
    ).rejects.toMatchObject({ code: ErrorCode.ORG_UNIT_NOT_FOUND });
    expect(await countEnrolled(course.courseId)).toBe(0);
    // Someone else's assignment cannot be ended or listed from outside.
    const mine = await audiences.create(await scope(world.admin), course.courseId, { audience: unit });
    await expect(audiences.end(other, mine.assignment.id)).rejects.toMatchObject({
      code: ErrorCode.ENROLMENT_AUDIENCE_NOT_FOUND,
    });
    expect((await audiences.list(other, course.courseId, { page: 1, pageSize: 20 })).total).toBe(0);
    expect((await audiences.list(hr, course.courseId, { page: 1, pageSize: 20 })).items.map((a) => a.id)).toEqual([
      mine.assignment.id,
    ]);
  });

  it('a learner cannot withdraw from a mandatory assignment; from an optional one they can', async () => {
    const mandatoryCourse = await newCourse();
    const optionalCourse = await newCourse();
    const s = await scope(world.admin);
    const audience = { kind: 'unit' as const, unitId: world.units.dinkes.id };
    await audiences.create(s, mandatoryCourse.courseId, { audience, mandatory: true });
    await audiences.create(s, optionalCourse.courseId, { audience });
    const learner = await scope(world.learner);
    const must = await enrolmentOf(mandatoryCourse.courseId, eid(world.learner));
    await expect(enrolments.withdraw(learner, must.id)).rejects.toMatchObject({
      code: ErrorCode.ENROLMENT_MANDATORY,
      kind: 'forbidden',
    });
    expect((await enrolmentOf(mandatoryCourse.courseId, eid(world.learner))).status).toBe('active');
    const detail = await enrolments.detail(learner, must.id);
    expect(detail.mandatory).toBe(true);
    const may = await enrolmentOf(optionalCourse.courseId, eid(world.learner));
    expect((await enrolments.withdraw(learner, may.id)).status).toBe('withdrawn');
  });

  it('refuses an audience that names the wrong fields, and a due date given twice', async () => {
    const course = await newCourse();
    const s = await scope(world.admin);
    await expect(
      audiences.preview(s, course.courseId, { kind: 'unit', positionName: 'Guru' } as never),
    ).rejects.toMatchObject({ code: ErrorCode.ENROLMENT_INVALID_AUDIENCE, kind: 'validation' });
    await expect(
      audiences.create(s, course.courseId, {
        audience: { kind: 'unit', unitId: world.units.dinkes.id },
        dueDate: '2027-01-31',
        dueDays: 10,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });
});
