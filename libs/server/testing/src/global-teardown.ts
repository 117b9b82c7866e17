import IORedis from 'ioredis';
import { RUN_ENV, TEST_REDIS_URL, withAdmin } from './test-env';

/** Deletes every Redis key under this run's test prefixes (`kompeten-test-<run>-*`) and returns how many remain. */
export async function deleteRunKeys(run: string, redisUrl = TEST_REDIS_URL): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    const match = `kompeten-test-${run}-*`;
    for (let pass = 0; pass < 3; pass++) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
    let left = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      cursor = next;
      left += keys.length;
    } while (cursor !== '0');
    return left;
  } finally {
    redis.disconnect();
  }
}

/** Drops the template and every database this run created, and deletes the Redis keys of its test files. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env[RUN_ENV];
  if (!run) return;
  await withAdmin(async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`, [
      `kompeten_test_%${run}%`,
    ]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
  const left = await deleteRunKeys(run);
  if (left) throw new Error(`${left} Redis keys under kompeten-test-${run}-* survived the teardown`);
}
