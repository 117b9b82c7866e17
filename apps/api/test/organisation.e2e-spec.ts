import type { Agency, AuditEntry, Page, WorkUnit } from '@kompeten/shared-contracts';
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Agencies and work units, written by the admins allowed to, with every write audited. */

type Headers = { Authorization: string };

let api: TestApi;
let platform: Headers;
let province: Headers;
let mataramAdmin: Headers;
let learner: Headers;
const userIds: Record<'platform' | 'province' | 'mataramAdmin', string> = {
  platform: '',
  province: '',
  mataramAdmin: '',
};
const ids = {} as Record<'ntb' | 'jateng' | 'mataram' | 'bima' | 'dinkes' | 'rsud' | 'bimaDinkes', string>;

async function auditOf(entityId: string, headers: Headers): Promise<AuditEntry[]> {
  const res = await api.http.get(`/api/audit-logs?entityId=${entityId}&pageSize=100`).set(headers);
  expect(res.status).toBe(200);
  return (res.body as Page<AuditEntry>).items;
}

beforeAll(async () => {
  api = await bootApi();
  const agency = (code: string) => idOf(api.db, `SELECT id FROM agency WHERE code = $1`, [code]);
  const unit = (agencyCode: string, code: string) =>
    idOf(api.db, `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = $1 AND u.code = $2`, [
      agencyCode,
      code,
    ]);
  Object.assign(ids, {
    ntb: await agency('prov-ntb'),
    jateng: await agency('prov-jateng'),
    mataram: await agency('kota-mataram'),
    bima: await agency('kota-bima'),
    dinkes: await unit('kota-mataram', 'DINKES'),
    rsud: await unit('kota-mataram', 'RSUD'),
    bimaDinkes: await unit('kota-bima', 'DINKES'),
  });
  for (const [key, username] of [
    ['platform', DEMO.platformAdmin],
    ['province', DEMO.provinceAdmin],
    ['mataramAdmin', DEMO.agencyAdmin],
  ] as const) {
    const res = await api.login(username);
    userIds[key] = res.user.userId;
  }
  platform = await api.auth(DEMO.platformAdmin);
  province = await api.auth(DEMO.provinceAdmin);
  mataramAdmin = await api.auth(DEMO.agencyAdmin);
  learner = await api.auth(DEMO.learner);
});

afterAll(() => api?.close());

describe('agencies', () => {
  let created: Agency;
  const body = {
    code: 'kab-uji-sumbawa',
    name: 'Pemerintah Kabupaten Uji Sumbawa',
    level: 'kabupaten',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Uji Sumbawa',
    siasnInstansiId: 'a5eb03e23c3ef6a0e040640a040252ad',
  };

  it('a province admin creates a regency under its province (201)', async () => {
    const res = await api.http
      .post('/api/agencies')
      .set(province)
      .send({ ...body, parentId: ids.ntb });
    expect(res.status).toBe(201);
    created = res.body;
    expect(created).toMatchObject({ ...body, parentId: ids.ntb, siasnInstansiId: 'A5EB03E23C3EF6A0E040640A040252AD' });
    const get = await api.http.get(`/api/agencies/${created.id}`).set(province);
    expect(get.body).toEqual(created);
  });

  it('a second agency with the same code is a 409 ORGANISATION.DUPLICATE_CODE, whoever asks and wherever', async () => {
    const again = await api.http
      .post('/api/agencies')
      .set(province)
      .send({ ...body, name: 'Kabupaten Lain', parentId: ids.ntb });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORGANISATION.DUPLICATE_CODE');
    const elsewhere = await api.http
      .post('/api/agencies')
      .set(platform)
      .send({ ...body, parentId: ids.jateng, timeZone: 'Asia/Jakarta' });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('ORGANISATION.DUPLICATE_CODE');
    expect(await api.db.query(`SELECT id FROM agency WHERE code = $1`, [body.code])).toEqual([{ id: created.id }]);
  });

  it('refuses an agency without a parent unless national, and an unknown parent', async () => {
    const orphan = await api.http
      .post('/api/agencies')
      .set(platform)
      .send({ ...body, code: 'kab-yatim' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.code).toBe('ORGANISATION.INVALID_PARENT');
    const unknown = await api.http
      .post('/api/agencies')
      .set(platform)
      .send({ ...body, code: 'kab-yatim', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const badZone = await api.http
      .post('/api/agencies')
      .set(platform)
      .send({ ...body, code: 'kab-yatim', parentId: ids.ntb, timeZone: 'Asia/Singapore' });
    expect(badZone.status).toBe(400);
    expect(await api.db.query(`SELECT 1 FROM agency WHERE code = 'kab-yatim'`)).toHaveLength(0);
  });

  it('the province admin renames it; the change is visible at once', async () => {
    const res = await api.http
      .patch(`/api/agencies/${created.id}`)
      .set(province)
      .send({ name: 'Pemerintah Kabupaten Sumbawa Timur', timeZone: 'Asia/Makassar' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, code: body.code, name: 'Pemerintah Kabupaten Sumbawa Timur' });
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
    expect((await api.http.get(`/api/agencies/${created.id}`).set(province)).body.name).toBe(
      'Pemerintah Kabupaten Sumbawa Timur',
    );
  });

  it('an agency admin changes its own agency, but neither its province nor a neighbour', async () => {
    const own = await api.http
      .patch(`/api/agencies/${ids.mataram}`)
      .set(mataramAdmin)
      .send({ hrBodyName: 'BKPSDM Kota Mataram (Bidang Pengembangan)' });
    expect(own.status).toBe(200);
    expect(own.body.hrBodyName).toBe('BKPSDM Kota Mataram (Bidang Pengembangan)');
    expect(
      (await api.http.patch(`/api/agencies/${ids.ntb}`).set(mataramAdmin).send({ name: 'NTB diubah' })).status,
    ).toBe(404);
    expect(
      (await api.http.patch(`/api/agencies/${ids.bima}`).set(mataramAdmin).send({ name: 'Bima diubah' })).status,
    ).toBe(404);
    const [ntb] = await api.db.query(`SELECT name FROM agency WHERE id = $1`, [ids.ntb]);
    expect(ntb.name).toBe('Pemerintah Provinsi Nusa Tenggara Barat');
  });

  it('a PATCH that changes nothing answers 200 with the agency as it is', async () => {
    const before = (await api.http.get(`/api/agencies/${created.id}`).set(province)).body;
    const res = await api.http.patch(`/api/agencies/${created.id}`).set(province).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, name: before.name, code: before.code });
  });

  it('a PATCH that sets a required field to null is a 400 naming the field, never a 500', async () => {
    for (const body of [{ name: null }, { timeZone: null }]) {
      const res = await api.http.patch(`/api/agencies/${created.id}`).set(province).send(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'REQUEST.VALIDATION_FAILED' });
      expect(res.body.message).toMatch(Object.keys(body)[0]);
    }
  });

  it('a PATCH cannot change the code or the parent (unknown fields are refused)', async () => {
    const res = await api.http
      .patch(`/api/agencies/${created.id}`)
      .set(province)
      .send({ code: 'kab-baru', parentId: ids.jateng });
    expect(res.status).toBe(400);
    const [row] = await api.db.query(`SELECT code, parent_id FROM agency WHERE id = $1`, [created.id]);
    expect(row).toEqual({ code: body.code, parent_id: ids.ntb });
  });

  it('every agency write left an audit entry with its actor and before/after', async () => {
    const entries = await auditOf(created.id, province);
    const create = entries.find((e) => e.action === 'agency.create');
    expect(create).toMatchObject({
      actorUserId: userIds.province,
      actorName: 'Drs. H. Lalu Abdul Wahab, M.Si.',
      entityType: 'agency',
      entityId: created.id,
      agencyId: created.id,
      before: null,
    });
    expect(create?.after).toMatchObject({ code: body.code, name: body.name, parentId: ids.ntb });
    const updates = entries.filter((e) => e.action === 'agency.update');
    const rename = updates.find((e) => (e.before as Agency).name === body.name);
    expect(rename).toMatchObject({
      actorUserId: userIds.province,
      after: expect.objectContaining({ name: 'Pemerintah Kabupaten Sumbawa Timur', code: body.code }),
    });
    expect(rename?.correlationId).toBeTruthy();

    const own = await auditOf(ids.mataram, mataramAdmin);
    expect(own).toContainEqual(
      expect.objectContaining({
        action: 'agency.update',
        actorUserId: userIds.mataramAdmin,
        agencyId: ids.mataram,
        before: expect.objectContaining({ hrBodyName: 'BKPSDM Kota Mataram' }),
        after: expect.objectContaining({ hrBodyName: 'BKPSDM Kota Mataram (Bidang Pengembangan)' }),
      }),
    );
    // Refused writes leave nothing behind.
    expect(await auditOf(ids.ntb, platform)).toEqual([]);
  });

  it('pages the list with total, page and pageSize (at most 100) and searches by name or code', async () => {
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM agency`);
    const first = await api.http.get('/api/agencies?pageSize=5').set(platform);
    expect(first.body).toMatchObject({ total: n, page: 1, pageSize: 5 });
    expect(first.body.items).toHaveLength(5);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(n / 5); page++) {
      const res = await api.http.get(`/api/agencies?pageSize=5&page=${page}`).set(platform);
      expect(res.body.page).toBe(page);
      for (const a of res.body.items as Agency[]) seen.add(a.id);
    }
    expect(seen.size).toBe(n);
    const beyond = await api.http.get(`/api/agencies?pageSize=5&page=${Math.ceil(n / 5) + 1}`).set(platform);
    expect(beyond.body).toMatchObject({ total: n, items: [] });

    const defaults = await api.http.get('/api/agencies').set(platform);
    expect(defaults.body).toMatchObject({ page: 1, pageSize: 20 });
    expect((await api.http.get('/api/agencies?pageSize=100').set(platform)).status).toBe(200);
    for (const bad of ['pageSize=101', 'pageSize=0', 'page=0', 'page=abc']) {
      const res = await api.http.get(`/api/agencies?${bad}`).set(platform);
      expect([bad, res.status]).toEqual([bad, 400]);
    }

    const lombok = await api.http.get('/api/agencies?q=lombok').set(platform);
    expect((lombok.body.items as Agency[]).map((a) => a.code).sort()).toEqual([
      'kab-lombok-barat',
      'kab-lombok-tengah',
      'kab-lombok-timur',
      'kab-lombok-utara',
    ]);
    expect(lombok.body.total).toBe(4);
    const byCode = await api.http.get('/api/agencies?q=KOTA-MAT').set(platform);
    expect((byCode.body.items as Agency[]).map((a) => a.code)).toEqual(['kota-mataram']);
    const wildcard = await api.http.get(`/api/agencies?q=${encodeURIComponent('%')}`).set(platform);
    expect(wildcard.body.total).toBe(0);
    const children = await api.http.get(`/api/agencies?parentId=${ids.ntb}&level=kota&pageSize=100`).set(platform);
    expect((children.body.items as Agency[]).map((a) => a.code).sort()).toEqual(['kota-bima', 'kota-mataram']);
  });
});

describe('work units', () => {
  let parent: WorkUnit;
  let child: WorkUnit;

  it('the agency admin adds a top-level unit and a unit under it (path and depth follow the tree)', async () => {
    const p = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(mataramAdmin)
      .send({ code: 'DISPAR', name: 'Dinas Pariwisata' });
    expect(p.status).toBe(201);
    parent = p.body;
    expect(parent).toMatchObject({
      agencyId: ids.mataram,
      parentId: null,
      code: 'DISPAR',
      name: 'Dinas Pariwisata',
      depth: 0,
    });
    const c = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(mataramAdmin)
      .send({ code: 'DISPAR-DESTINASI', name: 'Bidang Destinasi Wisata', parentId: parent.id });
    expect(c.status).toBe(201);
    child = c.body;
    expect(child).toMatchObject({ agencyId: ids.mataram, parentId: parent.id, depth: 1 });
    const g = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(mataramAdmin)
      .send({ code: 'DISPAR-DESTINASI-1', name: 'Seksi Daya Tarik Wisata', parentId: child.id });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ parentId: child.id, depth: 2 });

    const paths: Array<{ id: string; path: string }> = await api.db.query(
      `SELECT id, path FROM work_unit WHERE id = ANY($1::uuid[])`,
      [[parent.id, child.id, g.body.id]],
    );
    const path = (id: string) => paths.find((r) => r.id === id)?.path;
    expect(path(parent.id)).toBe(`/${parent.id}/`);
    expect(path(child.id)).toBe(`/${parent.id}/${child.id}/`);
    expect(path(g.body.id)).toBe(`/${parent.id}/${child.id}/${g.body.id}/`);
    expect((await api.http.get(`/api/units/${child.id}`).set(mataramAdmin)).body).toEqual(child);
  });

  it('a duplicate code in the same agency is a 409; the same code in another agency is fine', async () => {
    const dup = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(mataramAdmin)
      .send({ code: 'DISPAR', name: 'Dinas Pariwisata Kedua' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('ORGANISATION.DUPLICATE_CODE');
    const seeded = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(mataramAdmin)
      .send({ code: 'DINKES', name: 'Dinas Kesehatan Kedua' });
    expect(seeded.status).toBe(409);
    // Imports name units by code whatever the case, so "dinkes" next to "DINKES" would make rows land in either.
    for (const code of ['dinkes', 'Dispar']) {
      const cased = await api.http
        .post(`/api/agencies/${ids.mataram}/units`)
        .set(mataramAdmin)
        .send({ code, name: 'Unit Kembar' });
      expect([code, cased.status, cased.body.code]).toEqual([code, 409, 'ORGANISATION.DUPLICATE_CODE']);
    }
    expect(await api.db.query(`SELECT 1 FROM work_unit WHERE name = 'Unit Kembar'`)).toHaveLength(0);
    const bima = await api.http
      .post(`/api/agencies/${ids.bima}/units`)
      .set(platform)
      .send({ code: 'DISPAR', name: 'Dinas Pariwisata' });
    expect(bima.status).toBe(201);
    expect(bima.body.agencyId).toBe(ids.bima);
  });

  it('a parent unit from another agency is a 400 ORGANISATION.INVALID_PARENT', async () => {
    const res = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(mataramAdmin)
      .send({ code: 'SELUNDUP', name: 'Unit Selundupan', parentId: ids.bimaDinkes });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ORGANISATION.INVALID_PARENT');
    const viaPlatform = await api.http
      .post(`/api/agencies/${ids.mataram}/units`)
      .set(platform)
      .send({ code: 'SELUNDUP', name: 'Unit Selundupan', parentId: ids.bimaDinkes });
    expect(viaPlatform.status).toBe(400);
    expect(await api.db.query(`SELECT 1 FROM work_unit WHERE code = 'SELUNDUP'`)).toHaveLength(0);
  });

  it('parentId lists only the direct children of a unit', async () => {
    const dispar = await api.http.get(`/api/agencies/${ids.mataram}/units?parentId=${parent.id}`).set(mataramAdmin);
    expect(dispar.body).toMatchObject({ total: 1 });
    expect((dispar.body.items as WorkUnit[]).map((u) => u.id)).toEqual([child.id]);
    const dinkes = await api.http.get(`/api/agencies/${ids.mataram}/units?parentId=${ids.dinkes}`).set(learner);
    expect((dinkes.body.items as WorkUnit[]).map((u) => u.code)).toEqual(['RSUD']);
    expect(dinkes.body.items[0]).toMatchObject({ id: ids.rsud, parentId: ids.dinkes, depth: 1 });
  });

  it('pages and searches the units of an agency', async () => {
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM work_unit WHERE agency_id = $1`, [ids.mataram]);
    expect(n).toBe(11 + 3);
    const p1 = await api.http.get(`/api/agencies/${ids.mataram}/units?pageSize=10`).set(mataramAdmin);
    const p2 = await api.http.get(`/api/agencies/${ids.mataram}/units?pageSize=10&page=2`).set(mataramAdmin);
    expect(p1.body).toMatchObject({ total: n, page: 1, pageSize: 10 });
    expect(p2.body).toMatchObject({ total: n, page: 2, pageSize: 10 });
    expect(p1.body.items).toHaveLength(10);
    expect(p2.body.items).toHaveLength(n - 10);
    const all = [...p1.body.items, ...p2.body.items].map((u: WorkUnit) => u.id);
    expect(new Set(all).size).toBe(n);
    expect((await api.http.get(`/api/agencies/${ids.mataram}/units?pageSize=101`).set(mataramAdmin)).status).toBe(400);

    const health = await api.http.get(`/api/agencies/${ids.mataram}/units?q=kesehatan`).set(mataramAdmin);
    expect((health.body.items as WorkUnit[]).map((u) => u.code)).toEqual(['DINKES']);
    const byCode = await api.http.get(`/api/agencies/${ids.mataram}/units?q=rsud`).set(mataramAdmin);
    expect((byCode.body.items as WorkUnit[]).map((u) => u.id)).toEqual([ids.rsud]);
    const wisata = await api.http.get(`/api/agencies/${ids.mataram}/units?q=wisata`).set(mataramAdmin);
    expect((wisata.body.items as WorkUnit[]).map((u) => u.code).sort()).toEqual([
      'DISPAR',
      'DISPAR-DESTINASI',
      'DISPAR-DESTINASI-1',
    ]);
  });

  it('the agency admin renames a unit; its tree position does not move', async () => {
    const res = await api.http
      .patch(`/api/units/${child.id}`)
      .set(mataramAdmin)
      .send({ name: 'Bidang Destinasi dan Industri Pariwisata' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: child.id,
      name: 'Bidang Destinasi dan Industri Pariwisata',
      parentId: parent.id,
      depth: 1,
      code: 'DISPAR-DESTINASI',
    });
    expect((await api.http.get(`/api/units/${child.id}`).set(learner)).body.name).toBe(
      'Bidang Destinasi dan Industri Pariwisata',
    );
    const nulled = await api.http.patch(`/api/units/${child.id}`).set(mataramAdmin).send({ name: null });
    expect({ status: nulled.status, code: nulled.body.code }).toEqual({
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
    });
    const empty = await api.http.patch(`/api/units/${child.id}`).set(mataramAdmin).send({});
    expect(empty.status).toBe(200);
    expect(empty.body.name).toBe('Bidang Destinasi dan Industri Pariwisata');
    expect((await api.http.patch(`/api/units/${child.id}`).set(mataramAdmin).send({ parentId: null })).status).toBe(
      400,
    );
  });

  it('every unit write left an audit entry with its actor and before/after', async () => {
    const entries = await auditOf(child.id, mataramAdmin);
    const create = entries.find((e) => e.action === 'work_unit.create');
    expect(create).toMatchObject({
      actorUserId: userIds.mataramAdmin,
      actorName: 'Iwan Setiawan, S.Sos., M.A.P.',
      entityType: 'work_unit',
      agencyId: ids.mataram,
      before: null,
    });
    expect(create?.after).toMatchObject({
      code: 'DISPAR-DESTINASI',
      name: 'Bidang Destinasi Wisata',
      parentId: parent.id,
      depth: 1,
    });
    const rename = entries.find(
      (e) => e.action === 'work_unit.update' && (e.before as WorkUnit).name === 'Bidang Destinasi Wisata',
    );
    expect(rename?.after).toMatchObject({
      name: 'Bidang Destinasi dan Industri Pariwisata',
      parentId: parent.id,
      depth: 1,
    });
    expect(rename?.actorUserId).toBe(userIds.mataramAdmin);
    // The Kota Bima unit was created by the platform admin, in Kota Bima.
    const [bimaUnit] = await api.db.query(`SELECT id FROM work_unit WHERE agency_id = $1 AND code = 'DISPAR'`, [
      ids.bima,
    ]);
    const bimaEntries = await auditOf(bimaUnit.id, platform);
    expect(bimaEntries).toEqual([
      expect.objectContaining({ action: 'work_unit.create', actorUserId: userIds.platform, agencyId: ids.bima }),
    ]);
    // …which the Kota Mataram admin cannot see.
    expect(await auditOf(bimaUnit.id, mataramAdmin)).toEqual([]);
  });
});
