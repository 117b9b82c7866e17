import type { QuestionOption } from '@kompeten/shared-contracts';
import { choiceId, DEFAULT_POINTS, refused, type ParsedEntry } from './imported-question';
import { FileProblem, problem } from './problems';
import { tidyText } from './text';

/**
 * The Aiken format (docs/question-import.md): single-answer multiple choice only.
 *
 *   Asas netralitas ASN berarti …
 *   A. Berpihak pada partai pemenang
 *   B) Tidak berpihak dari segala pengaruh manapun
 *   ANSWER: B
 *
 * The question text comes first (Moodle reads one line; we also take several), then options labelled with a capital
 * letter and "." or ")", then `ANSWER: <letter>`, which ends the question. Blank lines are ignored. `JAWABAN:` is read
 * as `ANSWER:`. A question line after options without an ANSWER line means that question was never closed: it is
 * refused and the line starts the next question. Pure.
 */

const OPTION = /^([A-Z])[.)][ \t]+(.*)$/;
const ANSWER = /^(?:ANSWER|JAWABAN)\s*:\s*(.*)$/i;

interface Draft {
  line: number;
  prompt: string[];
  options: Array<{ letter: string; text: string }>;
}

function close(d: Draft, answer: string): ParsedEntry {
  const prompt = tidyText(d.prompt.join('\n'));
  const letters = d.options.map((o) => o.letter);
  const refuse = (p: ReturnType<typeof problem>) => refused(d.line, 'single', prompt, null, p);
  if (!prompt) return refuse(problem('QUESTION.EMPTY_PROMPT'));
  const twice = letters.find((l, i) => letters.indexOf(l) !== i);
  if (twice) return refuse(problem('AIKEN.DUPLICATE_LETTER', { letter: twice }));
  if (d.options.length < 2) return refuse(problem('QUESTION.TOO_FEW_OPTIONS', { count: d.options.length }));
  const empty = d.options.findIndex((o) => !o.text.trim());
  if (empty >= 0) return refuse(problem('QUESTION.EMPTY_OPTION', { n: empty + 1 }));
  const given = answer.trim().toUpperCase();
  if (!/^[A-Z]$/.test(given)) {
    if (/^[A-Z](\s*[,;&]\s*|\s+)[A-Z]/.test(given)) return refuse(problem('QUESTION.ONE_ANSWER_ONLY'));
    return refuse(problem('AIKEN.ANSWER_NOT_OPTION', { answer: answer.trim(), letters: letters.join(', ') }));
  }
  const at = letters.indexOf(given);
  if (at < 0) return refuse(problem('AIKEN.ANSWER_NOT_OPTION', { answer: given, letters: letters.join(', ') }));
  const options: QuestionOption[] = d.options.map((o, i) => ({ id: choiceId(i), text: tidyText(o.text) }));
  return {
    line: d.line,
    kind: 'single',
    prompt,
    category: null,
    question: {
      kind: 'single',
      prompt,
      options,
      answerKey: { correct: options[at].id },
      points: DEFAULT_POINTS,
      feedback: null,
    },
    refusal: null,
    warnings: [],
  };
}

/** Every question of an Aiken file, in order. */
export function parseAiken(source: string): ParsedEntry[] {
  const entries: ParsedEntry[] = [];
  let draft: Draft | null = null;
  source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const answer = ANSWER.exec(line);
      if (answer) {
        // An ANSWER line with no question before it is noise (a stray or repeated line): nothing to close.
        if (draft) entries.push(close(draft, answer[1]));
        draft = null;
        return;
      }
      const option = OPTION.exec(line);
      if (option && draft) {
        draft.options.push({ letter: option[1], text: option[2] });
        return;
      }
      if (draft && draft.options.length) {
        // A new question text while the previous one still waits for its ANSWER line.
        entries.push(
          refused(draft.line, 'single', tidyText(draft.prompt.join('\n')), null, problem('AIKEN.NO_ANSWER_LINE')),
        );
        draft = null;
      }
      draft ??= { line: i + 1, prompt: [], options: [] };
      draft.prompt.push(line);
    });
  const last = draft as Draft | null;
  if (last)
    entries.push(refused(last.line, 'single', tidyText(last.prompt.join('\n')), null, problem('AIKEN.NO_ANSWER_LINE')));
  if (!entries.length) throw new FileProblem('FILE.NO_QUESTIONS');
  return entries;
}
