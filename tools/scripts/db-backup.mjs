// `npm run db:backup [-- --out=<folder>]`: a consistent backup of Kompeten's database (pg_dump custom format) and its
// uploaded files (a tarball of STORAGE_DIR), in one folder with a manifest:
//   <folder>/database.dump   pg_dump -Fc --no-owner --no-privileges (restorable into any PostgreSQL of the same or a newer major)
//   <folder>/storage.tar.gz  STORAGE_DIR without tmp/ (uploads in flight); absent with STORAGE_DRIVER=s3 (back the bucket up there)
//   <folder>/manifest.json   when, from which server, the applied migrations and the rows per table
// Database: DATABASE_URL, or the embedded PostgreSQL of `npm start` (started for the backup when it is not running).
// Default folder: .data/backups/kompeten-<UTC timestamp>. Docs: docs/operations.md, "Backups".
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { log, ROOT } from './infra.mjs';

async function main() {
  const { values } = parseArgs(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
  const out = resolve(values.out ?? join(ROOT, '.data/backups', `kompeten-${stamp}`));
  if (exists(out) && readdirSync(out).length)
    throw new BackupError(`${out} is not empty; choose another --out folder.`);
  const db = await targetDatabase();
  try {
    const major = await serverMajor(db.url);
    const pgDump = pgTool('pg_dump', major);
    mkdirSync(out, { recursive: true });
    log(`Backing up ${db.embedded ? 'the embedded database' : redact(db.url)} into ${out}`);
    // pg_dump takes one snapshot: every table as of the same moment, while the platform keeps running.
    const dump = spawnSync(
      pgDump,
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${join(out, 'database.dump')}`,
        `--dbname=${db.url}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (dump.status !== 0) throw new BackupError(`pg_dump failed (exit ${dump.status}).`);

    let files = null;
    if (process.env.STORAGE_DRIVER === 's3') {
      log(
        'STORAGE_DRIVER=s3: uploaded files live in the bucket and are not in this backup (use the bucket\u2019s versioning or replication).',
      );
    } else {
      const dir = storageDir();
      if (exists(dir) && statSync(dir).isDirectory()) {
        execFileSync('tar', ['-czf', join(out, 'storage.tar.gz'), '--exclude=./tmp', '-C', dir, '.'], {
          stdio: 'inherit',
        });
        files = { from: dir, archive: 'storage.tar.gz' };
      } else {
        log(`No uploaded files at ${dir}; the backup holds the database only.`);
      }
    }
    const migrations = await withClient(db.url, async (c) =>
      (await c.query('SELECT name FROM typeorm_migrations ORDER BY id')).rows.map((r) => r.name),
    ).catch(() => []);
    const manifest = {
      kind: 'kompeten-backup',
      format: 1,
      createdAt: new Date().toISOString(),
      serverMajor: major,
      database: 'database.dump',
      files,
      migrations,
      rows: await rowCounts(db.url),
    };
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const total = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
    log(
      `Backup complete: ${Object.keys(manifest.rows).length} tables, ${total} rows${files ? ', uploaded files' : ''} → ${out}`,
    );
    console.log(`KOMPETEN_BACKUP ${out}`);
  } catch (e) {
    if (exists(out) && !exists(join(out, 'manifest.json'))) rmSync(out, { recursive: true, force: true });
    throw e;
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof BackupError ? `Backup failed: ${e.message}` : e);
  process.exit(1);
});
