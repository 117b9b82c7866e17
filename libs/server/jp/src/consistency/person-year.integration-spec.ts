import { bootLibTest, createWorld, type LibTestContext, type World } from '@kompeten/server-testing';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { writeLedgerLines } from '../test/ledger-lines';
import { checkJpConsistency, rebuildPersonYear } from './person-year-store';

interface AggregateRow {
  total_jp: string;
  formal_jp: string;
  social_jp: string;
  experiential_jp: string;
  monthly_jp: string[];
  by_form: Record<string, number>;
  by_competency_kind: Record<string, number>;
}

/**
 * The per-person-year aggregate against the ledger (jp.md contract §3): `rebuildPersonYear` recomputes it with one
 * GROUP BY, `checkJpConsistency` proves it equal to the ledger and finds any aggregate someone changed.
 */
describe('JP aggregate consistency (rebuildPersonYear, checkJpConsistency on real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let a: string;
  let b: string;

  const row = async (employeeId: string, year: number): Promise<AggregateRow | undefined> =>
    (
      await lib.db.query(
        `SELECT total_jp, formal_jp, social_jp, experiential_jp, monthly_jp::text[] AS monthly_jp, by_form, by_competency_kind
           FROM jp_person_year WHERE employee_id = $1 AND year = $2`,
        [employeeId, year],
      )
    )[0];

  beforeAll(async () => {
    lib = await bootLibTest({ entities: ORGANISATION_ENTITIES, imports: [] });
    world = await createWorld(lib.db, { learners: 2 });
    [a, b] = world.learners.map((l) => l.employeeId as string);
    const agencyId = world.agency.id;
    await writeLedgerLines(lib.db, [
      { employeeId: a, agencyId, occurredOn: '2026-01-15', jp: 12.5, jenisDiklatId: 16, competencyKind: 'teknis' },
      { employeeId: a, agencyId, occurredOn: '2026-01-20', jp: 3, jenisDiklatId: 14, competencyKind: null },
      { employeeId: a, agencyId, occurredOn: '2026-03-01', jp: 8, jenisDiklatId: 10, competencyKind: 'manajerial' },
      { employeeId: a, agencyId, occurredOn: '2026-03-02', jp: -8, jenisDiklatId: 10, competencyKind: 'manajerial' },
      { employeeId: a, agencyId, occurredOn: '2025-12-31', jp: 6, jenisDiklatId: 9, competencyKind: 'sosial_kultural' },
      { employeeId: b, agencyId, occurredOn: '2026-11-30', jp: 1.33, jenisDiklatId: 23, competencyKind: 'teknis' },
    ]);
  });
  afterAll(() => lib?.close());

  it('recomputes totals, channels, months, forms and competency kinds from the ledger (a reversal nets to 0)', async () => {
    expect(await row(a, 2026)).toEqual({
      total_jp: '15.50',
      formal_jp: '12.50',
      social_jp: '3.00',
      experiential_jp: '0.00',
      monthly_jp: ['15.50', '0', '0.00', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      by_form: { '16': 12.5, '14': 3, '10': 0 },
      by_competency_kind: { teknis: 12.5, manajerial: 0 },
    });
    expect(await row(a, 2025)).toMatchObject({
      total_jp: '6.00',
      by_form: { '9': 6 },
      by_competency_kind: { sosial_kultural: 6 },
    });
    expect(await row(b, 2026)).toMatchObject({ total_jp: '1.33', social_jp: '1.33' });
  });

  it('finds nothing to report when the aggregate equals the ledger', async () => {
    const r = await checkJpConsistency(lib.db.manager);
    expect(r).toMatchObject({
      consistent: true,
      personYearsChecked: 3,
      ledgerLines: 6,
      mismatchCount: 0,
      mismatches: [],
    });
  });

  it('finds a tampered total, month or form, a missing aggregate and an aggregate without lines; a rebuild repairs them', async () => {
    await lib.db.query(`UPDATE jp_person_year SET total_jp = total_jp + 1 WHERE employee_id = $1 AND year = 2026`, [a]);
    await lib.db.query(
      `UPDATE jp_person_year SET monthly_jp[3] = 4, by_form = by_form || '{"9": 2}' WHERE employee_id = $1 AND year = 2025`,
      [a],
    );
    await lib.db.query(`DELETE FROM jp_person_year WHERE employee_id = $1 AND year = 2026`, [b]);
    await lib.db.query(`INSERT INTO jp_person_year (employee_id, year, total_jp) VALUES ($1, 2024, 2)`, [b]);
    const r = await checkJpConsistency(lib.db.manager);
    expect(r.consistent).toBe(false);
    expect(r.mismatchCount).toBe(4);
    expect(
      r.mismatches
        .map((m) => ({ who: m.employeeId === a ? 'a' : 'b', year: m.year, kind: m.kind, fields: m.fields }))
        .sort((x, y) => `${x.who}${x.year}`.localeCompare(`${y.who}${y.year}`)),
    ).toEqual([
      { who: 'a', year: 2025, kind: 'differs', fields: ['monthly_jp', 'by_form'] },
      { who: 'a', year: 2026, kind: 'differs', fields: ['total_jp'] },
      { who: 'b', year: 2024, kind: 'orphan', fields: [] },
      { who: 'b', year: 2026, kind: 'missing', fields: [] },
    ]);
    expect(r.mismatches.find((m) => m.employeeId === a && m.year === 2026)).toMatchObject({
      aggregateTotalJp: 16.5,
      ledgerTotalJp: 15.5,
    });
    // Only the ASN asked about.
    expect((await checkJpConsistency(lib.db.manager, { employeeIds: [b] })).mismatchCount).toBe(2);

    expect(await rebuildPersonYear(lib.db.manager, { employeeIds: [a] })).toEqual({ upserted: 2, removed: 0 });
    expect((await checkJpConsistency(lib.db.manager)).mismatchCount).toBe(2);
    expect(await rebuildPersonYear(lib.db.manager)).toEqual({ upserted: 3, removed: 1 });
    expect(await checkJpConsistency(lib.db.manager)).toMatchObject({ consistent: true, mismatchCount: 0 });
  });

  it('rebuilds idempotently: a second run writes the same numbers', async () => {
    const before = await lib.db.query(
      `SELECT employee_id, year, total_jp, monthly_jp::text, by_form, by_competency_kind FROM jp_person_year ORDER BY 1, 2`,
    );
    await rebuildPersonYear(lib.db.manager);
    await rebuildPersonYear(lib.db.manager, { years: [2026] });
    expect(
      await lib.db.query(
        `SELECT employee_id, year, total_jp, monthly_jp::text, by_form, by_competency_kind FROM jp_person_year ORDER BY 1, 2`,
      ),
    ).toEqual(before);
  });
});
