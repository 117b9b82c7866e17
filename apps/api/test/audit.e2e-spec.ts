import type { AuditEntry, Page } from '@kompeten/shared-contracts';
import { idOf, setUpAccount, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** The audit log people can read (issue 15): words, changed fields, filters, CSV export, and who sees what. */
describe('Audit log in words', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  let province: { Authorization: string };
  let mataram: { Authorization: string };
  let bima: { Authorization: string };

  const list = async (auth: { Authorization: string }, query = '', lang = 'id') => {
    const res = await api.http.get(`/api/audit-logs?pageSize=100${query}`).set(auth).set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body as Page<AuditEntry>;
  };

  beforeAll(async () => {
    api = await bootApi();
    ids.ntb = await idOf(api.db, `SELECT id FROM agency WHERE code = 'prov-ntb'`);
    ids.mataram = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
    ids.bima = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-bima'`);
    ids.learner = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
    province = await api.auth(DEMO.provinceAdmin);
    mataram = await api.auth(DEMO.agencyAdmin);
    // Kota Bima has no demo admin: the platform admin makes one through the API (as scope.e2e-spec.ts does).
    const platform = await api.auth(DEMO.platformAdmin);
    const [bimaEmp] = await api.db.query(`SELECT id, nip FROM employee WHERE agency_id = $1 ORDER BY nip LIMIT 1`, [
      ids.bima,
    ]);
    await setUpAccount(api, platform, bimaEmp.id, 'Ombak-Teluk-Biru-2026');
    const made = await api.http
      .post(`/api/employees/${bimaEmp.id}/roles`)
      .set(platform)
      .send({ role: 'agency_admin', agencyId: ids.bima });
    expect(made.status).toBe(200);
    bima = { Authorization: `Bearer ${(await api.login(bimaEmp.nip, 'Ombak-Teluk-Biru-2026')).accessToken}` };

    // A province admin acts on a Mataram ASN: a change to the record, and a role in the province's own agency.
    const patch = await api.http
      .patch(`/api/employees/${ids.learner}`)
      .set(province)
      .send({ positionName: 'Analis Kebijakan Ahli Muda' });
    expect(patch.status).toBe(200);
    const grant = await api.http
      .post(`/api/employees/${ids.learner}/roles`)
      .set(province)
      .send({ role: 'widyaiswara', agencyId: ids.ntb });
    expect(grant.status).toBe(200);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('words an entry and lists the changed fields, in either language', async () => {
    const id = await list(mataram, `&action=employee.update&entityId=${ids.learner}`);
    expect(id.total).toBe(1);
    const [entry] = id.items;
    expect(entry.summary).toBe(`Pegawai «Lalu Muhammad Hasan, S.Kom.» diubah oleh ${entry.actorName}`);
    expect(entry.actorName).toMatch(/\w/);
    expect(entry.changes).toContainEqual({
      field: 'positionName',
      before: expect.not.stringMatching(/^Analis Kebijakan Ahli Muda$/),
      after: 'Analis Kebijakan Ahli Muda',
    });
    expect(entry.changes.every((c) => c.before !== c.after)).toBe(true);
    const en = await list(mataram, `&action=employee.update&entityId=${ids.learner}`, 'en');
    expect(en.items[0].summary).toBe(`Employee «Lalu Muhammad Hasan, S.Kom.» updated by ${entry.actorName}`);
  });

  it('shows an agency admin what a province admin did to their people, filed under the province', async () => {
    const seen = await list(mataram, '&action=role.grant');
    const grant = seen.items.find((e) => (e.after as { employeeId?: string }).employeeId === ids.learner);
    expect(grant).toMatchObject({ agencyId: ids.ntb, touchedAgencyIds: [ids.mataram] });
    expect(grant?.summary).toMatch(/^Peran «Lalu Muhammad Hasan» diberikan oleh /);
    // Bima's admin sees neither entry: they touched nobody of Bima.
    const other = await list(bima, `&entityId=${ids.learner}`);
    expect(other.total).toBe(0);
    expect((await list(bima, '&action=role.grant')).items.some((e) => e.id === grant?.id)).toBe(false);
    // The agency filter means "filed under or touching": Mataram's filter finds the grant, Bima cannot widen its scope.
    expect((await list(mataram, `&agencyId=${ids.mataram}&action=role.grant`)).items.map((e) => e.id)).toContain(
      grant?.id,
    );
    expect((await list(bima, `&agencyId=${ids.mataram}`)).total).toBe(0);
  });

  it('filters by person and by local dates', async () => {
    const byEmail = await list(mataram, `&actor=bpsdm@ntbprov&entityId=${ids.learner}`);
    expect(byEmail.items.map((e) => e.action).sort()).toEqual(['employee.update']);
    const nobody = await list(mataram, '&actor=zzz-nobody-zzz');
    expect(nobody).toMatchObject({ total: 0, items: [] });
    const today = new Date().toISOString().slice(0, 10);
    const future = await list(mataram, `&from=2999-01-01&entityId=${ids.learner}`);
    expect(future.total).toBe(0);
    const around = await list(mataram, `&from=2000-01-01&to=2999-12-31&entityId=${ids.learner}`);
    expect(around.total).toBeGreaterThanOrEqual(1);
    expect(today).toMatch(/^\d{4}/);
    for (const bad of ['&from=2026-02-30', '&from=2026-12-31&to=2026-12-01', '&action=course.explode', '&actor=x']) {
      const res = await api.http.get(`/api/audit-logs?${bad.slice(1)}`).set(mataram);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'REQUEST.VALIDATION_FAILED']);
    }
  });

  it('exports the filtered log as CSV with the same words; refuses callers without an admin role', async () => {
    const res = await api.http
      .get(`/api/audit-logs/export.csv?entityId=${ids.learner}&action=employee.update`)
      .set(mataram)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Waktu (Asia/Makassar),Pelaku,Tindakan,Uraian,Perubahan,Id objek,Id korelasi');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Pegawai diubah');
    expect(lines[1]).toContain('Pegawai «Lalu Muhammad Hasan, S.Kom.» diubah oleh');
    expect(lines[1]).toContain('positionName: Pranata Komputer Ahli Pertama → Analis Kebijakan Ahli Muda');
    expect(lines[1]).not.toContain('updatedAt');
    const learner = await api.http.get('/api/audit-logs/export.csv').set(await api.auth(DEMO.learner));
    expect([learner.status, learner.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });
});
