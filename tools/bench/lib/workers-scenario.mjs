// The background workers' scenario (issue 17): certificates issued per second by one worker process, and SIASN
// deliveries per second against the simulator with its rate limit off — each with the ceiling of the same run.
//
// Both run in this process on the compiled worker build (dist/apps/worker), the code a worker runs:
// - certificates: `CertificateIssuing.issue` (number from the agency's sequence, PDF with pdf-lib and its QR code,
//   Ed25519 signature, row) in one transaction per certificate, `concurrency` at a time on a pool — what the
//   `certificate.issue-course-completion` job does after reading the completion. Ceiling: `renderCertificatePdf`
//   alone in the same process (PDF + QR, no database, no signing): the CPU bound of one worker.
// - SIASN: `insertPush` rows, then `SiasnDelivery.sweep` until all are acknowledged (data-utama, /kursus/save, the
//   state row per push), against the simulator in this process, no faults, no rate limit (the platform's worker paused
//   meanwhile, so its own sweep does not take these pushes). Ceiling: the same number of
//   `/kursus/save` calls straight from a `SiasnClient` (tokens cached), same concurrency, no database.
// Checks: every certificate number distinct and the agency's sequence gap-free; every push acknowledged, exactly one
// SIASN record per certificate number.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { managerOf } from './app-manager.mjs';
import { log } from './platform.mjs';

const check = (name, ok, detail = '') => ({ name, ok: !!ok, detail });

async function lanes(count, concurrency, fn) {
  let next = 0;
  const lane = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}

function modules(root) {
  const require = createRequire(import.meta.url);
  const lib = (p) => require(join(root, 'dist/apps/worker/libs/server', p));
  return {
    certificate: lib('certificate/src/index.js'),
    siasn: lib('siasn/src/index.js'),
    sim: lib('siasn-sim/src/index.js'),
  };
}

function contentFor(person, agencyName, i) {
  return {
    title: 'SURAT TANDA TAMAT PELATIHAN',
    participant: {
      name: person.name,
      nip: person.nip,
      rank: 'Penata Muda (III/a)',
      position: 'Analis Sumber Daya Manusia Aparatur',
      agency: agencyName,
    },
    training: {
      name: `Pelayanan Publik Prima angkatan ${1 + (i % 40)}`,
      startDate: '2026-11-02',
      endDate: '2026-11-05',
      place: 'Mataram',
      jp: 24,
      result: 'Lulus',
      subjects: [
        { title: 'Etika pelayanan publik', jp: 8 },
        { title: 'Standar pelayanan', jp: 8 },
        { title: 'Pengelolaan pengaduan', jp: 8 },
      ],
    },
    issuer: { agency: agencyName, city: 'Mataram', issuedOn: '2026-11-05' },
    signatory: { name: 'Dr. H. Lalu Hamzi Fikri, S.Pd., M.Pd.', position: 'Kepala BPSDM', nip: '197304121998031004' },
  };
}

export async function workersScenario(ctx, o) {
  const { root, database, sampler } = ctx;
  const { certificate, siasn, sim: simLib } = modules(root);
  const pool = new pg.Pool({ connectionString: ctx.dbUrl, max: o.concurrency + 2 });
  const out = { certificates: o.certificates, pushes: o.pushes, concurrency: o.concurrency, checks: [] };
  try {
    const {
      rows: [agency],
    } = await pool.query(`SELECT id, name FROM agency WHERE level = 'provinsi' ORDER BY name LIMIT 1`);
    const { rows: people } = await pool.query(
      `SELECT id, nip, full_name AS name FROM employee WHERE nip ~ '^[0-9]{18}$' ORDER BY nip LIMIT 200`,
    );
    if (!agency || !people.length) throw new Error('The workers scenario needs the demo agency and its ASN');

    // Certificates: ceiling first (render only), then the issuing path.
    const signer = certificate.LocalEd25519Signer.generate();
    const issuing = new certificate.CertificateIssuing(signer, 'https://kompeten.example.go.id');
    const sample = (i) => ({
      ...contentFor(people[i % people.length], agency.name, i),
      number: `800/${i}/BENCH/2026`,
      verifyUrl: `https://kompeten.example.go.id/verifikasi/${randomUUID()}`,
    });
    const renderCount = Math.max(20, Math.round(o.certificates / 2));
    let mark = sampler.mark();
    let t = performance.now();
    await lanes(renderCount, o.concurrency, (i) => certificate.renderCertificatePdf(sample(i)));
    out.renderCeiling = {
      count: renderCount,
      perSecond: renderCount / ((performance.now() - t) / 1000),
      resources: sampler.window(mark),
    };
    log(
      `  certificates: render-only ceiling ${out.renderCeiling.perSecond.toFixed(1)}/s (${renderCount} PDFs, ${o.concurrency} at a time)`,
    );

    const year = 2026;
    const before = Number(
      (
        await pool.query(`SELECT coalesce(max(seq), 0) AS s FROM certificate WHERE agency_id = $1 AND year = $2`, [
          agency.id,
          year,
        ])
      ).rows[0].s,
    );
    const latencies = [];
    mark = sampler.mark();
    t = performance.now();
    await lanes(o.certificates, o.concurrency, async (i) => {
      const person = people[i % people.length];
      const client = await pool.connect();
      const t0 = performance.now();
      try {
        await client.query('BEGIN');
        await issuing.issue(managerOf(client), {
          sourceType: 'bench',
          sourceId: randomUUID(),
          employeeId: person.id,
          agencyId: agency.id,
          pattern: '800/{seq:00000}/{kode}/{bulanRomawi}/{tahun}',
          kode: 'BPSDM',
          unit: 'PKP',
          content: contentFor(person, agency.name, i),
        });
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
      latencies.push(performance.now() - t0);
    });
    const seconds = (performance.now() - t) / 1000;
    latencies.sort((a, b) => a - b);
    out.issue = {
      perSecond: o.certificates / seconds,
      seconds,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)],
      p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))],
      resources: sampler.window(mark),
    };
    log(
      `  certificates: ${out.issue.perSecond.toFixed(1)} issued/s by one process (p50 ${out.issue.p50Ms.toFixed(0)} ms, p99 ${out.issue.p99Ms.toFixed(0)} ms per certificate)`,
    );
    const {
      rows: [seq],
    } = await pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbers, min(seq) AS lo, max(seq) AS hi
         FROM certificate WHERE agency_id = $1 AND year = $2 AND seq > $3`,
      [agency.id, year, before],
    );
    out.checks.push(
      check(
        `${o.certificates} certificates issued, every number distinct, the agency's sequence gap-free`,
        seq.n === o.certificates &&
          seq.numbers === o.certificates &&
          seq.lo === before + 1 &&
          seq.hi === before + o.certificates,
        `${seq.n} rows, ${seq.numbers} numbers, seq ${seq.lo}–${seq.hi}`,
      ),
    );

    // SIASN: the simulator in this process, no faults, no rate limit. The platform's own worker is paused meanwhile:
    // its sweep (every 15 s) would otherwise take some of these pushes to the simulator `npm start` runs.
    const sim = new simLib.SiasnSimulator({ seed: 17 });
    await sim.start();
    if (ctx.workerPid) process.kill(ctx.workerPid, 'SIGSTOP');
    try {
      const connection = sim.connection();
      const client = new siasn.SiasnClient(connection, { timeoutMs: 10_000 });
      // Ceiling: /kursus/save straight from the client, the same count and concurrency, no database.
      await client.pnsOrangId(people[0].nip);
      const pnsOrangId = await client.pnsOrangId(people[0].nip);
      mark = sampler.mark();
      t = performance.now();
      await lanes(o.pushes, o.concurrency, (i) =>
        client.saveKursus(
          siasn.toKursusRecord(
            {
              title: 'Ceiling',
              organiser: agency.name,
              jp: 4,
              jenisDiklatId: 16,
              startDate: '2026-11-02',
              endDate: '2026-11-05',
              certificateNumber: `CEIL/${i}`,
            },
            { instansiId: 'a5eb03e23c8af6a0e040640a2a0245a1', pnsOrangId },
          ),
        ),
      );
      out.siasnCeiling = { perSecond: o.pushes / ((performance.now() - t) / 1000), resources: sampler.window(mark) };
      log(`  SIASN: ceiling ${out.siasnCeiling.perSecond.toFixed(0)} saves/s straight from the client`);
      sim.reset();

      const numbers = [];
      const admin = managerOf(pool);
      for (let i = 0; i < o.pushes; i++) {
        const person = people[i % people.length];
        const number = `BENCH/${String(i + 1).padStart(6, '0')}/${database}`;
        numbers.push(number);
        await siasn.insertPush(admin, {
          sourceType: 'bench',
          sourceId: randomUUID(),
          employeeId: person.id,
          agencyId: agency.id,
          nip: person.nip,
          instansiId: 'a5eb03e23c8af6a0e040640a2a0245a1',
          completion: {
            title: 'Pelayanan Publik Prima',
            organiser: agency.name,
            jp: 24,
            jenisDiklatId: 16,
            startDate: '2026-11-02',
            endDate: '2026-11-05',
            certificateNumber: number,
          },
        });
      }
      const delivery = new siasn.SiasnDelivery({ manager: admin }, () => client, { baseDelayMs: 50, maxDelayMs: 1000 });
      mark = sampler.mark();
      t = performance.now();
      let acknowledged = 0;
      for (let round = 0; round < 50 && acknowledged < o.pushes; round++) {
        const c = await delivery.sweep({ limit: o.pushes, concurrency: o.concurrency });
        acknowledged += c.acknowledged;
        if (c.acknowledged + c.retry + c.parked === 0) await new Promise((r) => setTimeout(r, 20));
      }
      const s = (performance.now() - t) / 1000;
      out.delivery = { perSecond: acknowledged / s, seconds: s, acknowledged, resources: sampler.window(mark) };
      log(
        `  SIASN: ${out.delivery.perSecond.toFixed(0)} deliveries/s (${acknowledged} acknowledged in ${s.toFixed(1)} s)`,
      );
      const records = new Map();
      for (const p of people)
        for (const r of await client.kursusHistory(p.nip))
          if (r.nomorSertipikat?.startsWith('BENCH/'))
            records.set(r.nomorSertipikat, (records.get(r.nomorSertipikat) ?? 0) + 1);
      const dup = [...records.values()].filter((n) => n > 1).length;
      const { rows: states } = await pool.query(
        `SELECT status, count(*)::int AS n, min(last_error) AS error FROM siasn_push WHERE source_type = 'bench' GROUP BY 1`,
      );
      out.checks.push(
        check(
          `${o.pushes} pushes acknowledged, exactly one SIASN record per certificate number`,
          acknowledged === o.pushes && records.size === o.pushes && dup === 0 && numbers.every((n) => records.has(n)),
          `${acknowledged} acknowledged, ${records.size} records, ${dup} duplicated; ${states.map((r) => `${r.status} ${r.n}${r.error ? ` (${r.error})` : ''}`).join(', ')}`,
        ),
      );
    } finally {
      if (ctx.workerPid) process.kill(ctx.workerPid, 'SIGCONT');
      await sim.stop();
    }
  } finally {
    await pool.end();
  }
  return out;
}
