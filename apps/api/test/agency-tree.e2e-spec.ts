import { buildNip, parseNip } from '@kompeten/shared-util';
import { hashPassword, insertAccount, insertEmployee, insertRole } from '@kompeten/server-identity';
import { seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * One agency tree per process (decision 0016): the access scope, the catalog and self-enrolment read the same cached
 * tree, and adding an agency invalidates it at once — a new regency's ASN see their province's courses right away,
 * not after the cache's TTL.
 */
describe('the agency tree after an agency is added', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api?.close());

  it('shows a province course to the ASN of a regency added a moment ago, and lets them enrol', async () => {
    const course = await seedPublishedCourse(api.db, {
      agency: 'prov-ntb',
      visibility: 'province',
      title: 'Literasi Digital ASN NTB',
    });
    const learner = await api.auth(DEMO.learner);
    // The tree is read (and cached) before the regency exists.
    expect((await api.http.get('/api/catalog').set(learner)).body.items.map((c: { id: string }) => c.id)).toContain(
      course.courseId,
    );

    const [ntb] = await api.db.query(`SELECT id FROM agency WHERE code = 'prov-ntb'`);
    const created = await api.http
      .post('/api/agencies')
      .set(await api.auth(DEMO.provinceAdmin))
      .send({
        code: 'kab-lombok-barat-uji',
        name: 'Pemerintah Kabupaten Lombok Barat (uji)',
        level: 'kabupaten',
        parentId: ntb.id,
        timeZone: 'Asia/Makassar',
      });
    expect(created.status).toBe(201);

    const nip = buildNip({ y: 1990, m: 5, d: 17 }, { y: 2015, m: 3 }, 'P', 7);
    const parts = parseNip(nip, 'PNS');
    if (!parts.ok) throw new Error(parts.reason);
    await api.db.transaction(async (m) => {
      const employeeId = await insertEmployee(m, {
        nip,
        agencyId: created.body.id,
        unitId: null,
        type: 'PNS',
        fullName: 'Baiq Nurul Aini',
        frontTitle: null,
        backTitle: 'S.E.',
        positionName: 'Analis Kebijakan',
        positionKind: 'fungsional',
        rank: 'III/a',
        email: null,
        birthDate: parts.value.birthDate,
        gender: parts.value.gender,
      });
      const userId = await insertAccount(m, {
        employeeId,
        email: null,
        passwordHash: await hashPassword(DEMO.password),
      });
      await insertRole(m, userId, 'learner', created.body.id);
    });
    const newcomer = await api.auth(nip);

    const catalog = await api.http.get('/api/catalog').set(newcomer);
    expect(catalog.status).toBe(200);
    expect(catalog.body.items.map((c: { id: string }) => c.id)).toContain(course.courseId);
    const enrolled = await api.http.post(`/api/courses/${course.courseId}/enrolments`).set(newcomer);
    expect({ status: enrolled.status, agencyId: enrolled.body.agencyId }).toEqual({
      status: 201,
      agencyId: created.body.id,
    });
  });
});
