import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
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
import { CourseService } from '../authoring/course.service';
import { OutlineService } from '../authoring/outline.service';
import { LearningModule } from '../learning.module';
import { LEARNING_ENTITIES } from '../learning.entities';
import { WorkflowService } from '../workflow/workflow.service';
import { CatalogService } from './catalog.service';

const ENTITIES = [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...LEARNING_ENTITIES];
const ALL = { page: 1, pageSize: 100 };

// The catalog as a learner sees it (docs/learning.md "Catalog visibility", "Catalog search"): live courses only, by
// visibility, showing the live version while the next revision is drafted, and Indonesian search by stem.
describe('catalog (CatalogService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let catalog: CatalogService;
  let org: OrganisationService;

  const listed = async (p: Person, q: Partial<{ q: string; page: number; pageSize: number }> = {}) =>
    (await catalog.list(p.principal, { ...ALL, ...q })).items.map((c) => c.id);
  const course = (o: SeedCourseOptions = {}) => seedPublishedCourse(lib.db, { agencyId: world.agency.id, ...o });

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [LearningModule] });
    world = await createWorld(lib.db);
    catalog = lib.get(CatalogService);
    org = lib.get(OrganisationService);
  });
  afterAll(() => lib?.close());

  it('shows each course to the agencies its visibility reaches, and answers 404 for it elsewhere', async () => {
    const agencyOnly = await course({ visibility: 'agency' });
    const province = await course({ visibility: 'province' });
    const national = await course({ visibility: 'national' });
    const sees = {
      [world.learner.userId]: [agencyOnly, province, national],
      [world.siblingLearner.userId]: [province, national],
      [world.outsider.userId]: [national],
    };
    for (const who of [world.learner, world.siblingLearner, world.outsider]) {
      const ids = await listed(who);
      for (const c of [agencyOnly, province, national]) {
        const visible = sees[who.userId].includes(c);
        expect(ids.includes(c.courseId)).toBe(visible);
        if (visible) expect((await catalog.get(who.principal, c.courseId)).id).toBe(c.courseId);
        else
          await expect(catalog.get(who.principal, c.courseId)).rejects.toMatchObject({
            kind: 'not_found',
            code: ErrorCode.LEARNING_COURSE_NOT_FOUND,
          });
      }
    }
  });

  it('never lists a course that was never published or is archived', async () => {
    const { courseId: draftId } = await createDraftCourse(lib.db, {
      agencyId: world.agency.id,
      visibility: 'national',
    });
    const archived = await course({ visibility: 'national', status: 'archived' });
    const ids = await listed(world.learner);
    expect(ids).not.toContain(draftId);
    expect(ids).not.toContain(archived.courseId);
    await expect(catalog.get(world.learner.principal, draftId)).rejects.toMatchObject({
      code: ErrorCode.LEARNING_COURSE_NOT_FOUND,
    });
  });

  it('while the next revision is drafted or reviewed, shows the live version’s title and outline, not the draft’s', async () => {
    const live = await course({ title: 'Standar Pelayanan Publik', status: 'in_review' });
    await lib.db.query(`UPDATE course SET title = 'Standar Pelayanan Publik (revisi)' WHERE id = $1`, [live.courseId]);
    const page = await catalog.get(world.learner.principal, live.courseId);
    expect(page).toMatchObject({ title: 'Standar Pelayanan Publik', currentVersionNo: 1 });
    expect(page.outline.flatMap((m) => m.lessons.map((l) => l.id))).toEqual(
      live.snapshot.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    );
  });

  it('finds a course by any form of an Indonesian word in its title (stemmed search)', async () => {
    // Through the services, which index the stems the catalog searches.
    const author = await org.scopeOf(world.author.principal);
    const created = await lib
      .get(CourseService)
      .create(author, { title: 'Pelayanan Publik yang Prima', jp: 4, visibility: 'national' });
    const mod = await lib.get(OutlineService).createModule(author, created.id, { title: 'Modul 1' });
    await lib.get(OutlineService).createLesson(author, mod.id, {
      title: 'Pengantar',
      kind: 'text',
      content: { html: '<p>Standar pelayanan.</p>' },
    });
    await lib.get(WorkflowService).submit(author, created.id, null);
    await lib.get(WorkflowService).publish(await org.scopeOf(world.reviewer.principal), created.id, {});
    for (const q of ['melayani', 'layanan', 'PELAYANAN'])
      expect(await listed(world.outsider, { q })).toEqual([created.id]);
    expect(await listed(world.outsider, { q: 'akuntabel' })).toEqual([]);
  });

  it('pages the catalog with its total', async () => {
    for (let i = 0; i < 3; i++) await course({ visibility: 'agency' });
    const all = await catalog.list(world.learner.principal, ALL);
    const first = await catalog.list(world.learner.principal, { page: 1, pageSize: 2 });
    const second = await catalog.list(world.learner.principal, { page: 2, pageSize: 2 });
    expect(first.total).toBe(all.total);
    expect(first.items).toHaveLength(2);
    expect(second.items.map((c) => c.id)).toEqual(all.items.slice(2, 4).map((c) => c.id));
  });
});
