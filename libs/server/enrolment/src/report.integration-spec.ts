import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createWorld,
  type LibTestContext,
  type Person,
  createUnit,
  type WorldFor,
} from '@kompeten/server-testing';
import type { ReportQueryDto } from './dto/enrolment.dto';
import { EnrolmentModule } from './enrolment.module';
import { ENROLMENT_ENTITIES } from './index';
import { ReportService } from './report.service';

const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
];

// The course report (issue 15): totals over the filtered learners, filters by unit subtree, status and name/NIP, and a
// unit filter outside the caller's scope answers 404 like an unknown one.
describe('course report totals and filters (ReportService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: WorldFor<{ learners: 1; course: { quiz: true } }>;
  let reports: ReportService;
  let org: OrganisationService;
  let people: Record<'passed' | 'failedPost' | 'started' | 'fresh' | 'late' | 'teacher', Person>;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const q = (o: Partial<ReportQueryDto> = {}) => ({ page: 1, pageSize: 50, ...o }) as ReportQueryDto;
  const enrol = async (
    p: Person,
    status: string,
    extra: { progress?: number; due?: string; activity?: boolean } = {},
  ) => {
    const [row] = await lib.db.query(
      `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, progress_percent, last_activity_at, due_at, due_time_zone, completed_at)
       VALUES ($1, $2, $3, $4, 'assigned', $5, $6, $7, $8::timestamptz, CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE 'Asia/Makassar' END, $9) RETURNING id`,
      [
        world.course.courseId,
        world.course.versionId,
        p.employeeId,
        world.agency.id,
        status,
        extra.progress ?? 0,
        extra.activity ? new Date() : null,
        extra.due ?? null,
        status === 'completed' ? new Date() : null,
      ],
    );
    return row.id as string;
  };
  const postTest = (enrolmentId: string, score: number, passed: boolean) =>
    lib.db.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, score_percent, passed) VALUES ($1, $2, 'completed', $3, $4)`,
      [enrolmentId, world.course.lesson.postTest, score, passed],
    );

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ENTITIES, imports: [EnrolmentModule] });
    world = await createWorld(lib.db, { learners: 1, course: { quiz: true } });
    reports = lib.get(ReportService);
    org = lib.get(OrganisationService);
    people = {
      passed: await world.person({ fullName: 'Ahmad Lulus', unitId: world.units.rsud.id }),
      failedPost: await world.person({ fullName: 'Baiq Belum Lulus' }),
      started: await world.person({ fullName: 'Citra Berjalan' }),
      fresh: await world.person({ fullName: 'Dewi Belum Mulai' }),
      late: await world.person({ fullName: 'Eko Terlambat' }),
      teacher: await world.person({ fullName: 'Fajar Guru', unitId: world.units.disdik.id }),
    };
    await postTest(await enrol(people.passed, 'completed', { progress: 100, activity: true }), 90, true);
    await postTest(await enrol(people.failedPost, 'completed', { progress: 100, activity: true }), 40, false);
    await enrol(people.started, 'active', { progress: 50, activity: true });
    await enrol(people.fresh, 'active');
    await enrol(people.late, 'active', { progress: 20, activity: true, due: '2020-01-31T15:59:59Z' });
    await enrol(people.teacher, 'withdrawn');
  });
  afterAll(() => lib?.close());

  it('totals: enrolled, not started, in progress, completed, passed (post-test passed) and overdue', async () => {
    const page = await reports.page(await scope(world.admin), world.course.courseId, q());
    expect(page.total).toBe(6);
    expect(page.totals).toEqual({
      enrolled: 5,
      notStarted: 1,
      inProgress: 2,
      completed: 2,
      passed: 1,
      overdue: 1,
      averagePreTest: null,
      averagePostTest: 65,
    });
  });

  it('filters by status, by unit subtree and by name or NIP; the totals follow unit and search', async () => {
    const s = await scope(world.admin);
    const names = async (o: Partial<ReportQueryDto>) =>
      (await reports.page(s, world.course.courseId, q(o))).items.map((r) => r.name);
    expect(await names({ status: 'passed' })).toEqual(['Ahmad Lulus']);
    expect(await names({ status: 'not_started' })).toEqual(['Dewi Belum Mulai']);
    expect(await names({ status: 'in_progress' })).toEqual(['Citra Berjalan', 'Eko Terlambat']);
    expect(await names({ status: 'overdue' })).toEqual(['Eko Terlambat']);
    expect(await names({ status: 'withdrawn' })).toEqual(['Fajar Guru']);
    expect(await names({ unitId: world.units.rsud.id })).toEqual(['Ahmad Lulus']);
    expect(await names({ unitId: world.units.disdik.id })).toEqual(['Fajar Guru']);
    expect(await names({ q: 'belum' })).toEqual(['Baiq Belum Lulus', 'Dewi Belum Mulai']);
    const [{ nip }] = await lib.db.query(`SELECT nip FROM employee WHERE id = $1`, [people.late.employeeId]);
    expect(await names({ q: nip })).toEqual(['Eko Terlambat']);
    expect(await names({ q: '100%_' })).toEqual([]); // LIKE wildcards are searched as text
    const rsud = await reports.page(s, world.course.courseId, q({ unitId: world.units.rsud.id, status: 'overdue' }));
    expect(rsud.items).toEqual([]);
    expect(rsud.totals).toMatchObject({ enrolled: 1, completed: 1, passed: 1, overdue: 0 });
  });

  it('a unit filter outside the caller\u2019s scope answers 404', async () => {
    const otherUnit = await createUnit(lib.db, world.otherAgency.id, { code: 'X-LAIN', name: 'Unit Lain' });
    await expect(
      reports.page(await scope(world.admin), world.course.courseId, q({ unitId: otherUnit.id })),
    ).rejects.toMatchObject({ code: ErrorCode.ORG_UNIT_NOT_FOUND, kind: 'not_found' });
  });
});
