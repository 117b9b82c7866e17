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
  type SeedCourseOptions,
  type World,
} from '@kompeten/server-testing';
import { EnrolmentModule } from './enrolment.module';
import { ENROLMENT_ENTITIES } from './index';
import { EnrolmentService } from './enrolment.service';
import { ProgressService } from './progress.service';

// The entities this lib's foreign keys name (its own, and the tables of the libs below it).
const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
];
const ONE_TEXT_LESSON: SeedCourseOptions['modules'] = [
  { lessons: [{ key: 'read', content: { kind: 'text', html: '<p>Nilai dasar ASN.</p>' } }] },
];

// Self-enrolment as a learner meets it (docs/learning.md): who may see a course and enrol, which courses take learners,
// enrolment modes, prerequisites, and enrolling again (repeated, concurrent, after a withdrawal).
describe('self-enrolment (EnrolmentService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let enrolments: EnrolmentService;
  let progress: ProgressService;
  let org: OrganisationService;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const enrol = async (p: Person, courseId: string) => enrolments.enrol(await scope(p), courseId);
  const rowsOf = async (courseId: string): Promise<Array<{ employee_id: string; status: string }>> =>
    lib.db.query(`SELECT employee_id, status FROM enrolment WHERE course_id = $1 ORDER BY created_at`, [courseId]);
  const course = (o: SeedCourseOptions = {}) =>
    seedPublishedCourse(lib.db, {
      agencyId: world.agency.id,
      authorEmployeeIds: [world.author.employeeId as string],
      ...o,
    });

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [EnrolmentModule] });
    world = await createWorld(lib.db, { learners: 2 });
    enrolments = lib.get(EnrolmentService);
    progress = lib.get(ProgressService);
    org = lib.get(OrganisationService);
  });
  afterAll(() => lib?.close());

  describe('who may enrol: the course’s visibility', () => {
    it('agency: its own ASN enrol into the current version; another city of the province and another province do not see it', async () => {
      const c = await course({ visibility: 'agency' });
      const { enrolment, created } = await enrol(world.learner, c.courseId);
      expect(created).toBe(true);
      expect(enrolment).toMatchObject({
        courseId: c.courseId,
        courseVersionId: c.versionId,
        versionNo: 1,
        employeeId: world.learner.employeeId,
        agencyId: world.agency.id,
        source: 'self',
        status: 'active',
        progressPercent: 0,
      });
      for (const stranger of [world.siblingLearner, world.outsider]) {
        await expect(enrol(stranger, c.courseId)).rejects.toMatchObject({
          kind: 'not_found',
          code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
          message: 'Pelatihan tidak ditemukan',
        });
      }
      expect(await rowsOf(c.courseId)).toEqual([{ employee_id: world.learner.employeeId, status: 'active' }]);
    });

    it('province: a city’s course reaches every agency of its province, not another province', async () => {
      const c = await course({ visibility: 'province' });
      expect((await enrol(world.siblingLearner, c.courseId)).enrolment.status).toBe('active');
      await expect(enrol(world.outsider, c.courseId)).rejects.toMatchObject({
        code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      });
    });

    it('province: a course of the province itself reaches the cities under it', async () => {
      const c = await seedPublishedCourse(lib.db, { agencyId: world.province.id, visibility: 'province' });
      expect((await enrol(world.learner, c.courseId)).enrolment.status).toBe('active');
      expect((await enrol(world.siblingLearner, c.courseId)).enrolment.status).toBe('active');
      await expect(enrol(world.outsider, c.courseId)).rejects.toMatchObject({
        code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      });
    });

    it('national: ASN of any agency enrol', async () => {
      const c = await course({ visibility: 'national' });
      expect((await enrol(world.outsider, c.courseId)).enrolment).toMatchObject({
        status: 'active',
        agencyId: world.otherAgency.id,
      });
    });
  });

  describe('which courses take learners', () => {
    it('a course never published does not exist for a learner, even of its own agency', async () => {
      const { courseId } = await createDraftCourse(lib.db, {
        agencyId: world.agency.id,
        visibility: 'national',
        authorEmployeeIds: [world.author.employeeId as string],
      });
      await expect(enrol(world.learner, courseId)).rejects.toMatchObject({
        kind: 'not_found',
        code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      });
      expect(await rowsOf(courseId)).toEqual([]);
    });

    it('an archived course takes nobody new', async () => {
      const c = await course({ visibility: 'national', status: 'archived' });
      await expect(enrol(world.learner, c.courseId)).rejects.toMatchObject({
        code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      });
    });

    it.each(['draft', 'in_review'] as const)(
      'a published course whose next revision is %s keeps taking learners into its live version',
      async (status) => {
        const c = await course({ status });
        expect((await enrol(world.learner, c.courseId)).enrolment).toMatchObject({
          status: 'active',
          courseVersionId: c.versionId,
        });
      },
    );

    it('an unknown course id answers as a hidden one', async () => {
      await expect(enrol(world.learner, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        code: ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      });
    });
  });

  describe('enrolment modes', () => {
    it('assigned_only refuses self-enrolment; an assigned learner enrolling again gets the assignment back', async () => {
      const c = await course({ enrolmentMode: 'assigned_only' });
      await expect(enrol(world.learner, c.courseId)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.ENROLMENT_ASSIGNED_ONLY,
      });
      const assigned = await enrolments.assign(await scope(world.admin), c.courseId, {
        employeeIds: [world.learners[1].employeeId as string],
      });
      expect(assigned).toEqual({ enrolled: 1, alreadyEnrolled: 0, skippedOutOfScope: 0 });
      const again = await enrol(world.learners[1], c.courseId);
      expect(again).toMatchObject({ created: false, enrolment: { source: 'assigned', status: 'active' } });
    });

    it('only an ASN enrols: an account without an ASN record, or an inactive ASN, is refused', async () => {
      const c = await course();
      await expect(enrol(world.admin, c.courseId)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.AUTH_FORBIDDEN,
      });
      const retired = await world.person({ active: false });
      await expect(enrol(retired, c.courseId)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.AUTH_FORBIDDEN,
        message: 'Data ASN Anda tidak aktif',
      });
      expect(await rowsOf(c.courseId)).toEqual([]);
    });
  });

  describe('prerequisites', () => {
    it('lists the prerequisite courses not completed yet, and opens once they are', async () => {
      const basic = await course({ title: 'Orientasi ASN', modules: ONE_TEXT_LESSON });
      const other = await course({ title: 'Literasi Digital ASN' });
      const advanced = await course({
        title: 'Pelayanan Publik Lanjutan',
        prerequisiteCourseIds: [basic.courseId, other.courseId],
      });
      const learner = await world.person();

      const refused = enrol(learner, advanced.courseId);
      await expect(refused).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.ENROLMENT_PREREQUISITES_NOT_MET,
        message: 'Selesaikan dahulu pelatihan prasyarat',
      });
      await expect(refused).rejects.toHaveProperty('details', {
        missingCourseIds: expect.arrayContaining([basic.courseId, other.courseId]),
      });

      // Enrolled is not enough; completed is.
      const { enrolment } = await enrol(learner, basic.courseId);
      await expect(enrol(learner, advanced.courseId)).rejects.toHaveProperty('details', {
        missingCourseIds: expect.arrayContaining([basic.courseId, other.courseId]),
      });
      const done = await progress.recordEvent(await scope(learner), enrolment.id, basic.lesson.read, {
        event: 'opened',
      });
      expect(done.completed).toBe(true);
      await expect(enrol(learner, advanced.courseId)).rejects.toHaveProperty('details', {
        missingCourseIds: [other.courseId],
      });

      await lib.db.query(`UPDATE course SET prerequisite_course_ids = $2 WHERE id = $1`, [
        advanced.courseId,
        [basic.courseId],
      ]);
      expect((await enrol(learner, advanced.courseId)).enrolment.status).toBe('active');
    });
  });

  describe('enrolling again', () => {
    it('answers the same enrolment, not a second one', async () => {
      const c = await course();
      const first = await enrol(world.learner, c.courseId);
      const second = await enrol(world.learner, c.courseId);
      expect(second).toEqual({ enrolment: first.enrolment, created: false });
      expect(await rowsOf(c.courseId)).toHaveLength(1);
    });

    it('concurrent requests of one learner make one enrolment, and all of them answer it', async () => {
      const c = await course();
      const s = await scope(world.learners[1]);
      const answers = await Promise.all(Array.from({ length: 6 }, () => enrolments.enrol(s, c.courseId)));
      expect(new Set(answers.map((a) => a.enrolment.id)).size).toBe(1);
      expect(answers.filter((a) => a.created)).toHaveLength(1);
      expect(await rowsOf(c.courseId)).toEqual([{ employee_id: world.learners[1].employeeId, status: 'active' }]);
    });

    it('after a withdrawal the same enrolment becomes active again; withdrawing twice changes nothing', async () => {
      const c = await course();
      const { enrolment } = await enrol(world.learner, c.courseId);
      const s = await scope(world.learner);
      expect((await enrolments.withdraw(s, enrolment.id)).status).toBe('withdrawn');
      expect((await enrolments.withdraw(s, enrolment.id)).status).toBe('withdrawn');
      const again = await enrol(world.learner, c.courseId);
      expect(again).toMatchObject({ created: false, enrolment: { id: enrolment.id, status: 'active' } });
    });

    it('nobody withdraws someone else’s enrolment', async () => {
      const c = await course();
      const { enrolment } = await enrol(world.learner, c.courseId);
      for (const other of [world.learners[1], world.supervisor]) {
        await expect(enrolments.withdraw(await scope(other), enrolment.id)).rejects.toMatchObject({
          kind: 'not_found',
          code: ErrorCode.ENROLMENT_NOT_FOUND,
        });
      }
      expect((await rowsOf(c.courseId))[0].status).toBe('active');
    });
  });
});
