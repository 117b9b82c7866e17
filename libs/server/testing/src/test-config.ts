import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@kompeten/server-core';
import { TEST_REDIS_URL } from './test-env';

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
    QUEUE_PREFIX: `kompeten-test-${randomBytes(4).toString('hex')}`,
    // Tests fire hundreds of requests a second as one user; the rate-limit test sets its own tiny budget.
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    ...overrides,
  });
}
