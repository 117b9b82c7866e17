import { ErrorCode, type ComplianceSummary } from '@kompeten/shared-contracts';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createPerson,
  createWorld,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { writeLedgerLines } from '../test/ledger-lines';
import { ComplianceService, type ReportFilter } from './compliance.service';
import { JpReportsModule } from './jp-reports.module';
import { rebuildReportGroups } from './report-groups-store';
import { yearsToRebuild } from '../jobs/rebuild-report-groups.job';

const YEAR = 2026;

/**
 * Compliance reports on real PostgreSQL (issue 16): what a node counts, PPPK never non-compliant, drill-down rows that
 * add up to their parent, and scope — an HR officer of one agency gets 404 for another agency's ids.
 */
describe('JP compliance (ComplianceService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let compliance: ComplianceService;
  let org: OrganisationService;
  let p: Record<
    'pppk' | 'rsud' | 'disdik' | 'noUnit' | 'provinceOwn' | 'provinceAdmin' | 'platformAdmin' | 'siblingHr',
    Person
  >;

  const summary = async (who: Person, f: ReportFilter = {}) =>
    compliance.summary(await org.scopeOf(who.principal), { year: YEAR, ...f });
  const people = async (
    who: Person,
    f: Parameters<ComplianceService['people']>[1] extends infer F ? Partial<F> : never,
  ) =>
    compliance.people(await org.scopeOf(who.principal), {
      year: YEAR,
      status: 'notReached',
      sort: 'jpAsc',
      page: 1,
      pageSize: 100,
      ...f,
    });
  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  };
  const sumOf = (s: ComplianceSummary, key: 'asnCount' | 'reachedCount' | 'nonCompliantCount' | 'totalJp') =>
    Math.round(s.children.reduce((a, c) => a + c[key], 0) * 100) / 100;

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ORGANISATION_ENTITIES, imports: [JpReportsModule] });
    world = await createWorld(lib.db, { learners: 3 });
    compliance = lib.get(ComplianceService);
    org = lib.get(OrganisationService);
    const a = world.agency.id;
    p = {
      pppk: await world.person({ type: 'PPPK', fullName: 'Baiq PPPK Dinkes' }),
      rsud: await world.person({ unitId: world.units.rsud.id, fullName: 'Perawat RSUD', positionKind: 'pelaksana' }),
      disdik: await world.person({
        unitId: world.units.disdik.id,
        fullName: 'Kabid Disdik',
        positionKind: 'struktural',
      }),
      noUnit: await createPerson(lib.db, { agencyId: a, fullName: 'Tanpa Unit' }),
      provinceOwn: await createPerson(lib.db, { agencyId: world.province.id, fullName: 'Pegawai BPSDM' }),
      provinceAdmin: await createPerson(lib.db, {
        agencyId: world.province.id,
        employee: false,
        roles: ['province_admin'],
      }),
      platformAdmin: await createPerson(lib.db, {
        agencyId: world.province.id,
        employee: false,
        roles: ['platform_admin'],
      }),
      siblingHr: await createPerson(lib.db, { agencyId: world.sibling.id, roles: ['learner', 'hr_officer'] }),
    };
    const line = (who: Person, occurredOn: string, jp: number, jenisDiklatId: number) => ({
      employeeId: who.employeeId as string,
      agencyId: who.agencyId,
      occurredOn,
      jp,
      jenisDiklatId,
    });
    const [l0, l1] = world.learners;
    await writeLedgerLines(lib.db, [
      line(l0, '2026-03-10', 12, 16), // e-learning, formal
      line(l0, '2026-05-02', 9, 14), // coaching, social → 21
      line(l1, '2026-07-01', 19.5, 3), // → 19.5, owes 0.5
      line(l1, '2026-08-01', 4, 3),
      line(l1, '2026-08-02', -4, 3), // a reversal nets to zero
      line(p.pppk, '2026-04-04', 5, 16), // PPPK below 20: shown, never non-compliant
      line(p.rsud, '2026-12-31', 30, 24), // on-the-job, experiential; the last local day counts for 2026
      line(p.disdik, '2026-02-01', 20, 1), // exactly 20 reaches it
      line(p.noUnit, '2025-11-11', 3, 16), // last year only: 0 in 2026
      line(world.siblingLearner, '2026-09-09', 25, 16),
      line(p.provinceOwn, '2026-10-10', 7.25, 9),
    ]);
  });
  afterAll(() => lib?.close());

  it('counts an agency\u2019s ASN, who reached 20 JP, the PNS below it, the average, the distribution and the 10:20:70 mix', async () => {
    // Mataram: supervisor, 3 learners, HR officer, PPPK, RSUD, Disdik (Dinkes/RSUD/Disdik) + author, reviewer, no-unit.
    const s = await summary(world.admin);
    expect(s.node).toMatchObject({ level: 'agency', id: world.agency.id });
    expect(s.totals).toMatchObject({
      asnCount: 11,
      pnsCount: 10,
      pppkCount: 1,
      reachedCount: 3,
      pnsReachedCount: 3,
      nonCompliantCount: 7,
      pppkBelowTargetCount: 1,
      pppkAboveCeilingCount: 0,
      pnsCompliancePercent: 30,
      totalJp: 95.5,
      averageJp: 8.68,
      mix: {
        formalJp: 56.5,
        socialJp: 9,
        experientialJp: 30,
        formalPercent: 59.16,
        socialPercent: 9.42,
        experientialPercent: 31.41,
      },
    });
    expect(Object.fromEntries(s.distribution.map((d) => [d.bucket, d.count]))).toEqual({
      '0': 6,
      '0-5': 0,
      '5-10': 1,
      '10-15': 0,
      '15-20': 1,
      '20-30': 2,
      '30+': 1,
    });
    expect(s.byPositionKind).toEqual([
      { key: 'struktural', asnCount: 2, reachedCount: 1, nonCompliantCount: 1, averageJp: 10 },
      { key: 'fungsional', asnCount: 8, reachedCount: 1, nonCompliantCount: 6, averageJp: 5.69 }, // 45.5 / 8
      { key: 'pelaksana', asnCount: 1, reachedCount: 1, nonCompliantCount: 0, averageJp: 30 },
    ]);
    expect(s.byRank.map((r) => [r.key, r.asnCount])).toEqual([
      ['III/a', 10],
      ['IX', 1],
    ]);
  });

  it('never counts PPPK as non-compliant: shown toward 20 with their ceiling of 24', async () => {
    const onlyPppk = await summary(world.admin, { employeeType: 'PPPK' });
    expect(onlyPppk.totals).toMatchObject({
      asnCount: 1,
      nonCompliantCount: 0,
      pppkBelowTargetCount: 1,
      reachedCount: 0,
    });
    const list = await people(world.admin, { q: 'Baiq PPPK' });
    expect(list.items).toEqual([
      expect.objectContaining({ employeeType: 'PPPK', totalJp: 5, owedJp: 15, nonCompliant: false, ceilingJp: 24 }),
    ]);
    const pns = await people(world.admin, { q: world.learners[1].fullName });
    expect(pns.items[0]).toMatchObject({
      employeeType: 'PNS',
      totalJp: 19.5,
      owedJp: 0.5,
      nonCompliant: true,
      ceilingJp: null,
    });
  });

  it('lists who has not reached 20 JP, fewest first, with a search by name or NIP and pages', async () => {
    const all = await people(world.admin, {});
    expect(all.total).toBe(8);
    expect(all.items.map((r) => r.totalJp)).toEqual([0, 0, 0, 0, 0, 0, 5, 19.5]);
    const byNip = await people(world.admin, { q: (world.learners[1].nip as string).slice(0, 14) });
    expect(byNip.items.map((r) => r.employeeId)).toContain(world.learners[1].employeeId);
    const page2 = await people(world.admin, { page: 2, pageSize: 5 });
    expect({ total: page2.total, n: page2.items.length }).toEqual({ total: 8, n: 3 });
    const past = await people(world.admin, { page: 9, pageSize: 5 });
    expect({ total: past.total, n: past.items.length }).toEqual({ total: 8, n: 0 });
    const reached = await people(world.admin, { status: 'reached', sort: 'jpDesc' });
    expect(reached.items.map((r) => r.totalJp)).toEqual([30, 21, 20]);
  });

  it('adds the drill-down rows up to their parent at every level: province → agency → unit → sub-unit', async () => {
    const province = await summary(p.provinceAdmin);
    expect(province.node).toMatchObject({ level: 'province', id: world.province.id });
    expect(province.children.map((c) => [c.kind, c.name, c.asnCount])).toEqual([
      ['direct', 'Pemerintah Provinsi Nusa Tenggara Barat', 1],
      ['agency', 'Pemerintah Kota Bima', 2],
      ['agency', 'Pemerintah Kota Mataram', 11],
    ]);
    const levels: Array<[string, ComplianceSummary]> = [['province', province]];
    const mataramRow = province.children.find((c) => c.id === world.agency.id);
    const agency = await summary(p.provinceAdmin, mataramRow?.drill ?? {});
    levels.push(['agency', agency]);
    expect(agency.children.map((c) => [c.kind, c.name, c.asnCount])).toEqual([
      ['unit', 'Dinas Kesehatan', 7],
      ['unit', 'Dinas Pendidikan', 1],
      ['unassigned', 'Tanpa unit kerja', 3],
    ]);
    const dinkes = await summary(p.provinceAdmin, agency.children[0].drill ?? {});
    levels.push(['unit', dinkes]);
    expect(dinkes.children.map((c) => [c.kind, c.name, c.asnCount])).toEqual([
      ['direct', 'Dinas Kesehatan', 6],
      ['unit', 'Rumah Sakit Umum Daerah', 1],
    ]);
    const rsud = await summary(p.provinceAdmin, dinkes.children[1].drill ?? {});
    levels.push(['sub-unit', rsud]);
    expect(rsud.totals).toMatchObject({ asnCount: 1, reachedCount: 1, totalJp: 30 });
    for (const [, s] of levels) {
      expect({
        asn: sumOf(s, 'asnCount'),
        reached: sumOf(s, 'reachedCount'),
        nonCompliant: sumOf(s, 'nonCompliantCount'),
        jp: sumOf(s, 'totalJp'),
      }).toEqual({
        asn: s.totals.asnCount,
        reached: s.totals.reachedCount,
        nonCompliant: s.totals.nonCompliantCount,
        jp: s.totals.totalJp,
      });
    }
    // A child row equals the node it opens.
    expect(mataramRow).toMatchObject({ asnCount: agency.totals.asnCount, totalJp: agency.totals.totalJp });
    expect(agency.children[0]).toMatchObject({ asnCount: dinkes.totals.asnCount, totalJp: dinkes.totals.totalJp });
    expect(dinkes.breadcrumb.map((c) => c.name)).toEqual([
      'Pemerintah Provinsi Nusa Tenggara Barat',
      'Pemerintah Kota Mataram',
      'Dinas Kesehatan',
    ]);
    // The platform admin starts above every province; the province's own ASN open as an agency.
    const all = await summary(p.platformAdmin);
    expect(all.node.level).toBe('all');
    expect(sumOf(all, 'asnCount')).toBe(all.totals.asnCount);
    const own = await summary(p.provinceAdmin, province.children[0].drill ?? {});
    expect(own.totals).toMatchObject({ asnCount: 1, totalJp: 7.25 });
  });

  it('gives an HR officer their units, a supervisor their direct reports', async () => {
    const hr = await summary(world.hrOfficer);
    expect(hr.node).toMatchObject({ level: 'unit', id: world.units.dinkes.id });
    expect(hr.totals.asnCount).toBe(7);
    const team = await summary(world.supervisor);
    expect(team.node.level).toBe('team');
    expect(team.totals).toMatchObject({ asnCount: 7, reachedCount: 3, totalJp: 95.5 });
  });

  it('answers 404 when an HR officer of one agency asks for another agency\u2019s compliance', async () => {
    const hr = p.siblingHr;
    expect((await summary(hr)).node).toMatchObject({ level: 'agency', id: world.sibling.id });
    expect(await codeOf(summary(hr, { agencyId: world.agency.id }))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(await codeOf(summary(hr, { unitId: world.units.dinkes.id }))).toBe(ErrorCode.ORG_UNIT_NOT_FOUND);
    expect(await codeOf(people(hr, { agencyId: world.agency.id }))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(await codeOf(summary(hr, { agencyId: world.province.id }))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    // The Dinkes HR officer cannot widen to the agency, nor step sideways to Disdik.
    expect(await codeOf(summary(world.hrOfficer, { agencyId: world.agency.id }))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(await codeOf(summary(world.hrOfficer, { unitId: world.units.disdik.id }))).toBe(
      ErrorCode.ORG_UNIT_NOT_FOUND,
    );
    // A learner sees no compliance report at all.
    expect(await codeOf(summary(world.learner))).toBe(ErrorCode.JP_REPORT_NO_SCOPE);
  });

  it('follows the year: lines of another year do not count', async () => {
    const last = await summary(world.admin, { year: 2025 });
    expect(last.totals).toMatchObject({ asnCount: 11, totalJp: 3, reachedCount: 0 });
    const trend = await compliance.trend(await org.scopeOf(world.admin.principal), { year: YEAR });
    expect(trend.months.map((m) => m.jp)).toEqual([0, 20, 12, 5, 9, 0, 19.5, 0, 0, 0, 0, 30]);
    expect(trend.months[11]).toMatchObject({ cumulativeJp: 95.5, averageCumulativeJp: 8.68 });
  });

  it('answers the province and all-agencies levels from the report aggregate exactly as it answers them live, as of its build', async () => {
    const scopes = [p.provinceAdmin, p.platformAdmin];
    const types = ['all', 'PNS', 'PPPK'] as const;
    const trendOf = async (who: Person, employeeType: (typeof types)[number]) =>
      compliance.trend(await org.scopeOf(who.principal), { year: YEAR, employeeType });
    const live = new Map<string, unknown>();
    for (const who of scopes)
      for (const employeeType of types) {
        const s = await summary(who, { employeeType });
        expect(s.asOf).toBeNull();
        live.set(`${who.userId}/${employeeType}`, { s, t: await trendOf(who, employeeType) });
      }

    const first = await rebuildReportGroups(lib.db.manager, YEAR);
    // Mataram 11 + Bima 2 + the province's own 1, plus the admins' agencies' ASN the world holds.
    expect(first.asn).toBe((await summary(p.platformAdmin)).totals.asnCount);
    const again = await rebuildReportGroups(lib.db.manager, YEAR);
    expect({ asn: again.asn, groups: again.groups }).toEqual({ asn: first.asn, groups: first.groups });
    for (const who of scopes)
      for (const employeeType of types) {
        const s = await summary(who, { employeeType });
        const t = await trendOf(who, employeeType);
        expect(s.asOf).toBe(again.builtAt.toISOString());
        expect(t.asOf).toBe(again.builtAt.toISOString());
        expect({ s: { ...s, asOf: null }, t: { ...t, asOf: null } }).toEqual(live.get(`${who.userId}/${employeeType}`));
      }
    // Agency and unit levels stay live.
    expect((await summary(world.admin)).asOf).toBeNull();

    // A credit after the build shows at once below the province, and at the province after the next build.
    const before = await summary(p.provinceAdmin);
    await writeLedgerLines(lib.db, [
      {
        employeeId: p.noUnit.employeeId as string,
        agencyId: p.noUnit.agencyId,
        occurredOn: '2026-06-06',
        jp: 20,
        jenisDiklatId: 16,
      },
    ]);
    expect((await summary(world.admin)).totals.reachedCount).toBe(before.children[2].reachedCount + 1);
    expect((await summary(p.provinceAdmin)).totals).toEqual(before.totals);
    await rebuildReportGroups(lib.db.manager, YEAR);
    const after = await summary(p.provinceAdmin);
    expect(after.totals.reachedCount).toBe(before.totals.reachedCount + 1);
    expect(after.totals.totalJp).toBe(before.totals.totalJp + 20);
  });

  it('keeps this year and last year of every zone fresh, and every year built before', () => {
    // 31 Dec 2026 16:00 UTC: 23:00 WIB (still 2026), 01:00 WIT on 1 January 2027.
    expect(yearsToRebuild(new Date('2026-12-31T16:00:00Z'), [2024])).toEqual([2024, 2025, 2026, 2027]);
    expect(yearsToRebuild(new Date('2026-06-01T00:00:00Z'), [])).toEqual([2025, 2026]);
  });
});
