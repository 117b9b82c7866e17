import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { JobName, OutboxEvent, QueueName, type EmployeeImport } from '@kompeten/shared-contracts';
import { bullConnection, jobId, type AppConfig } from '@kompeten/server-core';
import { buildNip } from '@kompeten/shared-util';
// The worker is tested against the real API (uploads go through HTTP), booted by the API tests' apps/api/test/app.ts.
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from '../../apps/api/test/app';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const JOB_STATES = ['completed', 'waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A CSV of `n` valid, distinct PNS rows into the Kota Mataram units (serial and birth date together encode i). */
function bigCsv(n: number, salt: number): Buffer {
  const units = ['SETDA', 'BKPSDM', 'DINKES', 'DISDIK', 'DISKOMINFO', 'RSUD'];
  const lines = ['nip,nama,jenis_pegawai,jabatan,golongan,kode_unit'];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / 999);
    const nip = buildNip(
      { y: 1960 + salt, m: 1 + (k % 12), d: 1 + Math.floor(k / 12) },
      { y: 2000, m: 1 + (i % 12) },
      i % 2 ? 'P' : 'L',
      1 + (i % 999),
    );
    lines.push(`${nip},Pegawai ${salt}-${i},PNS,Pengadministrasi Perkantoran,II/c,${units[i % units.length]}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

describe('worker: outbox relay → BullMQ → job handlers (real PostgreSQL and Redis)', () => {
  let api: TestApi;
  let workerConfig: AppConfig;
  let worker: INestApplicationContext;
  let healthPort: number;
  let mataramId: string;
  let importsQueue: Queue;
  const extraContexts: INestApplicationContext[] = [];

  const boot = (config: AppConfig, processors = true) =>
    NestFactory.createApplicationContext(WorkerModule.forRoot(config, { processors }), {
      logger: false,
      abortOnError: false,
    });

  async function upload(csv: Buffer, query = ''): Promise<EmployeeImport> {
    const res = await api.http
      .post(`/api/agencies/${mataramId}/employee-imports${query}`)
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', csv, { filename: 'pegawai.csv', contentType: 'text/csv' });
    expect(res.status).toBe(202);
    return res.body as EmployeeImport;
  }

  async function getImport(id: string): Promise<EmployeeImport> {
    const res = await api.http.get(`/api/employee-imports/${id}`).set(await api.auth(DEMO.agencyAdmin));
    expect(res.status).toBe(200);
    return res.body as EmployeeImport;
  }

  async function outboxOf(
    importId: string,
  ): Promise<{ id: string; status: string; sent_at: Date | null; attempts: number; last_error: string | null }> {
    const [row] = await api.db.query(
      // The import's request (a finished import also writes employee-import.completed with the same aggregate).
      `SELECT id, status, sent_at, attempts, last_error FROM outbox_event WHERE aggregate_id = $1 AND event_type = $2`,
      [importId, OutboxEvent.EmployeeImportRequested],
    );
    return row;
  }

  async function deliveriesOf(outboxId: string): Promise<
    Array<{
      job_name: string;
      job_id: string;
      status: string;
      attempts: number;
      result: string | null;
      last_error: string | null;
    }>
  > {
    return api.db.query(
      `SELECT job_name, job_id, status, attempts, result, last_error FROM outbox_delivery WHERE event_id = $1`,
      [outboxId],
    );
  }

  async function totalJobs(): Promise<number> {
    const counts = await importsQueue.getJobCounts(...JOB_STATES);
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  beforeAll(async () => {
    api = await bootApi();
    healthPort = await freePort();
    // Same database, storage folder and queue prefix as the API: the worker reads what the API stored.
    workerConfig = { ...api.config, workerHealthPort: healthPort };
    worker = await boot(workerConfig);
    // Its own handle on the queue, so the jobs can still be inspected after the worker has shut down.
    importsQueue = new Queue(QueueName.Imports, {
      connection: bullConnection(api.config.redisUrl),
      prefix: api.config.queuePrefix,
    });
    mataramId = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
  });

  afterAll(async () => {
    for (const ctx of extraContexts) await ctx.close().catch(() => undefined);
    await worker?.close().catch(() => undefined);
    await importsQueue?.close();
    if (api) {
      // Leave nothing of this file's queues in Redis.
      const connection = bullConnection(api.config.redisUrl);
      for (const name of Object.values(QueueName)) {
        const q = new Queue(name, { connection, prefix: api.config.queuePrefix });
        await q.obliterate({ force: true });
        await q.close();
      }
      const redis = new IORedis(api.config.redisUrl);
      const left = await redis.keys(`${api.config.queuePrefix}:*`);
      if (left.length) await redis.del(...left);
      await redis.quit();
      await api.close();
    }
  });

  let first: EmployeeImport;

  it('processes an import uploaded through the API end to end', async () => {
    const csv = Buffer.from(
      [
        'nip;nama;gelar_belakang;jenis_pegawai;jabatan;golongan;kode_unit;nip_atasan',
        '199107072016011001;Baiq Wulan Sari;S.Kom., M.T.;PNS;Pranata Komputer Ahli Muda;III/c;DISKOMINFO;197501012000031003',
        '199107072016011000;Serial Nol;;PNS;;;DISKOMINFO;',
        '199208082023021002;Lalu Gede Putra;S.Pd.;PPPK;Guru Ahli Pertama;IX;DISDIK;',
      ].join('\r\n'),
    );
    const queued = await upload(csv);
    expect(queued).toMatchObject({ status: 'queued', fileName: 'pegawai.csv', agencyId: mataramId });
    first = await until('the import to finish', async () => {
      const imp = await getImport(queued.id);
      return imp.status === 'completed' || imp.status === 'failed' ? imp : null;
    });
    expect(first).toMatchObject({
      status: 'completed',
      totalRows: 3,
      processedRows: 3,
      createdCount: 2,
      updatedCount: 0,
      unchangedCount: 0,
      failedCount: 1,
      errorsTruncated: false,
      message: null,
      errors: [{ row: 3, nip: '199107072016011000', reason: expect.stringMatching(/000/) }],
    });
    const [wulan] = await api.db.query(
      `SELECT e.back_title, u.code AS unit, s.nip AS supervisor FROM employee e JOIN work_unit u ON u.id = e.unit_id LEFT JOIN employee s ON s.id = e.supervisor_id WHERE e.nip = '199107072016011001'`,
    );
    expect(wulan).toEqual({ back_title: 'S.Kom., M.T.', unit: 'DISKOMINFO', supervisor: '197501012000031003' });
  });

  it('marks the outbox row sent and enqueues exactly one job with the deterministic id, recording its delivery', async () => {
    const row = await outboxOf(first.id);
    expect(row.status).toBe('sent');
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeNull();
    const id = jobId(JobName.EmployeeImportRun, first.id);
    expect(id).toBe(`employee-import.run.${first.id}`);
    expect(await deliveriesOf(row.id)).toEqual([
      {
        job_name: JobName.EmployeeImportRun,
        job_id: id,
        status: 'done',
        attempts: 1,
        result: 'success',
        last_error: null,
      },
    ]);
    const job = await importsQueue.getJob(id);
    expect(job).toBeDefined();
    expect(job?.name).toBe(JobName.EmployeeImportRun);
    expect(job?.data).toEqual({ importId: first.id });
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toBe('success');
    expect(await totalJobs()).toBe(1);
  });

  it('does not create a second job when the same outbox row is relayed again', async () => {
    const row = await outboxOf(first.id);
    await api.db.query(`UPDATE outbox_event SET status = 'pending', sent_at = NULL WHERE id = $1`, [row.id]);
    const relay = worker.get(OutboxRelay);
    // relayOnce may race the worker's own relay loop for the row; either way the row is relayed again.
    await until('the row to be relayed again', async () => {
      await relay.relayOnce();
      return (await outboxOf(first.id)).sent_at !== null;
    });
    expect((await outboxOf(first.id)).attempts).toBe(2);
    expect(await totalJobs()).toBe(1);
    expect(await deliveriesOf(row.id)).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    const job = await importsQueue.getJob(jobId(JobName.EmployeeImportRun, first.id));
    expect(job?.attemptsMade).toBeLessThanOrEqual(1);
    // The import was not run again.
    const after = await getImport(first.id);
    expect(after.finishedAt).toBe(first.finishedAt);
    expect(after.createdCount).toBe(2);
  });

  it('enqueues each event exactly once when relays run concurrently', async () => {
    // Two more workers without processors (their jobs stay visible), racing each other and the main worker's loop.
    const a = await boot({ ...workerConfig, workerHealthPort: 0 }, false);
    const b = await boot({ ...workerConfig, workerHealthPort: 0 }, false);
    extraContexts.push(a, b);
    const before = await totalJobs();
    const events = 250;
    // Imports that do not exist: the handler answers "skipped", which is all this test needs.
    const importIds = Array.from({ length: events }, () => randomUUID());
    const ids: string[] = await api.db.transaction(async (m) => {
      const out: string[] = [];
      for (const importId of importIds) {
        const [r] = await m.query(
          `INSERT INTO outbox_event (event_type, aggregate_id, payload) VALUES ($1, $2, $3) RETURNING id`,
          [OutboxEvent.EmployeeImportRequested, importId, { importId }],
        );
        out.push(r.id);
      }
      return out;
    });
    const ra = a.get(OutboxRelay);
    const rb = b.get(OutboxRelay);
    await Promise.all([ra.relayOnce(), rb.relayOnce(), ra.relayOnce(), rb.relayOnce()]);
    await until('every event to be relayed', async () => {
      const [{ pending }] = await api.db.query(
        `SELECT count(*)::int AS pending FROM outbox_event WHERE id = ANY($1) AND status = 'pending'`,
        [ids],
      );
      return pending === 0;
    });
    const rows: Array<{ attempts: number; last_error: string | null }> = await api.db.query(
      `SELECT attempts, last_error FROM outbox_event WHERE id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(events);
    expect(rows.every((r) => r.attempts === 1 && r.last_error === null)).toBe(true);
    expect(await totalJobs()).toBe(before + events);
    const jobs = await Promise.all(importIds.map((id) => importsQueue.getJob(jobId(JobName.EmployeeImportRun, id))));
    expect(jobs.filter(Boolean)).toHaveLength(events);
    // The main worker runs them: an import that does not exist is skipped, never failed.
    await until(
      'the jobs to run',
      async () => (await importsQueue.getJobCounts('completed')).completed === before + events,
      60_000,
      200,
    );
    const results = await Promise.all(
      importIds.slice(0, 20).map((id) => importsQueue.getJob(jobId(JobName.EmployeeImportRun, id))),
    );
    expect(results.map((j) => j?.returnvalue)).toEqual(Array(20).fill('skipped'));
    await until('every delivery to be recorded done', async () => {
      const [{ done }] = await api.db.query(
        `SELECT count(*)::int AS done FROM outbox_delivery WHERE event_id = ANY($1) AND status = 'done' AND result = 'skipped'`,
        [ids],
      );
      return done === events;
    });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM outbox_delivery WHERE event_id = ANY($1)`, [
      ids,
    ]);
    expect(n).toBe(events);
    await Promise.all([a.close(), b.close()]);
    extraContexts.length = 0;
  }, 90_000);

  it('answers GET /health on its own port with database, Redis and queue counts', async () => {
    const res = await fetch(`http://127.0.0.1:${healthPort}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { status: string; queues: Record<string, { failed: number }> };
    expect(body).toMatchObject({
      status: 'ok',
      database: 'up',
      redis: 'up',
      outboxPending: 0,
      outboxParked: 0,
      deliveries: { pending: 0, failed: 0, parked: 0 },
    });
    for (const name of Object.values(QueueName)) {
      expect(body.queues[name]).toEqual({
        waiting: expect.any(Number),
        active: expect.any(Number),
        delayed: expect.any(Number),
        failed: expect.any(Number),
      });
    }
    expect(body.queues[QueueName.Imports].failed).toBe(0);
    expect((await fetch(`http://127.0.0.1:${healthPort}/nope`)).status).toBe(404);
  });

  it('finishes the running job before it shuts down', async () => {
    const rows = 30_000;
    const queued = await upload(bigCsv(rows, 1));
    await until('the import to start', async () => (await getImport(queued.id)).status === 'running', 30_000, 20);
    await worker.close();
    const [row] = await api.db.query(
      `SELECT status, created_count, failed_count, message FROM employee_import WHERE id = $1`,
      [queued.id],
    );
    expect(row).toEqual({ status: 'completed', created_count: rows, failed_count: 0, message: null });
    const job = await importsQueue.getJob(jobId(JobName.EmployeeImportRun, queued.id));
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(1);
    expect(await deliveriesOf((await outboxOf(queued.id)).id)).toEqual([
      expect.objectContaining({ status: 'done', attempts: 1, result: 'success' }),
    ]);
  }, 120_000);
});
