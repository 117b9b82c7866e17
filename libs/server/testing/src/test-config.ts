import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@kompeten/server-core';
import { RUN_ENV, TEST_REDIS_URL } from './test-env';

/**
 * The Redis key prefix of one test file: `kompeten-test-<run>-<random>`, so the run's global teardown can delete (and
 * check) exactly the keys of its own files, never those of another run sharing the Redis.
 */
export function testQueuePrefix(): string {
  const run = process.env[RUN_ENV] ?? 'adhoc';
  return `kompeten-test-${run}-${randomBytes(4).toString('hex')}`;
}

/** A valid config for a test: its own database, storage folder and queue prefix (so parallel files never share jobs). */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    JWT_SECRET: randomBytes(32).toString('hex'),
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'kompeten-test-')),
    LOG_LEVEL: 'silent',
    WORKER_HEALTH_PORT: '0',
    QUEUE_PREFIX: testQueuePrefix(),
    // Tests fire hundreds of requests a second as one user; the rate-limit test sets its own tiny budget.
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    ...overrides,
  });
}
