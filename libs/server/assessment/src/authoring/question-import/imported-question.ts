import type { AnswerKey, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import type { Problem } from './problems';

/** A question read from a file, in the bank's own shape (options and scoring key as the bank stores them). */
export interface ImportedQuestion {
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  answerKey: AnswerKey;
  points: number;
  feedback: string | null;
}

/** One question of a file as a parser read it: the question, or why it cannot be imported. */
export interface ParsedEntry {
  /** GIFT and Aiken: the line the question starts on; spreadsheets: the row. */
  line: number;
  kind: QuestionKind | null;
  /** The question text as far as it could be read (for the report). */
  prompt: string;
  /** The category the file names for it (GIFT `$CATEGORY:`, the spreadsheet's category column); null for none. */
  category: string | null;
  question: ImportedQuestion | null;
  refusal: Problem | null;
  warnings: Problem[];
}

export const DEFAULT_POINTS = 1;

/** Option ids of choice questions: a, b, … z, then o27, o28 … (the bank allows letters, digits, _ and -). */
export const choiceId = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : `o${i + 1}`);

/** A refused entry. */
export function refused(
  line: number,
  kind: QuestionKind | null,
  prompt: string,
  category: string | null,
  refusal: Problem,
  warnings: Problem[] = [],
): ParsedEntry {
  return { line, kind, prompt, category, question: null, refusal, warnings };
}
