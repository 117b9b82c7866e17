import type { QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import { choiceId, DEFAULT_POINTS, refused, type ImportedQuestion, type ParsedEntry } from './imported-question';
import { FileProblem, problem, type Problem } from './problems';
import { htmlToText, looksLikeHtml, tidyText } from './text';

/**
 * Moodle's GIFT format (docs/question-import.md), read the way Moodle's own importer reads it
 * (question/format/gift/format.php), mapped to the bank's kinds:
 *
 *   {=a ~b ~c}                 single (one `=`)           {~%50%a ~%50%b ~%-100%c}   multiple (no `=`; positive weights are right)
 *   {T} {F} {TRUE} {FALSE}     true_false                 {=a =b}  {a}               short_answer (full-credit answers)
 *   {#3.14:0.01} {#1..5}       numeric                    {=a -> 1 =b -> 2}          matching (`= -> x`: an extra right item)
 *   {}                         essay                      text without {…}           a description: refused, not a question
 *
 * Questions are separated by a blank line; `//` starts a comment line; `::title::` names a question (the bank keeps no
 * names); `$CATEGORY: $course$/top/Name` sets the category of the questions after it; `\: \= \~ \# \{ \} \\ \n` escape;
 * `#text` after an answer is its feedback and `####text` the question's general feedback; `[html]`, `[moodle]`,
 * `[plain]` and `[markdown]` give the text's format (HTML becomes plain text). Text after the answers makes a
 * "missing word" question: the answers' place is shown as `_____`. A comment `// poin: 2` (or `// points: 2`) right
 * before a question gives its points (our export writes it; Moodle ignores it); otherwise a question is worth 1.
 * Pure: text in, one entry per question out.
 */

type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';

// Escaped characters become private-use placeholders before parsing, so they never act as syntax (Moodle does the same).
const ESCAPABLE = ':#={}~\\n';
const ph = (c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0));
const PLACEHOLDER = /[\uE000-\uE0FF]/g;

function protectEscapes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.includes(s[i + 1])) {
      out += ph(s[i + 1]);
      i++;
    } else out += c;
  }
  return out;
}

const restoreEscapes = (s: string) =>
  s.replace(PLACEHOLDER, (p) => {
    const c = String.fromCharCode(p.charCodeAt(0) - 0xe000);
    return c === 'n' ? '\n' : c;
  });

const POINTS_COMMENT = /^\/\/\s*(?:poin|points)\s*[:=]\s*(\d+(?:[.,]\d+)?)\s*$/i;
const WEIGHT = /^%\s*(-?\d+(?:\.\d+)?)\s*%/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_FALSE = /^(T|TRUE|F|FALSE)$/i;

interface Block {
  /** The block's lines joined with "\n", comment lines emptied (so line i of the text is line first + i of the file). */
  text: string;
  first: number;
  points: number | null;
}

/** Splits the file into blocks separated by blank lines. */
function blocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(PLACEHOLDER, '').split('\n');
  const out: Block[] = [];
  let current: { lines: string[]; first: number; points: number | null } | null = null;
  const flush = () => {
    if (current && current.lines.some((l) => l.trim())) {
      // Leading emptied comment lines do not count: the question starts at its first real line.
      const lead = current.lines.findIndex((l) => l.trim());
      out.push({ text: current.lines.slice(lead).join('\n'), first: current.first + lead, points: current.points });
    }
    current = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return flush();
    current ??= { lines: [], first: i + 1, points: null };
    if (line.startsWith('//')) {
      const points = POINTS_COMMENT.exec(line);
      if (points) current.points = Number(points[1].replace(',', '.'));
      current.lines.push('');
    } else current.lines.push(line);
  });
  flush();
  return out;
}

/** `$CATEGORY: $course$/top/Etika//Integritas/Bab 1` → "Etika/Integritas / Bab 1" (Moodle writes a "/" in a name as "//"). */
export function categoryFromPath(path: string): string | null {
  const parts = path
    .trim()
    .replace(/\/\//g, '\uE100')
    .split('/')
    .map((p) => p.replace(/\uE100/g, '/').trim())
    .filter(Boolean);
  while (parts.length && /^\$[a-z0-9_]+\$$/i.test(parts[0])) parts.shift();
  if (parts[0]?.toLowerCase() === 'top') parts.shift();
  return parts.length ? parts.join(' / ') : null;
}

interface Formatted {
  text: string;
  images: number;
}

/** A text with its optional `[format]` marker, escapes restored, HTML turned into plain text. */
function formatted(raw: string, fallback: TextFormat): Formatted & { format: TextFormat } {
  let text = raw.trim();
  let format = fallback;
  const marker = /^\[(moodle|html|plain|markdown)\]/i.exec(text);
  if (marker) {
    format = marker[1].toLowerCase() as TextFormat;
    text = text.slice(marker[0].length);
  }
  text = restoreEscapes(text);
  if (format === 'html' || (format === 'moodle' && looksLikeHtml(text))) return { ...htmlToText(text), format };
  return { text: tidyText(text), images: 0, format };
}

/** Splits answers on their markers: each part keeps its leading `=` (Moodle turns "=" into "~=" and splits on "~"). */
function splitChoices(answerText: string): string[] {
  const parts = answerText.replace(/=/g, '~=').split('~');
  if (!parts[0].trim()) parts.shift();
  return parts.map((p) => p.trim());
}

/** Splits short-answer, numeric and matching answers on `=`. */
function splitOnEquals(answerText: string): string[] {
  const parts = answerText.split('=');
  if (!parts[0].trim()) parts.shift();
  return parts.map((p) => p.trim());
}

/** `%50%rest` → [0.5, "rest"]; no weight → [fallback, text]. */
function weighted(answer: string, fallback: number): [number, string] {
  const w = WEIGHT.exec(answer);
  return w ? [Number(w[1]) / 100, answer.slice(w[0].length)] : [fallback, answer];
}

/** `answer#feedback` → [answer, feedback]. */
function withFeedback(answer: string): [string, string] {
  const at = answer.indexOf('#');
  return at < 0 ? [answer, ''] : [answer.slice(0, at), answer.slice(at + 1)];
}

class Read {
  readonly warnings: Problem[] = [];
  images = 0;
  constructor(readonly format: TextFormat) {}

  text(raw: string): string {
    const f = formatted(raw, this.format);
    this.images += f.images;
    return f.text;
  }

  /** Per-answer feedback has no place in the bank: warned once per question. */
  droppedFeedback(feedback: string): void {
    if (feedback.trim() && !this.warnings.some((w) => w.code === 'WARN.ANSWER_FEEDBACK_DROPPED'))
      this.warnings.push(problem('WARN.ANSWER_FEEDBACK_DROPPED'));
  }

  finish(): Problem[] {
    return this.images ? [...this.warnings, problem('WARN.IMAGE_DROPPED', { count: this.images })] : this.warnings;
  }
}

type Body = { kind: QuestionKind; options: QuestionOption[]; answerKey: ImportedQuestion['answerKey'] };
type BodyOrProblem = { body: Body } | { refusal: Problem; kind: QuestionKind };

function choices(answerText: string, r: Read): BodyOrProblem {
  const single = answerText.includes('=');
  const kind: QuestionKind = single ? 'single' : 'multiple';
  const options: QuestionOption[] = [];
  const weights: number[] = [];
  for (const part of splitChoices(answerText)) {
    let weight: number;
    let rest: string;
    if (part.startsWith('=')) [weight, rest] = weighted(part.slice(1), 1);
    else [weight, rest] = weighted(part, 0);
    const [answer, feedback] = withFeedback(rest);
    r.droppedFeedback(feedback);
    const text = r.text(answer);
    if (!text) return { kind, refusal: problem('QUESTION.EMPTY_OPTION', { n: options.length + 1 }) };
    options.push({ id: choiceId(options.length), text });
    weights.push(weight);
  }
  if (options.length < 2) return { kind, refusal: problem('QUESTION.TOO_FEW_OPTIONS', { count: options.length }) };
  if (single) {
    const full = options.filter((_o, i) => weights[i] >= 1);
    if (full.length > 1) return { kind, refusal: problem('GIFT.SEVERAL_CORRECT', { count: full.length }) };
    if (full.length === 0) return { kind, refusal: problem('QUESTION.NO_CORRECT') };
    const partial = weights.filter((w) => w > 0 && w < 1);
    if (partial.length) r.warnings.push(problem('WARN.PARTIAL_CREDIT_DROPPED', { count: partial.length }));
    return { body: { kind, options, answerKey: { correct: full[0].id } } };
  }
  const correct = options.filter((_o, i) => weights[i] > 0).map((o) => o.id);
  if (!correct.length) return { kind, refusal: problem('QUESTION.NO_CORRECT') };
  return { body: { kind, options, answerKey: { correct } } };
}

function matching(answerText: string, r: Read): BodyOrProblem {
  const kind: QuestionKind = 'matching';
  const left: QuestionOption[] = [];
  const right: QuestionOption[] = [];
  const pairs: Array<{ left: string; right: string }> = [];
  const rightId = new Map<string, string>();
  for (const part of splitOnEquals(answerText)) {
    const arrow = part.indexOf('->');
    if (arrow < 0) return { kind, refusal: problem('GIFT.MATCH_NO_ARROW', { text: restoreEscapes(part) }) };
    const l = r.text(part.slice(0, arrow));
    const rt = tidyText(restoreEscapes(part.slice(arrow + 2)));
    if (!rt) return { kind, refusal: problem('QUESTION.EMPTY_OPTION', { n: left.length + right.length + 1 }) };
    if (l && rightId.has(rt) && pairs.some((p) => p.right === rightId.get(rt)))
      return { kind, refusal: problem('QUESTION.MATCH_RIGHT_REUSED', { text: rt }) };
    let rid = rightId.get(rt);
    if (!rid) {
      rid = `r${right.length + 1}`;
      rightId.set(rt, rid);
      right.push({ id: rid, text: rt, side: 'right' });
    }
    if (l) {
      const lid = `l${left.length + 1}`;
      left.push({ id: lid, text: l, side: 'left' });
      pairs.push({ left: lid, right: rid });
    }
  }
  if (left.length < 2) return { kind, refusal: problem('QUESTION.MATCH_TOO_FEW', { count: left.length }) };
  return { body: { kind, options: [...left, ...right], answerKey: { pairs } } };
}

function trueFalse(answerText: string, r: Read): BodyOrProblem {
  const [answer, wrong = '', right = ''] = answerText.split('#');
  r.droppedFeedback(wrong + right);
  return { body: { kind: 'true_false', options: [], answerKey: { correct: /^t/i.test(answer.trim()) } } };
}

function shortAnswer(answerText: string, r: Read): BodyOrProblem {
  const kind: QuestionKind = 'short_answer';
  const accepted: string[] = [];
  let partial = 0;
  for (const part of splitOnEquals(answerText)) {
    const [weight, rest] = weighted(part, 1);
    const [answer, feedback] = withFeedback(rest);
    r.droppedFeedback(feedback);
    const text = tidyText(restoreEscapes(answer));
    if (!text) continue;
    if (weight >= 1) accepted.push(text);
    else if (weight > 0) partial++;
  }
  if (partial) r.warnings.push(problem('WARN.PARTIAL_CREDIT_DROPPED', { count: partial }));
  if (!accepted.length) return { kind, refusal: problem('QUESTION.NO_FULL_ANSWER') };
  if (accepted.some((a) => a.includes('*'))) return { kind, refusal: problem('QUESTION.STAR_NOT_WILDCARD') };
  return { body: { kind, options: [], answerKey: { accepted: [...new Set(accepted)] } } };
}

function numeric(answerText: string, r: Read): BodyOrProblem {
  const kind: QuestionKind = 'numeric';
  let text = answerText.slice(1);
  const wrongAt = text.indexOf('~');
  if (wrongAt >= 0) {
    r.droppedFeedback(withFeedback(text.slice(wrongAt + 1))[1]);
    text = text.slice(0, wrongAt);
  }
  const found: Array<{ value: number; tolerance: number }> = [];
  let partial = 0;
  for (const part of splitOnEquals(text)) {
    const [weight, rest] = weighted(part, 1);
    const [answer, feedback] = withFeedback(rest);
    r.droppedFeedback(feedback);
    const a = restoreEscapes(answer).trim();
    let value: number;
    let tolerance: number;
    const range = a.indexOf('..');
    const colon = a.indexOf(':');
    if (range > 0) {
      const [min, max] = [a.slice(0, range).trim(), a.slice(range + 2).trim()];
      if (!NUMBER.test(min) || !NUMBER.test(max) || Number(max) < Number(min))
        return { kind, refusal: problem('GIFT.NUMBER_INVALID', { text: a }) };
      value = (Number(min) + Number(max)) / 2;
      tolerance = Number(max) - value;
    } else if (colon > 0) {
      const [v, t] = [a.slice(0, colon).trim(), a.slice(colon + 1).trim()];
      if (!NUMBER.test(v) || !NUMBER.test(t) || Number(t) < 0)
        return { kind, refusal: problem('GIFT.NUMBER_INVALID', { text: a }) };
      [value, tolerance] = [Number(v), Number(t)];
    } else {
      if (!NUMBER.test(a)) return { kind, refusal: problem('GIFT.NUMBER_INVALID', { text: a }) };
      [value, tolerance] = [Number(a), 0];
    }
    if (weight >= 1) found.push({ value, tolerance });
    else partial++;
  }
  if (!found.length) return { kind, refusal: problem('QUESTION.NO_FULL_ANSWER') };
  if (found.length > 1 || partial) r.warnings.push(problem('WARN.EXTRA_NUMERIC_ANSWERS'));
  return { body: { kind, options: [], answerKey: found[0] } };
}

/** Moodle's order of tests (format.php, "Determine question type"). */
function answerBody(answerText: string, r: Read): BodyOrProblem {
  if (answerText === '') return { body: { kind: 'essay', options: [], answerKey: null } };
  if (answerText.startsWith('#')) return numeric(answerText, r);
  if (answerText.includes('~')) return choices(answerText, r);
  if (answerText.includes('=') && answerText.includes('->')) return matching(answerText, r);
  const hash = answerText.indexOf('#');
  if (TRUE_FALSE.test((hash > 0 ? answerText.slice(0, hash) : answerText).trim())) return trueFalse(answerText, r);
  return shortAnswer(answerText, r);
}

function question(block: Block, category: string | null): ParsedEntry {
  const lineAt = (pos: number) => block.first + (block.text.slice(0, pos).match(/\n/g) ?? []).length;
  let start = block.text.search(/\S/);
  let s = block.text;
  if (s.startsWith('::', start)) {
    const end = s.indexOf('::', start + 2);
    start = end < 0 ? start + 2 : end + 2;
  }
  const open = s.indexOf('{', start);
  const close = s.indexOf('}', open < 0 ? start : open);
  const excerptOf = (upTo: number) => restoreEscapes(s.slice(start, upTo)).trim();

  if (open < 0 && close < 0) {
    return refused(block.first, null, excerptOf(s.length), category, problem('GIFT.DESCRIPTION'));
  }
  if (open < 0)
    return refused(
      block.first,
      null,
      excerptOf(s.length),
      category,
      problem('GIFT.UNOPENED_BRACE', { line: lineAt(close) }),
    );
  if (close < 0)
    return refused(
      block.first,
      null,
      excerptOf(open),
      category,
      problem('GIFT.UNCLOSED_BRACE', { line: lineAt(open) }),
    );
  const after = s.slice(close + 1);
  const stray = after.search(/[{}]/);
  if (stray >= 0)
    return refused(
      block.first,
      null,
      excerptOf(open),
      category,
      problem('GIFT.TWO_ANSWER_BLOCKS', { line: lineAt(close + 1 + stray) }),
    );

  let answerText = s.slice(open + 1, close).trim();
  // Missing word: the answers' place in the sentence becomes a blank (Moodle's "_____").
  s = after.trim() ? `${s.slice(start, open)}_____${after}` : s.slice(start, open);
  let generalFeedback = '';
  const gf = answerText.lastIndexOf('####');
  if (gf >= 0) {
    generalFeedback = answerText.slice(gf + 4);
    answerText = answerText.slice(0, gf).trim();
  }
  const prompt = formatted(s, 'moodle');
  const r = new Read(prompt.format);
  r.images += prompt.images;
  const feedback = r.text(generalFeedback);
  const result = answerBody(answerText, r);
  if ('refusal' in result) return refused(block.first, result.kind, prompt.text, category, result.refusal, r.finish());
  if (!prompt.text) return refused(block.first, result.body.kind, '', category, problem('QUESTION.EMPTY_PROMPT'));
  return {
    line: block.first,
    kind: result.body.kind,
    prompt: prompt.text,
    category,
    question: {
      ...result.body,
      prompt: prompt.text,
      points: block.points ?? DEFAULT_POINTS,
      feedback: feedback || null,
    },
    refusal: null,
    warnings: r.finish(),
  };
}

/** Every question of a GIFT file, in order, each with its line, category and outcome. */
export function parseGift(source: string): ParsedEntry[] {
  const entries: ParsedEntry[] = [];
  let category: string | null = null;
  for (const raw of blocks(source)) {
    const block = { ...raw, text: protectEscapes(raw.text) };
    const lead = block.text.search(/\S/);
    if (block.text.startsWith('$CATEGORY:', lead)) {
      const eol = block.text.indexOf('\n', lead);
      category = categoryFromPath(restoreEscapes(block.text.slice(lead + 10, eol < 0 ? undefined : eol)));
      if (eol < 0 || !block.text.slice(eol).trim()) continue;
      // A question written right under the category line, without the usual blank line: read it too.
      const rest = block.text.slice(eol + 1);
      const skipped = block.text.slice(0, eol + 1).match(/\n/g)?.length ?? 0;
      entries.push(question({ text: rest, first: block.first + skipped, points: block.points }, category));
      continue;
    }
    entries.push(question(block, category));
  }
  if (!entries.length) throw new FileProblem('FILE.NO_QUESTIONS');
  return entries;
}
