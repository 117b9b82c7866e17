// The JP report bench's world (issue 16): NTB (the province and its ten regencies/cities, the demo world) grown to
// `asn` active ASN and `lines` JP ledger lines, all set-based SQL with generate_series (a million lines in well under a
// minute here), then the per-person-year aggregate rebuilt from the ledger by the app's own `rebuildPersonYear` (from
// the compiled build the platform runs; operators have the same as `cli.js jp:rebuild`), and the tables analysed. Deterministic: the same counts give the same data.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inAppTransaction, managerOf } from './app-manager.mjs';

/** SIASN jenis diklat forms the generator writes, with the 10:20:70 channel of the national defaults and a weight. */
const FORMS = [
  [16, 'E-Learning', 'formal', 30],
  [3, 'Diklat Teknis', 'formal', 10],
  [8, 'Bimbingan Teknis', 'formal', 8],
  [9, 'Seminar', 'formal', 9],
  [4, 'Workshop', 'formal', 5],
  [11, 'Kursus', 'formal', 3],
  [1, 'Diklat Struktural', 'formal', 1],
  [2, 'Diklat Fungsional', 'formal', 2],
  [5, 'Pelatihan Manajerial', 'formal', 2],
  [14, 'Coaching', 'social', 7],
  [15, 'Mentoring', 'social', 6],
  [23, 'Komunitas Belajar', 'social', 5],
  [10, 'Magang', 'experiential', 3],
  [24, 'Bimbingan di Tempat Kerja', 'experiential', 6],
  [18, 'Detasering (Secondment)', 'experiential', 3],
];

/** The agencies of NTB (the province and the agencies under it). */
export const NTB_AGENCIES_SQL = `SELECT a.id FROM agency a WHERE a.code = 'prov-ntb' OR a.parent_id = (SELECT id FROM agency WHERE code = 'prov-ntb')`;

/**
 * Adds ASN to NTB until it has `asn` active ones (spread evenly over its 11 agencies and all their units, ~1 % without a
 * unit; 15 % PPPK; 10 % struktural, 40 % fungsional, 50 % pelaksana; ranks by kind), then writes `lines` ledger lines:
 * 70 % in `year` (months up to `lastMonth`), 30 % in the year before; JP 1–4.5; forms by the weights above. One ASN in
 * twenty has no line; the others get lines skewed by u^2.4, so some have many and many have few — about 45 % end below
 * 20 JP, and the report has something to show in every bucket.
 */
// Line ids and source ids ascend with the series (b0…/b1… followed by the line number): the primary key and the
// one-credit-per-source index grow at their right edge instead of taking a million random inserts.
export async function generateJpWorld(db, { asn, lines, year, lastMonth }) {
  const t0 = performance.now();
  const {
    rows: [{ n: existing }],
  } = await db.query(`SELECT count(*)::int AS n FROM employee WHERE active AND agency_id IN (${NTB_AGENCIES_SQL})`);
  const add = Math.max(0, asn - existing);
  await db.query('BEGIN');
  try {
    const inserted = await db.query(
      `WITH agencies AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM (${NTB_AGENCIES_SQL}) a),
            n_agencies AS (SELECT count(*)::int AS n FROM agencies),
            units AS (SELECT u.id, u.agency_id, (row_number() OVER (PARTITION BY u.agency_id ORDER BY u.path) - 1)::int AS k,
                             count(*) OVER (PARTITION BY u.agency_id)::int AS n FROM work_unit u),
            people AS (SELECT i, date '1970-01-01' + (i % 9000) AS birth, i % 100 < 15 AS pppk, i % 10 AS kind
                         FROM generate_series(0, $1::int - 1) AS i)
       INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, position_name, position_kind, rank, birth_date, gender)
       SELECT to_char(p.birth, 'YYYYMMDD')
                || CASE WHEN p.pppk THEN '2022' ELSE (extract(year FROM p.birth)::int + 25)::text END
                || lpad((1 + p.i / 9000)::text, 2, '0') || (1 + p.i % 2)::text || '998',
              a.id, CASE WHEN p.i % 97 = 0 THEN NULL ELSE u.id END,
              CASE WHEN p.pppk THEN 'PPPK' ELSE 'PNS' END,
              'ASN Bench JP ' || lpad(p.i::text, 6, '0'),
              CASE WHEN p.kind = 0 THEN 'Kepala Seksi' WHEN p.kind <= 4 THEN 'Analis Kebijakan' ELSE 'Pengadministrasi Umum' END,
              CASE WHEN p.kind = 0 THEN 'struktural' WHEN p.kind <= 4 THEN 'fungsional' ELSE 'pelaksana' END,
              CASE WHEN p.pppk THEN (ARRAY['V','VII','IX','X','XI'])[1 + p.i % 5]
                   WHEN p.kind = 0 THEN (ARRAY['III/d','IV/a','IV/b'])[1 + p.i % 3]
                   WHEN p.kind <= 4 THEN (ARRAY['III/a','III/b','III/c','III/d'])[1 + p.i % 4]
                   ELSE (ARRAY['II/a','II/b','II/c','II/d','III/a','III/b'])[1 + p.i % 6] END,
              p.birth, CASE WHEN p.i % 2 = 0 THEN 'L' ELSE 'P' END
         FROM people p CROSS JOIN n_agencies na
         JOIN agencies a ON a.k = p.i % na.n
         JOIN units u ON u.agency_id = a.id AND u.k = (p.i / na.n) % u.n`,
      [add],
    );
    if (inserted.rowCount !== add) throw new Error(`Inserted ${inserted.rowCount} ASN, expected ${add}`);
    const employeesSeconds = (performance.now() - t0) / 1000;
    const forms = FORMS.flatMap(([id, name, channel, w]) => Array.from({ length: w }, () => ({ id, name, channel })));
    const t1 = performance.now();
    const written = await db.query(
      `WITH emp AS (SELECT id, agency_id, (row_number() OVER (ORDER BY id) - 1)::int AS k
                      FROM employee WHERE active AND agency_id IN (${NTB_AGENCIES_SQL}) AND abs(hashtext(id::text)) % 20 <> 0),
            ne AS (SELECT count(*)::int AS n FROM emp),
            forms AS (SELECT (row_number() OVER () - 1)::int AS k, x.id, x.name, x.channel
                        FROM jsonb_to_recordset($2::jsonb) AS x(id int, name text, channel text)),
            nf AS (SELECT count(*)::int AS n FROM forms),
            rs AS (SELECT id FROM jp_rule_set WHERE agency_id IS NULL ORDER BY effective_from DESC LIMIT 1),
            g AS (SELECT g, abs(hashint4(g)) AS h1, abs(hashint4(g + 1000000007)) AS h2, abs(hashint4(g * 7 + 13)) AS h3,
                         abs(hashint4(g * 31 + 101)) AS h4
                    FROM generate_series(1, $1::int) AS g),
            x AS (SELECT g.*, CASE WHEN (g.h4 / 7) % 10 < 7 THEN $3::int ELSE $3::int - 1 END AS yr FROM g)
       INSERT INTO jp_ledger_line (id, employee_id, agency_id, year, occurred_on, jp, jenis_diklat_id, channel, competency_kind,
                                   source_type, source_id, title, organiser, rule_set_id)
       SELECT ('b0' || lpad(to_hex(x.g), 30, '0'))::uuid, e.id, e.agency_id, x.yr,
              make_date(x.yr, 1 + x.h4 % CASE WHEN x.yr = $3::int THEN $4::int ELSE 12 END, 1 + (x.h3 / 8) % 28),
              (1 + x.h3 % 4) + 0.5 * ((x.h3 / 4) % 2),
              f.id, f.channel,
              (ARRAY['teknis','teknis','teknis','manajerial','sosial_kultural'])[1 + (x.h4 / 16) % 5],
              CASE WHEN f.id = 16 THEN 'course_completion' ELSE 'external_claim' END,
              ('b1' || lpad(to_hex(x.g), 30, '0'))::uuid, f.name || ' (bench) ' || (x.g % 500)::text, 'BPSDM Provinsi NTB', rs.id
         FROM x CROSS JOIN ne CROSS JOIN nf CROSS JOIN rs
         JOIN emp e ON e.k = floor(ne.n * power((x.h1 % 1000003)::float8 / 1000003, 2.4))::int
         JOIN forms f ON f.k = x.h2 % nf.n`,
      [lines, JSON.stringify(forms), year, lastMonth],
    );
    if (written.rowCount !== lines) throw new Error(`Wrote ${written.rowCount} ledger lines, expected ${lines}`);
    await db.query('COMMIT');
    return {
      addedAsn: add,
      existingAsn: existing,
      lines,
      employeesSeconds,
      linesSeconds: (performance.now() - t1) / 1000,
    };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}

/**
 * The app's own `rebuildPersonYear` and `checkJpConsistency` from the compiled build the platform runs, called in this
 * process on the bench's connection (an EntityManager is all they need: `query`, and a transaction for the rebuild).
 */
function appConsistencyStore(root) {
  const require = createRequire(import.meta.url);
  return require(join(root, 'dist/apps/api/libs/server/jp/src/consistency/person-year-store.js'));
}

/** Rebuilds the aggregate from the ledger with the app's `rebuildPersonYear`, in one transaction; returns its wall time. */
export async function rebuildAggregate(db, root) {
  const { rebuildPersonYear } = appConsistencyStore(root);
  const { result, seconds } = await inAppTransaction(db, (m) => rebuildPersonYear(m));
  return { seconds, upserted: result.upserted, removed: result.removed };
}

/**
 * Builds the province-level report aggregate of `year` with the app's own `rebuildReportGroups` (decision 0033) — what
 * the worker's `jp.rebuild-report-groups` does every minute — so the measured province summary reads the data just
 * generated rather than waiting for the schedule; returns its wall time.
 */
export async function buildReportGroups(db, root, year) {
  const require = createRequire(import.meta.url);
  const { rebuildReportGroups } = require(
    join(root, 'dist/apps/api/libs/server/jp/src/reports/report-groups-store.js'),
  );
  const { result, seconds } = await inAppTransaction(db, (m) => rebuildReportGroups(m, year));
  return { seconds, asn: result.asn, groups: result.groups };
}

/** The app's consistency check: every per-person-year aggregate equal to its ledger lines. */
export async function consistencyCheck(db, root) {
  const { checkJpConsistency } = appConsistencyStore(root);
  const t0 = performance.now();
  const report = await checkJpConsistency(managerOf(db));
  return { ok: report.consistent, report, seconds: (performance.now() - t0) / 1000 };
}
