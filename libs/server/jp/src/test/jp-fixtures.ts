import type { DataSource } from 'typeorm';
import { JENIS_DIKLAT, type JpRule } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import type { CreateRuleSetDto } from '../dto/jp.dto';
import { JP_ENTITIES } from '../index';

/** Test data for the JP lib's integration specs (rows written in SQL, as the testing lib's factories do). */

export const JP_TEST_ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
  ...JP_ENTITIES,
];

/** A completed enrolment and its completion at `completedAt`, as enrolment's completion rule writes them. */
export async function completeCourse(
  db: DataSource,
  o: { employeeId: string; courseId: string; versionId: string; jp: number; completedAt: string },
): Promise<string> {
  const [en] = await db.query(
    `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, completed_at)
     SELECT $1, $2, e.id, e.agency_id, 'self', 'completed', $4 FROM employee e WHERE e.id = $3 RETURNING id`,
    [o.courseId, o.versionId, o.employeeId, o.completedAt],
  );
  const [c] = await db.query(
    `INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [en.id, o.courseId, o.versionId, o.employeeId, o.jp, o.completedAt],
  );
  return c.id;
}

export interface LineRow {
  id: string;
  year: number;
  occurred_on: string;
  jp: string;
  jenis_diklat_id: number;
  channel: string;
  competency_kind: string | null;
  source_type: string;
  rule_set_id: string;
  reverses_id: string | null;
  calculation: Record<string, unknown> | null;
}

export async function linesOf(db: DataSource, employeeId: string): Promise<LineRow[]> {
  return db.query(
    `SELECT id, year, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, jp, jenis_diklat_id, channel, competency_kind,
            source_type, rule_set_id, reverses_id, calculation
       FROM jp_ledger_line WHERE employee_id = $1 ORDER BY created_at, id`,
    [employeeId],
  );
}

export interface PersonYearFigures {
  key: string;
  total: number;
  formal: number;
  social: number;
  experiential: number;
  monthly: number[];
  byForm: Record<string, number>;
  byKind: Record<string, number>;
}

/**
 * The consistency check, in SQL: each person-year of the employees as the ledger sums it (GROUP BY) and as
 * jp_person_year holds it. A test expects the two to be equal.
 */
export async function ledgerAndAggregate(
  db: DataSource,
  employeeIds: string[],
): Promise<{ ledger: PersonYearFigures[]; aggregate: PersonYearFigures[] }> {
  const ledger = new Map<string, PersonYearFigures>();
  const blank = (key: string): PersonYearFigures => ({
    key,
    total: 0,
    formal: 0,
    social: 0,
    experiential: 0,
    monthly: Array.from({ length: 12 }, () => 0),
    byForm: {},
    byKind: {},
  });
  const rows: Array<{
    employee_id: string;
    year: number;
    month: number;
    channel: 'formal' | 'social' | 'experiential';
    form: number;
    kind: string | null;
    jp: string;
  }> = await db.query(
    `SELECT employee_id, year, extract(month FROM occurred_on)::int AS month, channel, jenis_diklat_id AS form,
            competency_kind AS kind, sum(jp) AS jp
       FROM jp_ledger_line WHERE employee_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4, 5, 6`,
    [employeeIds],
  );
  const add = (o: Record<string, number>, k: string, v: number) => (o[k] = Math.round(((o[k] ?? 0) + v) * 100) / 100);
  for (const r of rows) {
    const key = `${r.employee_id}:${r.year}`;
    const f = ledger.get(key) ?? blank(key);
    ledger.set(key, f);
    const jp = Number(r.jp);
    f.total = Math.round((f.total + jp) * 100) / 100;
    f[r.channel] = Math.round((f[r.channel] + jp) * 100) / 100;
    f.monthly[r.month - 1] = Math.round((f.monthly[r.month - 1] + jp) * 100) / 100;
    add(f.byForm, String(r.form), jp);
    if (r.kind) add(f.byKind, r.kind, jp);
  }
  const agg: Array<{
    employee_id: string;
    year: number;
    total_jp: string;
    formal_jp: string;
    social_jp: string;
    experiential_jp: string;
    monthly_jp: string[];
    by_form: Record<string, number>;
    by_competency_kind: Record<string, number>;
  }> = await db.query(`SELECT * FROM jp_person_year WHERE employee_id = ANY($1::uuid[])`, [employeeIds]);
  const numbers = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v)]));
  const aggregate = agg.map((a) => ({
    key: `${a.employee_id}:${a.year}`,
    total: Number(a.total_jp),
    formal: Number(a.formal_jp),
    social: Number(a.social_jp),
    experiential: Number(a.experiential_jp),
    monthly: a.monthly_jp.map(Number),
    byForm: numbers(a.by_form),
    byKind: numbers(a.by_competency_kind),
  }));
  const byKey = (a: PersonYearFigures, b: PersonYearFigures) => a.key.localeCompare(b.key);
  return { ledger: [...ledger.values()].sort(byKey), aggregate: aggregate.sort(byKey) };
}

/** The national default rules as this lib seeds them, read back, for a new version to start from. */
export async function nationalRules(db: DataSource): Promise<JpRule[]> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT r.jenis_diklat_id, r.channel, r.unit, r.jp_per_unit, r.cap_per_activity, r.cap_per_year, r.evidence, r.enabled
       FROM jp_rule r JOIN jp_rule_set s ON s.id = r.rule_set_id
      WHERE s.agency_id IS NULL AND s.effective_from = '2000-01-01' ORDER BY r.jenis_diklat_id`,
  );
  const num = (v: unknown) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    jenisDiklatId: Number(r.jenis_diklat_id),
    channel: r.channel as JpRule['channel'],
    unit: r.unit as JpRule['unit'],
    jpPerUnit: num(r.jp_per_unit),
    capPerActivity: num(r.cap_per_activity),
    capPerYear: num(r.cap_per_year),
    evidence: r.evidence as JpRule['evidence'],
    enabled: Boolean(r.enabled),
  }));
}

/** A new version's body: the national rules with some forms changed. */
export async function ruleSetBody(
  db: DataSource,
  o: {
    agencyId: string | null;
    effectiveFrom: string;
    change?: Record<number, Partial<JpRule>>;
    minutes?: number;
    claimVerifier?: 'hr_officer' | 'supervisor';
  },
): Promise<CreateRuleSetDto> {
  const rules = (await nationalRules(db)).map((r) => ({ ...r, ...(o.change?.[r.jenisDiklatId] ?? {}) }));
  if (rules.length !== JENIS_DIKLAT.length) throw new Error('national rules incomplete');
  const m = o.minutes ?? 45;
  return {
    agencyId: o.agencyId,
    effectiveFrom: o.effectiveFrom,
    minutesPerJp: { classroom: m, online: m, blended: m, self_paced: m },
    claimVerifier: o.claimVerifier ?? 'hr_officer',
    note: null,
    rules,
  };
}
