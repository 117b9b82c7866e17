import type { QuestionKind } from '@kompeten/shared-contracts';
import { keyOf, textOf, type ExportedQuestion, type WrittenFile } from './exported-question';

/**
 * Writes bank questions as GIFT that Moodle and our own importer read back (gift.ts): escapes as Moodle's exporter
 * does (`\\ \# \= \~ \{ \} \:`, line breaks as `\n`), a `$CATEGORY:` line before each category's questions, a title
 * from the start of the text, `// poin: N` before a question not worth 1, multiple answers as `~%w%` weights (each
 * right answer 100/n %, each wrong one −100/n %, the values Moodle's grade list holds). Ordering questions have no
 * GIFT form and are skipped; so is a question whose text could not survive the format (an answer starting with "%50%",
 * a matching item containing "->"). Pure.
 */

const escape = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/([#=~{}:])/g, '\\$1')
    .replace(/\r?\n/g, '\\n');

/** Moodle's grade list writes thirds, sixths, sevenths and ninths with five decimals. */
const weight = (w: number) => String(Number(w.toFixed(5)));

const title = (prompt: string) => {
  const one = prompt.replace(/\s+/g, ' ').trim();
  return escape(one.length > 60 ? `${one.slice(0, 59)}…` : one);
};

/** `$course$/top/Name`, a "/" inside a name written as "//". */
export const categoryPath = (name: string | null) =>
  name ? `$course$/top/${name.replace(/\//g, '//')}` : '$course$/top';

/** Could this answer text be misread as syntax after escaping? */
const unsafeAnswer = (s: string) => /^\s*%/.test(s) || /^\s*\[(moodle|html|plain|markdown)\]/i.test(s);

function answers(q: ExportedQuestion): string[] | null {
  const key = keyOf(q);
  const text = textOf(q);
  switch (q.kind) {
    case 'single':
      if (q.options.some((o) => unsafeAnswer(o.text))) return null;
      return q.options.map((o) => `${o.id === key.correct ? '=' : '~'}${escape(o.text)}`);
    case 'multiple': {
      if (q.options.some((o) => unsafeAnswer(o.text))) return null;
      const right = new Set(key.correct as string[]);
      const share = 100 / right.size;
      return q.options.map((o) => `~%${right.has(o.id) ? weight(share) : weight(-share)}%${escape(o.text)}`);
    }
    case 'short_answer': {
      const accepted = key.accepted as string[];
      if (accepted.some(unsafeAnswer)) return null;
      return accepted.map((a) => `=${escape(a)}`);
    }
    case 'matching': {
      const pairs = key.pairs as Array<{ left: string; right: string }>;
      const paired = new Set(pairs.map((p) => p.right));
      if (q.options.some((o) => o.text.includes('->') || unsafeAnswer(o.text))) return null;
      const lines = pairs.map((p) => `=${escape(text.get(p.left) ?? '')} -> ${escape(text.get(p.right) ?? '')}`);
      for (const o of q.options) if (o.side === 'right' && !paired.has(o.id)) lines.push(`= -> ${escape(o.text)}`);
      return lines;
    }
    default:
      return [];
  }
}

function block(q: ExportedQuestion): string | null {
  const key = keyOf(q);
  const feedback = q.feedback ? `####${escape(q.feedback)}` : '';
  const head = `${q.points !== 1 ? `// poin: ${q.points}\n` : ''}::${title(q.prompt)}::${escape(q.prompt)}`;
  switch (q.kind) {
    case 'essay':
      return `${head}{${feedback}}`;
    case 'true_false':
      return `${head}{${key.correct ? 'TRUE' : 'FALSE'}${feedback}}`;
    case 'numeric':
      return `${head}{#${Number(key.value)}:${Number(key.tolerance ?? 0)}${feedback}}`;
    case 'ordering':
      return null;
    default: {
      const lines = answers(q);
      if (!lines) return null;
      return `${head}{\n${lines.map((l) => `\t${l}`).join('\n')}${feedback ? `\n\t${feedback}` : ''}\n}`;
    }
  }
}

/** The GIFT file of the questions, grouped by category in the order given. */
export function writeGift(questions: ExportedQuestion[], header: string[] = []): WrittenFile {
  const out: string[] = header.map((h) => `// ${h.replace(/\r?\n/g, ' ')}`);
  if (out.length) out.push('');
  let category: string | null | undefined;
  let written = 0;
  const skippedKinds: QuestionKind[] = [];
  for (const q of questions) {
    const text = block(q);
    if (!text) {
      skippedKinds.push(q.kind);
      continue;
    }
    if (q.category !== category) {
      out.push(`$CATEGORY: ${categoryPath(q.category)}`, '');
      category = q.category;
    }
    out.push(text, '');
    written++;
  }
  return { body: out.join('\n'), written, skipped: skippedKinds.length, skippedKinds: [...new Set(skippedKinds)] };
}
