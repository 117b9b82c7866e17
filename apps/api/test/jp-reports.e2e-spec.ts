import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  COMPLIANCE_CHILD_COLUMNS,
  COMPLIANCE_CHILD_HEADERS,
  COMPLIANCE_PEOPLE_COLUMNS,
  COMPLIANCE_PEOPLE_HEADERS,
  ErrorCode,
  type CompliancePerson,
  type ComplianceSummary,
} from '@kompeten/shared-contracts';
import { rebuildPersonYear } from '@kompeten/server-jp';
import { binaryBody, idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

const YEAR = 2026;
const count = async (api: TestApi, sql: string) => Number((await api.db.query(sql))[0].n);

/** JP compliance reports over HTTP (issue 16): exports with the screen's columns, 404 outside scope, the consistency check. */
describe('JP compliance API', () => {
  let api: TestApi;
  let mataram: string;
  let bima: string;
  /** The demo world already credits the demo learner (their claims story, docs/jp.md); the test adds to that. */
  let learnerBefore: number;

  /** Ledger lines written straight in, then the aggregate rebuilt (the ledger's own append is another change). */
  const credit = async (nip: string, occurredOn: string, jp: number, jenisDiklatId = 16) => {
    const [e] = await api.db.query(`SELECT id, agency_id FROM employee WHERE nip = $1`, [nip]);
    const [rs] = await api.db.query(`SELECT id FROM jp_rule_set WHERE agency_id IS NULL LIMIT 1`);
    await api.db.query(
      `INSERT INTO jp_ledger_line (employee_id, agency_id, year, occurred_on, jp, jenis_diklat_id, channel, source_type, source_id, title, rule_set_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'formal', 'external_claim', $7, 'Pelatihan uji', $8)`,
      [e.id, e.agency_id, Number(occurredOn.slice(0, 4)), occurredOn, jp, jenisDiklatId, randomUUID(), rs.id],
    );
    await rebuildPersonYear(api.db.manager, { employeeIds: [e.id] });
  };
  const get = async (who: string, url: string) => api.http.get(url).set(await api.auth(who));
  const text = async (who: string, url: string) =>
    api.http
      .get(url)
      .set(await api.auth(who))
      .buffer(true);
  const download = async (who: string, url: string) =>
    api.http
      .get(url)
      .set(await api.auth(who))
      .buffer(true)
      .parse(binaryBody);
  const workbook = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    return wb;
  };

  beforeAll(async () => {
    api = await bootApi();
    mataram = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
    bima = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-bima'`);
    learnerBefore = Number(
      (
        await api.db.query(
          `SELECT coalesce(sum(l.jp), 0) AS jp FROM jp_ledger_line l JOIN employee e ON e.id = l.employee_id
            WHERE e.nip = $1 AND l.year = $2`,
          [DEMO.learner, YEAR],
        )
      )[0].jp,
    );
    await credit(DEMO.learner, '2026-03-01', 12.5);
    await credit(DEMO.learner, '2026-04-01', 9, 14);
    await credit(DEMO.pppkLearner, '2026-05-05', 6);
  });
  afterAll(() => api?.close());

  it('exports the people table with exactly the columns and rows the screen shows (CSV and XLSX, NIP as 18-digit text)', async () => {
    const q = `year=${YEAR}&agencyId=${mataram}&ownOnly=true&status=all`;
    const screen = await get(DEMO.agencyAdmin, `/api/jp/compliance/people?${q}&pageSize=100`);
    expect(screen.status).toBe(200);
    const items = screen.body.items as CompliancePerson[];
    expect(screen.body.total).toBe(items.length);
    for (const column of COMPLIANCE_PEOPLE_COLUMNS) expect(Object.keys(items[0])).toContain(column);
    const hasan = items.find((i) => i.nip === DEMO.learner);
    expect(hasan).toMatchObject({ totalJp: learnerBefore + 21.5, owedJp: 0, nonCompliant: false });

    const csv = await text(DEMO.agencyAdmin, `/api/jp/compliance/export?${q}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows: string[][] = parse(csv.text, { bom: true });
    expect(rows[0]).toEqual(COMPLIANCE_PEOPLE_COLUMNS.map((c) => COMPLIANCE_PEOPLE_HEADERS[c]));
    expect(rows.length - 1).toBe(items.length);
    const col = (name: (typeof COMPLIANCE_PEOPLE_COLUMNS)[number]) => COMPLIANCE_PEOPLE_COLUMNS.indexOf(name);
    expect(
      rows.slice(1).map((r) => [r[col('nip')], r[col('name')], Number(r[col('totalJp')]), Number(r[col('owedJp')])]),
    ).toEqual(items.map((i) => [i.nip, i.name, i.totalJp, i.owedJp]));

    const xlsx = await download(DEMO.agencyAdmin, `/api/jp/compliance/export?${q}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const sheet = (await workbook(xlsx.body as Buffer)).getWorksheet('ASN');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      ...COMPLIANCE_PEOPLE_COLUMNS.map((c) => COMPLIANCE_PEOPLE_HEADERS[c]),
    ]);
    expect(sheet?.rowCount).toBe(items.length + 1);
    const nipCell = sheet?.getRow(2).getCell(col('nip') + 1);
    expect(nipCell?.type).toBe(ExcelJS.ValueType.String);
    expect(nipCell?.value).toBe(items[0].nip);
    expect(String(nipCell?.value)).toMatch(/^\d{18}$/);
  });

  it('exports the breakdown table with the columns of the screen\u2019s table', async () => {
    const summary = await get(DEMO.provinceAdmin, `/api/jp/compliance?year=${YEAR}`);
    expect(summary.status).toBe(200);
    const s = summary.body as ComplianceSummary;
    expect(s.children.map((c) => c.asnCount).reduce((a, b) => a + b, 0)).toBe(s.totals.asnCount);
    const csv = await text(DEMO.provinceAdmin, `/api/jp/compliance/export?year=${YEAR}&table=children&format=csv`);
    const rows: string[][] = parse(csv.text, { bom: true });
    expect(rows[0]).toEqual(COMPLIANCE_CHILD_COLUMNS.map((c) => COMPLIANCE_CHILD_HEADERS[c]));
    expect(rows.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(s.children.map((c) => [c.name, c.asnCount]));
  });

  it('answers 404 to an HR officer asking for another agency\u2019s compliance, or for a unit outside their own', async () => {
    for (const url of [
      `/api/jp/compliance?agencyId=${bima}`,
      `/api/jp/compliance/people?agencyId=${bima}`,
      `/api/jp/compliance/trend?agencyId=${bima}`,
      `/api/jp/compliance/export?agencyId=${bima}&format=csv`,
      `/api/jp/ip-asn?agencyId=${bima}`,
      `/api/jp/compliance?agencyId=${mataram}`,
    ]) {
      const res = await get(DEMO.hrOfficer, url);
      expect({ url, status: res.status, code: res.body.code }).toEqual({
        url,
        status: 404,
        code: ErrorCode.ORG_AGENCY_NOT_FOUND,
      });
    }
    const bimaUnit = await idOf(api.db, `SELECT id FROM work_unit WHERE agency_id = $1 AND code = 'DINKES'`, [bima]);
    const unit = await get(DEMO.hrOfficer, `/api/jp/compliance?unitId=${bimaUnit}`);
    expect({ status: unit.status, code: unit.body.code }).toEqual({ status: 404, code: ErrorCode.ORG_UNIT_NOT_FOUND });
    const bimaPerson = await idOf(api.db, `SELECT id FROM employee WHERE agency_id = $1 LIMIT 1`, [bima]);
    const person = await get(DEMO.hrOfficer, `/api/jp/ip-asn/employees/${bimaPerson}`);
    expect({ status: person.status, code: person.body.code }).toEqual({
      status: 404,
      code: ErrorCode.EMPLOYEE_NOT_FOUND,
    });
    // Their own unit answers; a learner has no compliance report; a malformed id is a 400.
    expect((await get(DEMO.hrOfficer, `/api/jp/compliance?year=${YEAR}`)).body.node.level).toBe('unit');
    const learner = await get(DEMO.learner, '/api/jp/compliance');
    expect({ status: learner.status, code: learner.body.code }).toEqual({
      status: 403,
      code: ErrorCode.JP_REPORT_NO_SCOPE,
    });
    expect((await get(DEMO.agencyAdmin, '/api/jp/compliance?agencyId=bukan-uuid')).status).toBe(400);
  });

  it('lets only a platform admin run the consistency check, which finds a tampered aggregate', async () => {
    const denied = await get(DEMO.provinceAdmin, '/api/jp/compliance/consistency');
    expect({ status: denied.status, code: denied.body.code }).toEqual({ status: 403, code: ErrorCode.AUTH_FORBIDDEN });
    const ok = await get(DEMO.platformAdmin, '/api/jp/compliance/consistency');
    expect(ok.status).toBe(200);
    const personYears = await count(api, `SELECT count(*) AS n FROM jp_person_year`);
    const ledgerLines = await count(api, `SELECT count(*) AS n FROM jp_ledger_line`);
    expect(personYears).toBeGreaterThan(2);
    expect(ok.body).toMatchObject({ consistent: true, mismatchCount: 0, personYearsChecked: personYears, ledgerLines });
    // Two person-years tampered: exactly those two are found, each naming the field that drifted.
    await api.db.query(
      `UPDATE jp_person_year SET social_jp = social_jp + 1
        WHERE (employee_id, year) IN (SELECT employee_id, year FROM jp_person_year ORDER BY employee_id, year LIMIT 2)`,
    );
    const bad = await get(DEMO.platformAdmin, '/api/jp/compliance/consistency');
    expect(bad.body).toMatchObject({ consistent: false, mismatchCount: 2 });
    expect(bad.body.mismatches.map((m: { fields: string[] }) => m.fields)).toEqual([['social_jp'], ['social_jp']]);
    await rebuildPersonYear(api.db.manager);
    expect((await get(DEMO.platformAdmin, '/api/jp/compliance/consistency')).body.consistent).toBe(true);
  });

  it('shows a learner\u2019s own IP ASN estimate to them', async () => {
    const me = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
    const res = await get(DEMO.learner, `/api/jp/ip-asn/employees/${me}?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ employeeId: me, maxPoints: 40, scheme: { version: '2019' } });
  });
});
