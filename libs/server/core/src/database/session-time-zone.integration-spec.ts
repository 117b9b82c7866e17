import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Below the test harness (which depends on core): an own empty database, named so the run's global teardown drops it.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// issue 13: the database session time zone is set explicitly, never inherited from the server or the database.
describe('dataSourceOptions: session time zone', () => {
  let name: string;
  let ds: DataSource;

  beforeAll(async () => {
    name = `kompeten_test_tz_${randomBytes(4).toString('hex')}_${process.env.KOMPETEN_TEST_RUN ?? 'adhoc'}`;
    if (!/^kompeten_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to use "${name}"`);
    await admin(`CREATE DATABASE ${name}`);
    // What a DBA (or a distro's postgresql.conf with the machine's zone) may do to the database the platform uses.
    await admin(`ALTER DATABASE ${name} SET timezone TO 'Asia/Makassar'`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    ds = await new DataSource(dataSourceOptions(url.toString(), [], 2)).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    if (name) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('is UTC on every pooled connection, whatever the database says', async () => {
    const runners = [ds.createQueryRunner(), ds.createQueryRunner()];
    try {
      for (const r of runners) {
        await r.connect();
        expect(await r.query('SHOW TimeZone')).toEqual([{ TimeZone: 'UTC' }]);
      }
    } finally {
      await Promise.all(runners.map((r) => r.release()));
    }
  });

  it('renders timestamps and local dates in UTC (17:30 UTC is still the same day, not 01:30 WITA the next)', async () => {
    const [row] = await ds.query(
      `SELECT ('2026-03-31T17:30:00Z'::timestamptz)::text AS t, ('2026-03-31T17:30:00Z'::timestamptz)::date::text AS d`,
    );
    expect(row).toEqual({ t: '2026-03-31 17:30:00+00', d: '2026-03-31' });
  });
});
