import { POSITION_KINDS, type ComplianceGroup, type ComplianceMetrics, type JpMix } from '@kompeten/shared-contracts';
import { PNS_PANGKAT, PPPK_GOLONGAN } from '@kompeten/shared-util';

/** JP and percentages are shown with 2 decimals (a JP may be fractional: 90 minutes at 45 = 2, 60 minutes = 1.33). */
export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;
const num = (v: string | number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
const percent = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : null);

export function mixOf(formal: number, social: number, experiential: number): JpMix {
  const sum = formal + social + experiential;
  return {
    formalJp: round2(formal),
    socialJp: round2(social),
    experientialJp: round2(experiential),
    formalPercent: percent(formal, sum),
    socialPercent: percent(social, sum),
    experientialPercent: percent(experiential, sum),
  };
}

/** The counts and sums of one grouped row (any grouping set), as the API shows them. */
export interface MetricsSource {
  asn: number;
  pns: number;
  pppk: number;
  reached: number;
  pns_reached: number;
  pppk_reached: number;
  non_compliant: number;
  pppk_below: number;
  pppk_above: number;
  total: string | number | null;
  formal: string | number | null;
  social: string | number | null;
  experiential: string | number | null;
}

export const EMPTY_METRICS_SOURCE: MetricsSource = {
  asn: 0,
  pns: 0,
  pppk: 0,
  reached: 0,
  pns_reached: 0,
  pppk_reached: 0,
  non_compliant: 0,
  pppk_below: 0,
  pppk_above: 0,
  total: 0,
  formal: 0,
  social: 0,
  experiential: 0,
};

/** The sum of grouped rows (the totals of a node are the sum of its children: each ASN counts toward one child). */
export function sumSources(rows: readonly MetricsSource[]): MetricsSource {
  const out = { ...EMPTY_METRICS_SOURCE, total: 0, formal: 0, social: 0, experiential: 0 };
  for (const r of rows) {
    out.asn += r.asn;
    out.pns += r.pns;
    out.pppk += r.pppk;
    out.reached += r.reached;
    out.pns_reached += r.pns_reached;
    out.pppk_reached += r.pppk_reached;
    out.non_compliant += r.non_compliant;
    out.pppk_below += r.pppk_below;
    out.pppk_above += r.pppk_above;
    out.total = round2(out.total + num(r.total));
    out.formal = round2(out.formal + num(r.formal));
    out.social = round2(out.social + num(r.social));
    out.experiential = round2(out.experiential + num(r.experiential));
  }
  return out;
}

export function metricsOf(r: MetricsSource = EMPTY_METRICS_SOURCE): ComplianceMetrics {
  const total = num(r.total);
  return {
    asnCount: r.asn,
    pnsCount: r.pns,
    pppkCount: r.pppk,
    reachedCount: r.reached,
    pnsReachedCount: r.pns_reached,
    pppkReachedCount: r.pppk_reached,
    nonCompliantCount: r.non_compliant,
    pppkBelowTargetCount: r.pppk_below,
    pppkAboveCeilingCount: r.pppk_above,
    pnsCompliancePercent: percent(r.pns_reached, r.pns),
    reachedPercent: percent(r.reached, r.asn),
    totalJp: round2(total),
    averageJp: r.asn > 0 ? round2(total / r.asn) : 0,
    mix: mixOf(num(r.formal), num(r.social), num(r.experiential)),
  };
}

export function groupOf(key: string | null, r: MetricsSource): ComplianceGroup {
  return {
    key,
    asnCount: r.asn,
    reachedCount: r.reached,
    nonCompliantCount: r.non_compliant,
    averageJp: r.asn > 0 ? round2(num(r.total) / r.asn) : 0,
  };
}

/** PNS golongan I/a … IV/e, then PPPK I … XVII, then anything else by name; not recorded last. */
const RANK_ORDER = new Map(
  [...Object.keys(PNS_PANGKAT), ...PPPK_GOLONGAN.map((g) => `pppk:${g}`)].map((k, i) => [k, i]),
);

export function compareRanks(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ia = RANK_ORDER.get(a) ?? RANK_ORDER.get(`pppk:${a}`) ?? Number.MAX_SAFE_INTEGER;
  const ib = RANK_ORDER.get(b) ?? RANK_ORDER.get(`pppk:${b}`) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib || a.localeCompare(b);
}

/** struktural, fungsional, pelaksana, then not recorded. */
export function comparePositionKinds(a: string | null, b: string | null): number {
  const at = (k: string | null) => (k === null ? POSITION_KINDS.length : POSITION_KINDS.indexOf(k as never));
  return at(a) - at(b);
}

/** What is still owed to reach the annual target (never below 0). */
export const owedJp = (total: number, target: number) => round2(Math.max(0, target - total));
