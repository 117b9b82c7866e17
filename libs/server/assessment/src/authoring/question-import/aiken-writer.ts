import type { QuestionKind } from '@kompeten/shared-contracts';
import { keyOf, type ExportedQuestion, type WrittenFile } from './exported-question';

/**
 * Writes the single-answer multiple-choice questions as Aiken (aiken.ts reads it back). Aiken has one line per text
 * and no other kinds, no points, feedback or categories: other kinds are skipped, line breaks become spaces, and a
 * question with more than 26 options or a text that would read as an option or an ANSWER line is skipped. Pure.
 */

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const misleading = (s: string) => /^[A-Z][.)][ \t]/.test(s) || /^(ANSWER|JAWABAN)\s*:/i.test(s);

export function writeAiken(questions: ExportedQuestion[]): WrittenFile {
  const out: string[] = [];
  const skippedKinds: QuestionKind[] = [];
  let written = 0;
  for (const q of questions) {
    const prompt = oneLine(q.prompt);
    const options = q.options.map((o) => oneLine(o.text));
    const at = q.options.findIndex((o) => o.id === keyOf(q).correct);
    if (q.kind !== 'single' || options.length > 26 || at < 0 || misleading(prompt) || options.some((o) => !o)) {
      skippedKinds.push(q.kind);
      continue;
    }
    out.push(prompt, ...options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`));
    out.push(`ANSWER: ${String.fromCharCode(65 + at)}`, '');
    written++;
  }
  return { body: out.join('\n'), written, skipped: skippedKinds.length, skippedKinds: [...new Set(skippedKinds)] };
}
