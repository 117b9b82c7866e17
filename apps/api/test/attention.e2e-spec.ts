import type { AdminAttention } from '@kompeten/shared-contracts';
import { idOf, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** GET /api/attention: what needs an admin's attention, each list scoped as its own list is (issue 15). */
describe('Attention panel', () => {
  let api: TestApi;
  let mataramId: string;
  let kendalEnrolment: string;
  let mataramEnrolment: string;
  let mataramNip: string;

  const get = async (user: string) => {
    const res = await api.http.get('/api/attention?pageSize=20').set(await api.auth(user));
    expect(res.status).toBe(200);
    return res.body as AdminAttention;
  };

  beforeAll(async () => {
    api = await bootApi();
    mataramId = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
    // Two assigned enrolments made overdue: one of a Mataram learner, one of a Kendal learner.
    // An enrolment in the first published version, inserted for a learner of the agency (the seed's own are settled).
    // A published version of a demo course (the test world publishes none by itself).
    const { courseId, versionId } = await seedPublishedCourse(api.db, { title: 'Pelayanan Publik Prima' });
    const enrolmentOf = async (agencyCode: string) => {
      const [row] = await api.db.query(
        `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status)
         SELECT $2, $3, e.id, e.agency_id, 'assigned', 'active'
           FROM employee e JOIN agency a ON a.id = e.agency_id
          WHERE a.code = $1 AND NOT EXISTS (SELECT 1 FROM enrolment x WHERE x.course_id = $2 AND x.employee_id = e.id)
          ORDER BY e.nip LIMIT 1
         RETURNING id, (SELECT nip FROM employee WHERE id = employee_id) AS nip`,
        [agencyCode, courseId, versionId],
      );
      if (!row?.id) throw new Error(`no enrolment inserted in ${agencyCode}`);
      return row as { id: string; nip: string };
    };
    const m = await enrolmentOf('kota-mataram');
    mataramEnrolment = m.id;
    mataramNip = m.nip;
    kendalEnrolment = (await enrolmentOf('kab-kendal')).id;
    expect([typeof mataramEnrolment, typeof kendalEnrolment]).toEqual(['string', 'string']);
    await api.db.query(
      `UPDATE enrolment SET source = 'assigned', due_at = now() - interval '3 days', due_time_zone = 'Asia/Makassar'
        WHERE id = ANY($1::uuid[])`,
      [[mataramEnrolment, kendalEnrolment]],
    );
    // A failed import (wrong header) in Kota Mataram.
    await api.db.query(
      `INSERT INTO employee_import (agency_id, created_by, file_name, storage_key, status, message, finished_at)
       VALUES ($1, (SELECT id FROM user_account WHERE email = $2), 'salah.csv', 'imports/x/salah.csv', 'failed', 'Kolom wajib tidak ada', now())`,
      [mataramId, DEMO.agencyAdmin],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('shows an agency admin the overdue assignments and failed imports of their agency only', async () => {
    const a = await get(DEMO.agencyAdmin);
    expect(a.overdue.items.map((o) => o.enrolmentId)).toContain(mataramEnrolment);
    expect(a.overdue.items.map((o) => o.enrolmentId)).not.toContain(kendalEnrolment);
    expect(a.overdue.items.find((o) => o.enrolmentId === mataramEnrolment)).toMatchObject({
      nip: mataramNip,
      learnerName: expect.any(String),
      courseTitle: expect.any(String),
    });
    expect(a.failedImports.items.map((i) => i.fileName)).toContain('salah.csv');
    expect(a.failedImports.items.every((i) => i.agencyId === mataramId)).toBe(true);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM enrolment en WHERE en.agency_id = $1 AND en.source = 'assigned'
          AND en.status NOT IN ('completed','withdrawn','rejected') AND en.due_at < now()`,
      [mataramId],
    );
    expect(a.overdue.total).toBe(n);
  });

  it('shows the platform admin every agency, and the province admin neither list of Kendal', async () => {
    const all = await get(DEMO.platformAdmin);
    expect(all.overdue.items.map((o) => o.enrolmentId)).toEqual(
      expect.arrayContaining([mataramEnrolment, kendalEnrolment]),
    );
    const ntb = await get(DEMO.provinceAdmin);
    expect(ntb.overdue.items.map((o) => o.enrolmentId)).toContain(mataramEnrolment);
    expect(ntb.overdue.items.map((o) => o.enrolmentId)).not.toContain(kendalEnrolment);
  });

  it('gives a widyaiswara the review queue only, and refuses a learner', async () => {
    const w = await get(DEMO.widyaiswara);
    expect(w.overdue).toMatchObject({ total: 0, items: [] });
    expect(w.failedImports).toMatchObject({ total: 0, items: [] });
    const queue = await api.http.get('/api/reviews?pageSize=20').set(await api.auth(DEMO.widyaiswara));
    expect(queue.status).toBe(200);
    expect(w.reviews.total).toBe(queue.body.total);
    const learner = await api.http.get('/api/attention').set(await api.auth(DEMO.learner));
    expect([learner.status, learner.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const bad = await api.http.get('/api/attention?pageSize=500').set(await api.auth(DEMO.agencyAdmin));
    expect([bad.status, bad.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
  });
});
