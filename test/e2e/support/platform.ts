import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../../..');

export interface RunningPlatform {
  baseUrl: string;
  child: ChildProcess;
  database: string;
  adminUrl: string;
  redisUrl: string;
  /** The platform's Redis key prefix: its keys are deleted when it stops. */
  queuePrefix: string;
  /** What start.mjs printed until it was ready (the banner included). */
  startOutput: string;
}

/**
 * Starts the built platform exactly as `npm start` does (tools/scripts/start.mjs --no-build), on its own
 * fresh database and queue prefix, and resolves once it prints KOMPETEN_READY.
 */
export async function startPlatform(port: number, extraEnv: Record<string, string> = {}): Promise<RunningPlatform> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `kompeten_test_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${database}`;
  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `kompeten-e2e-${randomBytes(3).toString('hex')}`;
  const child = spawn(process.execPath, [join(ROOT, 'tools/scripts/start.mjs'), '--no-build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      STORAGE_DIR: join(ROOT, 'tmp', database),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Platform did not start within 120 s:\n${output.slice(-4000)}`)),
      120_000,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /KOMPETEN_READY (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      fail(new Error(`Platform exited (${code}) before it was ready:\n${output.slice(-4000)}`)),
    );
  });
  return { baseUrl, child, database, adminUrl, redisUrl, queuePrefix, startOutput: output };
}

export async function stopPlatform(p: RunningPlatform): Promise<void> {
  if (p.child.exitCode === null) {
    p.child.kill('SIGTERM');
    await new Promise((r) => p.child.once('exit', r));
  }
  const admin = new Client({ connectionString: p.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${p.database} WITH (FORCE)`);
  await admin.end();
  // The platform's queues and counters: a browser run leaves no Redis keys behind.
  const redis = new IORedis(p.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${p.queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
