import type { QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import { NUMERIC_FORMAT_HINT, toNumber, WILDCARD } from './grading';

/**
 * Shape rules of each question kind: what its options and scoring key must look like (authoring), and what a
 * learner's response must look like (answering). Pure; each returns the problems found, in Indonesian, or [].
 */

const MAX_OPTIONS = 50;
const OPTION_ID = /^[A-Za-z0-9_-]{1,40}$/;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const dupes = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

function optionProblems(kind: QuestionKind, options: QuestionOption[]): string[] {
  const problems: string[] = [];
  const needsOptions = kind === 'single' || kind === 'multiple' || kind === 'matching' || kind === 'ordering';
  if (!needsOptions) {
    if (options.length) problems.push(`soal ${kind} tidak memakai options (kirim [])`);
    return problems;
  }
  if (options.length > MAX_OPTIONS) problems.push(`options maksimal ${MAX_OPTIONS}`);
  const ids = options.map((o) => o.id);
  for (const o of options) {
    if (!OPTION_ID.test(o.id)) problems.push(`id opsi "${o.id}" hanya boleh huruf, angka, _ dan - (maks. 40)`);
    if (!o.text.trim()) problems.push(`teks opsi "${o.id}" kosong`);
  }
  if (dupes(ids).length) problems.push(`id opsi ganda: ${dupes(ids).join(', ')}`);
  if (kind === 'matching') {
    const left = options.filter((o) => o.side === 'left');
    const right = options.filter((o) => o.side === 'right');
    if (left.length + right.length !== options.length)
      problems.push('setiap opsi soal matching harus punya side "left" atau "right"');
    if (left.length < 2) problems.push('soal matching perlu minimal 2 item kiri');
    if (right.length < left.length) problems.push('soal matching perlu minimal sebanyak item kanan seperti item kiri');
  } else {
    if (options.some((o) => o.side !== undefined)) problems.push(`side hanya dipakai soal matching`);
    if (options.length < 2) problems.push(`soal ${kind} perlu minimal 2 opsi`);
  }
  return problems;
}

function keyProblems(kind: QuestionKind, options: QuestionOption[], key: unknown): string[] {
  const ids = new Set(options.map((o) => o.id));
  const k = isPlainObject(key) ? key : null;
  switch (kind) {
    case 'single':
      if (!k || typeof k.correct !== 'string') return ['answerKey soal single harus { "correct": "<id opsi>" }'];
      return ids.has(k.correct) ? [] : [`answerKey.correct "${k.correct}" bukan id salah satu opsi`];
    case 'multiple': {
      if (!k || !isStrings(k.correct) || k.correct.length === 0)
        return ['answerKey soal multiple harus { "correct": ["<id opsi>", …] } dengan minimal satu jawaban benar'];
      const unknown = k.correct.filter((id) => !ids.has(id));
      if (unknown.length) return [`answerKey.correct memuat id yang bukan opsi: ${unknown.join(', ')}`];
      return dupes(k.correct).length ? ['answerKey.correct memuat id ganda'] : [];
    }
    case 'true_false':
      return k && typeof k.correct === 'boolean'
        ? []
        : ['answerKey soal true_false harus { "correct": true } atau { "correct": false }'];
    case 'short_answer':
      if (!k || !isStrings(k.accepted) || k.accepted.length === 0)
        return ['answerKey soal short_answer harus { "accepted": ["jawaban", …] } dengan minimal satu jawaban'];
      if (k.accepted.some((a) => !a.trim())) return ['answerKey.accepted tidak boleh berisi jawaban kosong'];
      // Not a wildcard (docs/learning.md, "Short answers"): refused here rather than silently matching nothing.
      if (k.accepted.some((a) => a.includes(WILDCARD))) {
        return [
          'answerKey.accepted tidak boleh berisi tanda * (bukan wildcard): tulis setiap bentuk jawaban yang diterima sebagai jawaban tersendiri',
        ];
      }
      return k.accepted.length > 50 ? ['answerKey.accepted maksimal 50 jawaban'] : [];
    case 'numeric': {
      if (!k || typeof k.value !== 'number' || !Number.isFinite(k.value))
        return ['answerKey soal numeric harus { "value": <angka>, "tolerance": <angka ≥ 0> }'];
      const tol = k.tolerance ?? 0;
      return typeof tol === 'number' && Number.isFinite(tol) && tol >= 0 ? [] : ['answerKey.tolerance harus angka ≥ 0'];
    }
    case 'matching': {
      if (
        !k ||
        !Array.isArray(k.pairs) ||
        !k.pairs.every((p) => isPlainObject(p) && typeof p.left === 'string' && typeof p.right === 'string')
      ) {
        return ['answerKey soal matching harus { "pairs": [{ "left": "<id kiri>", "right": "<id kanan>" }, …] }'];
      }
      const pairs = k.pairs as Array<{ left: string; right: string }>;
      const left = new Set(options.filter((o) => o.side === 'left').map((o) => o.id));
      const right = new Set(options.filter((o) => o.side === 'right').map((o) => o.id));
      const problems: string[] = [];
      for (const p of pairs) {
        if (!left.has(p.left)) problems.push(`pasangan: "${p.left}" bukan item kiri`);
        if (!right.has(p.right)) problems.push(`pasangan: "${p.right}" bukan item kanan`);
      }
      if (dupes(pairs.map((p) => p.left)).length) problems.push('setiap item kiri hanya boleh punya satu pasangan');
      if (dupes(pairs.map((p) => p.right)).length) problems.push('setiap item kanan hanya boleh dipakai sekali');
      const unpaired = [...left].filter((l) => !pairs.some((p) => p.left === l));
      if (unpaired.length) problems.push(`item kiri tanpa pasangan: ${unpaired.join(', ')}`);
      return problems;
    }
    case 'ordering': {
      if (!k || !isStrings(k.order))
        return ['answerKey soal ordering harus { "order": ["<id item>", …] } berurutan benar'];
      const sameSet =
        k.order.length === ids.size && new Set(k.order).size === ids.size && k.order.every((id) => ids.has(id));
      return sameSet ? [] : ['answerKey.order harus memuat setiap id item tepat sekali'];
    }
    case 'essay':
      return key === null || key === undefined ? [] : ['soal essay dinilai manual: answerKey harus null'];
  }
}

/** Problems with a question's options and scoring key for its kind; [] when it is well-formed. */
export function questionProblems(kind: QuestionKind, options: QuestionOption[], key: unknown): string[] {
  const problems = optionProblems(kind, options);
  return problems.length ? problems : keyProblems(kind, options, key);
}

const MAX_TEXT_RESPONSE = 20_000;

/** Problems with a learner's response to a question ([] when acceptable). `null` clears an answer and is always accepted. */
export function responseProblem(
  kind: QuestionKind,
  options: Array<Pick<QuestionOption, 'id' | 'side'>>,
  response: unknown,
): string | null {
  if (response === null) return null;
  const ids = new Set(options.map((o) => o.id));
  switch (kind) {
    case 'single':
      return typeof response === 'string' && ids.has(response) ? null : 'jawaban soal single harus id salah satu opsi';
    case 'multiple':
      return isStrings(response) && response.every((id) => ids.has(id)) && !dupes(response).length
        ? null
        : 'jawaban soal multiple harus daftar id opsi (tanpa ganda)';
    case 'true_false':
      return typeof response === 'boolean' ? null : 'jawaban soal true_false harus true atau false';
    case 'short_answer':
      return typeof response === 'string' && response.length <= 1000
        ? null
        : 'jawaban soal short_answer harus teks (maks. 1000 karakter)';
    case 'numeric':
      return toNumber(response) !== null ? null : `jawaban soal numeric harus angka. ${NUMERIC_FORMAT_HINT}`;
    case 'matching': {
      const left = new Set(options.filter((o) => o.side === 'left').map((o) => o.id));
      const right = new Set(options.filter((o) => o.side === 'right').map((o) => o.id));
      const ok =
        Array.isArray(response) &&
        response.every(
          (p) =>
            isPlainObject(p) &&
            Object.keys(p).length === 2 &&
            left.has(p.left as string) &&
            right.has(p.right as string),
        );
      return ok && !dupes((response as Array<{ left: string }>).map((p) => p.left)).length
        ? null
        : 'jawaban soal matching harus [{ "left": "<id kiri>", "right": "<id kanan>" }], satu per item kiri';
    }
    case 'ordering':
      return isStrings(response) &&
        response.length === ids.size &&
        new Set(response).size === ids.size &&
        response.every((id) => ids.has(id))
        ? null
        : 'jawaban soal ordering harus memuat setiap id item tepat sekali, berurutan';
    case 'essay':
      return typeof response === 'string' && response.length <= MAX_TEXT_RESPONSE
        ? null
        : `jawaban essay harus teks (maks. ${MAX_TEXT_RESPONSE} karakter)`;
  }
}
