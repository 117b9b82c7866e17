import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EVENT_CONSUMERS, JOB_QUEUE, JobName, OutboxEvent, QueueName } from '@kompeten/shared-contracts';
import {
  bullConnection,
  FILE_STORAGE,
  JobHandlerProvider,
  PermanentJobError,
  type AppConfig,
  type FileStorage,
  type JobHandler,
  type JobResult,
  type RetryPolicy,
} from '@kompeten/server-core';
import { createTestDatabase, testConfig, type TestDatabase } from '@kompeten/server-testing';
import { WorkerModule } from '../worker.module';
import { OutboxMaintenance } from './outbox-maintenance';
import { OutboxRelay, RELAY_MAX_ATTEMPTS } from './outbox-relay';
import type { OutboxRoutes } from './outbox-routes';

type TestData = { entityId: string };

const TestEvent = {
  TwoConsumers: 'test.two-consumers',
  OneConsumer: 'test.one-consumer',
  Outage: 'test.outage',
  NoConsumers: 'test.no-consumers',
} as const;

const fast: RetryPolicy = { attempts: 5, backoff: { type: 'fixed', delay: 100 } };

/** Counts its runs per entity; always succeeds. */
@Injectable()
@JobHandlerProvider()
class SucceedingConsumer implements JobHandler {
  readonly jobName = 'test.succeeds' as JobName;
  readonly retry = fast;
  readonly runs: string[] = [];
  async handle(data: never): Promise<JobResult> {
    this.runs.push((data as TestData).entityId);
    return 'success';
  }
}

/** Fails permanently (e.g. a certificate template that does not exist): retrying cannot help. */
@Injectable()
@JobHandlerProvider()
class PermanentlyFailingConsumer implements JobHandler {
  readonly jobName = 'test.fails-permanently' as JobName;
  readonly retry = fast;
  runs = 0;
  readonly gaveUp: string[] = [];
  async handle(): Promise<JobResult> {
    this.runs++;
    throw new PermanentJobError('Templat sertifikat instansi ini belum ada');
  }
  async onGiveUp(_data: never, error: Error): Promise<void> {
    this.gaveUp.push(error.message);
  }
}

/** A remote service that is down (every run throws) until the test brings it back. */
@Injectable()
@JobHandlerProvider()
class RemoteConsumer implements JobHandler {
  readonly jobName = 'test.remote' as JobName;
  readonly retry: RetryPolicy = { attempts: 2, backoff: { type: 'fixed', delay: 100 } };
  up = false;
  runs = 0;
  readonly gaveUp: string[] = [];
  async handle(): Promise<JobResult> {
    this.runs++;
    if (!this.up) throw new Error('SIASN tidak tersedia (503)');
    return 'success';
  }
  async onGiveUp(_data: never, error: Error): Promise<void> {
    this.gaveUp.push(error.message);
  }
}

@Module({
  providers: [SucceedingConsumer, PermanentlyFailingConsumer, RemoteConsumer],
  exports: [SucceedingConsumer, PermanentlyFailingConsumer, RemoteConsumer],
})
class TestJobsModule {}

const ROUTES: OutboxRoutes = {
  consumers: {
    ...EVENT_CONSUMERS,
    [TestEvent.TwoConsumers]: ['test.succeeds', 'test.fails-permanently'],
    [TestEvent.OneConsumer]: ['test.succeeds'],
    [TestEvent.Outage]: ['test.remote'],
    [TestEvent.NoConsumers]: [],
  },
  queues: {
    ...JOB_QUEUE,
    'test.succeeds': QueueName.Events,
    'test.fails-permanently': QueueName.Events,
    'test.remote': QueueName.Events,
  },
};

interface DeliveryRow {
  job_name: string;
  job_id: string;
  status: string;
  attempts: number;
  result: string | null;
  last_error: string | null;
}

interface EventRow {
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  parked_at: Date | null;
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

describe('outbox fan-out and delivery records (real PostgreSQL and Redis, the real worker)', () => {
  let database: TestDatabase;
  let config: AppConfig;
  let worker: INestApplicationContext;
  let db: DataSource;
  let events: Queue;

  async function publish(
    eventType: string,
    aggregateId: string = randomUUID(),
    payload: Record<string, unknown> = { entityId: aggregateId },
  ): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO outbox_event (event_type, aggregate_id, payload) VALUES ($1, $2, $3) RETURNING id`,
      [eventType, aggregateId, payload],
    );
    return row.id;
  }
  const eventOf = async (id: string): Promise<EventRow> =>
    (
      await db.query(`SELECT status, attempts, last_error, sent_at, parked_at FROM outbox_event WHERE id = $1`, [id])
    )[0];
  const deliveriesOf = (eventId: string): Promise<DeliveryRow[]> =>
    db.query(
      `SELECT job_name, job_id, status, attempts, result, last_error FROM outbox_delivery WHERE event_id = $1 ORDER BY job_name`,
      [eventId],
    );
  const settled = (eventId: string, n: number) =>
    until(`${n} finished deliveries of ${eventId}`, async () => {
      const rows = await deliveriesOf(eventId);
      return rows.length === n && rows.every((d) => ['done', 'failed', 'parked'].includes(d.status)) && rows;
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig(database.url, { OUTBOX_RETENTION_DAYS: '3' });
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, { routes: ROUTES, jobModules: [TestJobsModule] }),
      { logger: false, abortOnError: false },
    );
    db = worker.get(DataSource, { strict: false });
    events = new Queue(QueueName.Events, { connection: bullConnection(config.redisUrl), prefix: config.queuePrefix });
  });

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await events?.close();
    if (config) {
      const connection = bullConnection(config.redisUrl);
      for (const name of Object.values(QueueName)) {
        const q = new Queue(name, { connection, prefix: config.queuePrefix });
        await q.obliterate({ force: true });
        await q.close();
      }
    }
    await database?.drop();
  });

  it('runs each consumer of one event as its own job: one fails permanently and is parked, the other is done exactly once', async () => {
    const entity = randomUUID();
    const eventId = await publish(TestEvent.TwoConsumers, entity);
    const [failing, succeeding] = await settled(eventId, 2);
    expect(succeeding).toEqual({
      job_name: 'test.succeeds',
      job_id: `test.succeeds.${entity}`,
      status: 'done',
      attempts: 1,
      result: 'success',
      last_error: null,
    });
    expect(failing).toEqual({
      job_name: 'test.fails-permanently',
      job_id: `test.fails-permanently.${entity}`,
      status: 'parked',
      attempts: 1,
      result: null,
      last_error: 'Templat sertifikat instansi ini belum ada',
    });
    expect(await eventOf(eventId)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    // The permanent failure was not retried although its policy allows 5 attempts, and its give-up step ran once.
    const failed = worker.get(PermanentlyFailingConsumer);
    expect(failed.runs).toBe(1);
    expect(failed.gaveUp).toEqual(['Templat sertifikat instansi ini belum ada']);
    expect((await events.getJob(`test.fails-permanently.${entity}`))?.attemptsMade).toBe(1);
    expect(await (await events.getJob(`test.fails-permanently.${entity}`))?.getState()).toBe('failed');

    // Relaying the event again re-runs neither consumer.
    await db.query(`UPDATE outbox_event SET status = 'pending' WHERE id = $1`, [eventId]);
    await until('the event to be relayed again', async () => (await eventOf(eventId)).status === 'sent');
    await worker.get(OutboxRelay).relayOnce();
    await new Promise((r) => setTimeout(r, 500));
    expect(worker.get(SucceedingConsumer).runs.filter((e) => e === entity)).toEqual([entity]);
    expect(failed.runs).toBe(1);
    expect(await deliveriesOf(eventId)).toEqual([failing, succeeding]);
  });

  it('parks an event of an unknown type, or with no consumers, with the reason, while later events flow', async () => {
    const unknown = await publish('test.nobody-knows-me');
    const orphan = await publish(TestEvent.NoConsumers);
    const later = [
      await publish(TestEvent.OneConsumer),
      await publish(TestEvent.OneConsumer),
      await publish(TestEvent.OneConsumer),
    ];
    for (const id of later)
      expect(await settled(id, 1)).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    expect(await eventOf(unknown)).toMatchObject({
      status: 'parked',
      attempts: 1,
      last_error: 'Unknown event type "test.nobody-knows-me"',
      sent_at: null,
      parked_at: expect.any(Date),
    });
    expect(await eventOf(orphan)).toMatchObject({
      status: 'parked',
      attempts: 1,
      last_error: 'No consumers for event type "test.no-consumers"',
    });
    expect(await deliveriesOf(unknown)).toEqual([]);
    // Parked rows are not claimed again.
    await worker.get(OutboxRelay).relayOnce();
    expect((await eventOf(unknown)).attempts).toBe(1);
  });

  it('records a relay error although the relay\u2019s transaction rolled back, relays the rest of the batch, and parks the event that keeps failing', async () => {
    const poisoned = randomUUID();
    // Fails at COMMIT: the whole fan-out transaction (deliveries and the event's sent mark) rolls back.
    await db.query(`
      CREATE FUNCTION test_refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated failure at commit for %', NEW.job_id; END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER test_refuse_delivery AFTER INSERT ON outbox_delivery DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.job_id = 'test.succeeds.${poisoned}') EXECUTE FUNCTION test_refuse_delivery()`);
    try {
      const [bad, good] = await db.transaction(async (m) => {
        const ids: string[] = [];
        for (const aggregate of [poisoned, randomUUID()]) {
          const [r] = await m.query(
            `INSERT INTO outbox_event (event_type, aggregate_id, payload) VALUES ($1, $2, $3) RETURNING id`,
            [TestEvent.OneConsumer, aggregate, { entityId: aggregate }],
          );
          ids.push(r.id);
        }
        return ids;
      });
      const failedOnce = await until('the relay error to be recorded', async () => {
        const e = await eventOf(bad);
        return e.attempts > 0 && e;
      });
      expect(failedOnce.last_error).toBe(`simulated failure at commit for test.succeeds.${poisoned}`);
      expect(await deliveriesOf(bad)).toEqual([]);
      // The event beside it in the batch was relayed on its own.
      expect(await settled(good, 1)).toEqual([expect.objectContaining({ status: 'done' })]);
      expect(await eventOf(good)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      const parked = await until('the poisoned event to be parked', async () => {
        const e = await eventOf(bad);
        return e.status === 'parked' && e;
      });
      expect(parked).toMatchObject({
        attempts: RELAY_MAX_ATTEMPTS,
        last_error: `Parked after ${RELAY_MAX_ATTEMPTS} failed relay attempts: simulated failure at commit for test.succeeds.${poisoned}`,
      });
      expect(worker.get(SucceedingConsumer).runs).not.toContain(poisoned);
    } finally {
      await db.query(`DROP TRIGGER test_refuse_delivery ON outbox_delivery`);
      await db.query(`DROP FUNCTION test_refuse_delivery()`);
    }
  });

  it('leaves a durable failed record when a job uses up its attempts, and runs it again when the delivery is re-driven', async () => {
    const remote = worker.get(RemoteConsumer);
    const entity = randomUUID();
    const eventId = await publish(TestEvent.Outage, entity);
    const [failed] = await settled(eventId, 1);
    expect(failed).toEqual({
      job_name: 'test.remote',
      job_id: `test.remote.${entity}`,
      status: 'failed',
      attempts: 2,
      result: null,
      last_error: 'SIASN tidak tersedia (503)',
    });
    expect(remote.runs).toBe(2);
    expect(remote.gaveUp).toEqual(['SIASN tidak tersedia (503)']);

    // The service is back; an operator re-drives the delivery (docs/decisions/0017).
    remote.up = true;
    await db.query(`UPDATE outbox_delivery SET status = 'pending' WHERE event_id = $1`, [eventId]);
    await until('the re-driven delivery to be done', async () => (await deliveriesOf(eventId))[0].status === 'done');
    expect(await deliveriesOf(eventId)).toEqual([
      expect.objectContaining({ status: 'done', result: 'success', attempts: 3 }),
    ]);
    expect(remote.runs).toBe(3);
    expect(await (await events.getJob(`test.remote.${entity}`))?.getState()).toBe('completed');
  });

  it('queues again a delivery whose job Redis lost, and records a job BullMQ failed without the processor recording it', async () => {
    const maintenance = worker.get(OutboxMaintenance);
    // A delivery marked queued an hour ago whose job is not in Redis (Redis restarted without persistence).
    const lost = randomUUID();
    const lostEvent = await publish(TestEvent.OneConsumer, lost);
    await settled(lostEvent, 1);
    await (await events.getJob(`test.succeeds.${lost}`))?.remove();
    await db.query(
      `UPDATE outbox_delivery SET status = 'queued', result = NULL, queued_at = now() - interval '1 hour' WHERE event_id = $1`,
      [lostEvent],
    );
    // A job that failed in BullMQ while PostgreSQL could not take the record: the delivery still says queued.
    const remote = worker.get(RemoteConsumer);
    remote.up = false;
    const stuck = randomUUID();
    const stuckEvent = await publish(TestEvent.Outage, stuck);
    await settled(stuckEvent, 1);
    await db.query(
      `UPDATE outbox_delivery SET status = 'queued', last_error = NULL, queued_at = now() - interval '1 hour' WHERE event_id = $1`,
      [stuckEvent],
    );
    const gaveUpBefore = remote.gaveUp.length;

    expect(await maintenance.reconcile()).toEqual({ requeued: 1, failed: 1, done: 0 });
    await until('the lost job to run again', async () => (await deliveriesOf(lostEvent))[0].status === 'done');
    expect(worker.get(SucceedingConsumer).runs.filter((e) => e === lost)).toEqual([lost, lost]);
    expect(await deliveriesOf(stuckEvent)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 2, last_error: 'SIASN tidak tersedia (503)' }),
    ]);
    expect(remote.gaveUp).toHaveLength(gaveUpBefore + 1);
    expect(await maintenance.reconcile()).toEqual({ requeued: 0, failed: 0, done: 0 });
  });

  it('prunes relayed events past OUTBOX_RETENTION_DAYS whose deliveries are all done, and keeps every other record', async () => {
    const insert = async (status: string, daysAgo: number, delivery: string | null): Promise<string> => {
      const [e] = await db.query(
        `INSERT INTO outbox_event (event_type, aggregate_id, payload, status, created_at, sent_at, parked_at)
         VALUES ($1, gen_random_uuid(), '{}', $2, now() - make_interval(days => $3), CASE WHEN $2 = 'sent' THEN now() - make_interval(days => $3) END,
                 CASE WHEN $2 = 'parked' THEN now() - make_interval(days => $3) END) RETURNING id`,
        [TestEvent.OneConsumer, status, daysAgo],
      );
      if (delivery)
        await db.query(
          `INSERT INTO outbox_delivery (event_id, job_name, job_id, status) VALUES ($1, 'test.succeeds', $2, $3)`,
          [e.id, `test.succeeds.${e.id}`, delivery],
        );
      return e.id;
    };
    const oldDone = await insert('sent', 4, 'done');
    const oldFailed = await insert('sent', 4, 'failed');
    const oldParkedDelivery = await insert('sent', 4, 'parked');
    const recentDone = await insert('sent', 2, 'done');
    const oldParkedEvent = await insert('parked', 30, null);

    expect(await worker.get(OutboxMaintenance).prune()).toBe(1);
    const left: Array<{ id: string }> = await db.query(`SELECT id FROM outbox_event WHERE id = ANY($1)`, [
      [oldDone, oldFailed, oldParkedDelivery, recentDone, oldParkedEvent],
    ]);
    expect(left.map((r) => r.id).sort()).toEqual([oldFailed, oldParkedDelivery, recentDone, oldParkedEvent].sort());
    expect(await deliveriesOf(oldDone)).toEqual([]);
    expect(await worker.get(OutboxMaintenance).prune()).toBe(0);
    expect(await worker.get(OutboxMaintenance).prune(1)).toBe(1);
  });

  it('retries an employee import that hit a database outage instead of failing it, and records both runs', async () => {
    const [agency] = await db.query(
      `INSERT INTO agency (code, name, level, time_zone) VALUES ('kota-uji', 'Kota Uji', 'kota', 'Asia/Makassar') RETURNING id`,
    );
    await db.query(
      `WITH id AS (SELECT gen_random_uuid() AS id) INSERT INTO work_unit (id, agency_id, code, name, path, depth) SELECT id.id, $1, 'SETDA', 'Sekretariat Daerah', '/' || id.id || '/', 0 FROM id`,
      [agency.id],
    );
    const storageKey = `imports/${agency.id}/${randomUUID()}.csv`;
    await worker
      .get<FileStorage>(FILE_STORAGE)
      .write(
        storageKey,
        Readable.from([Buffer.from('nip,nama,jenis_pegawai,kode_unit\n199404042019031011,Uji Ulang,PNS,SETDA\n')]),
      );
    const [imp] = await db.query(
      `INSERT INTO employee_import (agency_id, file_name, storage_key) VALUES ($1, 'pegawai.csv', $2) RETURNING id`,
      [agency.id, storageKey],
    );
    await db.query(`CREATE SEQUENCE test_import_outage`);
    await db.query(`
      CREATE FUNCTION test_import_outage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('test_import_outage') = 1 THEN RAISE EXCEPTION 'terminating connection (simulated outage)' USING ERRCODE = '08006'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER test_import_outage BEFORE INSERT ON employee_import_entry FOR EACH ROW EXECUTE FUNCTION test_import_outage()`,
    );
    try {
      const eventId = await publish(OutboxEvent.EmployeeImportRequested, imp.id, { importId: imp.id });
      const [delivery] = await settled(eventId, 1);
      expect(delivery).toMatchObject({
        job_id: `${JobName.EmployeeImportRun}.${imp.id}`,
        status: 'done',
        result: 'success',
        attempts: 2,
      });
      expect(delivery.last_error).toMatch(/simulated outage/);
      const [row] = await db.query(`SELECT status, created_count, message FROM employee_import WHERE id = $1`, [
        imp.id,
      ]);
      expect(row).toEqual({ status: 'completed', created_count: 1, message: null });
    } finally {
      await db.query(`DROP TRIGGER test_import_outage ON employee_import_entry`);
      await db.query(`DROP FUNCTION test_import_outage()`);
      await db.query(`DROP SEQUENCE test_import_outage`);
    }
  }, 60_000);
});
