import type { AnswerKey, Question, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import type { QuestionInput } from './api';

/** An option of a choice question, or an item of an ordering question. */
export interface Choice {
  optionId: string;
  text: string;
}

/** A row of a matching question: its left and right option. */
export interface Pair {
  leftId: string;
  left: string;
  rightId: string;
  right: string;
}

/** The question editor's state: the answer inputs of every kind at once (switching kind keeps what was typed). */
export interface QuestionFormValues {
  kind: QuestionKind;
  categoryId: string;
  prompt: string;
  points: number | string;
  feedback: string;
  choices: Choice[];
  correctSingle: string;
  correctMultiple: string[];
  trueFalse: 'true' | 'false';
  accepted: string[];
  numericValue: number | string;
  numericTolerance: number | string;
  pairs: Pair[];
  items: Choice[];
}

export type QuestionProblem =
  | 'editor.needTwoOptions'
  | 'editor.needCorrect'
  | 'editor.needAccepted'
  | 'editor.needValue'
  | 'editor.needPairs'
  | 'editor.needItems';

export type BuiltQuestion = { ok: true; input: QuestionInput } | { ok: false; problem: QuestionProblem };

/** Rows of options, pairs or items: the editor never goes below MIN_ROWS nor above MAX_ROWS. */
export const MIN_ROWS = 2;
export const MAX_ROWS = 20;

/** Option ids are short, stable and unique within a question (API: letters, digits, _ and -). */
export function newOptionId(prefix: 'o' | 'l' | 'r' | 'i'): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8)}`;
}

export const blankChoice = (): Choice => ({ optionId: newOptionId('o'), text: '' });
export const blankItem = (): Choice => ({ optionId: newOptionId('i'), text: '' });
export const blankPair = (): Pair => ({ leftId: newOptionId('l'), left: '', rightId: newOptionId('r'), right: '' });

/** The form's values for a question (edit), or a new single-choice question's defaults (create). */
export function questionFormValues(question: Question | undefined, categoryId: string | undefined): QuestionFormValues {
  const values: QuestionFormValues = {
    kind: question?.kind ?? 'single',
    categoryId: question?.categoryId ?? categoryId ?? '',
    prompt: question?.prompt ?? '',
    points: question?.points ?? 1,
    feedback: question?.feedback ?? '',
    choices: [blankChoice(), blankChoice()],
    correctSingle: '',
    correctMultiple: [],
    trueFalse: 'true',
    accepted: [],
    numericValue: '',
    numericTolerance: 0,
    pairs: [blankPair(), blankPair()],
    items: [blankChoice(), blankChoice()],
  };
  if (!question) return values;
  const key = question.answerKey as Record<string, unknown> | null;
  const options = question.options ?? [];
  const asChoices = (list: QuestionOption[]) => list.map((o) => ({ optionId: o.id, text: o.text }));
  switch (question.kind) {
    case 'single':
      values.choices = asChoices(options);
      values.correctSingle = typeof key?.correct === 'string' ? key.correct : '';
      break;
    case 'multiple':
      values.choices = asChoices(options);
      values.correctMultiple = Array.isArray(key?.correct) ? (key.correct as string[]) : [];
      break;
    case 'true_false':
      values.trueFalse = key?.correct === false ? 'false' : 'true';
      break;
    case 'short_answer':
      values.accepted = Array.isArray(key?.accepted) ? (key.accepted as string[]) : [];
      break;
    case 'numeric':
      values.numericValue = typeof key?.value === 'number' ? key.value : '';
      values.numericTolerance = typeof key?.tolerance === 'number' ? key.tolerance : 0;
      break;
    case 'matching': {
      const text = new Map(options.map((o) => [o.id, o.text]));
      const pairs = Array.isArray(key?.pairs) ? (key.pairs as Array<{ left: string; right: string }>) : [];
      values.pairs = pairs.map((p) => ({
        leftId: p.left,
        left: text.get(p.left) ?? '',
        rightId: p.right,
        right: text.get(p.right) ?? '',
      }));
      break;
    }
    case 'ordering': {
      const byId = new Map(options.map((o) => [o.id, o]));
      const order = Array.isArray(key?.order) ? (key.order as string[]) : options.map((o) => o.id);
      values.items = order.flatMap((id) => (byId.has(id) ? [{ optionId: id, text: byId.get(id)?.text ?? '' }] : []));
      break;
    }
    case 'essay':
      break;
  }
  return values;
}

/** The request body for the question's kind, with its options and answer key, or what stops it from being one. */
export function buildQuestionInput(v: QuestionFormValues): BuiltQuestion {
  const base = {
    kind: v.kind,
    categoryId: v.categoryId || null,
    prompt: v.prompt.trim(),
    points: Number(v.points),
    feedback: v.feedback.trim() || null,
  };
  const filled = (list: Choice[]) => list.map((c) => ({ id: c.optionId, text: c.text.trim() })).filter((c) => c.text);
  switch (v.kind) {
    case 'single': {
      const options = filled(v.choices);
      if (options.length < 2) return { ok: false, problem: 'editor.needTwoOptions' };
      if (!options.some((o) => o.id === v.correctSingle)) return { ok: false, problem: 'editor.needCorrect' };
      return { ok: true, input: { ...base, options, answerKey: { correct: v.correctSingle } } };
    }
    case 'multiple': {
      const options = filled(v.choices);
      if (options.length < 2) return { ok: false, problem: 'editor.needTwoOptions' };
      const correct = v.correctMultiple.filter((id) => options.some((o) => o.id === id));
      if (correct.length === 0) return { ok: false, problem: 'editor.needCorrect' };
      return { ok: true, input: { ...base, options, answerKey: { correct } } };
    }
    case 'true_false':
      return { ok: true, input: { ...base, options: [], answerKey: { correct: v.trueFalse === 'true' } } };
    case 'short_answer': {
      const accepted = v.accepted.map((a) => a.trim()).filter(Boolean);
      if (accepted.length === 0) return { ok: false, problem: 'editor.needAccepted' };
      return { ok: true, input: { ...base, options: [], answerKey: { accepted } } };
    }
    case 'numeric': {
      if (v.numericValue === '' || Number.isNaN(Number(v.numericValue)))
        return { ok: false, problem: 'editor.needValue' };
      return {
        ok: true,
        input: {
          ...base,
          options: [],
          answerKey: { value: Number(v.numericValue), tolerance: Math.abs(Number(v.numericTolerance) || 0) },
        },
      };
    }
    case 'matching': {
      const pairs = v.pairs.filter((p) => p.left.trim() && p.right.trim());
      if (pairs.length < 2 || pairs.length !== v.pairs.length) return { ok: false, problem: 'editor.needPairs' };
      const options: QuestionOption[] = pairs.flatMap((p) => [
        { id: p.leftId, text: p.left.trim(), side: 'left' as const },
        { id: p.rightId, text: p.right.trim(), side: 'right' as const },
      ]);
      const answerKey: AnswerKey = { pairs: pairs.map((p) => ({ left: p.leftId, right: p.rightId })) };
      return { ok: true, input: { ...base, options, answerKey } };
    }
    case 'ordering': {
      const options = filled(v.items);
      if (options.length < 2 || options.length !== v.items.length) return { ok: false, problem: 'editor.needItems' };
      return { ok: true, input: { ...base, options, answerKey: { order: options.map((o) => o.id) } } };
    }
    case 'essay':
      return { ok: true, input: { ...base, options: [], answerKey: null } };
  }
}

/** Points: above 0 and below 10,000. */
export function pointsProblem(points: number | string): 'editor.pointsInvalid' | null {
  return Number(points) > 0 && Number(points) < 10000 ? null : 'editor.pointsInvalid';
}
