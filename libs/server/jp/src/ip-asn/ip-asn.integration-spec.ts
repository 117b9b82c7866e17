import { ErrorCode, type IpAsnSchemeRules, type PositionKind } from '@kompeten/shared-contracts';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createPerson,
  createWorld,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { JpReportsModule } from '../reports/jp-reports.module';
import { writeLedgerLines, type TestLine } from '../test/ledger-lines';
import { IpAsnService } from './ip-asn.service';

const YEAR = 2026;

/**
 * The IP ASN competency dimension estimated from the ledger (DOMAIN.md §4) on real PostgreSQL: hand-computed cases for
 * each job kind with and without each input, the lines that count (form, competency kind, window of years), the
 * official score beside the estimate, the aggregate per unit, and a new scheme version as data.
 */
describe('IP ASN competency estimate (IpAsnService on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let ipAsn: IpAsnService;
  let org: OrganisationService;
  let platformAdmin: Person;

  const scope = (who: Person) => org.scopeOf(who.principal);
  const estimate = async (who: Person, year = YEAR) =>
    ipAsn.employee(await scope(world.admin), who.employeeId as string, year);
  const person = (positionKind: PositionKind, fullName: string) =>
    world.person({ positionKind, fullName, unitId: world.units.disdik.id });
  const lines = (who: Person, ...l: Array<Omit<TestLine, 'employeeId' | 'agencyId'>>) =>
    writeLedgerLines(
      lib.db,
      l.map((x) => ({ ...x, employeeId: who.employeeId as string, agencyId: who.agencyId })),
    );
  const points = async (who: Person, year = YEAR) => {
    const e = await estimate(who, year);
    return {
      points: e.points,
      percent: e.percent,
      inputs: Object.fromEntries(e.inputs.map((i) => [i.key, i.pointsEarned])),
    };
  };

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ORGANISATION_ENTITIES, imports: [JpReportsModule] });
    world = await createWorld(lib.db);
    ipAsn = lib.get(IpAsnService);
    org = lib.get(OrganisationService);
    platformAdmin = await createPerson(lib.db, {
      agencyId: world.province.id,
      employee: false,
      roles: ['platform_admin'],
    });
  });
  afterAll(() => lib?.close());

  it('seeds the 2019 scheme with the points of DOMAIN.md §4', async () => {
    const [scheme] = await ipAsn.schemes();
    expect(scheme).toMatchObject({ version: '2019', effectiveFrom: '2019-01-01' });
    const pts = (k: PositionKind) => scheme.rules.jobKinds[k].map((r) => [r.key, r.points]);
    expect({ max: scheme.rules.maxPoints, s: pts('struktural'), f: pts('fungsional'), p: pts('pelaksana') }).toEqual({
      max: 40,
      s: [
        ['kepemimpinan', 15],
        ['teknis', 15],
        ['seminar', 10],
      ],
      f: [
        ['fungsional', 15],
        ['teknis', 15],
        ['seminar', 10],
      ],
      p: [
        ['teknis', 22.5],
        ['seminar', 17.5],
      ],
    });
  });

  it('struktural: leadership training whenever done, technical ≥ 20 JP this year, seminar in the last two years', async () => {
    const full = await person('struktural', 'Kabid Lengkap');
    await lines(
      full,
      { occurredOn: '2018-05-05', jp: 30, jenisDiklatId: 1 }, // PIM, years ago: counts (no window)
      { occurredOn: '2026-02-02', jp: 12, jenisDiklatId: 3 },
      { occurredOn: '2026-03-03', jp: 10, jenisDiklatId: 16, competencyKind: 'teknis' }, // 12 + 10 = 22 ≥ 20
      { occurredOn: '2026-04-04', jp: 15, jenisDiklatId: 16, competencyKind: 'manajerial' }, // not technical
      { occurredOn: '2025-06-06', jp: 2, jenisDiklatId: 9 }, // seminar last year: in the window
    );
    expect(await points(full)).toEqual({
      points: 40,
      percent: 100,
      inputs: { kepemimpinan: 15, teknis: 15, seminar: 10 },
    });

    const partial = await person('struktural', 'Kabid Sebagian');
    await lines(
      partial,
      { occurredOn: '2026-02-02', jp: 19, jenisDiklatId: 8 }, // bimtek 19 < 20
      { occurredOn: '2025-12-01', jp: 10, jenisDiklatId: 3 }, // technical last year: outside its 1-year window
      { occurredOn: '2024-12-31', jp: 4, jenisDiklatId: 4 }, // workshop 2024: outside the 2-year window
      { occurredOn: '2026-01-10', jp: 20, jenisDiklatId: 2 }, // functional training: not an input of struktural
    );
    expect(await points(partial)).toEqual({
      points: 0,
      percent: 0,
      inputs: { kepemimpinan: 0, teknis: 0, seminar: 0 },
    });
    // The same lines, one year later: only the window moves (2025's technical would still be outside 2027's).
    expect((await points(partial, 2025)).inputs).toEqual({ kepemimpinan: 0, teknis: 0, seminar: 10 });

    const e = await estimate(full);
    const teknis = e.inputs.find((i) => i.key === 'teknis');
    expect(teknis).toMatchObject({ jp: 22, lines: 2, met: true, minJp: 20, years: [2026, 2026] });
    expect(teknis?.evidence.map((l) => [l.occurredOn, l.jp, l.jenisDiklatId])).toEqual([
      ['2026-03-03', 10, 16],
      ['2026-02-02', 12, 3],
    ]);
    expect(e.inputs.find((i) => i.key === 'kepemimpinan')).toMatchObject({ years: [null, 2026], jp: 30, met: true });
  });

  it('fungsional: functional training 15, technical 15, seminar 10 — with and without each', async () => {
    const only = await person('fungsional', 'JF Fungsional Saja');
    await lines(only, { occurredOn: '2020-09-09', jp: 40, jenisDiklatId: 2 });
    expect(await points(only)).toEqual({
      points: 15,
      percent: 37.5,
      inputs: { fungsional: 15, teknis: 0, seminar: 0 },
    });

    const noFunctional = await person('fungsional', 'JF Tanpa Diklat Fungsional');
    await lines(
      noFunctional,
      { occurredOn: '2026-06-01', jp: 20, jenisDiklatId: 17, competencyKind: 'teknis' }, // distance training, technical
      { occurredOn: '2026-06-02', jp: 1, jenisDiklatId: 11 }, // kursus
    );
    expect(await points(noFunctional)).toEqual({
      points: 25,
      percent: 62.5,
      inputs: { fungsional: 0, teknis: 15, seminar: 10 },
    });
  });

  it('pelaksana: technical ≥ 20 JP 22.5, seminar/workshop/magang/kursus 17.5', async () => {
    const technical = await person('pelaksana', 'Pelaksana Teknis');
    await lines(technical, { occurredOn: '2026-10-10', jp: 20.5, jenisDiklatId: 8 });
    expect(await points(technical)).toEqual({ points: 22.5, percent: 56.3, inputs: { teknis: 22.5, seminar: 0 } });

    const magang = await person('pelaksana', 'Pelaksana Magang');
    await lines(magang, { occurredOn: '2025-03-03', jp: 64, jenisDiklatId: 10 }); // magang, last year
    expect(await points(magang)).toEqual({ points: 17.5, percent: 43.8, inputs: { teknis: 0, seminar: 17.5 } });

    const none = await person('pelaksana', 'Pelaksana Belum');
    await lines(none, { occurredOn: '2026-01-01', jp: 30, jenisDiklatId: 14 }); // coaching: neither input
    expect(await points(none)).toEqual({ points: 0, percent: 0, inputs: { teknis: 0, seminar: 0 } });
  });

  it('estimates nothing for an ASN without a job kind, and shows the official score beside the estimate when known', async () => {
    const unknown = await person('pelaksana', 'Tanpa Jenis Jabatan');
    await lib.db.query(`UPDATE employee SET position_kind = NULL WHERE id = $1`, [unknown.employeeId]);
    expect(await estimate(unknown)).toMatchObject({
      jobKind: null,
      points: null,
      percent: null,
      inputs: [],
      official: null,
    });

    const withOfficial = await person('fungsional', 'JF Dengan Nilai Resmi');
    await lib.db.query(
      `INSERT INTO jp_ip_asn_official_score (employee_id, year, total_score, competency_score, source, retrieved_at)
       VALUES ($1, 2026, 78.5, 25, 'siasn', '2026-11-01T02:00:00Z')`,
      [withOfficial.employeeId],
    );
    expect((await estimate(withOfficial)).official).toEqual({
      year: 2026,
      totalScore: 78.5,
      competencyScore: 25,
      source: 'siasn',
      retrievedAt: '2026-11-01T02:00:00.000Z',
      category: 'Sedang',
    });
  });

  it('aggregates a unit: average points and percent, how many met each input, official scores per band', async () => {
    const s = await ipAsn.summary(await scope(world.admin), { year: YEAR, unitId: world.units.disdik.id });
    // Disdik: the 9 ASN made above (one without a job kind).
    expect(s.totals).toMatchObject({ asnCount: 9, estimatedCount: 8, officialCount: 1, officialAverage: 78.5 });
    // 40 + 0 + 15 + 25 + 22.5 + 17.5 + 0 + 0 (official person: no lines) = 120 over 8 ASN.
    expect(s.totals.averagePoints).toBe(15);
    expect(s.totals.officialBands.find((b) => b.label === 'Sedang')?.count).toBe(1);
    expect(s.totals.inputs.filter((i) => i.jobKind === 'pelaksana')).toEqual([
      expect.objectContaining({ key: 'teknis', eligible: 3, met: 1 }),
      expect.objectContaining({ key: 'seminar', eligible: 3, met: 1 }),
    ]);
    const page = await ipAsn.people(await scope(world.admin), {
      year: YEAR,
      unitId: world.units.disdik.id,
      page: 1,
      pageSize: 20,
    });
    expect(page.total).toBe(9);
    expect(page.items.map((i) => i.points)).toEqual([0, 0, 0, 15, 17.5, 22.5, 25, 40, null]);
    // The agency's row for Disdik holds the same numbers.
    const agency = await ipAsn.summary(await scope(world.admin), { year: YEAR });
    expect(agency.children.find((c) => c.id === world.units.disdik.id)).toMatchObject({
      asnCount: 9,
      averagePoints: 15,
    });
  });

  it('answers 404 for an ASN outside the caller\u2019s scope', async () => {
    const siblingHr = await createPerson(lib.db, { agencyId: world.sibling.id, roles: ['learner', 'hr_officer'] });
    const someone = await person('pelaksana', 'Pegawai Mataram');
    await expect(ipAsn.employee(await scope(siblingHr), someone.employeeId as string, YEAR)).rejects.toMatchObject({
      code: ErrorCode.EMPLOYEE_NOT_FOUND,
    });
    await expect(ipAsn.summary(await scope(siblingHr), { agencyId: world.agency.id })).rejects.toMatchObject({
      code: ErrorCode.ORG_AGENCY_NOT_FOUND,
    });
    // The ASN themself may see their own estimate.
    expect((await ipAsn.employee(await scope(someone), someone.employeeId as string, YEAR)).employeeId).toBe(
      someone.employeeId,
    );
  });

  it('takes a reformulated scheme as a new version in force from its date; the earlier years keep theirs', async () => {
    const [current] = await ipAsn.schemes();
    const rules: IpAsnSchemeRules = structuredClone(current.rules);
    rules.jobKinds.pelaksana = [
      {
        key: 'teknis',
        label: 'Pelatihan teknis minimal 24 JP',
        points: 30,
        match: [{ forms: [3, 8] }],
        minJp: 24,
        lookbackYears: 1,
      },
      {
        key: 'seminar',
        label: 'Seminar dalam 2 tahun',
        points: 10,
        match: [{ forms: [9] }],
        minJp: null,
        lookbackYears: 2,
      },
    ];
    const dto = {
      version: '2027-uji',
      effectiveFrom: '2027-01-01',
      legalBasis: 'Peraturan BKN (uji)',
      rules,
      bands: current.bands,
    };
    await expect(ipAsn.createScheme(await scope(world.admin), dto)).rejects.toMatchObject({
      code: ErrorCode.AUTH_FORBIDDEN,
    });
    await expect(
      ipAsn.createScheme(await scope(platformAdmin), { ...dto, bands: [{ min: 50, label: 'x' }] }),
    ).rejects.toMatchObject({ code: ErrorCode.JP_IP_ASN_INVALID_SCHEME });
    expect(await ipAsn.createScheme(await scope(platformAdmin), dto)).toMatchObject({ version: '2027-uji' });
    await expect(ipAsn.createScheme(await scope(platformAdmin), dto)).rejects.toMatchObject({
      code: ErrorCode.JP_IP_ASN_SCHEME_EXISTS,
    });
    const worker = await person('pelaksana', 'Pelaksana Skema Baru');
    await lines(
      worker,
      { occurredOn: '2027-02-02', jp: 22, jenisDiklatId: 8 },
      { occurredOn: '2026-02-02', jp: 22, jenisDiklatId: 8 },
    );
    expect(await estimate(worker, 2027)).toMatchObject({ scheme: { version: '2027-uji' }, points: 0 }); // 22 < 24
    expect(await estimate(worker, 2026)).toMatchObject({ scheme: { version: '2019' }, points: 22.5 });
  });
});
