import type { DataSource } from 'typeorm';
import { parseNip } from '@kompeten/shared-util';
import { bootLibTest } from './lib-context';
import { createTestDatabase, openDataSource, type TestDatabase } from './test-database';
import { withAdmin } from './test-env';
import { createWorld } from './world';

// The one-line world other libs' tests stand on: rows that satisfy the schema and the domain's own rules (valid NIPs,
// a supervisor chain, role rows matching the principals), and a course that is what publishing would have written.
describe('createWorld', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDataSource(database.url, []);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('builds people with valid NIPs, their supervisor and roles stored as their principals claim them', async () => {
    const world = await createWorld(db, { learners: 3 });
    const people = [
      world.supervisor,
      ...world.learners,
      world.author,
      world.reviewer,
      world.hrOfficer,
      world.siblingLearner,
      world.outsider,
    ];
    for (const p of people)
      expect(parseNip(p.nip as string, 'PNS', new Date('2026-01-01T00:00:00Z'))).toMatchObject({ ok: true });
    expect(new Set(people.map((p) => p.nip)).size).toBe(people.length);
    const reports = await db.query(`SELECT id FROM employee WHERE supervisor_id = $1 ORDER BY id`, [
      world.supervisor.employeeId,
    ]);
    expect(reports.map((r: { id: string }) => r.id)).toEqual(
      [...world.learners.map((l) => l.employeeId), world.hrOfficer.employeeId].sort(),
    );
    for (const p of [...people, world.admin]) {
      const rows = await db.query(
        `SELECT role, agency_id AS "agencyId", unit_id AS "unitId" FROM role_assignment WHERE user_id = $1`,
        [p.userId],
      );
      expect(rows).toEqual(expect.arrayContaining(p.principal.roles));
      expect(rows).toHaveLength(p.principal.roles.length);
    }
    expect(world.admin).toMatchObject({
      employeeId: null,
      principal: { roles: [{ role: 'agency_admin', agencyId: world.agency.id, unitId: null }] },
    });
    const [rsud] = await db.query(`SELECT parent_id, path, depth FROM work_unit WHERE id = $1`, [world.units.rsud.id]);
    expect(rsud).toEqual({
      parent_id: world.units.dinkes.id,
      path: `/${world.units.dinkes.id}/${world.units.rsud.id}/`,
      depth: 1,
    });
  });

  it('publishes its course as version 1, with the post-test frozen into the snapshot', async () => {
    const { course, author } = await createWorld(db, { course: { quiz: true, visibility: 'province' } });
    const [row] = await db.query(
      `SELECT c.status, c.visibility, c.current_version_id, v.version_no, v.snapshot, ca.employee_id AS owner
         FROM course c JOIN course_version v ON v.id = c.current_version_id JOIN course_author ca ON ca.course_id = c.id AND ca.role = 'owner'
        WHERE c.id = $1`,
      [course.courseId],
    );
    expect(row).toMatchObject({
      status: 'published',
      visibility: 'province',
      current_version_id: course.versionId,
      version_no: 1,
      owner: author.employeeId,
    });
    const quizLesson = row.snapshot.modules
      .flatMap((m: { lessons: Array<{ id: string; content: { kind: string; quizId?: string } }> }) => m.lessons)
      .find((l: { content: { kind: string } }) => l.content.kind === 'quiz');
    expect(quizLesson).toEqual(
      expect.objectContaining({ id: course.lesson.postTest, content: { kind: 'quiz', quizId: course.quiz?.id } }),
    );
    expect(row.snapshot.quizzes[course.quiz?.id as string].settings.role).toBe('post_test');
  });

  it('makes a draft with its outline when asked for an unpublished course; several worlds share a database', async () => {
    const { course } = await createWorld(db, {
      course: { published: false, modules: [{ lessons: [{ key: 'a', content: { kind: 'text', html: '<p>a</p>' } }] }] },
    });
    const [row] = await db.query(`SELECT status, current_version_id FROM course WHERE id = $1`, [course.courseId]);
    expect(row).toEqual({ status: 'draft', current_version_id: null });
    const lessons = await db.query(`SELECT id, module_id FROM lesson WHERE course_id = $1`, [course.courseId]);
    expect(lessons).toEqual([{ id: course.lesson.a, module_id: course.moduleIds[0] }]);
  });
});

describe('bootLibTest', () => {
  it('drops its database on close', async () => {
    const lib = await bootLibTest({ entities: [], imports: [] });
    const name = lib.database.name;
    await lib.close();
    const left = await withAdmin((c) => c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]));
    expect(left.rows).toEqual([]);
  });
});
