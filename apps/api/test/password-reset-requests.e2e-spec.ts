import { ErrorCode, type Page, type PasswordResetRequest, type ResetAccountResponse } from '@kompeten/shared-contracts';
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 15, "Lupa kata sandi" without email (decision 0024): the ASN asks by NIP or email from the login page and gets
 * the same answer whether or not an account matched; the HR officers who manage them see the request and answer it
 * with the one-time setup link; nobody else sees or answers it (404), and asking never locks the real owner out.
 */
let api: TestApi;
type Headers = { Authorization: string };
const as = {} as Record<'hr' | 'otherHr' | 'supervisor' | 'learner' | 'agencyAdmin', Headers>;
let learnerEmployee = '';
let learnerUser = '';

const ask = (identifier: unknown) => api.http.post('/api/auth/password-reset-requests').send({ identifier });
const pending = async (h: Headers) =>
  (await api.http.get('/api/password-reset-requests').set(h)).body as Page<PasswordResetRequest>;
const pendingRows = async () =>
  (
    await api.db.query(
      `SELECT count(*)::int AS n FROM account_reset_request WHERE user_id = $1 AND status = 'pending'`,
      [learnerUser],
    )
  )[0].n as number;

beforeAll(async () => {
  api = await bootApi();
  learnerEmployee = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
  learnerUser = await idOf(api.db, `SELECT id FROM user_account WHERE employee_id = $1`, [learnerEmployee]);
  // An HR officer of another agency (Kendal, WIB): the Kendal learner is given the role for the whole agency.
  const [kendal] = await api.db.query(
    `SELECT ua.id AS user_id, e.agency_id FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE e.nip = $1`,
    [DEMO.kendalLearner],
  );
  await api.db.query(`INSERT INTO role_assignment (user_id, role, agency_id) VALUES ($1, 'hr_officer', $2)`, [
    kendal.user_id,
    kendal.agency_id,
  ]);
  as.hr = await api.auth(DEMO.hrOfficer);
  as.otherHr = await api.auth(DEMO.kendalLearner);
  as.supervisor = await api.auth(DEMO.supervisor);
  as.learner = await api.auth(DEMO.learner);
  as.agencyAdmin = await api.auth(DEMO.agencyAdmin);
});

afterAll(() => api?.close());

describe('forgot password without email', () => {
  it('answers the same whether or not an account matches, records one pending request, and locks nobody out', async () => {
    const known = await ask('1986 0926 2015 05 1001');
    const unknownNip = await ask('199912312020121999');
    const unknownEmail = await ask('tidak.ada@contoh.go.id');
    for (const res of [known, unknownNip, unknownEmail]) expect(res.status).toBe(202);
    expect(unknownNip.body).toEqual(known.body);
    expect(unknownEmail.body).toEqual(known.body);
    expect(Object.keys(known.body)).toEqual(['message']);
    expect(known.body.message).toMatch(/Pengelola kepegawaian instansi Anda/);
    expect(await pendingRows()).toBe(1);
    // A repeat (also by email) changes nothing and answers the same.
    const email = (await api.db.query(`SELECT email FROM user_account WHERE id = $1`, [learnerUser]))[0].email as
      string | null;
    const again = await ask(email ?? DEMO.learner);
    expect({ status: again.status, body: again.body }).toEqual({ status: 202, body: known.body });
    expect(await pendingRows()).toBe(1);
    // Asking is not a reset: the owner still signs in with their password.
    expect(
      (await api.http.post('/api/auth/login').send({ username: DEMO.learner, password: DEMO.password })).status,
    ).toBe(200);
  });

  it('refuses an empty or non-text identifier with a clear 400', async () => {
    for (const bad of ['', 'ab', 42, 'x'.repeat(300)]) {
      const res = await ask(bad);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: ErrorCode.VALIDATION_FAILED });
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('shows the request only to those who manage the ASN; others get 404 when they try to answer it', async () => {
    const mine = await pending(as.hr);
    const request = mine.items.find((r) => r.nip === DEMO.learner);
    expect(request).toMatchObject({ employeeId: learnerEmployee, unitName: 'Dinas Kesehatan' });
    expect(mine).toMatchObject({ page: 1 });
    expect((await pending(as.agencyAdmin)).items.map((r) => r.id)).toContain(request?.id);
    for (const outsider of [as.otherHr, as.supervisor, as.learner]) {
      expect((await pending(outsider)).items.map((r) => r.id)).not.toContain(request?.id);
      const res = await api.http.post(`/api/password-reset-requests/${request?.id}/setup-link`).set(outsider);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: ErrorCode.ACCOUNT_RESET_REQUEST_NOT_FOUND,
      });
    }
    expect(await pendingRows()).toBe(1);
    // A malformed id is answered as an unknown one, like every id in a path.
    expect((await api.http.post(`/api/password-reset-requests/not-a-uuid/setup-link`).set(as.hr)).status).toBe(404);
  });

  it('the HR officer answers with a one-time setup link that works; the request is resolved and cannot be answered twice', async () => {
    const request = (await pending(as.hr)).items.find((r) => r.nip === DEMO.learner) as PasswordResetRequest;
    const res = await api.http.post(`/api/password-reset-requests/${request.id}/setup-link`).set(as.hr);
    expect(res.status).toBe(200);
    const { setupLink } = res.body as ResetAccountResponse;
    expect(setupLink.url).toContain('/atur-kata-sandi/');
    const lookup = await api.http.post('/api/auth/setup-link/lookup').send({ token: setupLink.token });
    expect(lookup.body).toMatchObject({ purpose: 'reset' });
    expect(await pendingRows()).toBe(0);
    expect((await pending(as.hr)).items.map((r) => r.id)).not.toContain(request.id);
    const twice = await api.http.post(`/api/password-reset-requests/${request.id}/setup-link`).set(as.hr);
    expect(twice.status).toBe(404);
    const complete = await api.http
      .post('/api/auth/setup-link/complete')
      .send({ token: setupLink.token, password: 'Pelayanan#Prima2026' });
    expect(complete.status).toBe(204);
    expect(
      (await api.http.post('/api/auth/login').send({ username: DEMO.learner, password: 'Pelayanan#Prima2026' })).status,
    ).toBe(200);
  });

  it('a reset from the employee page answers a pending request too', async () => {
    expect((await ask(DEMO.learner)).status).toBe(202);
    expect(await pendingRows()).toBe(1);
    expect((await api.http.post(`/api/employees/${learnerEmployee}/account/reset`).set(as.hr)).status).toBe(200);
    expect(await pendingRows()).toBe(0);
  });
});
