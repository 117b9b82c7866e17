import { randomUUID } from 'node:crypto';
import { ErrorCode, OutboxEvent, type CourseSnapshot } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createDraftCourse,
  createWorld,
  seedPublishedCourse,
  type LessonSpec,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { CourseService } from '../authoring/course.service';
import { OutlineService } from '../authoring/outline.service';
import { LearningModule } from '../learning.module';
import { LEARNING_ENTITIES } from '../learning.entities';
import { WorkflowService } from './workflow.service';

const ENTITIES = [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...LEARNING_ENTITIES];
const text = (key: string): LessonSpec => ({
  key,
  title: `Materi ${key}`,
  content: { kind: 'text', html: `<p>${key}</p>` },
});

// Authoring rules a widyaiswara and a reviewer meet (docs/learning.md, decision 0013): who creates and sees a draft,
// who edits it, draft → in_review → published → archived, four eyes on publishing, and immutable numbered versions.
describe('authoring and review (CourseService, OutlineService, WorkflowService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let courses: CourseService;
  let outline: OutlineService;
  let workflow: WorkflowService;
  let org: OrganisationService;
  /** A widyaiswara of the sibling city: a reviewer elsewhere, nobody here. */
  let bimaWidyaiswara: Person;
  let coAuthor: Person;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const draft = (o: Parameters<typeof createDraftCourse>[1] = {}) =>
    createDraftCourse(lib.db, {
      agencyId: world.agency.id,
      visibility: 'agency',
      authorEmployeeIds: [world.author.employeeId as string],
      modules: [{ lessons: [text('pengantar'), text('inti')] }],
      ...o,
    });
  const submit = async (p: Person, id: string) => workflow.submit(await scope(p), id, null);
  const publish = async (p: Person, id: string, requiresUpgrade = false) =>
    workflow.publish(await scope(p), id, { requiresUpgrade });
  const versions = (
    courseId: string,
  ): Promise<Array<{ version_no: number; snapshot: CourseSnapshot; published_by: string }>> =>
    lib.db.query(
      `SELECT version_no, snapshot, published_by FROM course_version WHERE course_id = $1 ORDER BY version_no`,
      [courseId],
    );
  const editors = async (courseId: string): Promise<string[]> =>
    (
      await lib.db.query(`SELECT user_id FROM course_draft_editor WHERE course_id = $1 ORDER BY user_id`, [courseId])
    ).map((r: { user_id: string }) => r.user_id);

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [LearningModule] });
    world = await createWorld(lib.db);
    courses = lib.get(CourseService);
    outline = lib.get(OutlineService);
    workflow = lib.get(WorkflowService);
    org = lib.get(OrganisationService);
    bimaWidyaiswara = await world.person({
      agencyId: world.sibling.id,
      unitId: null,
      supervisorId: null,
      roles: ['learner', 'widyaiswara'],
    });
    coAuthor = await world.person({ unitId: null, supervisorId: null, roles: ['learner', 'widyaiswara'] });
  });
  afterAll(() => lib?.close());

  describe('creating and seeing a draft', () => {
    it('a widyaiswara creates a course of their agency and owns it; it is a draft with no version', async () => {
      const created = await courses.create(await scope(world.author), { title: 'Melayani dengan BerAKHLAK', jp: 4 });
      expect(created).toMatchObject({
        agencyId: world.agency.id,
        status: 'draft',
        currentVersionId: null,
        visibility: 'agency',
        enrolmentMode: 'open',
        versions: [],
        authors: [{ employeeId: world.author.employeeId, role: 'owner' }],
        can: { edit: true, review: false, manageAuthors: true },
      });
      const [audit] = await lib.db.query(
        `SELECT actor_user_id, agency_id FROM audit_log WHERE action = 'course.create' AND entity_id = $1`,
        [created.id],
      );
      expect(audit).toEqual({ actor_user_id: world.author.userId, agency_id: world.agency.id });
    });

    it('a learner creates nothing; a widyaiswara of another agency cannot create for this one', async () => {
      await expect(courses.create(await scope(world.learner), { title: 'Kursus liar', jp: 2 })).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.AUTH_FORBIDDEN,
      });
      await expect(
        courses.create(await scope(bimaWidyaiswara), { title: 'Kursus titipan', jp: 2, agencyId: world.agency.id }),
      ).rejects.toMatchObject({ kind: 'not_found', code: ErrorCode.ORG_AGENCY_NOT_FOUND });
    });

    it('a draft is seen by its authors, the agency’s reviewers and admins only', async () => {
      const { courseId } = await draft();
      for (const who of [world.author, world.reviewer, world.admin])
        expect((await courses.get(await scope(who), courseId)).id).toBe(courseId);
      for (const who of [world.learner, world.supervisor, bimaWidyaiswara, world.outsider]) {
        await expect(courses.get(await scope(who), courseId)).rejects.toMatchObject({
          kind: 'not_found',
          code: ErrorCode.LEARNING_COURSE_NOT_FOUND,
        });
      }
      const listed = async (who: Person) =>
        (await courses.list(await scope(who), { page: 1, pageSize: 100 })).items.map((c) => c.id);
      expect(await listed(world.reviewer)).toContain(courseId);
      expect(await listed(bimaWidyaiswara)).not.toContain(courseId);
      expect(await listed(world.learner)).toEqual([]);
    });

    it('only authors and admins edit; a reviewer who is not an author may not', async () => {
      const { courseId } = await draft();
      await expect(
        courses.update(await scope(world.reviewer), courseId, { title: 'Judul lain' }),
      ).rejects.toMatchObject({ kind: 'forbidden', code: ErrorCode.AUTH_FORBIDDEN });
      await expect(courses.update(await scope(world.learner), courseId, { title: 'Judul lain' })).rejects.toMatchObject(
        { kind: 'not_found' },
      );
      expect(
        await courses.update(await scope(world.author), courseId, { title: 'Judul yang diperbaiki' }),
      ).toMatchObject({ title: 'Judul yang diperbaiki' });
      expect(await editors(courseId)).toEqual([world.author.userId]);
    });
  });

  describe('review', () => {
    it('a course without lessons cannot go to review', async () => {
      const { courseId } = await draft({ modules: [] });
      await expect(submit(world.author, courseId)).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.LEARNING_INVALID_COURSE,
        message: 'Tambahkan setidaknya satu pelajaran sebelum mengajukan tinjauan',
      });
    });

    it('in review the draft is frozen: no edits, no outline changes, no author changes, no second submission', async () => {
      const { courseId } = await draft();
      expect(await submit(world.author, courseId)).toMatchObject({ status: 'in_review' });
      const s = await scope(world.author);
      await expect(courses.update(s, courseId, { title: 'Perubahan diam-diam' })).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.LEARNING_WRONG_STATUS,
      });
      await expect(outline.createModule(s, courseId, { title: 'Modul tambahan' })).rejects.toMatchObject({
        code: ErrorCode.LEARNING_WRONG_STATUS,
      });
      await expect(courses.addAuthor(s, courseId, { employeeId: coAuthor.employeeId as string })).rejects.toMatchObject(
        { kind: 'conflict', code: ErrorCode.LEARNING_AUTHORS_FROZEN },
      );
      await expect(submit(world.author, courseId)).rejects.toMatchObject({
        code: ErrorCode.LEARNING_WRONG_STATUS,
        message: 'Pelatihan sudah dalam tinjauan',
      });
    });

    it('an author never publishes their own course; people who cannot see it get a 404', async () => {
      const { courseId } = await draft();
      await submit(world.author, courseId);
      await expect(publish(world.author, courseId)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.LEARNING_AUTHOR_CANNOT_REVIEW,
      });
      for (const who of [world.learner, bimaWidyaiswara])
        await expect(publish(who, courseId)).rejects.toMatchObject({
          kind: 'not_found',
          code: ErrorCode.LEARNING_COURSE_NOT_FOUND,
        });
      expect(await versions(courseId)).toEqual([]);
      const queue = async (who: Person) =>
        (await workflow.reviews(await scope(who), { page: 1, pageSize: 100 })).items.map((c) => c.id);
      expect(await queue(world.reviewer)).toContain(courseId);
      expect(await queue(world.author)).not.toContain(courseId);
      expect(await queue(bimaWidyaiswara)).not.toContain(courseId);
    });

    it('a reviewer publishes version 1: the outline is frozen in order, the course is live, and course.published goes to the outbox', async () => {
      const { courseId, lesson } = await draft();
      await submit(world.author, courseId);
      const published = await publish(world.reviewer, courseId);
      expect(published).toMatchObject({ status: 'published', currentVersionNo: 1 });
      const [v1] = await versions(courseId);
      expect(v1.published_by).toBe(world.reviewer.userId);
      expect(v1.snapshot.modules[0].lessons.map((l) => [l.id, l.title])).toEqual([
        [lesson.pengantar, 'Materi pengantar'],
        [lesson.inti, 'Materi inti'],
      ]);
      const [event] = await lib.db.query(
        `SELECT payload FROM outbox_event WHERE event_type = $1 AND payload->>'courseId' = $2`,
        [OutboxEvent.CoursePublished, courseId],
      );
      expect(event.payload).toEqual({ courseId, versionId: published.currentVersionId, requiresUpgrade: false });
      expect(published.reviewEvents.map((e) => e.action)).toEqual(['submit', 'publish']);
      expect(await editors(courseId)).toEqual([]);
    });

    it('a reviewer returns a draft with a note; the author edits again', async () => {
      const { courseId } = await draft();
      await submit(world.author, courseId);
      const returned = await workflow.return(
        await scope(world.reviewer),
        courseId,
        'Tambahkan tujuan pembelajaran modul 1.',
      );
      expect(returned).toMatchObject({ status: 'draft' });
      expect(returned.reviewEvents.at(-1)).toMatchObject({
        action: 'return',
        note: 'Tambahkan tujuan pembelajaran modul 1.',
        actorUserId: world.reviewer.userId,
      });
      expect(
        await courses.update(await scope(world.author), courseId, { objectives: ['Memahami nilai BerAKHLAK'] }),
      ).toMatchObject({ objectives: ['Memahami nilai BerAKHLAK'] });
    });
  });

  describe('four eyes (decision 0013)', () => {
    it('an admin who edited the draft cannot publish it, and does not see it in their review queue; another reviewer can', async () => {
      const { courseId } = await draft();
      await courses.update(await scope(world.admin), courseId, { jp: 6 });
      await submit(world.author, courseId);
      await expect(publish(world.admin, courseId)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.LEARNING_EDITOR_CANNOT_PUBLISH,
      });
      expect(
        (await workflow.reviews(await scope(world.admin), { page: 1, pageSize: 100 })).items.map((c) => c.id),
      ).not.toContain(courseId);
      expect(await publish(world.reviewer, courseId)).toMatchObject({ status: 'published' });
    });

    it('a co-author who edited and then left the authors still may not publish that version', async () => {
      const { courseId, moduleIds } = await draft();
      await courses.addAuthor(await scope(world.author), courseId, { employeeId: coAuthor.employeeId as string });
      const s = await scope(coAuthor);
      await outline.createLesson(s, moduleIds[0], {
        title: 'Studi kasus',
        kind: 'text',
        content: { html: '<p>Kasus pelayanan.</p>' },
      });
      await courses.removeAuthor(s, courseId, coAuthor.employeeId as string);
      await submit(world.author, courseId);
      await expect(publish(coAuthor, courseId)).rejects.toMatchObject({
        code: ErrorCode.LEARNING_EDITOR_CANNOT_PUBLISH,
      });
    });
  });

  describe('versions', () => {
    it('a published course edited and published again gets version 2; version 1 keeps what learners took', async () => {
      const { courseId } = await draft({ title: 'Literasi Digital ASN' });
      await submit(world.author, courseId);
      await publish(world.reviewer, courseId);
      const edited = await courses.update(await scope(world.author), courseId, { title: 'Literasi Digital bagi ASN' });
      // Editing the next revision leaves the live version live.
      expect(edited).toMatchObject({ status: 'published', currentVersionNo: 1 });
      await submit(world.author, courseId);
      const v2 = await publish(world.reviewer, courseId, true);
      expect(v2).toMatchObject({
        currentVersionNo: 2,
        versions: [
          { versionNo: 2, requiresUpgrade: true },
          { versionNo: 1, requiresUpgrade: false },
        ],
      });
      const [first, second] = await versions(courseId);
      expect([first.version_no, first.snapshot.title]).toEqual([1, 'Literasi Digital ASN']);
      expect([second.version_no, second.snapshot.title]).toEqual([2, 'Literasi Digital bagi ASN']);
    });

    it('two reviewers publishing at once make one version: the second finds it no longer in review', async () => {
      const { courseId } = await draft();
      await submit(world.author, courseId);
      const second = await world.person({ unitId: null, supervisorId: null, roles: ['widyaiswara'] });
      const outcomes = await Promise.allSettled([publish(world.reviewer, courseId), publish(second, courseId)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ kind: 'conflict', code: ErrorCode.LEARNING_WRONG_STATUS });
      expect((await versions(courseId)).map((v) => v.version_no)).toEqual([1]);
    });

    it('without the assessment lib, a course with a quiz is not published (its questions could not be frozen)', async () => {
      const { courseId } = await draft({
        modules: [{ lessons: [text('materi'), { key: 'kuis', content: { kind: 'quiz', quizId: randomUUID() } }] }],
      });
      await submit(world.author, courseId);
      await expect(publish(world.reviewer, courseId)).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.LEARNING_QUIZ_PORT_MISSING,
      });
      expect(await versions(courseId)).toEqual([]);
    });
  });

  describe('archiving', () => {
    it('the owner or an admin archives, a co-author does not; an archived course is no longer edited', async () => {
      const { courseId } = await draft({
        authorEmployeeIds: [world.author.employeeId as string, coAuthor.employeeId as string],
      });
      await expect(workflow.archive(await scope(coAuthor), courseId)).rejects.toMatchObject({
        kind: 'forbidden',
        code: ErrorCode.AUTH_FORBIDDEN,
      });
      expect(await workflow.archive(await scope(world.author), courseId)).toMatchObject({
        status: 'archived',
        can: { edit: false, archive: false },
      });
      await expect(courses.update(await scope(world.author), courseId, { title: 'Hidup lagi' })).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.LEARNING_WRONG_STATUS,
      });
      await expect(workflow.archive(await scope(world.admin), courseId)).rejects.toMatchObject({
        code: ErrorCode.LEARNING_WRONG_STATUS,
      });
    });
  });

  describe('prerequisites', () => {
    it('a course is no prerequisite of itself; another agency’s draft answers as unknown; a live course the author can see is accepted', async () => {
      const { courseId } = await draft();
      const s = await scope(world.author);
      await expect(courses.update(s, courseId, { prerequisiteCourseIds: [courseId] })).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.LEARNING_INVALID_COURSE,
      });
      const bimaDraft = await createDraftCourse(lib.db, { agencyId: world.sibling.id, visibility: 'national' });
      await expect(courses.update(s, courseId, { prerequisiteCourseIds: [bimaDraft.courseId] })).rejects.toMatchObject({
        kind: 'not_found',
        code: ErrorCode.LEARNING_COURSE_NOT_FOUND,
      });
      const national = await seedPublishedCourse(lib.db, { agencyId: world.otherAgency.id, visibility: 'national' });
      expect(await courses.update(s, courseId, { prerequisiteCourseIds: [national.courseId] })).toMatchObject({
        prerequisiteCourseIds: [national.courseId],
      });
    });
  });
});
