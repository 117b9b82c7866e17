import { parseIndonesianNumber } from '@kompeten/shared-util';
import type { GradingMethod, QuestionKind, QuestionSnapshot } from '@kompeten/shared-contracts';

/**
 * Scoring of every question kind (docs/learning.md, "Quizzes and grading"). Pure: no database, no clock.
 * Responses reaching here have been shape-checked on save (`responseProblem`), but scoring stays defensive:
 * anything malformed scores 0.
 */

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/**
 * Short answers are compared after: accents removed, lower-cased, hyphens and slashes turned into spaces ("ke-5" is
 * "ke 5"), other punctuation removed except a comma or dot between two digits (kept as written: "3,5" is never "35" nor "3.5"),
 * spaces collapsed. "  Pancasila,  Sila KE-5! " → "pancasila sila ke 5" (docs/learning.md, "Short answers").
 */
export function normaliseText(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[-\u2010-\u2015/]/g, ' ')
      // A separator between digits is kept as written (placeholders survive the punctuation sweep): "3,5" ≠ "35" ≠ "3.5".
      .replace(/(\d)([.,])(?=\d)/g, (_m, d: string, sep: string) => `${d}${sep === '.' ? '\uE000' : '\uE001'}`)
      .replace(/[\p{P}\p{S}]/gu, '')
      .replace(/\uE000/g, '.')
      .replace(/\uE001/g, ',')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A `*` in an accepted answer: not a wildcard; authors are refused when they save one (question-rules.ts). */
export const WILDCARD = '*';

/** What the player shows under a numeric question (docs/learning.md, "Numbers"). */
export const NUMERIC_FORMAT_HINT =
  'Tulis angka saja, koma untuk desimal dan titik untuk ribuan: 3,5 · 1.500 (seribu lima ratus) · 1.500,5';

/** A number from a number or a text written the Indonesian way (one rule for the server and the web player). */
export const toNumber = parseIndonesianNumber;

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
const pairsOf = (v: unknown): Array<{ left: string; right: string }> | null =>
  Array.isArray(v) &&
  v.every(
    (p) =>
      p &&
      typeof p === 'object' &&
      typeof (p as { left?: unknown }).left === 'string' &&
      typeof (p as { right?: unknown }).right === 'string',
  )
    ? (v as Array<{ left: string; right: string }>)
    : null;

/** Share of credit (0…1) a response earns; null for an essay (graded by hand). */
export function creditOf(kind: QuestionKind, key: unknown, response: unknown): number | null {
  if (kind === 'essay') return null;
  if (response === null || response === undefined) return 0;
  const k = (key ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'single':
      return typeof response === 'string' && response === k.correct ? 1 : 0;
    case 'true_false':
      return typeof response === 'boolean' && response === k.correct ? 1 : 0;
    case 'multiple': {
      const right = new Set(strings(k.correct) ?? []);
      const chosen = new Set(strings(response) ?? []);
      if (right.size === 0) return 0;
      let good = 0;
      let bad = 0;
      for (const id of chosen) {
        if (right.has(id)) good++;
        else bad++;
      }
      return Math.max(0, (good - bad) / right.size);
    }
    case 'short_answer': {
      if (typeof response !== 'string') return 0;
      const given = normaliseText(response);
      return given !== '' && (strings(k.accepted) ?? []).some((a) => normaliseText(a) === given) ? 1 : 0;
    }
    case 'numeric': {
      const given = toNumber(response);
      const value = toNumber(k.value);
      const tolerance = toNumber(k.tolerance) ?? 0;
      if (given === null || value === null) return 0;
      // Floating point: 0.3 − 0.2 is 0.09999999999999998 and 0.4 − 0.3 is 0.10000000000000003; a tolerance edge counts as inside.
      const slack = 1e-9 * Math.max(1, Math.abs(value), Math.abs(tolerance));
      return Math.abs(given - value) <= tolerance + slack ? 1 : 0;
    }
    case 'matching': {
      const keyPairs = pairsOf(k.pairs) ?? [];
      if (keyPairs.length === 0) return 0;
      const expected = new Map(keyPairs.map((p) => [p.left, p.right]));
      const given = new Map<string, string>();
      // A left item answered twice counts once: the first answer.
      for (const p of pairsOf(response) ?? []) if (!given.has(p.left)) given.set(p.left, p.right);
      let right = 0;
      for (const [left, r] of expected) if (given.get(left) === r) right++;
      return right / expected.size;
    }
    case 'ordering': {
      const order = strings(k.order) ?? [];
      const given = strings(response) ?? [];
      if (order.length === 0) return 0;
      let right = 0;
      order.forEach((id, i) => {
        if (given[i] === id) right++;
      });
      return right / order.length;
    }
    default:
      return 0;
  }
}

/** Points a response earns (rounded to cents); null for an essay. */
export function scoreQuestion(q: Pick<QuestionSnapshot, 'kind' | 'key' | 'points'>, response: unknown): number | null {
  const credit = creditOf(q.kind, q.key, response);
  return credit === null ? null : round2(q.points * credit);
}

/** An attempt's percent: points scored / points available × 100, rounded to two decimals. */
export function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? round2((score / maxScore) * 100) : 0;
}

export const isPassed = (percent: number, passPercent: number): boolean => percent + 1e-9 >= passPercent;

/** The learner's quiz grade from the percents of their graded attempts, oldest first. */
export function quizGrade(method: GradingMethod, percentsInOrder: number[]): number | null {
  if (percentsInOrder.length === 0) return null;
  switch (method) {
    case 'highest':
      return Math.max(...percentsInOrder);
    case 'last':
      return percentsInOrder[percentsInOrder.length - 1];
    case 'average':
      return round2(percentsInOrder.reduce((a, b) => a + b, 0) / percentsInOrder.length);
  }
}
