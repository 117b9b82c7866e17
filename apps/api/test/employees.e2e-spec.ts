import type { Employee, LoginResponse, Me, Page, RoleAssignment } from '@kompeten/shared-contracts';
import { completeSetup, idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** ASN records, their sign-in accounts and roles, as an agency admin manages them. */

type Headers = { Authorization: string };

let api: TestApi;
let admin: Headers;
let platform: Headers;
const ids = {} as Record<
  'mataram' | 'bima' | 'dinkes' | 'rsud' | 'disdik' | 'supervisor' | 'bimaEmployee' | 'learner',
  string
>;

/** Born 1990-01-15, CPNS March 2015, female, serial 001. */
const NIP = '199001152015032001';
const base = () => ({
  agencyId: ids.mataram,
  unitId: ids.dinkes,
  nip: NIP,
  employeeType: 'PNS',
  fullName: 'Baiq Nurul Aini',
  frontTitle: 'dr.',
  backTitle: 'M.Kes.',
  positionName: 'Dokter Ahli Pertama',
  positionKind: 'fungsional',
  rank: 'III/b',
  supervisorId: ids.supervisor,
  email: 'Nurul.Aini@MataramKota.go.id',
  phone: '+6281234567890',
});

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
    roles: Array<[string, string, string | null]>;
  };
const bearer = (login: LoginResponse): Headers => ({ Authorization: `Bearer ${login.accessToken}` });

beforeAll(async () => {
  api = await bootApi();
  const agency = (code: string) => idOf(api.db, `SELECT id FROM agency WHERE code = $1`, [code]);
  const unit = (code: string) =>
    idOf(
      api.db,
      `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'kota-mataram' AND u.code = $1`,
      [code],
    );
  Object.assign(ids, {
    mataram: await agency('kota-mataram'),
    bima: await agency('kota-bima'),
    dinkes: await unit('DINKES'),
    rsud: await unit('RSUD'),
    disdik: await unit('DISDIK'),
    supervisor: await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.supervisor]),
    learner: await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]),
  });
  ids.bimaEmployee = await idOf(api.db, `SELECT id FROM employee WHERE agency_id = $1 ORDER BY nip LIMIT 1`, [
    ids.bima,
  ]);
  expect(await api.db.query(`SELECT 1 FROM employee WHERE nip = $1`, [NIP])).toHaveLength(0);
  admin = await api.auth(DEMO.agencyAdmin);
  platform = await api.auth(DEMO.platformAdmin);
});

afterAll(() => api?.close());

describe('creating ASN', () => {
  let created: Employee;

  it('creates an ASN (201) with birth date and gender from the NIP and a display name with titles', async () => {
    const res = await api.http.post('/api/employees').set(admin).send(base());
    expect(res.status).toBe(201);
    created = res.body;
    expect(created).toMatchObject({
      agencyId: ids.mataram,
      agencyName: 'Pemerintah Kota Mataram',
      unitId: ids.dinkes,
      unitName: 'Dinas Kesehatan',
      nip: NIP,
      employeeType: 'PNS',
      fullName: 'Baiq Nurul Aini',
      displayName: 'dr. Baiq Nurul Aini, M.Kes.',
      birthDate: '1990-01-15',
      gender: 'P',
      supervisorId: ids.supervisor,
      supervisorName: 'dr. Muhammad Ilham Hakim, M.Kes.',
      email: 'nurul.aini@mataramkota.go.id',
      active: true,
      hasAccount: false,
    });
    expect((await api.http.get(`/api/employees/${created.id}`).set(admin)).body).toEqual(created);
  });

  it('repeating the identical request answers 200 with the same record and creates nothing', async () => {
    const res = await api.http.post('/api/employees').set(admin).send(base());
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created.id);
    expect(res.body).toEqual(created);
    expect(await api.db.query(`SELECT id FROM employee WHERE nip = $1`, [NIP])).toHaveLength(1);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'employee.create'`,
      [created.id],
    );
    expect(n).toBe(1);
  });

  it('a double-submitted create (same request sent at once) makes one record and answers both without an error', async () => {
    const body = {
      agencyId: ids.mataram,
      unitId: ids.disdik,
      nip: '198811302014021005',
      employeeType: 'PNS',
      fullName: 'Syamsul Hadi Ramdhani',
      backTitle: 'S.Pd.',
    };
    const answers = await Promise.all([1, 2, 3, 4].map(() => api.http.post('/api/employees').set(admin).send(body)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await api.db.query(`SELECT id FROM employee WHERE nip = $1`, [body.nip])).toHaveLength(1);
  });

  it('a different body with the same NIP is a 409 EMPLOYEE.DUPLICATE_NIP', async () => {
    const res = await api.http
      .post('/api/employees')
      .set(admin)
      .send({ ...base(), fullName: 'Orang Lain' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMPLOYEE.DUPLICATE_NIP');
    const other = await api.http
      .post('/api/employees')
      .set(admin)
      .send({ ...base(), unitId: ids.disdik });
    expect(other.status).toBe(409);
    const [row] = await api.db.query(`SELECT full_name, unit_id FROM employee WHERE nip = $1`, [NIP]);
    expect(row).toEqual({ full_name: 'Baiq Nurul Aini', unit_id: ids.dinkes });
  });

  it('a PPPK NIP whose contract digits are not a month is accepted for PPPK and refused for PNS', async () => {
    // Born 1993-07-21, first PPPK appointment 2023, 13 contracts, male, serial 004.
    const pppkNip = '199307212023131004';
    const body = {
      agencyId: ids.mataram,
      unitId: ids.disdik,
      nip: pppkNip,
      fullName: 'Lalu Ahmad Jauhari',
      backTitle: 'S.Pd.',
      rank: 'IX',
    };
    const asPns = await api.http
      .post('/api/employees')
      .set(admin)
      .send({ ...body, employeeType: 'PNS' });
    expect(asPns.status).toBe(400);
    expect(asPns.body.code).toBe('EMPLOYEE.INVALID_NIP');
    expect(asPns.body.message).toMatch(/TMT CPNS/);
    const asPppk = await api.http
      .post('/api/employees')
      .set(admin)
      .send({ ...body, employeeType: 'PPPK' });
    expect(asPppk.status).toBe(201);
    expect(asPppk.body).toMatchObject({
      nip: pppkNip,
      employeeType: 'PPPK',
      birthDate: '1993-07-21',
      gender: 'L',
      displayName: 'Lalu Ahmad Jauhari, S.Pd.',
    });
  });

  it('refuses NIPs that are not structurally valid for anyone', async () => {
    for (const nip of [
      '19900115201503200',
      '199002302015032001',
      '199001152015033001',
      '199001152015032000',
      '199001152035032001',
    ]) {
      const res = await api.http
        .post('/api/employees')
        .set(admin)
        .send({ ...base(), nip });
      expect([nip, res.status, res.body.code]).toEqual([nip, 400, 'EMPLOYEE.INVALID_NIP']);
    }
  });

  it('an HR officer adds ASN only inside their unit subtree', async () => {
    const hr = await api.auth(DEMO.hrOfficer);
    const nurse = await api.http.post('/api/employees').set(hr).send({
      agencyId: ids.mataram,
      unitId: ids.rsud,
      nip: '199502282020122002',
      employeeType: 'PNS',
      fullName: 'Rahmawati Karim',
      backTitle: 'S.Kep., Ns.',
    });
    expect(nurse.status).toBe(201);
    expect(nurse.body).toMatchObject({
      unitId: ids.rsud,
      unitName: 'Rumah Sakit Umum Daerah',
      gender: 'P',
      birthDate: '1995-02-28',
    });
    const teacher = await api.http.post('/api/employees').set(hr).send({
      agencyId: ids.mataram,
      unitId: ids.disdik,
      nip: '199502282020121003',
      employeeType: 'PNS',
      fullName: 'Guru Titipan',
    });
    expect(teacher.status).toBe(403);
  });
});

describe('updating ASN', () => {
  let id: string;
  beforeAll(async () => {
    id = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [NIP]);
  });

  it('changes the profile and shows the change', async () => {
    const res = await api.http
      .patch(`/api/employees/${id}`)
      .set(admin)
      .send({ unitId: ids.rsud, positionName: 'Dokter Ahli Muda', rank: 'III/c', backTitle: 'Sp.A.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      unitId: ids.rsud,
      unitName: 'Rumah Sakit Umum Daerah',
      positionName: 'Dokter Ahli Muda',
      rank: 'III/c',
      displayName: 'dr. Baiq Nurul Aini, Sp.A.',
    });
    expect((await api.http.get(`/api/employees/${id}`).set(admin)).body).toMatchObject({
      unitId: ids.rsud,
      positionName: 'Dokter Ahli Muda',
    });
    const audit = await api.http.get(`/api/audit-logs?entityId=${id}`).set(admin);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'employee.update',
        before: expect.objectContaining({ unitId: ids.dinkes, rank: 'III/b' }),
        after: expect.objectContaining({ unitId: ids.rsud, rank: 'III/c' }),
      }),
    );
  });

  it('an unknown unit (or one of another agency) is a 404', async () => {
    for (const unitId of [
      '5b1f9a8e-3c2d-4e6f-8a7b-9c0d1e2f3a4b',
      await idOf(api.db, `SELECT id FROM work_unit WHERE agency_id = $1 AND code = 'DINKES'`, [ids.bima]),
    ]) {
      const res = await api.http.patch(`/api/employees/${id}`).set(admin).send({ unitId });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ORGANISATION.UNIT_NOT_FOUND');
    }
  });

  it('a supervisor outside the caller\u2019s scope is a 404 like an unknown id (issue 12); the ASN themself is a 400 EMPLOYEE.INVALID_SUPERVISOR', async () => {
    const outside = await api.http.patch(`/api/employees/${id}`).set(admin).send({ supervisorId: ids.bimaEmployee });
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('EMPLOYEE.NOT_FOUND');
    expect(outside.body.message).not.toMatch(
      new RegExp((await api.db.query(`SELECT full_name FROM employee WHERE id = $1`, [ids.bimaEmployee]))[0].full_name),
    );
    const self = await api.http.patch(`/api/employees/${id}`).set(admin).send({ supervisorId: id });
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('EMPLOYEE.INVALID_SUPERVISOR');
    const [row] = await api.db.query(`SELECT unit_id, supervisor_id FROM employee WHERE id = $1`, [id]);
    expect(row).toEqual({ unit_id: ids.rsud, supervisor_id: ids.supervisor });
  });

  it('the NIP and the employee type cannot be changed', async () => {
    const res = await api.http
      .patch(`/api/employees/${id}`)
      .set(admin)
      .send({ nip: '199001152015032002', employeeType: 'PPPK' });
    expect(res.status).toBe(400);
    const [row] = await api.db.query(`SELECT nip, employee_type FROM employee WHERE id = $1`, [id]);
    expect(row).toEqual({ nip: NIP, employee_type: 'PNS' });
  });
});

describe('searching and filtering ASN', () => {
  const search = async (query: string) => {
    const res = await api.http.get(`/api/employees?${query}&pageSize=100`).set(admin);
    expect(res.status).toBe(200);
    return res.body as Page<Employee>;
  };

  it('finds by a name fragment, a NIP prefix and an email, case-insensitively', async () => {
    const byName = await search('q=muhammad%20has');
    expect(byName.items.map((e) => e.nip)).toContain(DEMO.learner);
    expect(byName.items.every((e) => e.fullName.toLowerCase().includes('muhammad has'))).toBe(true);
    const byNip = await search('q=19860926');
    expect(byNip.items.map((e) => e.nip)).toEqual([DEMO.learner]);
    const byEmail = await search('q=HASAN@mataramkota');
    expect(byEmail.items.map((e) => e.nip)).toEqual([DEMO.learner]);
    const none = await search('q=tidak-ada-orang-ini');
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('a unitId filter includes the units under it (RSUD under DINKES)', async () => {
    const [dinkes] = await api.db.query(`SELECT path FROM work_unit WHERE id = $1`, [ids.dinkes]);
    const expected: Array<{ id: string }> = await api.db.query(
      `SELECT e.id FROM employee e JOIN work_unit u ON u.id = e.unit_id WHERE u.path LIKE $1 || '%'`,
      [dinkes.path],
    );
    const res = await search(`unitId=${ids.dinkes}`);
    expect(res.total).toBe(expected.length);
    expect(new Set(res.items.map((e) => e.id))).toEqual(new Set(expected.map((e) => e.id)));
    const units = new Set(res.items.map((e) => e.unitId));
    expect(units).toEqual(new Set([ids.dinkes, ids.rsud]));
    const rsudOnly = await search(`unitId=${ids.rsud}`);
    expect(rsudOnly.items.length).toBeGreaterThan(0);
    expect(rsudOnly.items.every((e) => e.unitId === ids.rsud)).toBe(true);
    const pppk = await search(`employeeType=PPPK&agencyId=${ids.mataram}`);
    expect(pppk.items.length).toBeGreaterThan(0);
    expect(pppk.items.every((e) => e.employeeType === 'PPPK' && e.agencyId === ids.mataram)).toBe(true);
  });
});

describe('accounts and roles', () => {
  const PASSWORD = 'SehatSelalu2026';
  let id: string;
  let userId: string;

  beforeAll(async () => {
    id = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [NIP]);
  });

  it('a password in the request is refused (400): admins never choose one, and no account is made', async () => {
    const res = await api.http.put(`/api/employees/${id}/account`).set(admin).send({ password: PASSWORD });
    expect([res.status, res.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(await api.db.query(`SELECT 1 FROM user_account WHERE employee_id = $1`, [id])).toHaveLength(0);
  });

  it('creates the account with a one-time setup link; a weak password is refused; the ASN signs in by NIP with the one they set', async () => {
    const res = await api.http.put(`/api/employees/${id}/account`).set(admin).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      created: true,
      email: null,
      pendingEmail: 'nurul.aini@mataramkota.go.id',
      setupLink: {
        token: expect.any(String),
        url: expect.stringMatching(/\/atur-kata-sandi\//),
        expiresAt: expect.any(String),
      },
    });
    userId = res.body.userId;
    const token = res.body.setupLink.token as string;
    expect((await api.http.get(`/api/employees/${id}`).set(admin)).body.hasAccount).toBe(true);
    for (const password of ['pendek1', 'hanyahurufsaja', '12345678901234', 'Bismillah123', 'NurulAini2026']) {
      const weak = await api.http.post('/api/auth/setup-link/complete').send({ token, password });
      expect([password, weak.status, weak.body.code]).toEqual([password, 400, 'AUTH.WEAK_PASSWORD']);
    }
    await completeSetup(api, token, PASSWORD);
    const login = await api.login(NIP, PASSWORD);
    expect(login.user).toMatchObject({
      userId,
      employee: { id, nip: NIP },
      timeZone: 'Asia/Makassar',
      pendingEmail: 'nurul.aini@mataramkota.go.id',
    });
    expect(login.user.roles).toEqual([
      expect.objectContaining({ role: 'learner', agencyId: ids.mataram, unitId: null }),
    ]);
    // The email waits for the ASN's confirmation before it signs anyone in.
    expect(
      (await api.http.post('/api/auth/login').send({ username: 'nurul.aini@mataramkota.go.id', password: PASSWORD }))
        .status,
    ).toBe(401);
    expect((await api.http.post('/api/me/email/confirm').set(bearer(login))).status).toBe(204);
    expect((await api.login('nurul.aini@mataramkota.go.id', PASSWORD)).user.userId).toBe(userId);
    const wrong = await api.http.post('/api/auth/login').send({ username: NIP, password: DEMO.password });
    expect(wrong.status).toBe(401);
  });

  it('a double-submitted "create account" makes one account and answers both without an error', async () => {
    const teacher = await idOf(api.db, `SELECT id FROM employee WHERE nip = '198811302014021005'`);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => api.http.put(`/api/employees/${teacher}/account`).set(admin).send({})),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((r) => r.body.created === true)).toHaveLength(1);
    expect(new Set(answers.map((r) => r.body.userId)).size).toBe(1);
    const accounts: Array<{ id: string }> = await api.db.query(`SELECT id FROM user_account WHERE employee_id = $1`, [
      teacher,
    ]);
    expect(accounts).toHaveLength(1);
    expect(await api.db.query(`SELECT role FROM role_assignment WHERE user_id = $1`, [accounts[0].id])).toEqual([
      { role: 'learner' },
    ]);
    await completeSetup(api, answers.find((r) => r.body.created)?.body.setupLink.token, 'GuruHebat2026');
    expect((await api.login('198811302014021005', 'GuruHebat2026')).user.employee?.id).toBe(teacher);
  });

  it('a reset stops the old password and answers a new setup link; the ASN sets the new password themself', async () => {
    const res = await api.http.post(`/api/employees/${id}/account/reset`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId, setupLink: { token: expect.any(String) } });
    expect((await api.http.post('/api/auth/login').send({ username: NIP, password: PASSWORD })).status).toBe(401);
    await completeSetup(api, res.body.setupLink.token, 'SehatSelalu2027');
    expect((await api.login(NIP, 'SehatSelalu2027')).user.userId).toBe(userId);
  });

  it('granting a role twice makes one assignment; it shows in the token after signing in again', async () => {
    const body = { role: 'hr_officer', agencyId: ids.mataram, unitId: ids.rsud };
    const first = await api.http.post(`/api/employees/${id}/roles`).set(admin).send(body);
    const second = await api.http.post(`/api/employees/${id}/roles`).set(admin).send(body);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body).toMatchObject({
      role: 'hr_officer',
      agencyId: ids.mataram,
      unitId: ids.rsud,
      unitName: 'Rumah Sakit Umum Daerah',
    });
    expect(second.body.id).toBe(first.body.id);
    expect(
      await api.db.query(`SELECT id FROM role_assignment WHERE user_id = $1 AND role = 'hr_officer'`, [userId]),
    ).toEqual([{ id: first.body.id }]);
    const roles = await api.http.get(`/api/employees/${id}/roles`).set(admin);
    expect((roles.body as RoleAssignment[]).map((r) => r.role).sort()).toEqual(['hr_officer', 'learner']);

    const login = await api.login(NIP, 'SehatSelalu2027');
    expect(claimsOf(login.accessToken).roles).toContainEqual(['hr_officer', ids.mataram, ids.rsud]);
    const me = await api.http.get('/api/me').set(bearer(login));
    expect((me.body as Me).roles).toContainEqual(
      expect.objectContaining({ id: first.body.id, role: 'hr_officer', unitId: ids.rsud }),
    );
    // The role works: the new HR officer sees the RSUD staff, not the rest of DINKES.
    const list = await api.http.get('/api/employees?pageSize=100').set(bearer(login));
    expect(list.body.items.length).toBeGreaterThan(1);
    expect((list.body.items as Employee[]).every((e) => e.unitId === ids.rsud)).toBe(true);
  });

  it('revoking twice answers 204 both times; the role is gone after signing in again', async () => {
    const [ra] = await api.db.query(`SELECT id FROM role_assignment WHERE user_id = $1 AND role = 'hr_officer'`, [
      userId,
    ]);
    expect((await api.http.delete(`/api/role-assignments/${ra.id}`).set(admin)).status).toBe(204);
    expect((await api.http.delete(`/api/role-assignments/${ra.id}`).set(admin)).status).toBe(204);
    expect(await api.db.query(`SELECT 1 FROM role_assignment WHERE id = $1`, [ra.id])).toHaveLength(0);
    const login = await api.login(NIP, 'SehatSelalu2027');
    expect(claimsOf(login.accessToken).roles.map((r) => r[0])).toEqual(['learner']);
    expect(login.user.roles.map((r) => r.role)).toEqual(['learner']);
    const audit = await api.http.get(`/api/audit-logs?entityId=${ra.id}`).set(admin);
    expect((audit.body.items as Array<{ action: string }>).map((e) => e.action).sort()).toEqual([
      'role.grant',
      'role.revoke',
    ]);
  });

  it('the record, the account and the roles were audited with their actor, and no password reached the log', async () => {
    const adminUser = await idOf(api.db, `SELECT id FROM user_account WHERE email = $1`, [DEMO.agencyAdmin]);
    const employee = await api.http.get(`/api/audit-logs?entityId=${id}&pageSize=100`).set(admin);
    expect(employee.body.items).toContainEqual(
      expect.objectContaining({
        action: 'employee.create',
        actorUserId: adminUser,
        actorName: 'Iwan Setiawan, S.Sos., M.A.P.',
        agencyId: ids.mataram,
        before: null,
        after: expect.objectContaining({ nip: NIP, fullName: 'Baiq Nurul Aini', unitId: ids.dinkes }),
      }),
    );
    const account = await api.http.get(`/api/audit-logs?entityId=${userId}&pageSize=100`).set(admin);
    expect(
      (account.body.items as Array<{ action: string; actorUserId: string }>).map((e) => [e.action, e.actorUserId]),
    ).toEqual([
      ['user.setup_link_used', userId],
      ['user.password_reset', adminUser],
      ['user.email_confirmed', userId],
      ['user.setup_link_used', userId],
      ['user.create', adminUser],
    ]);
    expect(JSON.stringify(account.body)).not.toMatch(/SehatSelalu|argon2|passwordHash/);
  });

  it('a role for a unit of another agency, or for an ASN without an account, is a 400 ROLE.INVALID_SCOPE', async () => {
    const bimaUnit = await idOf(api.db, `SELECT id FROM work_unit WHERE agency_id = $1 AND code = 'DINKES'`, [
      ids.bima,
    ]);
    const wrongUnit = await api.http
      .post(`/api/employees/${id}/roles`)
      .set(platform)
      .send({ role: 'hr_officer', agencyId: ids.mataram, unitId: bimaUnit });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.code).toBe('ROLE.INVALID_SCOPE');
    const pppkId = await idOf(api.db, `SELECT id FROM employee WHERE nip = '199307212023131004'`);
    const noAccount = await api.http
      .post(`/api/employees/${pppkId}/roles`)
      .set(admin)
      .send({ role: 'learner', agencyId: ids.mataram });
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.code).toBe('ROLE.INVALID_SCOPE');
  });
});
