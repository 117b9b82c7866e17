// `npm run db:restore -- <backup folder> [--force]`: restores a backup made by `npm run db:backup` into DATABASE_URL (or
// the embedded PostgreSQL of `npm start`) and its uploaded files into STORAGE_DIR, then checks every table has the rows
// the manifest recorded. Stop the API and the worker first.
// Without --force it refuses a database that already has tables, or a STORAGE_DIR that already has files: restore into
// a fresh database (createdb) and an empty folder. With --force the existing objects are dropped and replaced
// (pg_restore --clean --if-exists) and the files are extracted over the folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  BackupError,
  exists,
  parseArgs,
  pgTool,
  redact,
  rowCounts,
  serverMajor,
  storageDir,
  targetDatabase,
  withClient,
} from './backup-lib.mjs';
import { log } from './infra.mjs';

async function main() {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const force = flags.has('--force');
  if (!positional[0])
    throw new BackupError('Name the backup folder: npm run db:restore -- .data/backups/kompeten-<timestamp> [--force]');
  const from = resolve(positional[0]);
  const manifestFile = join(from, 'manifest.json');
  if (!exists(manifestFile))
    throw new BackupError(`${from} holds no manifest.json: not a backup made by npm run db:backup.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (manifest.kind !== 'kompeten-backup' || manifest.format !== 1)
    throw new BackupError(`${manifestFile} is not a Kompeten backup manifest (format 1).`);

  const db = await targetDatabase();
  try {
    const major = await serverMajor(db.url);
    if (major < manifest.serverMajor)
      throw new BackupError(
        `The backup comes from PostgreSQL ${manifest.serverMajor}; restore it into PostgreSQL ${manifest.serverMajor} or newer (this server is ${major}).`,
      );
    const pgRestore = pgTool('pg_restore', manifest.serverMajor);
    const tables = await withClient(db.url, async (c) =>
      Number(
        (await c.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`)).rows[0].n,
      ),
    );
    if (tables > 0 && !force) {
      throw new BackupError(
        `${db.embedded ? 'The embedded database' : redact(db.url)} already has ${tables} tables. Restore into a fresh database, or add --force to replace its contents.`,
      );
    }
    const files = storageDir();
    if (
      manifest.files &&
      process.env.STORAGE_DRIVER !== 's3' &&
      exists(files) &&
      readdirSync(files).some((f) => f !== 'tmp') &&
      !force
    ) {
      throw new BackupError(
        `${files} (STORAGE_DIR) already holds files. Restore into an empty folder, or add --force to extract over it.`,
      );
    }

    log(`Restoring ${from} into ${db.embedded ? 'the embedded database' : redact(db.url)}`);
    const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${db.url}`];
    if (force) args.push('--clean', '--if-exists');
    const r = spawnSync(pgRestore, [...args, join(from, manifest.database)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0)
      throw new BackupError(`pg_restore failed (exit ${r.status}); the database is unchanged (one transaction).`);

    if (manifest.files) {
      if (process.env.STORAGE_DRIVER === 's3')
        log('STORAGE_DRIVER=s3: the backup\u2019s local files are not extracted; restore the bucket separately.');
      else {
        mkdirSync(files, { recursive: true });
        execFileSync('tar', ['-xzf', join(from, manifest.files.archive), '-C', files], { stdio: 'inherit' });
      }
    }

    // The check an operator would do by hand: every table has exactly the rows it had when the backup was taken.
    const now = await rowCounts(db.url);
    const wrong = Object.entries(manifest.rows)
      .filter(([t, n]) => now[t] !== n)
      .map(([t, n]) => `${t}: ${now[t] ?? 'missing'} rows, backup had ${n}`);
    if (wrong.length) throw new BackupError(`The restored database differs from the backup:\n  ${wrong.join('\n  ')}`);
    const total = Object.values(now).reduce((a, b) => a + b, 0);
    log(
      `Restore complete: ${Object.keys(manifest.rows).length} tables, ${total} rows${manifest.files ? ', uploaded files' : ''}. Start the platform; it applies any newer migrations.`,
    );
    console.log(`KOMPETEN_RESTORED ${from}`);
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof BackupError ? `Restore failed: ${e.message}` : e);
  process.exit(1);
});
