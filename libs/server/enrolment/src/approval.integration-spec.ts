import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
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
import { ProgressService } from './progress.service';

const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
];
const PAGE = { page: 1, pageSize: 20 };

// A course with enrolment mode `approval`: the learner asks, the atasan langsung (who must also hold the supervisor
// role where the learner works, issue 12) or an admin of the learner's agency decides.
describe('supervisor approval (EnrolmentService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let course: SeededCourse;
  let enrolments: EnrolmentService;
  let org: OrganisationService;
  /** Supervisor role in the agency, but not the learners' atasan. */
  let otherSupervisor: Person;
  /** Named as someone's atasan on their record, without the supervisor role. */
  let namedOnly: Person;
  let namedOnlysReport: Person;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const ask = async (p: Person, courseId = course.courseId) =>
    (await enrolments.enrol(await scope(p), courseId)).enrolment;
  const pendingFor = async (p: Person) => (await enrolments.listApprovals(await scope(p), PAGE)).items.map((a) => a.id);

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [EnrolmentModule] });
    world = await createWorld(lib.db, { learners: 4 });
    course = await seedPublishedCourse(lib.db, {
      agencyId: world.agency.id,
      enrolmentMode: 'approval',
      authorEmployeeIds: [world.author.employeeId as string],
    });
    enrolments = lib.get(EnrolmentService);
    org = lib.get(OrganisationService);
    otherSupervisor = await world.person({
      unitId: world.units.disdik.id,
      supervisorId: null,
      roles: ['learner', 'supervisor'],
    });
    namedOnly = await world.person({ supervisorId: null });
    namedOnlysReport = await world.person({ supervisorId: namedOnly.employeeId });
  });
  afterAll(() => lib?.close());

  it('a request waits for approval, in the queue of the learner’s supervisor only', async () => {
    const pending = await ask(world.learners[0]);
    expect(pending).toMatchObject({ status: 'pending_approval', source: 'self' });
    const queue = await enrolments.listApprovals(await scope(world.supervisor), PAGE);
    expect(queue.items.find((a) => a.id === pending.id)).toMatchObject({
      nip: world.learners[0].nip,
      employeeName: world.learners[0].fullName,
      unitName: 'Dinas Kesehatan',
    });
    expect(await pendingFor(otherSupervisor)).not.toContain(pending.id);
    expect(await pendingFor(world.learners[0])).toEqual([]);
    expect(await pendingFor(world.admin)).toContain(pending.id);
  });

  it('a pending learner cannot start learning yet', async () => {
    const pending = await ask(world.learners[1]);
    const lessonId = course.snapshot.modules[0].lessons[0].id;
    await expect(
      lib.get(ProgressService).recordEvent(await scope(world.learners[1]), pending.id, lessonId, { event: 'opened' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: ErrorCode.ENROLMENT_NOT_ACTIVE });
  });

  it('nobody but the supervisor or an admin decides: another supervisor, the learner, the author, a named atasan without the role', async () => {
    const pending = await ask(world.learners[2]);
    for (const who of [otherSupervisor, world.learners[2], world.author, world.hrOfficer]) {
      await expect(enrolments.decide(await scope(who), pending.id, 'approve')).rejects.toMatchObject({
        kind: 'not_found',
        code: ErrorCode.ENROLMENT_NOT_FOUND,
      });
    }
    const ofNamedOnly = await ask(namedOnlysReport);
    await expect(enrolments.decide(await scope(namedOnly), ofNamedOnly.id, 'approve')).rejects.toMatchObject({
      code: ErrorCode.ENROLMENT_NOT_FOUND,
    });
    expect(await pendingFor(namedOnly)).toEqual([]);
    const [row] = await lib.db.query(`SELECT status, decided_by FROM enrolment WHERE id = $1`, [pending.id]);
    expect(row).toEqual({ status: 'pending_approval', decided_by: null });
  });

  it('the supervisor approves once: the enrolment is active, decided by them and audited; approving again changes nothing', async () => {
    const pending = await ask(world.learners[0]);
    const s = await scope(world.supervisor);
    const approved = await enrolments.decide(s, pending.id, 'approve');
    expect(approved).toMatchObject({ id: pending.id, status: 'active' });
    expect(await enrolments.decide(s, pending.id, 'approve')).toMatchObject({ status: 'active' });
    const [row] = await lib.db.query(
      `SELECT decided_by, decided_at IS NOT NULL AS decided FROM enrolment WHERE id = $1`,
      [pending.id],
    );
    expect(row).toEqual({ decided_by: world.supervisor.userId, decided: true });
    const audit = await lib.db.query(
      `SELECT action, actor_user_id, agency_id FROM audit_log WHERE entity_id = $1 AND action LIKE 'enrolment.%'`,
      [pending.id],
    );
    expect(audit).toEqual([
      { action: 'enrolment.approve', actor_user_id: world.supervisor.userId, agency_id: world.agency.id },
    ]);
    expect(await pendingFor(world.supervisor)).not.toContain(pending.id);
    // One enrolment.decided event (for the learner's notification) in the decision's transaction; none on the repeat.
    const events = await lib.db.query(
      `SELECT aggregate_id, payload FROM outbox_event WHERE event_type = 'enrolment.decided' AND payload->>'enrolmentId' = $1`,
      [pending.id],
    );
    expect(events).toEqual([
      {
        aggregate_id: events[0].payload.decisionId,
        payload: { enrolmentId: pending.id, decisionId: expect.any(String), outcome: 'approved' },
      },
    ]);
    await expect(enrolments.decide(s, pending.id, 'reject')).rejects.toMatchObject({
      kind: 'conflict',
      code: ErrorCode.ENROLMENT_NOT_PENDING,
    });
  });

  it('a rejected learner (told why, and by an event of its own per decision) may ask again, and waits again', async () => {
    const pending = await ask(world.learners[3]);
    expect(
      await enrolments.decide(await scope(world.supervisor), pending.id, 'reject', 'Kuota angkatan ini penuh'),
    ).toMatchObject({ status: 'rejected' });
    const [row] = await lib.db.query(`SELECT decision_reason FROM enrolment WHERE id = $1`, [pending.id]);
    expect(row.decision_reason).toBe('Kuota angkatan ini penuh');
    expect(await ask(world.learners[3])).toMatchObject({ id: pending.id, status: 'pending_approval' });
    expect(await pendingFor(world.supervisor)).toContain(pending.id);
    await enrolments.decide(await scope(world.supervisor), pending.id, 'approve');
    const events = await lib.db.query(
      `SELECT payload->>'outcome' AS outcome FROM outbox_event
        WHERE event_type = 'enrolment.decided' AND payload->>'enrolmentId' = $1 ORDER BY created_at`,
      [pending.id],
    );
    expect(events).toEqual([{ outcome: 'rejected' }, { outcome: 'approved' }]);
  });

  it('an admin of the learner’s agency approves too', async () => {
    const pending = await ask(world.learners[2]);
    expect(await enrolments.decide(await scope(world.admin), pending.id, 'approve')).toMatchObject({
      status: 'active',
    });
  });

  it('an assignment needs no approval', async () => {
    const other = await seedPublishedCourse(lib.db, { agencyId: world.agency.id, enrolmentMode: 'approval' });
    const learner = await world.person();
    expect(
      await enrolments.assign(await scope(world.hrOfficer), other.courseId, {
        employeeIds: [learner.employeeId as string],
      }),
    ).toMatchObject({ enrolled: 1 });
    expect(await ask(learner, other.courseId)).toMatchObject({ source: 'assigned', status: 'active' });
  });

  it('the approval queue is paginated with its total', async () => {
    const other = await seedPublishedCourse(lib.db, { agencyId: world.agency.id, enrolmentMode: 'approval' });
    for (const l of world.learners) await ask(l, other.courseId);
    const s = await scope(world.supervisor);
    const first = await enrolments.listApprovals(s, { page: 1, pageSize: 3 });
    const all = await enrolments.listApprovals(s, { page: 1, pageSize: 100 });
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(all.total);
    expect(all.items.filter((a) => a.courseId === other.courseId)).toHaveLength(world.learners.length);
  });
});
