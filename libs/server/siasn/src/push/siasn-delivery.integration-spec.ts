import Redis from 'ioredis';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { SiasnSimulator } from '@kompeten/server-siasn-sim';
import { bootLibTest, createWorld, TEST_REDIS_URL, type LibTestContext, type World } from '@kompeten/server-testing';
import { SiasnClient } from '../client/siasn-client';
import type { SiasnConnection } from '../client/siasn-config';
import { SIASN_ENTITIES } from '../index';
import { insertPush, markSent, claimPush, pushCounts, requeuePush } from './push-store';
import { SiasnDelivery, STRUCTURAL_KIND_MISSING } from './siasn-delivery';
import { SiasnRateLimiter } from './rate-limiter';

const INSTANSI = 'a5eb03e23c8af6a0e040640a2a0245a1';

/**
 * The SIASN push on real PostgreSQL and Redis against the simulator (issue 17): every completion lands exactly once in
 * SIASN while the simulator fails, throttles, hangs and loses acknowledgements after storing, and when a worker dies
 * right after its save reached SIASN. Unknown NIPs and validation errors are parked with the reason, and resent.
 */
describe('SIASN delivery (real PostgreSQL and Redis, the SIASN simulator with faults)', () => {
  let lib: LibTestContext;
  let world: World;
  let redis: Redis;
  const sim = new SiasnSimulator({ seed: 20261204 });
  let connection: SiasnConnection;
  const people: Array<{ employeeId: string; nip: string }> = [];
  let n = 0;

  const client = (o: { timeoutMs?: number; limiter?: SiasnRateLimiter } = {}) => {
    const limiter = o.limiter;
    return new SiasnClient(connection, {
      timeoutMs: o.timeoutMs ?? 2000,
      throttle: limiter ? () => limiter.acquire() : undefined,
    });
  };

  /** `count` completions to push, spread over the people; returns their push ids and certificate numbers. */
  const pushes = async (
    count: number,
    o: { title?: string; jenisDiklatId?: number; latihanStrukturalId?: number; withCertificate?: boolean } = {},
  ) => {
    const made: Array<{ id: string; certificate: string; nip: string }> = [];
    for (let i = 0; i < count; i++) {
      const p = people[(n + i) % people.length];
      const certificate = `800/${String(++n).padStart(5, '0')}/BPSDM/2026`;
      const id = await insertPush(lib.db.manager, {
        sourceType: 'course_completion',
        sourceId: crypto.randomUUID(),
        employeeId: p.employeeId,
        agencyId: world.agency.id,
        nip: p.nip,
        instansiId: INSTANSI,
        completion: {
          title: o.title ?? 'Pelayanan Publik Prima',
          organiser: 'BPSDM Provinsi Nusa Tenggara Barat',
          jp: 4,
          jenisDiklatId: o.jenisDiklatId ?? 16,
          ...(o.latihanStrukturalId ? { latihanStrukturalId: o.latihanStrukturalId } : {}),
          startDate: '2026-12-01',
          endDate: '2026-12-04',
          certificateNumber: certificate,
        },
        ...(o.withCertificate ? { certificateId: crypto.randomUUID() } : {}),
      });
      made.push({ id, certificate, nip: p.nip });
    }
    return made;
  };

  /** Sweeps until nothing is due and nothing waits (or the deadline passes). */
  const drain = async (delivery: SiasnDelivery, deadlineMs = 240_000) => {
    const until = Date.now() + deadlineMs;
    for (;;) {
      const c = await pushCounts(lib.db.manager, world.agency.id);
      if (c.pending + c.sent + c.failed === 0 || Date.now() > until) return c;
      const swept = await delivery.sweep({ limit: 200, concurrency: 16 });
      if (swept.acknowledged + swept.retry + swept.parked === 0) await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...SIASN_ENTITIES],
      imports: [],
    });
    world = await createWorld(lib.db, { learners: 1 });
    for (let i = 0; i < 25; i++) {
      const p = await world.person();
      people.push({ employeeId: p.employeeId as string, nip: p.nip as string });
    }
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    await sim.start();
    connection = sim.connection();
  }, 120_000);
  beforeEach(async () => {
    sim.reset();
    await lib.db.query(`DELETE FROM siasn_push`);
  });
  afterAll(async () => {
    await sim.stop();
    redis?.disconnect();
    await lib?.close();
  });

  it('1,000 completions with 30 % of calls failing or throttled, some hanging and 5 % of answers lost: exactly 1,000 records', async () => {
    const made = await pushes(1000);
    sim.faults = {
      ...sim.faults,
      failRate: 0.25,
      throttleRate: 0.05,
      retryAfterSeconds: 0,
      hangRate: 0.01,
      hangMs: 600,
      lostAckRate: 0.05,
    };
    const delivery = new SiasnDelivery(lib.db, () => client({ timeoutMs: 300 }), {
      baseDelayMs: 5,
      maxDelayMs: 40,
      maxAttempts: 200,
    });
    const counts = await drain(delivery);
    expect(counts).toEqual({ pending: 0, sent: 0, acknowledged: 1000, failed: 0, parked: 0 });

    const records = sim.records();
    expect(records).toHaveLength(1000);
    expect(new Set(records.map((r) => r.nomorSertipikat)).size).toBe(1000);
    expect(sim.counters.failed).toBeGreaterThan(100);
    expect(sim.counters.hung).toBeGreaterThan(0);
    expect(sim.counters.lostAcks).toBeGreaterThan(10);
    // Each lost answer was found again by reading the ASN's history back (so were saves whose answer came after the
    // client's timeout): adopted, never posted twice.
    const rows: Array<{ certificate: string; record: string; adopted: boolean }> = await lib.db.query(
      `SELECT completion->>'certificateNumber' AS certificate, siasn_record_id AS record, adopted FROM siasn_push`,
    );
    expect(rows.filter((r) => r.adopted).length).toBeGreaterThanOrEqual(sim.counters.lostAcks);
    const byCertificate = new Map(records.map((r) => [r.nomorSertipikat, r.id]));
    expect(rows.every((r) => byCertificate.get(r.certificate) === r.record)).toBe(true);
    expect(made.every((p) => byCertificate.has(p.certificate))).toBe(true);
  }, 300_000);

  it('a worker killed right after its save reached SIASN: after its lease runs out the next worker adopts the record', async () => {
    const made = await pushes(20);
    const c = client();
    // The dying worker: takes each push, marks it sent, posts the save (SIASN stores it), and dies before recording.
    for (const p of made) {
      const push = await claimPush(lib.db.manager, p.id, 60_000);
      expect(push).not.toBeNull();
      await markSent(lib.db.manager, p.id);
      const pns = (await c.pnsOrangId(p.nip)) as string;
      await c.saveKursus({
        id: null,
        instansiId: INSTANSI,
        pnsOrangId: pns,
        jenisDiklatId: '16',
        jenisKursus: '',
        jenisKursusSertipikat: 'T',
        namaKursus: 'Pelayanan Publik Prima',
        institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
        jumlahJam: 4,
        tahunKursus: 2026,
        tanggalKursus: '01-12-2026',
        tanggalSelesaiKursus: '04-12-2026',
        nomorSertipikat: p.certificate,
        lokasiId: null,
      });
    }
    const restarted = new SiasnDelivery(lib.db, () => client(), { baseDelayMs: 5, maxDelayMs: 40 });
    // While the dead worker's lease holds, nobody touches its pushes.
    expect(await restarted.sweep({ limit: 100, concurrency: 4 })).toMatchObject({ acknowledged: 0 });
    await lib.db.query(`UPDATE siasn_push SET lease_until = now() - interval '1 second'`);
    expect(await drain(restarted)).toMatchObject({ acknowledged: 20, parked: 0 });
    expect(sim.records()).toHaveLength(20);
    const adopted = await lib.db.query(`SELECT count(*)::int AS n FROM siasn_push WHERE adopted`);
    expect(adopted[0].n).toBe(20);
  });

  it('parks an unknown NIP and a record SIASN refuses, with the reason; a resend after the fix delivers once', async () => {
    const [unknown] = await pushes(1);
    const [refused] = await pushes(1, { title: '   ' });
    sim.markUnknownNip(unknown.nip);
    const delivery = new SiasnDelivery(lib.db, () => client(), { baseDelayMs: 5, maxDelayMs: 40 });
    await drain(delivery);
    const reasons: Array<{ id: string; status: string; last_error: string }> = await lib.db.query(
      `SELECT id, status, last_error FROM siasn_push ORDER BY created_at`,
    );
    expect(reasons.find((r) => r.id === unknown.id)).toMatchObject({
      status: 'parked',
      last_error: `NIP ${unknown.nip} tidak ditemukan di SIASN`,
    });
    expect(reasons.find((r) => r.id === refused.id)).toMatchObject({
      status: 'parked',
      last_error: 'namaKursus wajib diisi',
    });
    // BKN fixes the NIP; the admin resends: delivered once. Resending an acknowledged push changes nothing.
    sim.reset();
    expect(await requeuePush(lib.db.manager, unknown.id)).toBe(true);
    await drain(delivery);
    expect(sim.records(unknown.nip)).toHaveLength(1);
    expect(await requeuePush(lib.db.manager, unknown.id)).toBe(false);
  });

  it('structural leadership training (jenis 1) becomes a riwayat diklat with its document (ref 874), also when every save loses its answer', async () => {
    const made = await pushes(12, {
      title: 'Pelatihan Kepemimpinan Pengawas',
      jenisDiklatId: 1,
      latihanStrukturalId: 2,
      withCertificate: true,
    });
    const pdf = Buffer.from('%PDF-1.7 sertifikat PKP');
    const delivery = new SiasnDelivery(
      lib.db,
      () => client(),
      { baseDelayMs: 5, maxDelayMs: 40 },
      async () => ({
        pdf,
        fileName: 'sertifikat.pdf',
      }),
    );
    // Every first save is stored at SIASN but its answer is lost: the retry reads the riwayat diklat back and adopts.
    sim.faults = { ...sim.faults, lostAckRate: 1 };
    for (const p of made) expect(await delivery.deliver(p.id)).toBe('retry');
    sim.faults = { ...sim.faults, lostAckRate: 0 };
    await lib.db.query(`UPDATE siasn_push SET next_attempt_at = now()`);
    expect(await drain(delivery)).toMatchObject({ acknowledged: 12, parked: 0 });

    expect(sim.records()).toHaveLength(0);
    const diklat = sim.diklatRecords();
    expect(diklat).toHaveLength(12);
    expect(new Set(diklat.map((d) => d.nomor))).toEqual(new Set(made.map((p) => p.certificate)));
    expect(diklat[0]).toMatchObject({
      latihanStrukturalId: '2',
      tahun: 2026,
      tanggal: '01-12-2026',
      tanggalSelesai: '04-12-2026',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
      jumlahJam: 4,
      bobot: 0,
      jenisKompetensi: 'Pelatihan Kepemimpinan Pengawas',
    });
    const rows: Array<{ certificate: string; record: string; adopted: boolean }> = await lib.db.query(
      `SELECT completion->>'certificateNumber' AS certificate, siasn_record_id AS record, adopted FROM siasn_push`,
    );
    const byNumber = new Map(diklat.map((d) => [d.nomor, d.id]));
    expect(rows.every((r) => r.adopted && byNumber.get(r.certificate) === r.record)).toBe(true);

    expect(await delivery.sweepDocuments({ limit: 100, concurrency: 4 })).toMatchObject({ uploaded: 12, parked: 0 });
    const docs = sim.uploadedDocuments();
    expect(docs).toHaveLength(12);
    expect(docs.every((d) => d.idRefDokumen === '874')).toBe(true);
    expect(new Set(docs.map((d) => d.idRiwayat))).toEqual(new Set(diklat.map((d) => d.id)));
  });

  it('parks structural leadership training whose course names no kind (latihanStrukturalId), saying so', async () => {
    const [old] = await pushes(1, { jenisDiklatId: 1 });
    const delivery = new SiasnDelivery(lib.db, () => client(), { baseDelayMs: 5 });
    expect(await delivery.deliver(old.id)).toBe('parked');
    const [row] = await lib.db.query(`SELECT status, last_error FROM siasn_push WHERE id = $1`, [old.id]);
    expect(row).toEqual({ status: 'parked', last_error: STRUCTURAL_KIND_MISSING });
    expect(sim.counters.calls).toBe(0);
    expect(sim.diklatRecords()).toHaveLength(0);
  });

  it('keeps every worker under the shared per-credential rate limit', async () => {
    await pushes(30);
    const limiter = () => new SiasnRateLimiter(redis, `siasn-test:${crypto.randomUUID()}`, 10);
    const shared = limiter();
    // Two "workers" with their own clients share one limiter key, as two processes would through Redis.
    const a = new SiasnDelivery(lib.db, () => client({ limiter: shared }), { baseDelayMs: 5 });
    const b = new SiasnDelivery(lib.db, () => client({ limiter: shared }), { baseDelayMs: 5 });
    const started = Date.now();
    await Promise.all([drain(a), drain(b)]);
    const seconds = (Date.now() - started) / 1000;
    // 30 pushes × 2 calls (data-utama, save) = 60 calls at ≤ 10 per second: six one-second windows at least, so more
    // than 4 s from the first call to the last, however the first window was cut.
    expect(sim.records()).toHaveLength(30);
    expect(sim.counters.calls).toBe(60);
    expect(seconds).toBeGreaterThan(4);
  }, 60_000);
});
