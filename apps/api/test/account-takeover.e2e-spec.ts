import { ErrorCode, type AccountEvent, type LoginResponse, type Me, type Page } from '@kompeten/shared-contracts';
import { buildNip, displayName } from '@kompeten/shared-util';
import { completeSetup, idOf, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 12, "Accounts": no account takeover through a reset or an email change, setup links instead of admin-chosen
 * passwords, supervisors that are not self-appointed, approvals only by a real supervisor. Each attack is tried for real
 * against the running API; the victim can still sign in with their own password afterwards.
 */
type Headers = { Authorization: string };

let api: TestApi;
const ids = {} as Record<
  | 'mataram'
  | 'ntb'
  | 'nat'
  | 'dinkes'
  | 'disdik'
  | 'learner'
  | 'supervisor'
  | 'hrOfficer'
  | 'agencyAdmin'
  | 'widyaiswara'
  | 'hrUser'
  | 'learnerUser',
  string
>;
const as = {} as Record<'platform' | 'province' | 'agencyAdmin' | 'hr', Headers>;

const bearer = (login: LoginResponse): Headers => ({ Authorization: `Bearer ${login.accessToken}` });
const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string) =>
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
const canSignIn = async (username: string, password: string = DEMO.password) =>
  (await api.http.post('/api/auth/login').send({ username, password })).status;
const refresh = (refreshToken: string) => api.http.post('/api/auth/refresh').send({ refreshToken });
/**
 * A fresh plain learner in DINKES with an account and the demo password (stored directly, like the demo seed),
 * supervised by the head of DINKES: one per call, so tests never share a victim.
 */
let serial = 0;
async function plainDinkesAsn(): Promise<{ id: string; nip: string }> {
  serial += 1;
  const nip = buildNip({ y: 1990, m: 3, d: 10 }, { y: 2016, m: 4 }, 'P', serial);
  const [e] = await api.db.query(
    `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, birth_date, gender, supervisor_id)
     VALUES ($1, $2, $3, 'PNS', $4, '1990-03-10', 'P', $5) RETURNING id`,
    [nip, ids.mataram, ids.dinkes, `Sri Wahyuningsih ${serial}`, ids.supervisor],
  );
  const [u] = await api.db.query(
    `INSERT INTO user_account (employee_id, password_hash, password_changed_at) SELECT $1, password_hash, now() FROM user_account WHERE email = $2 RETURNING id`,
    [e.id, DEMO.hrOfficer],
  );
  await api.db.query(`INSERT INTO role_assignment (user_id, role, agency_id) VALUES ($1, 'learner', $2)`, [
    u.id,
    ids.mataram,
  ]);
  return { id: e.id, nip };
}

beforeAll(async () => {
  api = await bootApi();
  const emp = (nip: string) => idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [nip]);
  Object.assign(ids, {
    mataram: await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`),
    ntb: await idOf(api.db, `SELECT id FROM agency WHERE code = 'prov-ntb'`),
    nat: await idOf(api.db, `SELECT r.agency_id AS id FROM role_assignment r WHERE r.role = 'platform_admin' LIMIT 1`),
    dinkes: await idOf(
      api.db,
      `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'kota-mataram' AND u.code = 'DINKES'`,
    ),
    disdik: await idOf(
      api.db,
      `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'kota-mataram' AND u.code = 'DISDIK'`,
    ),
    learner: await emp(DEMO.learner),
    supervisor: await emp(DEMO.supervisor),
    widyaiswara: await emp(DEMO.widyaiswara),
    hrOfficer: await idOf(api.db, `SELECT employee_id AS id FROM user_account WHERE email = $1`, [DEMO.hrOfficer]),
    hrUser: await idOf(api.db, `SELECT id FROM user_account WHERE email = $1`, [DEMO.hrOfficer]),
    agencyAdmin: await idOf(api.db, `SELECT employee_id AS id FROM user_account WHERE email = $1`, [DEMO.agencyAdmin]),
    learnerUser: await idOf(
      api.db,
      `SELECT ua.id FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE e.nip = $1`,
      [DEMO.learner],
    ),
  });
  as.platform = await api.auth(DEMO.platformAdmin);
  as.province = await api.auth(DEMO.provinceAdmin);
  as.agencyAdmin = await api.auth(DEMO.agencyAdmin);
  as.hr = await api.auth(DEMO.hrOfficer);
});

afterAll(() => api?.close());

describe('no takeover through a reset or an email change', () => {
  it('an HR officer cannot reset, re-address or deactivate a supervisor, a peer HR officer or an admin; the victim still signs in', async () => {
    // The supervisor of DINKES: the HR officer of DINKES can read the record but not take over the account.
    for (const res of [
      await api.http.post(`/api/employees/${ids.supervisor}/account/reset`).set(as.hr),
      await api.http.put(`/api/employees/${ids.supervisor}/account`).set(as.hr).send({ email: 'penyerang@contoh.id' }),
      await api.http.patch(`/api/employees/${ids.supervisor}`).set(as.hr).send({ active: false }),
    ]) {
      expectError(res, 403, ErrorCode.ACCOUNT_RANK_FORBIDDEN);
    }
    expect(await canSignIn(DEMO.supervisor)).toBe(200);
    expect(
      (
        await api.db.query(
          `SELECT pending_email FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE e.id = $1`,
          [ids.supervisor],
        )
      )[0].pending_email,
    ).toBeNull();
    expect((await api.db.query(`SELECT active FROM employee WHERE id = $1`, [ids.supervisor]))[0].active).toBe(true);
    // The agency admin works in BKPSDM, outside the HR officer's unit: it is not even visible.
    expectError(
      await api.http.post(`/api/employees/${ids.agencyAdmin}/account/reset`).set(as.hr),
      404,
      ErrorCode.EMPLOYEE_NOT_FOUND,
    );
    // Its own account: never through the admin endpoint.
    expectError(
      await api.http.post(`/api/employees/${ids.hrOfficer}/account/reset`).set(as.hr),
      403,
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
    );
    expect(await canSignIn(DEMO.agencyAdmin)).toBe(200);
    expect(await canSignIn(DEMO.hrOfficer)).toBe(200);
  });

  it('an agency admin cannot take over a province admin (or a peer agency admin) whose ASN record it manages', async () => {
    const victim = await plainDinkesAsn();
    await api.http
      .post(`/api/employees/${victim.id}/roles`)
      .set(as.platform)
      .send({ role: 'province_admin', agencyId: ids.ntb })
      .expect(200);
    expectError(
      await api.http.post(`/api/employees/${victim.id}/account/reset`).set(as.agencyAdmin),
      403,
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
    );
    expectError(
      await api.http
        .put(`/api/employees/${victim.id}/account`)
        .set(as.agencyAdmin)
        .send({ email: 'penyerang@contoh.id' }),
      403,
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
    );
    expectError(
      await api.http.patch(`/api/employees/${victim.id}`).set(as.agencyAdmin).send({ active: false }),
      403,
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
    );
    expect(await canSignIn(victim.nip)).toBe(200);

    const peer = await plainDinkesAsn();
    await api.http
      .post(`/api/employees/${peer.id}/roles`)
      .set(as.platform)
      .send({ role: 'agency_admin', agencyId: ids.mataram })
      .expect(200);
    expectError(
      await api.http.post(`/api/employees/${peer.id}/account/reset`).set(as.agencyAdmin),
      403,
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
    );
    expect(await canSignIn(peer.nip)).toBe(200);
    // Nor strip the peer's administration.
    const [peerRole] = await api.db.query(
      `SELECT r.id FROM role_assignment r JOIN user_account ua ON ua.id = r.user_id WHERE ua.employee_id = $1 AND r.role = 'agency_admin'`,
      [peer.id],
    );
    expectError(
      await api.http.delete(`/api/role-assignments/${peerRole.id}`).set(as.agencyAdmin),
      403,
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
    );
    expect(await api.db.query(`SELECT 1 FROM role_assignment WHERE id = $1`, [peerRole.id])).toHaveLength(1);
    // The province admin above both may.
    expect((await api.http.post(`/api/employees/${peer.id}/account/reset`).set(as.province)).status).toBe(200);
  });

  it('an admin below the platform cannot take over a platform admin; the platform admin can', async () => {
    const victim = await plainDinkesAsn();
    await api.http
      .post(`/api/employees/${victim.id}/roles`)
      .set(as.platform)
      .send({ role: 'platform_admin', agencyId: ids.nat })
      .expect(200);
    for (const who of [as.agencyAdmin, as.province]) {
      expectError(
        await api.http.post(`/api/employees/${victim.id}/account/reset`).set(who),
        403,
        ErrorCode.ACCOUNT_RANK_FORBIDDEN,
      );
    }
    expect(await canSignIn(victim.nip)).toBe(200);
    expect((await api.http.post(`/api/employees/${victim.id}/account/reset`).set(as.platform)).status).toBe(200);
  });

  it('an agency admin cannot raise its own roles', async () => {
    const res = await api.http
      .post(`/api/employees/${ids.agencyAdmin}/roles`)
      .set(as.agencyAdmin)
      .send({ role: 'supervisor', agencyId: ids.mataram, unitId: ids.dinkes });
    expectError(res, 403, ErrorCode.AUTH_FORBIDDEN);
  });
});

describe('setup links: admins never choose or learn a password', () => {
  it('an allowed reset stops the old password, ends the sessions, and gives a link that works once; the admin never sees a password', async () => {
    const before = await api.login(DEMO.learner);
    const reset = await api.http.post(`/api/employees/${ids.learner}/account/reset`).set(as.hr);
    expect(reset.status).toBe(200);
    expect(Object.keys(reset.body.setupLink).sort()).toEqual(['expiresAt', 'token', 'url']);
    expect(reset.body.setupLink.url).toBe(`${api.config.publicUrl}/atur-kata-sandi/${reset.body.setupLink.token}`);
    const hours = (Date.parse(reset.body.setupLink.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Only the hash is stored.
    expect(
      await api.db.query(`SELECT 1 FROM account_setup_link WHERE token_hash = $1`, [reset.body.setupLink.token]),
    ).toHaveLength(0);
    expect(await canSignIn(DEMO.learner)).toBe(401);
    expectError(await refresh(before.refreshToken as string), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);

    const token = reset.body.setupLink.token as string;
    const info = await api.http.post('/api/auth/setup-link/lookup').send({ token });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      fullName: 'Lalu Muhammad Hasan',
      nipMasked: '198609******051001',
      purpose: 'reset',
      expiresAt: reset.body.setupLink.expiresAt,
    });

    // Context words (the name, "kompeten") and common passwords are refused, and do not use the link up.
    for (const password of ['LaluHasan2026!', 'Kompeten#2026', 'Password123!']) {
      expectError(
        await api.http.post('/api/auth/setup-link/complete').send({ token, password }),
        400,
        ErrorCode.AUTH_WEAK_PASSWORD,
      );
    }
    await completeSetup(api, token, 'Perahu-Layar-7-Senggigi');
    expect(await canSignIn(DEMO.learner, 'Perahu-Layar-7-Senggigi')).toBe(200);
    expectError(
      await api.http.post('/api/auth/setup-link/complete').send({ token, password: 'Perahu-Layar-8-Senggigi' }),
      410,
      ErrorCode.ACCOUNT_SETUP_LINK_GONE,
    );
    expectError(
      await api.http.post('/api/auth/setup-link/lookup').send({ token }),
      410,
      ErrorCode.ACCOUNT_SETUP_LINK_GONE,
    );
    expect(await canSignIn(DEMO.learner, 'Perahu-Layar-8-Senggigi')).toBe(401);

    // Put the demo password back for the other tests (directly: it is a stored demo hash, not a new password).
    await api.db.query(
      `UPDATE user_account SET password_hash = (SELECT password_hash FROM user_account WHERE email = $1) WHERE id = $2`,
      [DEMO.hrOfficer, ids.learnerUser],
    );
  });

  it('an unknown token is a 404; an expired one, or one replaced by a newer link, is a 410', async () => {
    expectError(
      await api.http.post('/api/auth/setup-link/lookup').send({ token: 'tidak-ada-tautan-seperti-ini' }),
      404,
      ErrorCode.ACCOUNT_SETUP_LINK_NOT_FOUND,
    );
    const victim = await plainDinkesAsn();
    const first = (await api.http.post(`/api/employees/${victim.id}/account/reset`).set(as.hr)).body.setupLink
      .token as string;
    const second = (await api.http.post(`/api/employees/${victim.id}/account/reset`).set(as.hr)).body.setupLink
      .token as string;
    expectError(
      await api.http.post('/api/auth/setup-link/complete').send({ token: first, password: 'Perahu-Layar-7-Senggigi' }),
      410,
      ErrorCode.ACCOUNT_SETUP_LINK_GONE,
    );
    await api.db.query(
      `UPDATE account_setup_link SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND voided_at IS NULL AND user_id = (SELECT id FROM user_account WHERE employee_id = $1)`,
      [victim.id],
    );
    expectError(
      await api.http.post('/api/auth/setup-link/lookup').send({ token: second }),
      410,
      ErrorCode.ACCOUNT_SETUP_LINK_GONE,
    );
    expectError(
      await api.http.post('/api/auth/setup-link/complete').send({ token: second, password: 'Perahu-Layar-7-Senggigi' }),
      410,
      ErrorCode.ACCOUNT_SETUP_LINK_GONE,
    );
    expect(await canSignIn(victim.nip, 'Perahu-Layar-7-Senggigi')).toBe(401);
  });

  it('a new account answers a setup link, and nobody can sign in to it before the ASN sets a password', async () => {
    const created = await api.http.post('/api/employees').set(as.hr).send({
      agencyId: ids.mataram,
      unitId: ids.dinkes,
      nip: '199512012020122001',
      employeeType: 'PNS',
      fullName: 'Ni Made Ayu Lestari',
    });
    expect(created.status).toBe(201);
    const res = await api.http.put(`/api/employees/${created.body.id}/account`).set(as.hr).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: true, setupLink: { token: expect.any(String) } });
    expect(await canSignIn('199512012020122001', '')).toBe(400);
    expect(await canSignIn('199512012020122001', 'Apa-Saja-2026-x')).toBe(401);
    expect(
      (await api.http.post('/api/auth/setup-link/lookup').send({ token: res.body.setupLink.token })).body.purpose,
    ).toBe('setup');
  });
});

describe('a changed login email is confirmed before it is used', () => {
  it('stays pending (sign-in keeps the old email) until the user confirms it on their profile', async () => {
    const res = await api.http
      .put(`/api/employees/${ids.learner}/account`)
      .set(as.agencyAdmin)
      .send({ email: 'Hasan.Baru@MataramKota.go.id' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      created: false,
      setupLink: null,
      email: 'hasan@mataramkota.go.id',
      pendingEmail: 'hasan.baru@mataramkota.go.id',
    });
    expect(await canSignIn('hasan.baru@mataramkota.go.id')).toBe(401);
    expect(await canSignIn('hasan@mataramkota.go.id')).toBe(200);

    const me = await api.login(DEMO.learner);
    expect((await api.http.get('/api/me').set(bearer(me))).body as Me).toMatchObject({
      email: 'hasan@mataramkota.go.id',
      pendingEmail: 'hasan.baru@mataramkota.go.id',
    });
    expect((await api.http.post('/api/me/email/confirm').set(bearer(me))).status).toBe(204);
    expect(await canSignIn('hasan.baru@mataramkota.go.id')).toBe(200);
    expect(await canSignIn('hasan@mataramkota.go.id')).toBe(401);
    expectError(await api.http.post('/api/me/email/confirm').set(bearer(me)), 409, ErrorCode.ACCOUNT_NO_PENDING_EMAIL);
  });

  it('a confirmed email of another account is refused (409); pending ones do not block, and the first to confirm wins', async () => {
    expectError(
      await api.http.put(`/api/employees/${ids.learner}/account`).set(as.agencyAdmin).send({ email: DEMO.hrOfficer }),
      409,
      ErrorCode.EMPLOYEE_DUPLICATE_EMAIL,
    );
    const a = await plainDinkesAsn();
    const b = await plainDinkesAsn();
    for (const who of [a, b]) {
      const res = await api.http
        .put(`/api/employees/${who.id}/account`)
        .set(as.hr)
        .send({ email: 'rebutan@mataramkota.go.id' });
      expect([res.status, res.body.pendingEmail]).toEqual([200, 'rebutan@mataramkota.go.id']);
    }
    expect((await api.http.post('/api/me/email/confirm').set(bearer(await api.login(b.nip)))).status).toBe(204);
    expectError(
      await api.http.post('/api/me/email/confirm').set(bearer(await api.login(a.nip))),
      409,
      ErrorCode.EMPLOYEE_DUPLICATE_EMAIL,
    );
    expect((await api.login('rebutan@mataramkota.go.id')).user.employee?.id).toBe(b.id);
    // Declining clears a request.
    const al = await api.login(a.nip);
    expect((await api.http.delete('/api/me/email/pending').set(bearer(al))).status).toBe(204);
    expect(((await api.http.get('/api/me').set(bearer(al))).body as Me).pendingEmail).toBeNull();
  });
});

describe('account events: every reset and email change is visible to its owner', () => {
  it('lists what happened, when and by whom (name, role and agency), newest first, and nothing of anyone else', async () => {
    const me = await api.login(DEMO.learner);
    const res = await api.http.get('/api/me/account-events?pageSize=50').set(bearer(me));
    expect(res.status).toBe(200);
    const page = res.body as Page<AccountEvent>;
    expect(page.items.map((e) => e.kind)).toEqual([
      'email_confirmed',
      'email_change_requested',
      'setup_link_used',
      'setup_link_issued',
      'password_reset',
    ]);
    expect(page.items.find((e) => e.kind === 'password_reset')?.actor).toEqual({
      self: false,
      name: 'Baiq Rina Susanti, S.E.',
      role: 'hr_officer',
      agencyName: 'Pemerintah Kota Mataram',
    });
    expect(page.items.find((e) => e.kind === 'email_change_requested')).toMatchObject({
      actor: {
        self: false,
        name: 'Iwan Setiawan, S.Sos., M.A.P.',
        role: 'agency_admin',
        agencyName: 'Pemerintah Kota Mataram',
      },
      details: { email: 'hasan.baru@mataramkota.go.id' },
    });
    expect(page.items.find((e) => e.kind === 'email_confirmed')?.actor).toMatchObject({ self: true });
    expect(JSON.stringify(page)).not.toMatch(/token|Perahu|argon2/i);
    // The supervisor, whose account was only attacked, sees no event.
    expect((await api.http.get('/api/me/account-events').set(await api.auth(DEMO.supervisor))).body.total).toBe(0);
    expect((await api.http.get('/api/me/account-events')).status).toBe(401);
  });
});

describe('deactivation follows the same rank rule and ends the sessions', () => {
  it('an HR officer deactivates a plain learner of its unit: the refresh token dies; reactivating lets them in again', async () => {
    const victim = await plainDinkesAsn();
    const session = await api.login(victim.nip);
    expect((await api.http.patch(`/api/employees/${victim.id}`).set(as.hr).send({ active: false })).status).toBe(200);
    expectError(await refresh(session.refreshToken as string), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
    expect(await canSignIn(victim.nip)).toBe(403);
    expect((await api.http.patch(`/api/employees/${victim.id}`).set(as.hr).send({ active: true })).status).toBe(200);
    expect(await canSignIn(victim.nip)).toBe(200);
  });
});

describe('supervisors are not self-appointed', () => {
  it('an HR officer cannot make itself an ASN\u2019s supervisor, nor set its own supervisor; the agency admin neither', async () => {
    const victim = await plainDinkesAsn();
    const [before] = await api.db.query(`SELECT supervisor_id FROM employee WHERE id = $1`, [victim.id]);
    expectError(
      await api.http.patch(`/api/employees/${victim.id}`).set(as.hr).send({ supervisorId: ids.hrOfficer }),
      403,
      ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
    );
    expectError(
      await api.http.patch(`/api/employees/${ids.hrOfficer}`).set(as.hr).send({ supervisorId: victim.id }),
      403,
      ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
    );
    expectError(
      await api.http.patch(`/api/employees/${ids.hrOfficer}`).set(as.hr).send({ supervisorId: null }),
      403,
      ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
    );
    expectError(
      await api.http.post('/api/employees').set(as.hr).send({
        agencyId: ids.mataram,
        unitId: ids.dinkes,
        nip: '199601012021012001',
        employeeType: 'PNS',
        fullName: 'Pegawai Titipan',
        supervisorId: ids.hrOfficer,
      }),
      403,
      ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
    );
    expectError(
      await api.http.patch(`/api/employees/${victim.id}`).set(as.agencyAdmin).send({ supervisorId: ids.agencyAdmin }),
      403,
      ErrorCode.EMPLOYEE_SELF_SUPERVISOR,
    );
    const [row] = await api.db.query(`SELECT supervisor_id FROM employee WHERE id = $1`, [victim.id]);
    expect(row.supervisor_id).toBe(before.supervisor_id);
  });

  it('a supervisor the caller cannot read answers 404 like an unknown id, without its name', async () => {
    const victim = await plainDinkesAsn();
    const [teacher] = await api.db.query(
      `SELECT id, full_name, front_title, back_title FROM employee WHERE unit_id = $1 ORDER BY nip LIMIT 1`,
      [ids.disdik],
    );
    // Supervisor names are shown with their titles (issue 13, DOMAIN.md §7).
    const teacherName = displayName(teacher.full_name, teacher.front_title, teacher.back_title);
    const res = await api.http.patch(`/api/employees/${victim.id}`).set(as.hr).send({ supervisorId: teacher.id });
    expectError(res, 404, ErrorCode.EMPLOYEE_NOT_FOUND);
    expect(JSON.stringify(res.body)).not.toContain(teacher.full_name);
    const unknown = await api.http
      .patch(`/api/employees/${victim.id}`)
      .set(as.hr)
      .send({ supervisorId: '5b1f9a8e-3c2d-4e6f-8a7b-9c0d1e2f3a4b' });
    expect({ status: unknown.status, code: unknown.body.code, message: unknown.body.message }).toEqual({
      status: res.status,
      code: res.body.code,
      message: res.body.message,
    });
    // Set by the agency admin, who can read both: the HR officer of DINKES sees the id but not the name.
    const byAdmin = await api.http
      .patch(`/api/employees/${victim.id}`)
      .set(as.agencyAdmin)
      .send({ supervisorId: teacher.id });
    expect([byAdmin.status, byAdmin.body.supervisorName]).toEqual([200, teacherName]);
    expect((await api.http.get(`/api/employees/${victim.id}`).set(as.hr)).body).toMatchObject({
      supervisorId: teacher.id,
      supervisorName: null,
    });
    const list = await api.http.get(`/api/employees?q=${victim.nip}`).set(as.hr);
    expect(list.body.items).toEqual([expect.objectContaining({ id: victim.id, supervisorName: null })]);
    expect(JSON.stringify(list.body)).not.toContain(teacher.full_name);
    // The ASN themself still sees who their supervisor is.
    expect(
      ((await api.http.get('/api/me').set(bearer(await api.login(victim.nip)))).body as Me).employee?.supervisorName,
    ).toBe(teacherName);
  });

  it('approving needs the supervisor role where the learner works, not just the name on the record', async () => {
    const learner = await plainDinkesAsn();
    // The agency admin names the HR officer (no supervisor role) as the learner's supervisor.
    expect(
      (await api.http.patch(`/api/employees/${learner.id}`).set(as.agencyAdmin).send({ supervisorId: ids.hrOfficer }))
        .status,
    ).toBe(200);
    const c = await seedPublishedCourse(api.db, { enrolmentMode: 'approval' });
    const e = await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(bearer(await api.login(learner.nip)));
    expect(e.body.status).toBe('pending_approval');
    expectError(
      await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(as.hr),
      404,
      ErrorCode.ENROLMENT_NOT_FOUND,
    );
    expect((await api.db.query(`SELECT status FROM enrolment WHERE id = $1`, [e.body.id]))[0].status).toBe(
      'pending_approval',
    );
    // Nor is it listed among their approvals.
    const listed = await api.http.get('/api/approvals').query({ pageSize: 100 }).set(as.hr);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(e.body.id);
    // With the supervisor role for another unit it is still refused; for the learner's unit it works.
    const grant = await api.http
      .post(`/api/employees/${ids.hrOfficer}/roles`)
      .set(as.agencyAdmin)
      .send({ role: 'supervisor', agencyId: ids.mataram, unitId: ids.disdik });
    expect(grant.status).toBe(200);
    const hrAgain = bearer(await api.login(DEMO.hrOfficer));
    expectError(
      await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(hrAgain),
      404,
      ErrorCode.ENROLMENT_NOT_FOUND,
    );
    await api.http
      .post(`/api/employees/${ids.hrOfficer}/roles`)
      .set(as.agencyAdmin)
      .send({ role: 'supervisor', agencyId: ids.mataram, unitId: ids.dinkes })
      .expect(200);
    const asSupervisor = bearer(await api.login(DEMO.hrOfficer));
    const listedNow = await api.http.get('/api/approvals').query({ pageSize: 100 }).set(asSupervisor);
    expect(listedNow.body.items.map((i: { id: string }) => i.id)).toContain(e.body.id);
    const ok = await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(asSupervisor);
    expect([ok.status, ok.body.status]).toEqual([200, 'active']);
  });
});

describe('passwords: the deny-list applies to a changed password too', () => {
  it('refuses the user\u2019s own name, NIP or agency, and common passwords', async () => {
    const victim = await plainDinkesAsn();
    const [row] = await api.db.query(`SELECT full_name FROM employee WHERE id = $1`, [victim.id]);
    const auth = bearer(await api.login(victim.nip));
    const change = (newPassword: string) =>
      api.http.post('/api/auth/change-password').set(auth).send({ currentPassword: DEMO.password, newPassword });
    const firstName = (row.full_name as string).split(' ').find((w) => w.length >= 4) as string;
    for (const pw of [`${firstName}2026!x`, `x${victim.nip}`, 'Mataram-2026-ok', 'Bismillah123', 'Password123!']) {
      expectError(await change(pw), 400, ErrorCode.AUTH_WEAK_PASSWORD);
    }
    expect((await change('Perahu-Layar-7-Senggigi')).status).toBe(204);
    const events = await api.http
      .get('/api/me/account-events')
      .set(bearer(await api.login(victim.nip, 'Perahu-Layar-7-Senggigi')));
    expect(events.body.items[0]).toMatchObject({ kind: 'password_changed', actor: { self: true } });
  });
});
