import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateQuestionDto } from '../../dto/authoring.dto';
import { questionProblems } from '../../question-rules';
import type { ImportedQuestion, ParsedEntry } from './imported-question';
import { problem, type Problem } from './problems';

/**
 * The bank's own rules applied to every imported question, after the format's parser: the limits and validation of
 * CreateQuestionDto (what POST /courses/:id/questions accepts, including any clean-up its transforms make) and
 * questionProblems (options and key per kind). A question the bank would refuse over HTTP is refused here with the
 * reason, so an import never stores what the question editor could not. Pure.
 */

const LIMITS = { prompt: 10_000, option: 2_000, feedback: 5_000, options: 50 };
export const CATEGORY_NAME_MAX = 200;

function tooLong(q: ImportedQuestion): Problem | null {
  if (q.prompt.length > LIMITS.prompt)
    return problem('QUESTION.TOO_LONG', { field: 'soal', length: q.prompt.length, max: LIMITS.prompt });
  const long = q.options.find((o) => o.text.length > LIMITS.option);
  if (long) return problem('QUESTION.TOO_LONG', { field: 'opsi', length: long.text.length, max: LIMITS.option });
  if (q.feedback && q.feedback.length > LIMITS.feedback)
    return problem('QUESTION.TOO_LONG', { field: 'umpan balik', length: q.feedback.length, max: LIMITS.feedback });
  if (q.options.length > LIMITS.options) return problem('QUESTION.TOO_MANY_OPTIONS', { count: q.options.length });
  return null;
}

const messagesOf = (errors: ValidationError[]): string[] =>
  errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...messagesOf(e.children ?? [])]);

/** The question as the bank's create DTO reads it, or the bank's reasons for refusing it. */
function throughBankDto(q: ImportedQuestion): { question: ImportedQuestion } | { reasons: string[] } {
  const dto = plainToInstance(CreateQuestionDto, {
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    options: q.options,
    answerKey: q.answerKey,
    feedback: q.feedback,
  });
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) return { reasons: messagesOf(errors) };
  return {
    question: {
      kind: dto.kind,
      prompt: dto.prompt,
      points: dto.points,
      options: (dto.options ?? []).map((o) =>
        o.side ? { id: o.id, text: o.text, side: o.side } : { id: o.id, text: o.text },
      ),
      answerKey: q.answerKey,
      feedback: dto.feedback ?? null,
    },
  };
}

/** The entry after the bank's rules: unchanged when it passes, refused with the first reason when it does not. */
export function checkEntry(entry: ParsedEntry): ParsedEntry {
  const warnings = [...entry.warnings];
  let category = entry.category?.trim() || null;
  if (category && category.length > CATEGORY_NAME_MAX) {
    category = category.slice(0, CATEGORY_NAME_MAX).trim();
    warnings.push(problem('WARN.CATEGORY_SHORTENED'));
  }
  const base = { ...entry, category, warnings };
  if (!entry.question) return base;
  const refuse = (p: Problem): ParsedEntry => ({ ...base, question: null, refusal: p });
  const long = tooLong(entry.question);
  if (long) return refuse(long);
  const checked = throughBankDto(entry.question);
  if ('reasons' in checked) return refuse(problem('QUESTION.BANK_RULE', { detail: checked.reasons.join('; ') }));
  const q = checked.question;
  const rules = questionProblems(q.kind, q.options, q.answerKey);
  if (rules.length) return refuse(problem('QUESTION.BANK_RULE', { detail: rules.join('; ') }));
  return { ...base, prompt: q.prompt, question: q };
}
