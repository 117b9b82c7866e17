import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { ErrorCode } from '@kompeten/shared-contracts';
import { binaryBody, idOf, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Issue 13, ASN records: golongan per employee type, pangkat names, titles on names, CSV formula neutralisation. */
describe('ASN records API', () => {
  let api: TestApi;
  let mataram: string;
  beforeAll(async () => {
    api = await bootApi();
    mataram = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
  });
  afterAll(() => api?.close());

  const create = async (body: Record<string, unknown>) =>
    api.http
      .post('/api/employees')
      .set(await api.auth(DEMO.agencyAdmin))
      .send({ agencyId: mataram, fullName: 'Pegawai Uji', ...body });

  it.each([
    ['PNS', '199410102019031031', 'IX'],
    ['PNS', '199410102019031032', 'III/e'],
    ['PNS', '199410102019031033', 'II/e'],
    ['PPPK', '199410102021151034', 'III/a'],
  ])('refuses a %s with golongan %s (400 EMPLOYEE.INVALID_RANK)', async (employeeType, nip, rank) => {
    const res = await create({ nip, employeeType, rank });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: ErrorCode.EMPLOYEE_INVALID_RANK });
  });

  it('normalises harmless variants and names the pangkat; PATCH checks the golongan too', async () => {
    const res = await create({ nip: '199410102019031035', employeeType: 'PNS', rank: 'iii / A' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rank: 'III/a', rankName: 'Penata Muda' });
    const admin = await api.auth(DEMO.agencyAdmin);
    const bad = await api.http.patch(`/api/employees/${res.body.id}`).set(admin).send({ rank: 'IX' });
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: ErrorCode.EMPLOYEE_INVALID_RANK });
    const ok = await api.http.patch(`/api/employees/${res.body.id}`).set(admin).send({ rank: 'iv/e' });
    expect(ok.body).toMatchObject({ rank: 'IV/e', rankName: 'Pembina Utama' });
    const pppk = await create({ nip: '199410102021151036', employeeType: 'PPPK', rank: 'ix' });
    expect(pppk.body).toMatchObject({ rank: 'IX', rankName: null });
  });

  it("shows the supervisor's name with titles", async () => {
    const id = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
    const res = await api.http.get(`/api/employees/${id}`).set(await api.auth(DEMO.agencyAdmin));
    expect(res.body.supervisorName).toBe('dr. Muhammad Ilham Hakim, M.Kes.');
  });

  it('writes a name planted as a formula as text in the course report CSV, and as a plain string in the XLSX', async () => {
    const c = await seedPublishedCourse(api.db, { title: 'Literasi Digital' });
    await api.db.query(`UPDATE employee SET full_name = $1, front_title = NULL, back_title = NULL WHERE nip = $2`, [
      '=HYPERLINK("http://jahat.example","klik")',
      DEMO.learner,
    ]);
    expect(
      (await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(await api.auth(DEMO.learner))).status,
    ).toBe(201);
    const csv = await api.http
      .get(`/api/courses/${c.courseId}/report?format=csv`)
      .set(await api.auth(DEMO.agencyAdmin))
      .buffer(true);
    const rows: string[][] = parse(csv.text, { bom: true });
    // The NIP itself is the one cell written as a formula: ="<18 digits>", only ever digits (decision 0025).
    expect(rows.find((r) => r[0] === `="${DEMO.learner}"`)?.[1]).toBe(`'=HYPERLINK("http://jahat.example","klik")`);
    const xlsx = await api.http
      .get(`/api/courses/${c.courseId}/report?format=xlsx`)
      .set(await api.auth(DEMO.agencyAdmin))
      .buffer(true)
      .parse(binaryBody);
    const wb = new ExcelJS.Workbook();
    const body = xlsx.body as Buffer;
    await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const cell = wb.getWorksheet('Laporan')?.getRow(2).getCell(2);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('=HYPERLINK("http://jahat.example","klik")');
  });
});
