import { randomUUID } from 'node:crypto';
import { ErrorCode, OutboxEvent, type EmployeeImport, type ImportEntry, type Me } from '@kompeten/shared-contracts';
import { EmployeeImportRunner } from '@kompeten/server-identity';
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Runs queued imports with the worker's runner while the API is under test (as imports.e2e-spec.ts does). */
function startWorkerStandIn(api: TestApi): () => Promise<void> {
  const runner = api.app.get(EmployeeImportRunner, { strict: false });
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const [claimed]: [Array<{ payload: { importId: string } }>, number] = await api.db.query(
        `UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox_event WHERE sent_at IS NULL AND event_type = $1 ORDER BY created_at FOR UPDATE SKIP LOCKED)
          RETURNING payload`,
        [OutboxEvent.EmployeeImportRequested],
      );
      for (const { payload } of claimed) await runner.run(payload.importId);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/** Server messages follow the chosen language (issue 15, decision 0026). */
describe('Server messages per language', () => {
  let api: TestApi;
  let stopWorker: () => Promise<void>;
  let mataramId: string;

  beforeAll(async () => {
    api = await bootApi();
    stopWorker = startWorkerStandIn(api);
    mataramId = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
  });

  afterAll(async () => {
    await stopWorker?.();
    await api?.close();
  });

  it('answers the same unknown import in Indonesian and in English, with the same status and code', async () => {
    const path = `/api/employee-imports/${randomUUID()}`;
    const auth = await api.auth(DEMO.agencyAdmin);
    const id = await api.http.get(path).set(auth).set('Accept-Language', 'id-ID,id;q=0.9');
    const en = await api.http.get(path).set(auth).set('Accept-Language', 'en-GB,en;q=0.9');
    expect([id.status, id.body.code, id.body.message]).toEqual([
      404,
      ErrorCode.IMPORT_NOT_FOUND,
      'Impor tidak ditemukan',
    ]);
    expect([en.status, en.body.code, en.body.message]).toEqual([404, ErrorCode.IMPORT_NOT_FOUND, 'Import not found.']);
  });

  it('words a validation failure in either language and names the same fields', async () => {
    const auth = await api.auth(DEMO.learner);
    const send = (lang: string) =>
      api.http.put('/api/me/language').set(auth).set('Accept-Language', lang).send({ language: 'fr', extra: 1 });
    const [id, en] = [await send('id'), await send('en')];
    expect([id.status, id.body.code, en.status, en.body.code]).toEqual([
      400,
      ErrorCode.VALIDATION_FAILED,
      400,
      ErrorCode.VALIDATION_FAILED,
    ]);
    expect(id.body.message).toBe('Permintaan tidak valid: Kolom "extra" tidak dikenal; language harus id atau en');
    expect(en.body.message).toBe('Invalid request: Unknown field "extra"; language harus id atau en');
    expect(en.body.details).toEqual(id.body.details);
  });

  it('answers a request without a token in the language asked for', async () => {
    const id = await api.http.get('/api/me');
    const en = await api.http.get('/api/me').set('Accept-Language', 'en');
    expect([id.status, en.status]).toEqual([401, 401]);
    expect(id.body.message).toMatch(/Silakan masuk/);
    expect(en.body.message).toBe('Please sign in first (the session is missing or has ended).');
  });

  it('keeps the language in the profile; after sign-in, requests that name no language are answered in it', async () => {
    const before = (await api.login(DEMO.pppkLearner)).user;
    expect(before.language).toBe('id');
    const auth = { Authorization: `Bearer ${(await api.login(DEMO.pppkLearner)).accessToken}` };
    for (let i = 0; i < 2; i++) {
      // Idempotent: the same choice twice answers the same profile.
      const set = await api.http.put('/api/me/language').set(auth).send({ language: 'en' });
      expect(set.status).toBe(200);
      expect((set.body as Me).language).toBe('en');
    }
    const me = await api.http.get('/api/me').set(auth);
    expect((me.body as Me).language).toBe('en');
    const row = await api.db.query(
      `SELECT u.language FROM user_account u JOIN employee e ON e.id = u.employee_id WHERE e.nip = $1`,
      [DEMO.pppkLearner],
    );
    expect(row).toEqual([{ language: 'en' }]);

    const signedIn = await api.login(DEMO.pppkLearner);
    expect(signedIn.user.language).toBe('en');
    const fresh = { Authorization: `Bearer ${signedIn.accessToken}` };
    const missing = `/api/employee-imports/${randomUUID()}`;
    expect((await api.http.get(missing).set(fresh)).body.message).toBe('Import not found.');
    // Accept-Language, when it names a language, still wins (the web sends the language it shows).
    expect((await api.http.get(missing).set(fresh).set('Accept-Language', 'id')).body.message).toBe(
      'Impor tidak ditemukan',
    );
    // Another user's profile is untouched.
    expect((await api.login(DEMO.learner)).user.language).toBe('id');
  });

  it('reports import row reasons and a wrong header in the request\u2019s language', async () => {
    const auth = await api.auth(DEMO.agencyAdmin);
    const url = `/api/agencies/${mataramId}/employee-imports?wait=true`;
    const rows = Buffer.from(
      ['nip,nama,jenis_pegawai,golongan,kode_unit', '199410102019031009,Golongan Salah,PNS,V/a,BAPPEDA'].join('\n'),
    );
    const up = await api.http.post(url).set(auth).attach('file', rows, 'pegawai.csv');
    expect(up.status).toBe(202);
    const imp = up.body as EmployeeImport;
    expect(imp.failedCount).toBe(1);
    const get = (lang: string) =>
      api.http.get(`/api/employee-imports/${imp.id}`).set(auth).set('Accept-Language', lang);
    const [id, en] = [(await get('id')).body as EmployeeImport, (await get('en')).body as EmployeeImport];
    expect(id.reasonCounts).toEqual([
      { kind: 'error', code: 'RANK_INVALID', label: 'Golongan tidak sesuai jenis pegawai', count: 1 },
    ]);
    expect(en.reasonCounts).toEqual([
      { kind: 'error', code: 'RANK_INVALID', label: 'The golongan does not fit the employee type', count: 1 },
    ]);
    expect(id.errors[0].reason).toMatch(/golongan "V\/a"/);
    expect(en.errors[0].reason).toBe('The golongan does not fit the employee type');
    const entries = await api.http
      .get(`/api/employee-imports/${imp.id}/entries`)
      .set(auth)
      .set('Accept-Language', 'en');
    expect((entries.body.items as ImportEntry[]).map((e) => [e.line, e.reasonCode, e.reason])).toEqual([
      [2, 'RANK_INVALID', 'The golongan does not fit the employee type'],
    ]);

    const wrongHeader = Buffer.from('nomor_induk,nama,status\n199410102019031010,Salah Judul,PNS\n');
    const bad = await api.http
      .post(url)
      .set(auth)
      .set('Accept-Language', 'en')
      .attach('file', wrongHeader, 'judul.csv');
    expect(bad.status).toBe(202);
    expect(bad.body).toMatchObject({
      status: 'failed',
      failedCount: 0,
      errors: [],
      headerCheck: { missing: ['nip', 'jenis_pegawai'], unknown: ['nomor_induk', 'status'] },
      message: 'Wrong header row: required columns missing: nip, jenis_pegawai. Unknown columns: nomor_induk, status',
    });
    const badId = await api.http.get(`/api/employee-imports/${bad.body.id}`).set(auth).set('Accept-Language', 'id');
    expect(badId.body.message).toBe(
      'Kolom wajib tidak ada di baris judul: nip, jenis_pegawai. Kolom tidak dikenal: nomor_induk, status',
    );
  });
});
