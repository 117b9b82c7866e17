import {
  COMPETENCY_KINDS,
  JENIS_DIKLAT,
  POSITION_KINDS,
  type IpAsnBand,
  type IpAsnEvidenceLine,
  type IpAsnInputResult,
  type IpAsnRule,
  type IpAsnSchemeRules,
  type PositionKind,
} from '@kompeten/shared-contracts';

/**
 * The IP ASN competency dimension estimated from the ledger (DOMAIN.md §4, decision 0023): pure rules over a scheme
 * version (data, `jp_ip_asn_scheme`) and, per input, the JP and lines of the ASN's ledger that match it within its
 * window of years (summed by the store). Unit-tested with hand-computed cases.
 */

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/** The years an input counts for a report year: [from, to], from null = every year up to `to`. */
export function windowOf(rule: Pick<IpAsnRule, 'lookbackYears'>, year: number): [number | null, number] {
  return [rule.lookbackYears === null ? null : year - rule.lookbackYears + 1, year];
}

/** What the matching lines of one input add up to for one ASN. */
export interface InputSum {
  jp: number;
  lines: number;
  evidence?: IpAsnEvidenceLine[];
}

/**
 * An input is met when its matching lines reach `minJp` (or, without a minimum, when there is any line with JP above
 * 0); it then earns all its points, otherwise none — the 2019 scheme gives no partial points.
 */
export function scoreInput(rule: IpAsnRule, year: number, sum: InputSum | undefined): IpAsnInputResult {
  const jp = round2(sum?.jp ?? 0);
  const met = rule.minJp === null ? jp > 0 : jp >= rule.minJp;
  return {
    key: rule.key,
    label: rule.label,
    pointsPossible: rule.points,
    pointsEarned: met ? rule.points : 0,
    met,
    jp,
    lines: sum?.lines ?? 0,
    minJp: rule.minJp,
    years: windowOf(rule, year),
    evidence: sum?.evidence ?? [],
  };
}

export interface CompetencyEstimate {
  /** Null when the job kind is not recorded: nothing can be estimated. */
  points: number | null;
  maxPoints: number;
  percent: number | null;
  inputs: IpAsnInputResult[];
}

/** The dimension for one ASN: each input of its job kind scored, points summed, and their share of the maximum. */
export function estimateCompetency(
  rules: IpAsnSchemeRules,
  jobKind: PositionKind | null,
  year: number,
  sums: ReadonlyMap<string, InputSum>,
): CompetencyEstimate {
  if (!jobKind) return { points: null, maxPoints: rules.maxPoints, percent: null, inputs: [] };
  const inputs = rules.jobKinds[jobKind].map((rule) => scoreInput(rule, year, sums.get(rule.key)));
  const points = round2(inputs.reduce((s, i) => s + i.pointsEarned, 0));
  return {
    points,
    maxPoints: rules.maxPoints,
    percent: Math.round((points / rules.maxPoints) * 1000) / 10,
    inputs,
  };
}

/** The band of a whole IP ASN score (0–100): the band with the highest `min` at or below it (≥ boundaries). */
export function categoryOf(score: number, bands: readonly IpAsnBand[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1]).label;
}

/** The scheme's inputs as rows for the store's matching (one row per match clause). */
export interface RuleMatchRow {
  job_kind: PositionKind;
  rule_key: string;
  from_year: number | null;
  forms: number[];
  kinds: string[] | null;
}

export function matchRows(rules: IpAsnSchemeRules, year: number): RuleMatchRow[] {
  return POSITION_KINDS.flatMap((jobKind) =>
    rules.jobKinds[jobKind].flatMap((rule) =>
      rule.match.map((m) => ({
        job_kind: jobKind,
        rule_key: rule.key,
        from_year: windowOf(rule, year)[0],
        forms: m.forms,
        kinds: m.competencyKinds?.length ? [...m.competencyKinds] : null,
      })),
    ),
  );
}

const FORM_IDS = new Set(JENIS_DIKLAT.map((j) => j.id));

/**
 * Problems of a scheme version, in words (empty: it holds together). Checked before a version is stored, so a report
 * never meets a scheme it cannot apply.
 */
export function schemeProblems(rules: unknown, bands: unknown): string[] {
  const problems: string[] = [];
  const r = rules as Partial<IpAsnSchemeRules> | null;
  if (!r || typeof r !== 'object') return ['rules harus objek'];
  if (typeof r.maxPoints !== 'number' || !(r.maxPoints > 0)) problems.push('rules.maxPoints harus angka di atas 0');
  if (!r.jobKinds || typeof r.jobKinds !== 'object') problems.push('rules.jobKinds harus objek');
  for (const kind of POSITION_KINDS) {
    const list = (r.jobKinds as Record<string, unknown> | undefined)?.[kind];
    if (!Array.isArray(list)) {
      problems.push(`rules.jobKinds.${kind} harus daftar masukan`);
      continue;
    }
    const keys = new Set<string>();
    let total = 0;
    list.forEach((raw: Partial<IpAsnRule>, i: number) => {
      const at = `rules.jobKinds.${kind}[${i}]`;
      if (typeof raw?.key !== 'string' || !/^[a-z0-9_]{1,40}$/.test(raw.key))
        problems.push(`${at}.key harus huruf kecil, angka atau _`);
      else if (keys.has(raw.key)) problems.push(`${at}.key "${raw.key}" dipakai dua kali`);
      else keys.add(raw.key);
      if (typeof raw?.label !== 'string' || !raw.label.trim()) problems.push(`${at}.label wajib diisi`);
      if (typeof raw?.points !== 'number' || !(raw.points > 0)) problems.push(`${at}.points harus angka di atas 0`);
      else total += raw.points;
      if (raw?.minJp !== null && (typeof raw?.minJp !== 'number' || !(raw.minJp > 0)))
        problems.push(`${at}.minJp harus null atau angka di atas 0`);
      if (
        raw?.lookbackYears !== null &&
        (typeof raw?.lookbackYears !== 'number' || !Number.isInteger(raw.lookbackYears) || raw.lookbackYears < 1)
      )
        problems.push(`${at}.lookbackYears harus null atau bilangan bulat minimal 1`);
      if (!Array.isArray(raw?.match) || raw.match.length === 0) {
        problems.push(`${at}.match harus berisi minimal satu kriteria`);
        return;
      }
      const seen = new Set<number>();
      raw.match.forEach((m, j) => {
        if (!Array.isArray(m?.forms) || m.forms.length === 0 || m.forms.some((f) => !FORM_IDS.has(f)))
          problems.push(`${at}.match[${j}].forms harus berisi kode jenis diklat SIASN 1–25`);
        else
          for (const f of m.forms) {
            if (seen.has(f)) problems.push(`${at}.match: jenis diklat ${f} muncul di dua kriteria`);
            seen.add(f);
          }
        if (
          m?.competencyKinds !== undefined &&
          (!Array.isArray(m.competencyKinds) ||
            m.competencyKinds.some((k) => !(COMPETENCY_KINDS as readonly string[]).includes(k)))
        )
          problems.push(`${at}.match[${j}].competencyKinds harus berisi ${COMPETENCY_KINDS.join(', ')}`);
      });
    });
    if (typeof r.maxPoints === 'number' && total > r.maxPoints + 1e-9)
      problems.push(`poin masukan ${kind} (${total}) melebihi maxPoints (${r.maxPoints})`);
  }
  if (!Array.isArray(bands) || bands.length === 0) problems.push('bands harus berisi minimal satu kategori');
  else {
    const b = bands as Array<Partial<IpAsnBand>>;
    if (b.some((x) => typeof x?.min !== 'number' || typeof x?.label !== 'string' || !x.label.trim()))
      problems.push('setiap kategori harus punya min (angka) dan label');
    else {
      if (!b.some((x) => x.min === 0)) problems.push('salah satu kategori harus mulai dari 0');
      if (new Set(b.map((x) => x.min)).size !== b.length) problems.push('batas bawah kategori tidak boleh sama');
    }
  }
  return problems;
}
