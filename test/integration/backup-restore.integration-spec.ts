import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDraftCourse, createEnrolment, type TestApi, urlFor, withAdmin } from '@kompeten/server-testing';
import { bootApi, DEMO, publishQuizzes } from '../../apps/api/test/app';

// issue 13, "Backup and restore": `npm run db:backup` of a seeded database with enrolments and quiz attempts, restored
// by `npm run db:restore` into a fresh database, finds every row (the same count in every table, the same content in
// each) and every uploaded file. The scripts run as an operator runs them: plain Node, against DATABASE_URL.
const ROOT = resolve(__dirname, '../..');

function script(name: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(ROOT, 'tools/scripts', name), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Per table of the public schema: its row count and an md5 over all its rows (ordered by their text). */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ t: string }>(
    url,
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await query<{ n: string; h: string | null }>(
      url,
      `SELECT count(*) AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`,
    );
    out[t] = `${row.n}:${row.h ?? '-'}`;
  }
  return out;
}

describe('npm run db:backup / db:restore', () => {
  let api: TestApi;
  let sourceUrl: string;
  let storage: string;
  let courseId: string;
  const restored = `kompeten_test_restore_${randomBytes(4).toString('hex')}_${process.env.KOMPETEN_TEST_RUN}`;
  const backupDir = join(mkdtempSync(join(tmpdir(), 'kompeten-backup-')), 'backup');
  const restoredStorage = mkdtempSync(join(tmpdir(), 'kompeten-restored-'));

  beforeAll(async () => {
    api = await bootApi();
    sourceUrl = api.database.url;
    storage = api.config.storageDir;
    // Enrolments and quiz attempts, made through the API as learners make them.
    courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
    const author = await api.auth(DEMO.widyaiswara);
    const q = await api.http
      .post(`/api/courses/${courseId}/questions`)
      .set(author)
      .send({
        kind: 'true_false',
        prompt: 'ASN wajib berorientasi pelayanan.',
        points: 1,
        answerKey: { correct: true },
      });
    expect(q.status).toBe(201);
    const quiz = await api.http
      .post(`/api/courses/${courseId}/quizzes`)
      .set(author)
      .send({ title: 'Post-test', settings: { role: 'post_test' } });
    expect(quiz.status).toBe(201);
    const version = await publishQuizzes(api, courseId, [quiz.body.id]);
    for (const nip of [DEMO.learner, DEMO.pppkLearner]) {
      const enrolmentId = await createEnrolment(api.db, { courseId, versionId: version.versionId, nip });
      const attempt = await api.http
        .post(`/api/enrolments/${enrolmentId}/lessons/${version.lessonOf[quiz.body.id]}/attempts`)
        .set(await api.auth(nip));
      expect(attempt.status).toBe(201);
    }
    // An uploaded file as the local storage keeps it, and an upload in flight (tmp/) that a backup leaves out.
    mkdirSync(join(storage, 'course-files', courseId), { recursive: true });
    writeFileSync(join(storage, 'course-files', courseId, 'materi.pdf'), '%PDF-1.7 materi BerAKHLAK');
    mkdirSync(join(storage, 'tmp'), { recursive: true });
    writeFileSync(join(storage, 'tmp', 'partial-upload'), 'half');
    // The platform is stopped before a restore; a backup may run while it serves (pg_dump reads one snapshot).
    await api.app.close();
    await withAdmin((c) => c.query(`CREATE DATABASE ${restored}`));
  });

  afterAll(async () => {
    await api?.db.destroy();
    await api?.database.drop();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`));
  });

  it('backs up the database and the files, and restores both into a fresh database with every row', async () => {
    const enrolments = await query<{ n: string }>(sourceUrl, 'SELECT count(*) AS n FROM enrolment');
    const attempts = await query<{ n: string }>(sourceUrl, 'SELECT count(*) AS n FROM quiz_attempt');
    expect(Number(enrolments[0].n)).toBeGreaterThanOrEqual(2);
    expect(Number(attempts[0].n)).toBe(2);

    const backup = script('db-backup.mjs', [`--out=${backupDir}`], { DATABASE_URL: sourceUrl, STORAGE_DIR: storage });
    expect({ status: backup.status, out: backup.out }).toMatchObject({ status: 0 });
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      kind: 'kompeten-backup',
      database: 'database.dump',
      files: { archive: 'storage.tar.gz' },
    });
    expect(manifest.rows).toMatchObject({ enrolment: Number(enrolments[0].n), quiz_attempt: 2 });
    expect(manifest.migrations.length).toBeGreaterThan(0);

    const restore = script('db-restore.mjs', [backupDir], {
      DATABASE_URL: urlFor(restored),
      STORAGE_DIR: restoredStorage,
    });
    expect({ status: restore.status, out: restore.out }).toMatchObject({ status: 0 });

    const [before, after] = [await fingerprint(sourceUrl), await fingerprint(urlFor(restored))];
    expect(Object.keys(after).length).toBeGreaterThan(20);
    expect(after).toEqual(before);
    expect(readFileSync(join(restoredStorage, 'course-files', courseId, 'materi.pdf'), 'utf8')).toBe(
      '%PDF-1.7 materi BerAKHLAK',
    );
    expect(existsSync(join(restoredStorage, 'tmp', 'partial-upload'))).toBe(false);
  });

  it('refuses to restore over a database that has tables, unless told to replace it', async () => {
    const again = script('db-restore.mjs', [backupDir], {
      DATABASE_URL: urlFor(restored),
      STORAGE_DIR: mkdtempSync(join(tmpdir(), 'kompeten-restored-')),
    });
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/already has \d+ tables\. Restore into a fresh database, or add --force/);
    // --force replaces: a row added since the backup is gone, every other row is back.
    await query(urlFor(restored), `DELETE FROM quiz_attempt`);
    const forced = script('db-restore.mjs', [backupDir, '--force'], {
      DATABASE_URL: urlFor(restored),
      STORAGE_DIR: restoredStorage,
    });
    expect({ status: forced.status, out: forced.out }).toMatchObject({ status: 0 });
    expect(await fingerprint(urlFor(restored))).toEqual(await fingerprint(sourceUrl));
  });

  it('names what is missing instead of failing obscurely', () => {
    const r = script('db-restore.mjs', [join(tmpdir(), 'no-such-backup')], { DATABASE_URL: urlFor(restored) });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/holds no manifest\.json/);
  });
});
