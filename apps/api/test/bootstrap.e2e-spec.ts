import { ensureInitialAdmin, runMigrations } from '../src/bootstrap-tasks';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi } from './app';

describe('start-up tasks', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootApi({ seed: false });
  });
  afterAll(() => api.close());

  it('finds nothing to migrate on an up-to-date database', async () => {
    await expect(runMigrations(api.config)).resolves.toEqual([]);
  });

  it('ensures one platform admin from ADMIN_EMAIL and ADMIN_PASSWORD, and follows a changed password', async () => {
    const config = { ...api.config, initialAdmin: { email: 'root@bkpsdm.example.go.id', password: 'Pertama-12345' } };
    await ensureInitialAdmin(config);
    await ensureInitialAdmin(config);
    const rows = await api.db.query(
      `SELECT u.id, r.role FROM user_account u JOIN role_assignment r ON r.user_id = u.id WHERE u.email = 'root@bkpsdm.example.go.id'`,
    );
    expect(rows).toEqual([{ id: expect.any(String), role: 'platform_admin' }]);
    const me = (await api.login('root@bkpsdm.example.go.id', 'Pertama-12345')).user;
    expect(me.roles.map((r) => r.role)).toEqual(['platform_admin']);

    await ensureInitialAdmin({
      ...config,
      initialAdmin: { email: config.initialAdmin.email, password: 'Kedua-67890abc' },
    });
    const old = await api.http
      .post('/api/auth/login')
      .send({ username: 'root@bkpsdm.example.go.id', password: 'Pertama-12345' });
    expect(old.status).toBe(401);
    await expect(api.login('root@bkpsdm.example.go.id', 'Kedua-67890abc')).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('leaves everything alone without ADMIN_EMAIL', async () => {
    const before = await api.db.query(`SELECT count(*)::int AS n FROM user_account`);
    await ensureInitialAdmin({ ...api.config, initialAdmin: null });
    expect(await api.db.query(`SELECT count(*)::int AS n FROM user_account`)).toEqual(before);
  });
});

describe('demo seed', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('builds the NTB demo world with ten regencies/cities, a WIB regency and 300 ASN with valid NIPs', async () => {
    const [{ n: regencies }] = await api.db.query(
      `SELECT count(*)::int AS n FROM agency a JOIN agency p ON p.id = a.parent_id WHERE p.code = 'prov-ntb' AND a.level IN ('kabupaten','kota')`,
    );
    expect(regencies).toBe(10);
    const [{ tz }] = await api.db.query(`SELECT time_zone AS tz FROM agency WHERE code = 'kab-kendal'`);
    expect(tz).toBe('Asia/Jakarta');
    const [{ n: asn }] = await api.db.query(`SELECT count(*)::int AS n FROM employee`);
    expect(asn).toBe(300);
    const roles = await api.db.query(`SELECT DISTINCT role FROM role_assignment ORDER BY role`);
    expect(roles.map((r: { role: string }) => r.role)).toEqual([
      'agency_admin',
      'hr_officer',
      'learner',
      'platform_admin',
      'province_admin',
      'supervisor',
      'widyaiswara',
    ]);
  });

  it('seeds once: a second run changes nothing', async () => {
    const { seedDemo } = await import('../src/seed/demo-seed');
    await expect(seedDemo(api.db)).resolves.toBe(false);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM employee`);
    expect(n).toBe(300);
  });
});
