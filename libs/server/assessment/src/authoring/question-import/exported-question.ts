import type { AnswerKey, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';

/** A bank question on its way into a file. */
export interface ExportedQuestion {
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  answerKey: AnswerKey;
  points: number;
  feedback: string | null;
  /** Its category's name; null when uncategorised. */
  category: string | null;
}

/** A file written by an export, and how many questions the format could not hold (their kinds listed). */
export interface WrittenFile {
  body: string | Buffer;
  written: number;
  skipped: number;
  skippedKinds: QuestionKind[];
}

export const keyOf = (q: ExportedQuestion) => (q.answerKey ?? {}) as Record<string, unknown>;
export const textOf = (q: ExportedQuestion) => new Map(q.options.map((o) => [o.id, o.text]));
