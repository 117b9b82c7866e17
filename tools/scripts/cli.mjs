// Runs an operator command of the built API (`migrate`, `migrate:revert`, `seed`, `ensure-admin`) against
// DATABASE_URL, or the embedded PostgreSQL that `npm start` uses when it is unset.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureJwtSecret, ensurePostgres, ROOT } from './infra.mjs';

const pg = await ensurePostgres();
const r = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/cli.js'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: pg.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: ensureJwtSecret(),
    TZ: 'UTC',
  },
});
await pg.stop();
process.exit(r.status ?? 1);
