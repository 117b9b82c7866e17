import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@kompeten/shared-contracts';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createEnrolment,
  createPerson,
  createWorld,
  seedPublishedCourse,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { localDateOf } from '@kompeten/shared-util';
import { JpModule } from '../jp.module';
import { appendLedgerLine } from '../ledger/ledger-store';
import { completeCourse, JP_TEST_ENTITIES } from '../test/jp-fixtures';
import { LearnerJpService } from './learner-jp.service';

// The learner's own JP on real PostgreSQL (issue 16): the year against 20 JP with the 10:20:70 mix, forms and kinds;
// PPPK shown their progress and ceiling and never labelled below target; previous years; what to take next.
describe('learner JP (LearnerJpService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let learner: LearnerJpService;
  let org: OrganisationService;
  let nationalId: string;
  const thisYear = Number(localDateOf(new Date(), 'Asia/Makassar').slice(0, 4));

  const scope = (p: Person) => org.scopeOf(p.principal);
  const credit = (
    p: Person,
    o: {
      on: string;
      jp: number;
      form: number;
      channel: 'formal' | 'social' | 'experiential';
      kind?: 'teknis' | 'manajerial';
    },
  ) =>
    lib.db.transaction((m) =>
      appendLedgerLine(m, {
        employeeId: p.employeeId as string,
        agencyId: p.agencyId,
        year: Number(o.on.slice(0, 4)),
        occurredOn: o.on,
        jp: o.jp,
        jenisDiklatId: o.form,
        channel: o.channel,
        competencyKind: o.kind ?? null,
        sourceType: 'external_claim',
        sourceId: randomUUID(),
        title: 'Kegiatan',
        organiser: 'BPSDM',
        ruleSetId: nationalId,
      }),
    );

  beforeAll(async () => {
    lib = await bootLibTest({ entities: JP_TEST_ENTITIES, imports: [JpModule] });
    world = await createWorld(lib.db, { learners: 1 });
    learner = lib.get(LearnerJpService);
    org = lib.get(OrganisationService);
    [{ id: nationalId }] = await lib.db.query(
      `SELECT id FROM jp_rule_set WHERE agency_id IS NULL AND effective_from = '2000-01-01'`,
    );
  });
  afterAll(() => lib?.close());

  it('sums the year by channel, form, competency kind and month, against the target', async () => {
    const pns = await world.person({ fullName: 'PNS Ringkasan' });
    await credit(pns, { on: `${thisYear}-02-10`, jp: 8, form: 16, channel: 'formal', kind: 'teknis' });
    await credit(pns, { on: `${thisYear}-03-05`, jp: 3, form: 14, channel: 'social', kind: 'manajerial' });
    await credit(pns, { on: `${thisYear}-03-20`, jp: 2, form: 24, channel: 'experiential' });
    expect(await learner.summary(await scope(pns), undefined)).toEqual({
      year: thisYear,
      employeeType: 'PNS',
      totalJp: 13,
      targetJp: 20,
      ceilingJp: null,
      remainingJp: 7,
      standing: 'in_progress',
      currentYear: true,
      channels: { formal: 8, social: 3, experiential: 2 },
      byForm: [
        { jenisDiklatId: 16, name: 'E-Learning', jp: 8 },
        { jenisDiklatId: 14, name: 'Coaching', jp: 3 },
        { jenisDiklatId: 24, name: 'Bimbingan di Tempat Kerja', jp: 2 },
      ],
      byCompetencyKind: [
        { kind: 'teknis', jp: 8 },
        { kind: 'manajerial', jp: 3 },
      ],
      monthlyJp: [0, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  it('a PNS below 20 in a past year is below target; a PPPK never is, and sees the ceiling of 24', async () => {
    const pns = await world.person({ fullName: 'PNS Tahun Lalu' });
    const pppk = await world.person({ fullName: 'PPPK Guru', type: 'PPPK' });
    for (const p of [pns, pppk]) await credit(p, { on: '2025-06-01', jp: 4, form: 16, channel: 'formal' });
    expect(await learner.summary(await scope(pns), 2025)).toMatchObject({
      standing: 'below_target',
      ceilingJp: null,
      currentYear: false,
    });
    const past = await learner.summary(await scope(pppk), 2025);
    expect(past).toMatchObject({
      employeeType: 'PPPK',
      totalJp: 4,
      targetJp: 20,
      ceilingJp: 24,
      remainingJp: 16,
      standing: 'below_reference',
    });
    expect((await learner.summary(await scope(pppk), thisYear)).standing).toBe('in_progress');
    const years = await learner.years(await scope(pppk), { page: 1, pageSize: 20 });
    expect(years.items).toEqual([{ year: 2025, totalJp: 4, standing: 'below_reference' }]);
    expect(years.items.some((y) => y.standing === 'below_target')).toBe(false);
  });

  it('a year with 20 JP or more is met; previous years come newest first', async () => {
    const p = await world.person({ fullName: 'PNS Rajin' });
    await credit(p, { on: '2024-11-01', jp: 20, form: 9, channel: 'formal' });
    await credit(p, { on: '2025-01-10', jp: 12.5, form: 9, channel: 'formal' });
    expect((await learner.years(await scope(p), { page: 1, pageSize: 20 })).items).toEqual([
      { year: 2025, totalJp: 12.5, standing: 'below_target' },
      { year: 2024, totalJp: 20, standing: 'met' },
    ]);
    const lines = await learner.lines(await scope(p), { page: 1, pageSize: 1, year: 2025 });
    expect(lines).toMatchObject({
      total: 1,
      items: [{ jp: 12.5, occurredOn: '2025-01-10', jenisDiklatName: 'Seminar' }],
    });
  });

  it('an account without an ASN record has no JP (404 with a message)', async () => {
    await expect(learner.summary(await scope(world.admin), undefined)).rejects.toMatchObject({
      kind: 'not_found',
      code: ErrorCode.JP_NO_EMPLOYEE,
    });
  });

  it('what next: live courses open to me and not completed, shortest JP first', async () => {
    const me = await world.person({ fullName: 'Pencari Kursus' });
    const course = (title: string, jp: number, o: Parameters<typeof seedPublishedCourse>[1] = {}) =>
      seedPublishedCourse(lib.db, { agencyId: world.agency.id, title, jp, ...o });
    const long = await course('Kepemimpinan Pengawas', 24);
    const short = await course('Literasi Digital ASN', 2);
    const mid = await course('Pelayanan Publik', 6, { enrolmentMode: 'approval' });
    const province = await course('BerAKHLAK Provinsi', 4, { agencyId: world.province.id, visibility: 'province' });
    const done = await course('Sudah Selesai', 1);
    const assignedToMe = await course('Penugasan Khusus', 3, { enrolmentMode: 'assigned_only' });
    await course('Penugasan Orang Lain', 3, { enrolmentMode: 'assigned_only' });
    await course('Diarsipkan', 1, { status: 'archived' });
    await seedPublishedCourse(lib.db, { agencyId: world.otherAgency.id, title: 'Kursus Kendal', jp: 1 });
    await completeCourse(lib.db, {
      employeeId: me.employeeId as string,
      courseId: done.courseId,
      versionId: done.versionId,
      jp: 1,
      completedAt: '2026-01-05T01:00:00Z',
    });
    const assigned = await createEnrolment(lib.db, {
      courseId: assignedToMe.courseId,
      versionId: assignedToMe.versionId,
      employeeId: me.employeeId as string,
      source: 'assigned',
    });
    const page = await learner.next(await scope(me), { page: 1, pageSize: 20 });
    const mine = page.items.filter((c) =>
      [long, short, mid, province, done, assignedToMe].some((x) => x.courseId === c.courseId),
    );
    expect(mine.map((c) => [c.title, c.jp])).toEqual([
      ['Literasi Digital ASN', 2],
      ['Penugasan Khusus', 3],
      ['BerAKHLAK Provinsi', 4],
      ['Pelayanan Publik', 6],
      ['Kepemimpinan Pengawas', 24],
    ]);
    expect(mine[1]).toMatchObject({ enrolmentMode: 'assigned_only', enrolmentId: assigned, enrolmentStatus: 'active' });
    expect(mine[3]).toMatchObject({ enrolmentMode: 'approval', enrolmentId: null, enrolmentStatus: null });
    const titles = page.items.map((c) => c.title);
    for (const hidden of ['Sudah Selesai', 'Penugasan Orang Lain', 'Diarsipkan', 'Kursus Kendal'])
      expect(titles).not.toContain(hidden);
    // A learner of another province sees none of the agency's or the province's courses.
    const kendal = await createPerson(lib.db, { agencyId: world.otherAgency.id });
    const theirs = await learner.next(await scope(kendal), { page: 1, pageSize: 20 });
    expect(theirs.items.map((c) => c.title)).toEqual(['Kursus Kendal']);
  });
});
