import { randomBytes, randomUUID } from 'node:crypto';
import type { Page, SiasnCredentialsView, SiasnPushItem } from '@kompeten/shared-contracts';
import { createPerson, idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

type Headers = { Authorization: string };

/**
 * The SIASN admin API over HTTP (issue 17): every agency id and push id in the path is checked against the caller's
 * scope. A regency's admin cannot see, resend or configure another regency's pushes (404 when it cannot see the
 * agency at all, 403 when it can see but not administer it), and secrets never come back.
 */
describe('SIASN admin API (scope, secrets, resend)', () => {
  let api: TestApi;
  let mataram: string;
  let bima: string;
  let mataramAdmin: Headers;
  let bimaAdmin: Headers;
  let hrOfficer: Headers;
  let platform: Headers;
  let pushId: string;

  beforeAll(async () => {
    api = await bootApi({ config: { SIASN_CREDENTIALS_KEY: randomBytes(32).toString('base64') } });
    mataram = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
    bima = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-bima'`);
    await createPerson(api.db, {
      agencyId: bima,
      employee: false,
      email: 'bkpsdm@kotabima.go.id',
      roles: ['agency_admin'],
    });
    await api.db.query(
      `UPDATE user_account SET password_hash = (SELECT password_hash FROM user_account WHERE email = $1) WHERE email = $2`,
      [DEMO.agencyAdmin, 'bkpsdm@kotabima.go.id'],
    );
    mataramAdmin = await api.auth(DEMO.agencyAdmin);
    bimaAdmin = await api.auth('bkpsdm@kotabima.go.id');
    hrOfficer = await api.auth(DEMO.hrOfficer);
    platform = await api.auth(DEMO.platformAdmin);
    // A parked push of a Mataram ASN (SIASN refused it), as the worker leaves one.
    const [employee] = await api.db.query(`SELECT id, nip FROM employee WHERE nip = $1`, [DEMO.learner]);
    const [row] = await api.db.query(
      `INSERT INTO siasn_push (source_type, source_id, employee_id, agency_id, nip, instansi_id, completion, status,
         last_error, person_name)
       VALUES ('course_completion', $1, $2, $3, $4, '', $5, 'parked', 'NIP tidak ditemukan di SIASN', 'Hasan Basri')
       RETURNING id`,
      [
        randomUUID(),
        employee.id,
        mataram,
        employee.nip,
        JSON.stringify({
          title: 'Pelayanan Publik Prima',
          organiser: 'BPSDM Provinsi NTB',
          jp: 20,
          jenisDiklatId: 16,
          startDate: '2026-12-01',
          endDate: '2026-12-04',
          certificateNumber: '800/0001/BPSDM/XII/2026',
        }),
      ],
    );
    pushId = row.id;
  });
  afterAll(() => api?.close());

  it('lists the agency’s pushes for its admin, with the last error in words', async () => {
    const res = await api.http.get(`/api/siasn/agencies/${mataram}/pushes?status=parked`).set(mataramAdmin);
    expect(res.status).toBe(200);
    const page = res.body as Page<SiasnPushItem>;
    expect(page.items).toEqual([
      expect.objectContaining({ id: pushId, status: 'parked', lastError: 'NIP tidak ditemukan di SIASN' }),
    ]);
    const summary = await api.http.get(`/api/siasn/agencies/${mataram}/summary`).set(mataramAdmin);
    expect(summary.body.counts).toMatchObject({ parked: 1 });
  });

  it('another regency’s admin gets 404 for the agency and for its push; an HR officer 403', async () => {
    for (const [method, path] of [
      ['get', `/api/siasn/agencies/${mataram}/pushes`],
      ['get', `/api/siasn/agencies/${mataram}/summary`],
      ['get', `/api/siasn/agencies/${mataram}/credentials`],
      ['get', `/api/siasn/agencies/${mataram}/reconciliation`],
      ['post', `/api/siasn/agencies/${mataram}/pushes/${pushId}/resend`],
      ['post', `/api/siasn/agencies/${mataram}/pushes/resend`],
      ['post', `/api/siasn/agencies/${mataram}/reconciliation`],
      ['post', `/api/siasn/agencies/${mataram}/credentials/test`],
    ] as const) {
      const res = await api.http[method](path).set(bimaAdmin);
      expect([path, res.status]).toEqual([path, 404]);
    }
    // Its own agency in the path, another agency's push in it: not found either.
    const cross = await api.http.post(`/api/siasn/agencies/${bima}/pushes/${pushId}/resend`).set(bimaAdmin);
    expect(cross.status).toBe(404);
    expect(cross.body.code).toBe('SIASN.PUSH_NOT_FOUND');
    const hr = await api.http.get(`/api/siasn/agencies/${mataram}/pushes`).set(hrOfficer);
    expect(hr.status).toBe(403);
    expect((await api.http.get(`/api/siasn/agencies/not-a-uuid/pushes`).set(mataramAdmin)).status).toBe(404);
    expect((await api.http.get(`/api/siasn/agencies/${mataram}/pushes?status=lost`).set(mataramAdmin)).status).toBe(
      400,
    );
  });

  it('stores credentials without ever returning a secret, and refuses a base URL that is not SIASN’s', async () => {
    const body = {
      baseUrl: 'http://127.0.0.1:9/apisiasn/1.0',
      apimTokenUrl: 'http://127.0.0.1:9/oauth2/token',
      ssoTokenUrl: 'http://127.0.0.1:9/auth/realms/public-siasn/protocol/openid-connect/token',
      ssoClientId: 'bkpsdm-mataram',
      ssoUsername: 'operator',
      apimKey: 'kunci-rahasia-apim',
      apimSecret: 'rahasia-apim-123',
      ssoPassword: 'sandi-sso-456',
    };
    const bad = await api.http
      .put(`/api/siasn/agencies/${mataram}/credentials`)
      .set(mataramAdmin)
      .send({ ...body, baseUrl: 'http://127.0.0.1:9/api' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('SIASN.INVALID_CREDENTIALS');
    const put = await api.http.put(`/api/siasn/agencies/${mataram}/credentials`).set(platform).send(body);
    expect(put.status).toBe(200);
    const view = put.body as SiasnCredentialsView;
    expect(view).toMatchObject({ source: 'agency', stored: { apimSecretSet: true, ssoPasswordSet: true } });
    const got = await api.http.get(`/api/siasn/agencies/${mataram}/credentials`).set(mataramAdmin);
    for (const secret of [body.apimKey, body.apimSecret, body.ssoPassword]) {
      expect(JSON.stringify(got.body)).not.toContain(secret);
      expect(JSON.stringify(await api.db.query(`SELECT * FROM siasn_credential`))).not.toContain(secret);
    }
    // The change is in the audit log, without a secret.
    const audit = await api.db.query(`SELECT action, after FROM audit_log WHERE entity_type = 'siasn_credential'`);
    expect(audit).toEqual([expect.objectContaining({ action: 'siasn_credential.update' })]);
    expect(audit[0].after).toMatchObject({ ssoUsername: 'operator', apimSecretSet: true });
    for (const secret of [body.apimKey, body.apimSecret, body.ssoPassword])
      expect(JSON.stringify(audit)).not.toContain(secret);
    // Nothing listens there: the test says so in words, it does not fail with a 500.
    const test = await api.http.post(`/api/siasn/agencies/${mataram}/credentials/test`).set(mataramAdmin);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: false, gatewayToken: false, ssoToken: false });
    expect(test.body.message).toMatch(/Token gateway \(APIM\) gagal/);
  });

  it('resends a parked push once; a second resend answers 409', async () => {
    const res = await api.http.post(`/api/siasn/agencies/${mataram}/pushes/${pushId}/resend`).set(mataramAdmin);
    expect(res.status).toBe(200);
    expect(res.body.requeued).toBe(true);
    const [row] = await api.db.query(`SELECT status FROM siasn_push WHERE id = $1`, [pushId]);
    // SIASN is not reachable from this test (the credentials point nowhere): parked again with the reason, or waiting.
    expect(['parked', 'failed', 'pending']).toContain(row.status);
    await api.db.query(`UPDATE siasn_push SET status = 'acknowledged', siasn_record_id = 'x' WHERE id = $1`, [pushId]);
    const again = await api.http.post(`/api/siasn/agencies/${mataram}/pushes/${pushId}/resend`).set(mataramAdmin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SIASN.PUSH_NOT_RESENDABLE');
  });

  it('requests a reconciliation (202) and answers the waiting one when asked again', async () => {
    const first = await api.http.post(`/api/siasn/agencies/${mataram}/reconciliation`).set(mataramAdmin);
    expect(first.status).toBe(202);
    const second = await api.http.post(`/api/siasn/agencies/${mataram}/reconciliation`).set(mataramAdmin);
    expect(second.body.id).toBe(first.body.id);
    const report = await api.http.get(`/api/siasn/agencies/${mataram}/reconciliation`).set(mataramAdmin);
    expect(report.body).toMatchObject({
      run: null,
      items: [],
      total: 0,
      open: { id: first.body.id, status: 'requested' },
    });
  });
});
