import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxEvent, QueueName } from '@kompeten/shared-contracts';
import { bullConnection, CORE_ENTITIES, outboxInsertSql, type AppConfig } from '@kompeten/server-core';
import { CERTIFICATE_ENTITIES } from '@kompeten/server-certificate';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { SiasnSimulator } from '@kompeten/server-siasn-sim';
import {
  createTestDatabase,
  createWorld,
  openDataSource,
  testConfig,
  type TestDatabase,
} from '@kompeten/server-testing';

/** Completions to drive through the worker (the 1,000; SIASN_KILL_TEST_COMPLETIONS overrides it). */
const COMPLETIONS = Number(process.env.SIASN_KILL_TEST_COMPLETIONS || 1000);
const INSTANSI = 'A5EB03E23C8AF6A0E040640A2A0245A1';

/** The real worker (WorkerModule) in its own process, so the test can SIGKILL it. */
async function startWorker(config: AppConfig): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'processes/worker-process.ts'), [], {
    execArgv: ['-r', join(__dirname, '../../apps/api/test/processes/ts-register.cjs')],
    env: { ...process.env, KOMPETEN_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The worker process did not start in time')), 90_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The worker process exited with ${code}`));
    });
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function until<T>(what: string, fn: () => Promise<T | null | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Completions to SIASN end to end in the running platform (issue 17, "Done when"): 1,000 course completions with their
 * `course.completed` events; the real worker process issues a certificate for each (`certificate.issue-course-completion`)
 * and pushes it to SIASN (`certificate.issued` → `siasn.push-certificate`, then the sweep) while SIASN fails about 30 %
 * of calls, hangs some and loses 5 % of acknowledgements after storing; the worker is SIGKILLed mid-way and started
 * again. Exactly 1,000 certificates (one per completion, numbers gap-free) and exactly 1,000 SIASN records, one per
 * certificate number, each with its PDF; no push is left behind.
 */
describe('SIASN push through the real worker process, killed mid-way (PostgreSQL, Redis, the SIASN simulator)', () => {
  let database: TestDatabase;
  let db: DataSource;
  let config: AppConfig;
  const sim = new SiasnSimulator({ seed: 20261204 });
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDataSource(database.url, [
      ...CORE_ENTITIES,
      ...ORGANISATION_ENTITIES,
      ...IDENTITY_ENTITIES,
      ...LEARNING_ENTITIES,
      ...ENROLMENT_ENTITIES,
      ...CERTIFICATE_ENTITIES,
    ]);
    await sim.start();
    const c = sim.connection();
    config = testConfig(database.url, {
      SIASN_BASE_URL: c.baseUrl,
      SIASN_APIM_TOKEN_URL: c.apimTokenUrl,
      SIASN_APIM_KEY: c.apimKey,
      SIASN_APIM_SECRET: c.apimSecret,
      SIASN_SSO_TOKEN_URL: c.ssoTokenUrl,
      SIASN_SSO_CLIENT_ID: c.ssoClientId,
      SIASN_SSO_USERNAME: c.ssoUsername,
      SIASN_SSO_PASSWORD: c.ssoPassword,
      SIASN_RATE_PER_SECOND: '0',
      SIASN_TIMEOUT_MS: '1000',
      SIASN_RETRY_BASE_MS: '20',
      SIASN_RETRY_MAX_MS: '300',
      SIASN_SWEEP_EVERY_MS: '500',
    });
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) await killed(w);
    await sim.stop();
    const connection = bullConnection(config.redisUrl);
    for (const name of Object.values(QueueName)) {
      const q = new Queue(name, { connection, prefix: config.queuePrefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await db?.destroy();
    await database?.drop();
  });

  it(`${COMPLETIONS} completions → ${COMPLETIONS} certificates and exactly ${COMPLETIONS} SIASN records, though SIASN fails and the worker is killed`, async () => {
    const started = Date.now();
    const world = await createWorld(db, { learners: 1, course: {} });
    await db.query(`UPDATE agency SET siasn_instansi_id = $2 WHERE id = $1`, [world.agency.id, INSTANSI]);
    // COMPLETIONS ASN of the agency (valid 18-digit NIPs: birth date, appointment month, gender, serial), each enrolled in
    // the world's course and completed, with the completion's event — as enrolment's completion writes them.
    await db.query(
      `INSERT INTO employee (nip, agency_id, employee_type, full_name, birth_date, gender)
       SELECT to_char(d, 'YYYYMMDD') || '200901' || '1' || lpad(((i % 999) + 1)::text, 3, '0'), $1, 'PNS',
              'Peserta Uji ' || i, d, 'L'
         FROM generate_series(0, $2 - 1) AS i, LATERAL (SELECT date '1971-01-01' + (i / 999) AS d) b`,
      [world.agency.id, COMPLETIONS],
    );
    await db.query(
      `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, completed_at)
       SELECT $1, $2, e.id, e.agency_id, 'self', 'completed', now()
         FROM employee e WHERE e.full_name LIKE 'Peserta Uji %' AND e.agency_id = $3`,
      [world.course.courseId, world.course.versionId, world.agency.id],
    );
    await db.transaction(async (m) => {
      await m.query(
        `CREATE TEMP TABLE done ON COMMIT DROP AS
         WITH c AS (
           INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp, completed_at)
           SELECT en.id, en.course_id, en.course_version_id, en.employee_id, 4, now()
             FROM enrolment en JOIN employee e ON e.id = en.employee_id
            WHERE en.course_id = $1 AND e.full_name LIKE 'Peserta Uji %'
           RETURNING id)
         SELECT id FROM c`,
        [world.course.courseId],
      );
      await m.query(outboxInsertSql(OutboxEvent.CourseCompleted, 'done', 'done.id', { completionId: 'done.id' }));
    });
    const [{ n: completions }] = await db.query(`SELECT count(*)::int AS n FROM course_completion`);
    expect(completions).toBe(COMPLETIONS);

    sim.faults = {
      ...sim.faults,
      failRate: 0.25,
      throttleRate: 0.05,
      retryAfterSeconds: 0,
      hangRate: 0.01,
      hangMs: 1500,
      lostAckRate: 0.05,
    };
    const acknowledged = async () =>
      Number((await db.query(`SELECT count(*) AS n FROM siasn_push WHERE status = 'acknowledged'`))[0].n);

    workers.push(await startWorker(config));
    await until('a third of the pushes acknowledged', async () => (await acknowledged()) >= COMPLETIONS / 3, 240_000);
    await killed(workers[0]);
    const atKill = await acknowledged();
    workers.push(await startWorker(config));
    await until(
      'every push acknowledged and its document uploaded',
      async () => {
        const [r] = await db.query(
          `SELECT count(*) FILTER (WHERE status = 'acknowledged' AND document_status = 'uploaded') AS done,
                  count(*) AS total FROM siasn_push`,
        );
        return Number(r.total) === COMPLETIONS && Number(r.done) === COMPLETIONS;
      },
      300_000,
    );
    const totalMs = Date.now() - started;
    console.warn(
      `Completions → certificates → SIASN with the worker killed: ${COMPLETIONS} completions, killed at ${atKill} acknowledged, all delivered after ${totalMs} ms; simulator ${JSON.stringify(sim.counters)}`,
    );

    // One certificate per completion, every number distinct, the agency's sequence for the year gap-free.
    const [certs] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT source_id)::int AS sources, count(DISTINCT number)::int AS numbers,
              min(seq)::int AS lo, max(seq)::int AS hi
         FROM certificate WHERE source_type = 'course_completion' AND status = 'valid'`,
    );
    expect(certs).toEqual({ n: COMPLETIONS, sources: COMPLETIONS, numbers: COMPLETIONS, lo: 1, hi: COMPLETIONS });
    const numbers: string[] = (await db.query(`SELECT number FROM certificate`)).map(
      (r: { number: string }) => r.number,
    );

    const records = sim.records();
    expect(records).toHaveLength(COMPLETIONS);
    expect(new Set(records.map((r) => r.nomorSertipikat))).toEqual(new Set(numbers));
    const pushes: Array<{ siasn_record_id: string; number: string }> = await db.query(
      `SELECT siasn_record_id, completion->>'certificateNumber' AS number FROM siasn_push`,
    );
    const byNumber = new Map(records.map((r) => [r.nomorSertipikat, r.id]));
    for (const p of pushes) expect(p.siasn_record_id).toBe(byNumber.get(p.number));
    const documents = sim.uploadedDocuments();
    expect(new Set(documents.map((d) => d.idRiwayat))).toEqual(new Set(records.map((r) => r.id)));
    expect(sim.counters.failed + sim.counters.lostAcks).toBeGreaterThan(COMPLETIONS / 10);
  }, 600_000);
});
