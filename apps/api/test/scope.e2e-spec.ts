import { randomUUID } from 'node:crypto';
import type { Agency, AuditEntry, Employee, Page } from '@kompeten/shared-contracts';
import { idOf, setUpAccount, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Every read and write is checked against the caller's scope: a user of one agency can never read or change
 * another agency's data. Out-of-scope ids answer 404 (existence is never revealed); a write the caller can see
 * but not change answers 403.
 */

type Headers = { Authorization: string };
type Caller = 'bimaAdmin' | 'kendalLearner' | 'mataramLearner';
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const BIMA_ADMIN_PASSWORD = 'Ombak-Teluk-Biru-2026';
/** A NIP nobody has: the body of a create attempt that must not land. */
const NEW_NIP = '199105052016021003';

let api: TestApi;
const ids = {} as Record<
  | 'root'
  | 'ntb'
  | 'jateng'
  | 'mataram'
  | 'bima'
  | 'kendal'
  | 'dinkes'
  | 'rsud'
  | 'bimaUnit'
  | 'pppk'
  | 'learner'
  | 'pppkRole'
  | 'mataramAdminRole'
  | 'import'
  | 'bimaAdminEmployee'
  | 'bimaAdminUser'
  | 'mataramAdminUser'
  | 'supervisor'
  | 'hrOfficer'
  | 'kendalLearner',
  string
>;
const tokens = {} as Record<
  Caller | 'platformAdmin' | 'provinceAdmin' | 'agencyAdmin' | 'hrOfficer' | 'supervisor',
  Headers
>;

async function loginAs(username: string, password: string): Promise<Headers> {
  return { Authorization: `Bearer ${(await api.login(username, password)).accessToken}` };
}

/** Pages through a list endpoint and returns every item (and checks the reported total matches). */
async function listAll<T>(path: string, headers: Headers): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; page < 50; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.http.get(`${path}${sep}page=${page}&pageSize=100`).set(headers);
    expect(res.status).toBe(200);
    const body = res.body as Page<T>;
    total = body.total;
    items.push(...body.items);
    if (items.length >= total || body.items.length === 0) break;
  }
  expect(items).toHaveLength(total);
  return { items, total };
}

/** Everything an out-of-scope caller could have touched, so "unchanged" is checked for the whole database. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = ['agency', 'work_unit', 'employee', 'role_assignment', 'employee_import', 'audit_log', 'outbox_event'];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await api.db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(to_jsonb(t)::text, '|' ORDER BY t.id), '')) AS h FROM ${t} t`,
    );
    out[t] = `${row.n}:${row.h}`;
  }
  // Logins touch last_login_at; everything else about accounts must stay put.
  const [ua] = await api.db.query(
    `SELECT count(*)::int AS n, md5(string_agg(concat_ws(',', id, employee_id, email, password_hash, active, locked_until), '|' ORDER BY id)) AS h FROM user_account`,
  );
  out['user_account'] = `${ua.n}:${ua.h}`;
  return out;
}

beforeAll(async () => {
  api = await bootApi();
  const agency = (code: string) => idOf(api.db, `SELECT id FROM agency WHERE code = $1`, [code]);
  const unit = (agencyCode: string, code: string) =>
    idOf(api.db, `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = $1 AND u.code = $2`, [
      agencyCode,
      code,
    ]);
  const employee = (nip: string) => idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [nip]);
  Object.assign(ids, {
    root: await idOf(api.db, `SELECT id FROM agency WHERE parent_id IS NULL AND level = 'nasional'`),
    ntb: await agency('prov-ntb'),
    jateng: await agency('prov-jateng'),
    mataram: await agency('kota-mataram'),
    bima: await agency('kota-bima'),
    kendal: await agency('kab-kendal'),
    dinkes: await unit('kota-mataram', 'DINKES'),
    rsud: await unit('kota-mataram', 'RSUD'),
    bimaUnit: await unit('kota-bima', 'DINKES'),
    pppk: await employee(DEMO.pppkLearner),
    learner: await employee(DEMO.learner),
    supervisor: await employee(DEMO.supervisor),
    hrOfficer: await employee('198807212010122004'),
    kendalLearner: await employee(DEMO.kendalLearner),
  });
  ids.pppkRole = await idOf(
    api.db,
    `SELECT r.id FROM role_assignment r JOIN user_account ua ON ua.id = r.user_id WHERE ua.employee_id = $1 AND r.role = 'learner'`,
    [ids.pppk],
  );
  ids.mataramAdminRole = await idOf(
    api.db,
    `SELECT r.id FROM role_assignment r JOIN user_account ua ON ua.id = r.user_id WHERE ua.email = $1 AND r.role = 'agency_admin'`,
    [DEMO.agencyAdmin],
  );
  ids.mataramAdminUser = await idOf(api.db, `SELECT id FROM user_account WHERE email = $1`, [DEMO.agencyAdmin]);

  tokens.platformAdmin = await api.auth(DEMO.platformAdmin);
  tokens.provinceAdmin = await api.auth(DEMO.provinceAdmin);
  tokens.agencyAdmin = await api.auth(DEMO.agencyAdmin);
  tokens.hrOfficer = await api.auth(DEMO.hrOfficer);
  tokens.supervisor = await api.auth(DEMO.supervisor);
  tokens.mataramLearner = await api.auth(DEMO.learner);
  tokens.kendalLearner = await api.auth(DEMO.kendalLearner);

  // Kota Bima has no demo admin: the platform admin makes one through the API.
  const [bimaEmp] = await api.db.query(
    `SELECT e.id, e.nip FROM employee e WHERE e.agency_id = $1 ORDER BY e.nip LIMIT 1`,
    [ids.bima],
  );
  ids.bimaAdminEmployee = bimaEmp.id;
  ids.bimaAdminUser = await setUpAccount(api, tokens.platformAdmin, bimaEmp.id, BIMA_ADMIN_PASSWORD);
  const grant = await api.http
    .post(`/api/employees/${bimaEmp.id}/roles`)
    .set(tokens.platformAdmin)
    .send({ role: 'agency_admin', agencyId: ids.bima });
  expect(grant.status).toBe(200);
  tokens.bimaAdmin = await loginAs(bimaEmp.nip, BIMA_ADMIN_PASSWORD);

  // A Kota Mataram import (made by its agency admin) and an ASN in RSUD (the child of DINKES).
  const [imp] = await api.db.query(
    `INSERT INTO employee_import (agency_id, created_by, file_name, storage_key) VALUES ($1, $2, 'pegawai-mataram.csv', 'imports/x/pegawai-mataram.csv') RETURNING id`,
    [ids.mataram, ids.mataramAdminUser],
  );
  ids.import = imp.id;
  const rsudNurse = await api.http.post('/api/employees').set(tokens.agencyAdmin).send({
    agencyId: ids.mataram,
    unitId: ids.rsud,
    nip: '199402112019032004',
    employeeType: 'PNS',
    fullName: 'Baiq Nurul Aini',
    backTitle: 'S.Kep., Ns.',
    positionName: 'Perawat Ahli Pertama',
  });
  expect(rsudNurse.status).toBe(201);
  // Audit rows in Kota Mataram and in Kendal, written by their admins.
  expect(
    (
      await api.http
        .patch(`/api/agencies/${ids.mataram}`)
        .set(tokens.agencyAdmin)
        .send({ hrBodyName: 'BKPSDM Kota Mataram' })
    ).status,
  ).toBe(200);
  expect(
    (
      await api.http
        .patch(`/api/agencies/${ids.kendal}`)
        .set(tokens.platformAdmin)
        .send({ hrBodyName: 'BKPSDM Kabupaten Kendal' })
    ).status,
  ).toBe(200);
});

afterAll(() => api?.close());

// ---- every endpoint that takes an id -------------------------------------------------------

interface Case {
  name: string;
  method: Method;
  /** The path; `id` is the Kota Mataram id under test (replaced by a random uuid for the "unknown id" comparison). */
  path: (id: string) => string;
  id: () => string;
  body?: () => Record<string, unknown>;
  csv?: boolean;
  expect: Record<Caller, number>;
}

const notFoundFor = (mataramLearner: number): Record<Caller, number> => ({
  bimaAdmin: 404,
  kendalLearner: 404,
  mataramLearner,
});

const CASES: Case[] = [
  {
    name: 'GET agency',
    method: 'get',
    path: (id) => `/api/agencies/${id}`,
    id: () => ids.mataram,
    expect: notFoundFor(200),
  },
  {
    name: 'PATCH agency',
    method: 'patch',
    path: (id) => `/api/agencies/${id}`,
    id: () => ids.mataram,
    body: () => ({ name: 'Pemerintah Kota Mataram (diubah)' }),
    expect: notFoundFor(403),
  },
  {
    name: 'GET agency units',
    method: 'get',
    path: (id) => `/api/agencies/${id}/units`,
    id: () => ids.mataram,
    expect: notFoundFor(200),
  },
  {
    name: 'POST agency unit',
    method: 'post',
    path: (id) => `/api/agencies/${id}/units`,
    id: () => ids.mataram,
    body: () => ({ code: 'SISIPAN', name: 'Unit Sisipan' }),
    expect: notFoundFor(403),
  },
  { name: 'GET unit', method: 'get', path: (id) => `/api/units/${id}`, id: () => ids.dinkes, expect: notFoundFor(200) },
  {
    name: 'PATCH unit',
    method: 'patch',
    path: (id) => `/api/units/${id}`,
    id: () => ids.dinkes,
    body: () => ({ name: 'Dinas Kesehatan (diubah)' }),
    expect: notFoundFor(403),
  },
  {
    name: 'PATCH child unit',
    method: 'patch',
    path: (id) => `/api/units/${id}`,
    id: () => ids.rsud,
    body: () => ({ name: 'RSUD (diubah)' }),
    expect: notFoundFor(403),
  },
  {
    name: 'GET employee',
    method: 'get',
    path: (id) => `/api/employees/${id}`,
    id: () => ids.pppk,
    expect: notFoundFor(404),
  },
  {
    name: 'PATCH employee',
    method: 'patch',
    path: (id) => `/api/employees/${id}`,
    id: () => ids.pppk,
    body: () => ({ positionName: 'Kepala Sekolah' }),
    expect: notFoundFor(404),
  },
  {
    name: 'PATCH own record (learner)',
    method: 'patch',
    path: (id) => `/api/employees/${id}`,
    id: () => ids.learner,
    body: () => ({ positionName: 'Kepala Dinas' }),
    expect: notFoundFor(403),
  },
  {
    name: 'PUT employee account',
    method: 'put',
    path: (id) => `/api/employees/${id}/account`,
    id: () => ids.pppk,
    body: () => ({ email: 'diambilalih@contoh.id' }),
    expect: notFoundFor(404),
  },
  {
    name: 'PUT own account (learner)',
    method: 'put',
    path: (id) => `/api/employees/${id}/account`,
    id: () => ids.learner,
    body: () => ({ email: 'diambilalih@contoh.id' }),
    expect: notFoundFor(403),
  },
  {
    name: 'POST employee account reset',
    method: 'post',
    path: (id) => `/api/employees/${id}/account/reset`,
    id: () => ids.pppk,
    expect: notFoundFor(404),
  },
  {
    name: 'POST own account reset (learner)',
    method: 'post',
    path: (id) => `/api/employees/${id}/account/reset`,
    id: () => ids.learner,
    expect: notFoundFor(403),
  },
  {
    name: 'GET employee roles',
    method: 'get',
    path: (id) => `/api/employees/${id}/roles`,
    id: () => ids.pppk,
    expect: notFoundFor(404),
  },
  {
    name: 'POST employee role',
    method: 'post',
    path: (id) => `/api/employees/${id}/roles`,
    id: () => ids.pppk,
    body: () => ({ role: 'hr_officer', agencyId: ids.mataram }),
    expect: notFoundFor(404),
  },
  {
    name: 'POST own role (learner)',
    method: 'post',
    path: (id) => `/api/employees/${id}/roles`,
    id: () => ids.learner,
    body: () => ({ role: 'agency_admin', agencyId: ids.mataram }),
    expect: notFoundFor(403),
  },
  {
    name: 'DELETE a learner role',
    method: 'delete',
    path: (id) => `/api/role-assignments/${id}`,
    id: () => ids.pppkRole,
    expect: notFoundFor(404),
  },
  {
    name: 'DELETE the agency admin role',
    method: 'delete',
    path: (id) => `/api/role-assignments/${id}`,
    id: () => ids.mataramAdminRole,
    expect: notFoundFor(404),
  },
  {
    name: 'GET agency imports',
    method: 'get',
    path: (id) => `/api/agencies/${id}/employee-imports`,
    id: () => ids.mataram,
    expect: notFoundFor(200),
  },
  {
    name: 'POST agency import',
    method: 'post',
    path: (id) => `/api/agencies/${id}/employee-imports`,
    id: () => ids.mataram,
    csv: true,
    expect: notFoundFor(403),
  },
  {
    name: 'GET import',
    method: 'get',
    path: (id) => `/api/employee-imports/${id}`,
    id: () => ids.import,
    expect: notFoundFor(404),
  },
];

function send(method: Method, path: string, headers: Headers, c: Case) {
  const req = api.http[method](path).set(headers);
  if (c.csv)
    return req.attach('file', Buffer.from(`nip,nama_lengkap,jenis_pegawai\n${NEW_NIP},Penyusup,PNS\n`), 'pegawai.csv');
  return c.body ? req.send(c.body()) : req;
}

describe('every endpoint that takes a Kota Mataram id', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await snapshot();
  });

  const table = CASES.flatMap((c) =>
    (Object.keys(c.expect) as Caller[]).map((caller) => [c.name, caller, c.expect[caller], c] as const),
  );

  it.each(table)('%s as %s answers %i', async (_name, caller, status, c) => {
    const res = await send(c.method, c.path(c.id()), tokens[caller], c);
    expect({ status: res.status, code: res.body?.code }).toEqual(expect.objectContaining({ status }));
    if (status === 404) {
      // Indistinguishable from an id that does not exist at all.
      const unknown = await send(c.method, c.path(randomUUID()), tokens[caller], c);
      if (c.method !== 'delete') {
        expect({ status: unknown.status, code: unknown.body.code, message: unknown.body.message }).toEqual({
          status: 404,
          code: res.body.code,
          message: res.body.message,
        });
      }
      expect(JSON.stringify(res.body)).not.toMatch(/Mataram/i);
    }
    if (status === 200 && c.name === 'GET agency imports') {
      // A learner may open the list, but sees no import they did not make.
      expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.import);
    }
  });

  it('POST /api/employees into Kota Mataram is refused: 404 for other agencies, 403 for its learner', async () => {
    const body = {
      agencyId: ids.mataram,
      unitId: ids.dinkes,
      nip: NEW_NIP,
      employeeType: 'PNS',
      fullName: 'Penyusup Data',
    };
    for (const [caller, status] of [
      ['bimaAdmin', 404],
      ['kendalLearner', 404],
      ['mataramLearner', 403],
      ['supervisor', 403],
    ] as const) {
      const res = await api.http.post('/api/employees').set(tokens[caller]).send(body);
      expect([caller, res.status]).toEqual([caller, status]);
    }
    // The HR officer of DINKES may add ASN to DINKES, but not to a unit outside that subtree.
    const hr = await api.http
      .post('/api/employees')
      .set(tokens.hrOfficer)
      .send({
        ...body,
        unitId: await idOf(api.db, `SELECT id FROM work_unit WHERE agency_id = $1 AND code = 'DISDIK'`, [ids.mataram]),
      });
    expect(hr.status).toBe(403);
  });

  it('within Kota Mataram, narrower roles reach only their own people', async () => {
    // The HR officer of DINKES cannot touch a DISDIK teacher; the supervisor can read a report but not change it.
    expect((await api.http.get(`/api/employees/${ids.pppk}`).set(tokens.hrOfficer)).status).toBe(404);
    expect(
      (
        await api.http
          .patch(`/api/employees/${ids.pppk}`)
          .set(tokens.hrOfficer)
          .send({ positionName: 'Kepala Sekolah' })
      ).status,
    ).toBe(404);
    expect((await api.http.put(`/api/employees/${ids.pppk}/account`).set(tokens.hrOfficer).send({})).status).toBe(404);
    expect((await api.http.post(`/api/employees/${ids.pppk}/account/reset`).set(tokens.hrOfficer)).status).toBe(404);
    expect((await api.http.get(`/api/employees/${ids.learner}`).set(tokens.supervisor)).status).toBe(200);
    expect(
      (
        await api.http
          .patch(`/api/employees/${ids.learner}`)
          .set(tokens.supervisor)
          .send({ positionName: 'Kepala Seksi' })
      ).status,
    ).toBe(403);
    expect((await api.http.get(`/api/employees/${ids.pppk}`).set(tokens.supervisor)).status).toBe(404);
    expect((await api.http.get(`/api/employee-imports/${ids.import}`).set(tokens.hrOfficer)).status).toBe(404);
    expect((await api.http.delete(`/api/role-assignments/${ids.pppkRole}`).set(tokens.hrOfficer)).status).toBe(404);
    expect(
      (await api.http.patch(`/api/units/${ids.dinkes}`).set(tokens.hrOfficer).send({ name: 'Dinas Kesehatan Baru' }))
        .status,
    ).toBe(403);
  });

  it('Kota Mataram ids smuggled into bodies and filters are refused like unknown ids', async () => {
    const h = tokens.bimaAdmin;
    const own = ids.bimaAdminEmployee;
    const random = randomUUID();
    const same = (a: { status: number; body: { code: string; message: string } }, b: typeof a) =>
      expect({ status: a.status, code: a.body.code, message: a.body.message }).toEqual({
        status: b.status,
        code: b.body.code,
        message: b.body.message,
      });
    // Moving one's own ASN into a Kota Mataram unit.
    const move = await api.http.patch(`/api/employees/${own}`).set(h).send({ unitId: ids.dinkes });
    expect(move.status).toBe(404);
    same(move, await api.http.patch(`/api/employees/${own}`).set(h).send({ unitId: random }));
    // A Kota Mataram supervisor.
    const sup = await api.http.patch(`/api/employees/${own}`).set(h).send({ supervisorId: ids.supervisor });
    expect(sup.status).toBe(404);
    same(sup, await api.http.patch(`/api/employees/${own}`).set(h).send({ supervisorId: random }));
    const create = await api.http.post('/api/employees').set(h).send({
      agencyId: ids.bima,
      nip: NEW_NIP,
      employeeType: 'PNS',
      fullName: 'Pegawai Baru',
      supervisorId: ids.supervisor,
    });
    expect(create.status).toBe(404);
    // A role in Kota Bima narrowed to a Kota Mataram unit.
    const role = await api.http
      .post(`/api/employees/${own}/roles`)
      .set(h)
      .send({ role: 'hr_officer', agencyId: ids.bima, unitId: ids.dinkes });
    expect(role.status).toBe(400);
    same(
      role,
      await api.http
        .post(`/api/employees/${own}/roles`)
        .set(h)
        .send({ role: 'hr_officer', agencyId: ids.bima, unitId: random }),
    );
    // Filters: units of a Kota Mataram parent, agencies under NTB.
    const units = await api.http.get(`/api/agencies/${ids.bima}/units?parentId=${ids.dinkes}`).set(h);
    expect(units.body).toMatchObject({ total: 0, items: [] });
    const agencies = await api.http.get(`/api/agencies?parentId=${ids.ntb}`).set(h);
    expect((agencies.body.items as Agency[]).map((a) => a.code)).toEqual(['kota-bima']);
  });

  it('the same callers do reach their own data (the refusals are about scope, not broken accounts)', async () => {
    expect((await api.http.get(`/api/employees/${ids.bimaAdminEmployee}`).set(tokens.bimaAdmin)).status).toBe(200);
    expect((await api.http.get(`/api/agencies/${ids.bima}/units`).set(tokens.bimaAdmin)).body.total).toBe(11);
    expect((await api.http.get(`/api/employees/${ids.learner}`).set(tokens.mataramLearner)).status).toBe(200);
    expect((await api.http.get(`/api/employees/${ids.learner}/roles`).set(tokens.mataramLearner)).status).toBe(200);
    expect((await api.http.get(`/api/employees/${ids.kendalLearner}`).set(tokens.kendalLearner)).status).toBe(200);
    expect((await api.http.get(`/api/agencies/${ids.kendal}`).set(tokens.kendalLearner)).status).toBe(200);
  });

  it('left every table exactly as it was', async () => {
    expect(await snapshot()).toEqual(before);
    const [agency] = await api.db.query(`SELECT name FROM agency WHERE id = $1`, [ids.mataram]);
    expect(agency.name).toBe('Pemerintah Kota Mataram');
    const [emp] = await api.db.query(`SELECT position_name FROM employee WHERE id = $1`, [ids.pppk]);
    expect(emp.position_name).toBe('Guru Ahli Pertama');
    expect(await api.db.query(`SELECT 1 FROM employee WHERE nip = $1`, [NEW_NIP])).toHaveLength(0);
    expect(
      await api.db.query(`SELECT 1 FROM role_assignment WHERE id = ANY($1::uuid[])`, [
        [ids.pppkRole, ids.mataramAdminRole],
      ]),
    ).toHaveLength(2);
    // The untouched owner still signs in with the old password.
    expect(
      (await api.http.post('/api/auth/login').send({ username: DEMO.pppkLearner, password: DEMO.password })).status,
    ).toBe(200);
  });
});

// ---- lists never leak ----------------------------------------------------------------------

describe('lists show only what the caller may see', () => {
  const sqlIds = async (sql: string, params: unknown[]) =>
    new Set<string>((await api.db.query(sql, params)).map((r: { id: string }) => r.id));

  it('Kota Bima admin: only Kota Bima ASN, and nothing with a Kota Mataram filter', async () => {
    const { items, total } = await listAll<Employee>('/api/employees', tokens.bimaAdmin);
    const expected = await sqlIds(`SELECT id FROM employee WHERE agency_id = $1`, [ids.bima]);
    expect(total).toBe(expected.size);
    expect(total).toBeGreaterThan(5);
    expect(items.every((e) => e.agencyId === ids.bima)).toBe(true);
    expect(new Set(items.map((e) => e.id))).toEqual(expected);
    for (const filter of [
      `agencyId=${ids.mataram}`,
      `unitId=${ids.dinkes}`,
      `q=${DEMO.learner}`,
      'q=mataramkota.go.id',
    ]) {
      const res = await api.http.get(`/api/employees?${filter}`).set(tokens.bimaAdmin);
      expect([filter, res.status, res.body.total, res.body.items]).toEqual([filter, 200, 0, []]);
    }
  });

  it('Kota Bima admin: sees only its own agency in the agency list', async () => {
    const { items } = await listAll<Agency>('/api/agencies', tokens.bimaAdmin);
    expect(items.map((a) => a.code)).toEqual(['kota-bima']);
    const res = await api.http.get('/api/agencies?q=mataram').set(tokens.bimaAdmin);
    expect(res.body).toMatchObject({ total: 0, items: [] });
  });

  it('province admin NTB: NTB and all ten regencies/cities, never Kendal', async () => {
    const ntbAgencies = await sqlIds(`SELECT id FROM agency WHERE id = $1 OR parent_id = $1`, [ids.ntb]);
    expect(ntbAgencies.size).toBe(11);
    const agencies = await listAll<Agency>('/api/agencies', tokens.provinceAdmin);
    expect(new Set(agencies.items.map((a) => a.id))).toEqual(ntbAgencies);
    const { items, total } = await listAll<Employee>('/api/employees', tokens.provinceAdmin);
    const expected = await sqlIds(`SELECT id FROM employee WHERE agency_id = ANY($1::uuid[])`, [[...ntbAgencies]]);
    expect(total).toBe(expected.size);
    expect(new Set(items.map((e) => e.id))).toEqual(expected);
    expect(new Set(items.map((e) => e.agencyId))).toEqual(ntbAgencies);
    expect(items.some((e) => e.agencyId === ids.kendal || e.agencyId === ids.jateng)).toBe(false);
    const kendal = await api.http.get(`/api/employees?agencyId=${ids.kendal}`).set(tokens.provinceAdmin);
    expect(kendal.body).toMatchObject({ total: 0, items: [] });
    expect((await api.http.get(`/api/agencies/${ids.kendal}`).set(tokens.provinceAdmin)).status).toBe(404);
    expect((await api.http.get(`/api/employees/${ids.kendalLearner}`).set(tokens.provinceAdmin)).status).toBe(404);
  });

  it('HR officer of DINKES: only the ASN of DINKES and RSUD', async () => {
    const { items, total } = await listAll<Employee>('/api/employees', tokens.hrOfficer);
    const [dinkes] = await api.db.query(`SELECT path FROM work_unit WHERE id = $1`, [ids.dinkes]);
    const expected = await sqlIds(
      `SELECT e.id FROM employee e JOIN work_unit u ON u.id = e.unit_id WHERE u.path LIKE $1 || '%'`,
      [dinkes.path],
    );
    expect(total).toBe(expected.size);
    expect(new Set(items.map((e) => e.id))).toEqual(expected);
    expect(new Set(items.map((e) => e.unitId))).toEqual(new Set([ids.dinkes, ids.rsud]));
    expect(items.map((e) => e.nip)).toContain('199402112019032004');
  });

  it('learner: only themself', async () => {
    for (const [caller, id] of [
      ['mataramLearner', ids.learner],
      ['kendalLearner', ids.kendalLearner],
    ] as const) {
      const res = await api.http.get('/api/employees?pageSize=100').set(tokens[caller]);
      expect(res.body.total).toBe(1);
      expect(res.body.items.map((e: Employee) => e.id)).toEqual([id]);
    }
  });

  it('supervisor: themself and their direct reports', async () => {
    const { items, total } = await listAll<Employee>('/api/employees', tokens.supervisor);
    const expected = await sqlIds(`SELECT id FROM employee WHERE id = $1 OR supervisor_id = $1`, [ids.supervisor]);
    expect(expected.has(ids.learner)).toBe(true);
    expect(total).toBe(expected.size);
    expect(new Set(items.map((e) => e.id))).toEqual(expected);
  });

  it('audit logs: only the agencies the caller administers; 403 for everyone else', async () => {
    const bima = await listAll<AuditEntry>('/api/audit-logs', tokens.bimaAdmin);
    // Entries filed under the agency, and entries that touched its people (issue 15).
    const [{ n: bimaCount }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE agency_id = $1 OR $1 = ANY(touched_agency_ids)`,
      [ids.bima],
    );
    expect(bimaCount).toBeGreaterThan(0);
    expect(bima.total).toBe(bimaCount);
    const concerns = (l: AuditEntry, agencyId: string) =>
      l.agencyId === agencyId || l.touchedAgencyIds.includes(agencyId);
    expect(bima.items.every((l) => concerns(l, ids.bima))).toBe(true);
    for (const filter of [`agencyId=${ids.mataram}`, `entityId=${ids.mataram}`, `entityId=${ids.kendal}`]) {
      const res = await api.http.get(`/api/audit-logs?${filter}`).set(tokens.bimaAdmin);
      expect([filter, res.status, res.body.total]).toEqual([filter, 200, 0]);
    }

    const mataram = await listAll<AuditEntry>('/api/audit-logs', tokens.agencyAdmin);
    expect(mataram.items.length).toBeGreaterThan(0);
    expect(mataram.items.every((l) => concerns(l, ids.mataram))).toBe(true);

    const ntbAgencies = [...(await sqlIds(`SELECT id FROM agency WHERE id = $1 OR parent_id = $1`, [ids.ntb]))];
    const province = await listAll<AuditEntry>('/api/audit-logs', tokens.provinceAdmin);
    const [{ n: ntbCount }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE agency_id = ANY($1::uuid[]) OR touched_agency_ids && $1::uuid[]`,
      [ntbAgencies],
    );
    expect(province.total).toBe(ntbCount);
    expect(province.items.every((l) => ntbAgencies.some((a) => concerns(l, a)))).toBe(true);
    expect(province.items.some((l) => l.agencyId === ids.mataram)).toBe(true);
    expect(province.items.some((l) => l.agencyId === ids.kendal)).toBe(false);

    const all = await api.http.get(`/api/audit-logs?entityId=${ids.kendal}`).set(tokens.platformAdmin);
    expect(all.body.total).toBeGreaterThan(0);

    for (const caller of ['mataramLearner', 'kendalLearner', 'hrOfficer', 'supervisor'] as const) {
      const res = await api.http.get('/api/audit-logs').set(tokens[caller]);
      expect([caller, res.status]).toEqual([caller, 403]);
    }
  });
});

// ---- granting roles and creating agencies --------------------------------------------------

describe('who may grant which role, and create which agency', () => {
  const rolesOf = async (employeeId: string) =>
    (await api.db.query(
      `SELECT r.role, r.agency_id FROM role_assignment r JOIN user_account ua ON ua.id = r.user_id WHERE ua.employee_id = $1 ORDER BY r.role, r.agency_id`,
      [employeeId],
    )) as Array<{ role: string; agency_id: string }>;

  it('an agency admin cannot grant province_admin or platform_admin, nor roles in another agency', async () => {
    const before = await rolesOf(ids.learner);
    const attempts = [
      { role: 'province_admin', agencyId: ids.mataram },
      { role: 'platform_admin', agencyId: ids.mataram },
      { role: 'province_admin', agencyId: ids.ntb },
      { role: 'agency_admin', agencyId: ids.bima },
      { role: 'hr_officer', agencyId: ids.bima },
      { role: 'learner', agencyId: ids.kendal },
    ];
    for (const body of attempts) {
      const res = await api.http.post(`/api/employees/${ids.learner}/roles`).set(tokens.agencyAdmin).send(body);
      expect([body, res.status, res.body.code]).toEqual([body, 403, 'AUTH.FORBIDDEN']);
    }
    // The Kota Bima admin cannot grant Kota Mataram roles even to its own people.
    const bima = await api.http
      .post(`/api/employees/${ids.bimaAdminEmployee}/roles`)
      .set(tokens.bimaAdmin)
      .send({ role: 'agency_admin', agencyId: ids.mataram });
    expect(bima.status).toBe(403);
    // Neither can the HR officer grant anything, nor a province admin make a platform admin.
    expect(
      (
        await api.http
          .post(`/api/employees/${ids.learner}/roles`)
          .set(tokens.hrOfficer)
          .send({ role: 'learner', agencyId: ids.mataram })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.http
          .post(`/api/employees/${ids.learner}/roles`)
          .set(tokens.provinceAdmin)
          .send({ role: 'platform_admin', agencyId: ids.mataram })
      ).status,
    ).toBe(403);
    expect(await rolesOf(ids.learner)).toEqual(before);
    expect(await rolesOf(ids.bimaAdminEmployee)).not.toContainEqual(
      expect.objectContaining({ agency_id: ids.mataram }),
    );
  });

  it('an agency admin can grant roles up to its own rank in its agency (control)', async () => {
    const res = await api.http
      .post(`/api/employees/${ids.learner}/roles`)
      .set(tokens.agencyAdmin)
      .send({ role: 'hr_officer', agencyId: ids.mataram, unitId: ids.dinkes });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'hr_officer', agencyId: ids.mataram, unitId: ids.dinkes });
    // The Kota Bima admin cannot revoke it; the Kota Mataram admin can.
    expect((await api.http.delete(`/api/role-assignments/${res.body.id}`).set(tokens.bimaAdmin)).status).toBe(404);
    expect((await api.http.delete(`/api/role-assignments/${res.body.id}`).set(tokens.agencyAdmin)).status).toBe(204);
    expect(await rolesOf(ids.learner)).not.toContainEqual(expect.objectContaining({ role: 'hr_officer' }));
    // Revoking a role retires the learner's access tokens at once (issue 12); a client refreshes, here: signs in again.
    expect((await api.http.get('/api/me').set(tokens.mataramLearner)).status).toBe(401);
    tokens.mataramLearner = await loginAs(DEMO.learner, DEMO.password);
  });

  it('an admin role cannot be "narrowed" to a unit it would silently ignore (it would administer the whole agency)', async () => {
    const before = await rolesOf(ids.learner);
    for (const role of ['agency_admin', 'province_admin', 'platform_admin']) {
      const res = await api.http
        .post(`/api/employees/${ids.learner}/roles`)
        .set(tokens.platformAdmin)
        .send({ role, agencyId: ids.mataram, unitId: ids.dinkes });
      expect([role, res.status, res.body.code]).toEqual([role, 400, 'ROLE.INVALID_SCOPE']);
    }
    const byAgencyAdmin = await api.http
      .post(`/api/employees/${ids.learner}/roles`)
      .set(tokens.agencyAdmin)
      .send({ role: 'agency_admin', agencyId: ids.mataram, unitId: ids.dinkes });
    expect(byAgencyAdmin.status).toBe(400);
    expect(await rolesOf(ids.learner)).toEqual(before);
  });

  it('a province admin creates agencies under NTB but not under Jateng', async () => {
    const ok = await api.http.post('/api/agencies').set(tokens.provinceAdmin).send({
      code: 'kab-uji-ntb',
      name: 'Pemerintah Kabupaten Uji',
      level: 'kabupaten',
      parentId: ids.ntb,
      timeZone: 'Asia/Makassar',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ code: 'kab-uji-ntb', parentId: ids.ntb });
    // The new agency is administered at once (no stale scope).
    expect((await api.http.get(`/api/agencies/${ok.body.id}`).set(tokens.provinceAdmin)).status).toBe(200);

    const jateng = await api.http.post('/api/agencies').set(tokens.provinceAdmin).send({
      code: 'kab-uji-jateng',
      name: 'Pemerintah Kabupaten Uji Jateng',
      level: 'kabupaten',
      parentId: ids.jateng,
      timeZone: 'Asia/Jakarta',
    });
    expect(jateng.status).toBe(403);
    const under = await api.http.post('/api/agencies').set(tokens.agencyAdmin).send({
      code: 'kota-uji-sibling',
      name: 'Kota Uji Sibling',
      level: 'kota',
      parentId: ids.ntb,
      timeZone: 'Asia/Makassar',
    });
    expect(under.status).toBe(403);
    expect(
      await api.db.query(`SELECT 1 FROM agency WHERE code IN ('kab-uji-jateng', 'kota-uji-sibling')`),
    ).toHaveLength(0);
  });

  it('only the platform admin creates a top-level agency', async () => {
    const body = {
      code: 'kemenpanrb',
      name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
      level: 'nasional',
      timeZone: 'Asia/Jakarta',
    };
    for (const caller of ['provinceAdmin', 'agencyAdmin', 'bimaAdmin', 'hrOfficer', 'mataramLearner'] as const) {
      const res = await api.http.post('/api/agencies').set(tokens[caller]).send(body);
      expect([caller, res.status]).toEqual([caller, 403]);
    }
    expect(await api.db.query(`SELECT 1 FROM agency WHERE code = 'kemenpanrb'`)).toHaveLength(0);
    const res = await api.http.post('/api/agencies').set(tokens.platformAdmin).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'kemenpanrb', parentId: null, level: 'nasional' });
  });
});
