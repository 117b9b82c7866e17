import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createDraftCourse,
  createWorld,
  seedPublishedCourse,
  type LibTestContext,
  type Person,
  type SeededCourse,
  type World,
} from '@kompeten/server-testing';
import { EnrolmentModule } from './enrolment.module';
import { ENROLMENT_ENTITIES } from './index';
import { EnrolmentService } from './enrolment.service';

const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
];

// Targeting a course (assignment) by HR officers and admins: named ASN, a unit subtree or a position, never beyond the
// caller's scope, never a course its ASN cannot see, and every id in the body checked like a path id (issue 12).
describe('assigning a course (EnrolmentService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World & { course: SeededCourse };
  let enrolments: EnrolmentService;
  let org: OrganisationService;
  let nurse: Person;
  let teacher: Person;
  let retired: Person;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const enrolled = async (courseId: string): Promise<string[]> =>
    (await lib.db.query(`SELECT employee_id FROM enrolment WHERE course_id = $1 ORDER BY employee_id`, [courseId])).map(
      (r: { employee_id: string }) => r.employee_id,
    );
  const newCourse = () => seedPublishedCourse(lib.db, { agencyId: world.agency.id, enrolmentMode: 'assigned_only' });

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [EnrolmentModule] });
    world = await createWorld(lib.db, { learners: 2, course: { enrolmentMode: 'assigned_only' } });
    enrolments = lib.get(EnrolmentService);
    org = lib.get(OrganisationService);
    nurse = await world.person({ unitId: world.units.rsud.id, positionName: 'Perawat Ahli Pertama' });
    teacher = await world.person({
      unitId: world.units.disdik.id,
      positionName: 'Guru Ahli Pertama',
      supervisorId: null,
    });
    retired = await world.person({ active: false });
  });
  afterAll(() => lib?.close());

  it('an HR officer assigns their unit with its sub-units, with a due date; ASN of other units and inactive ASN stay out', async () => {
    const s = await scope(world.hrOfficer);
    const result = await enrolments.assign(s, world.course.courseId, {
      unitId: world.units.dinkes.id,
      dueAt: '2026-12-31T15:59:59.000Z',
    });
    const dinkes = [world.supervisor, ...world.learners, world.hrOfficer, nurse];
    expect(result).toEqual({ enrolled: dinkes.length, alreadyEnrolled: 0, skippedOutOfScope: 1 });
    expect(await enrolled(world.course.courseId)).toEqual(dinkes.map((p) => p.employeeId).sort());
    const [row] = await lib.db.query(
      `SELECT source, status, assigned_by, due_at FROM enrolment WHERE course_id = $1 AND employee_id = $2`,
      [world.course.courseId, nurse.employeeId],
    );
    expect(row).toEqual({
      source: 'assigned',
      status: 'active',
      assigned_by: world.hrOfficer.userId,
      due_at: new Date('2026-12-31T15:59:59.000Z'),
    });
    const [audit] = await lib.db.query(
      `SELECT actor_user_id, agency_id, after FROM audit_log WHERE action = 'enrolment.assign' AND entity_id = $1`,
      [world.course.courseId],
    );
    expect(audit).toMatchObject({
      actor_user_id: world.hrOfficer.userId,
      agency_id: world.agency.id,
      after: { enrolled: dinkes.length, unitId: world.units.dinkes.id },
    });

    // Again: nobody twice.
    expect(await enrolments.assign(s, world.course.courseId, { unitId: world.units.dinkes.id })).toEqual({
      enrolled: 0,
      alreadyEnrolled: dinkes.length,
      skippedOutOfScope: 1,
    });
    expect(await enrolled(world.course.courseId)).not.toContain(retired.employeeId);
  });

  it('a named ASN outside the caller’s scope answers as unknown, and nothing is written for anyone', async () => {
    const c = await newCourse();
    const s = await scope(world.hrOfficer);
    await expect(
      enrolments.assign(s, c.courseId, {
        employeeIds: [world.learner.employeeId as string, teacher.employeeId as string],
      }),
    ).rejects.toMatchObject({ kind: 'not_found', code: ErrorCode.EMPLOYEE_NOT_FOUND });
    await expect(
      enrolments.assign(s, c.courseId, { employeeIds: [world.siblingLearner.employeeId as string] }),
    ).rejects.toMatchObject({ code: ErrorCode.EMPLOYEE_NOT_FOUND });
    await expect(enrolments.assign(s, c.courseId, { unitId: world.units.disdik.id })).rejects.toMatchObject({
      kind: 'not_found',
      code: ErrorCode.ORG_UNIT_NOT_FOUND,
    });
    expect(await enrolled(c.courseId)).toEqual([]);
    // The agency admin manages both.
    expect(
      await enrolments.assign(await scope(world.admin), c.courseId, {
        employeeIds: [world.learner.employeeId as string, teacher.employeeId as string],
      }),
    ).toEqual({ enrolled: 2, alreadyEnrolled: 0, skippedOutOfScope: 0 });
  });

  it('a position selects within the caller’s scope only', async () => {
    const c = await seedPublishedCourse(lib.db, { agencyId: world.province.id, visibility: 'province' });
    // The same position in another city of the province (which sees the course) is not the admin's to assign.
    await world.person({
      agencyId: world.sibling.id,
      unitId: null,
      supervisorId: null,
      positionName: 'Perawat Ahli Pertama',
    });
    const result = await enrolments.assign(await scope(world.admin), c.courseId, {
      positionName: 'perawat ahli pertama',
    });
    expect(result).toEqual({ enrolled: 1, alreadyEnrolled: 0, skippedOutOfScope: 0 });
    expect(await enrolled(c.courseId)).toEqual([nurse.employeeId]);
  });

  it('a course the caller’s ASN cannot see, or one never published, does not exist for it', async () => {
    const bima = await seedPublishedCourse(lib.db, { agencyId: world.sibling.id, visibility: 'agency' });
    const draft = await createDraftCourse(lib.db, { agencyId: world.agency.id, visibility: 'agency' });
    for (const courseId of [bima.courseId, draft.courseId]) {
      await expect(
        enrolments.assign(await scope(world.admin), courseId, { employeeIds: [world.learner.employeeId as string] }),
      ).rejects.toMatchObject({ kind: 'not_found', code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND });
      expect(await enrolled(courseId)).toEqual([]);
    }
  });

  it('learners and supervisors do not assign; a request naming nobody is refused with a reason', async () => {
    for (const who of [world.learner, world.supervisor, world.author]) {
      await expect(
        enrolments.assign(await scope(who), world.course.courseId, {
          employeeIds: [world.learner.employeeId as string],
        }),
      ).rejects.toMatchObject({ kind: 'forbidden', code: ErrorCode.AUTH_FORBIDDEN });
    }
    await expect(enrolments.assign(await scope(world.admin), world.course.courseId, {})).rejects.toMatchObject({
      kind: 'validation',
      code: ErrorCode.ENROLMENT_NO_TARGETS,
      message: 'Pilih peserta: employeeIds, unitId atau positionName',
    });
  });
});
