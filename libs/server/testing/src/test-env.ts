import { Client } from 'pg';

/** The server every test database lives on; override with TEST_DATABASE_URL (any database name; it is used to connect only). */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_ENV = 'KOMPETEN_TEST_TEMPLATE_DB';
export const RUN_ENV = 'KOMPETEN_TEST_RUN';

export function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Never touch a database whose name does not say it is a test database. */
export function assertTestName(name: string): void {
  if (!/^kompeten_test_[a-z0-9_]+$/.test(name))
    throw new Error(`Refusing to use "${name}": test databases must be named kompeten_test_*`);
}

export async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
