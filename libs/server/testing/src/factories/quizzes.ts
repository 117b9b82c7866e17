import { randomUUID } from 'node:crypto';
import type {
  AnswerKey,
  QuestionKind,
  QuestionOption,
  QuestionSnapshot,
  QuizRole,
  QuizSnapshot,
} from '@kompeten/shared-contracts';

/**
 * Quiz snapshots as publishing freezes them into a course version. This lib may not import the assessment lib (it
 * imports this one for its tests: a cycle), so the snapshot shape is written here and the assessment lib's own unit
 * test (`test-quiz-factory.spec.ts`) checks that every question below passes its shape check and equals what its
 * snapshot mapper writes.
 */
export function makeQuestion(q: {
  kind: QuestionKind;
  prompt: string;
  options?: QuestionOption[];
  answerKey: AnswerKey;
  points?: number;
  feedback?: string;
}): QuestionSnapshot {
  return {
    id: randomUUID(),
    categoryId: null,
    kind: q.kind,
    prompt: q.prompt,
    points: q.points ?? 1,
    options: q.options ?? [],
    key: q.answerKey,
    ...(q.feedback ? { feedback: q.feedback } : {}),
  };
}

/** A quiz snapshot with two questions (keys in the shapes assessment grades: true_false `{ correct: true }`, single `{ correct: 'a' }`). */
export function makeQuiz(role: QuizRole, overrides: Partial<QuizSnapshot['settings']> = {}): QuizSnapshot {
  return {
    id: randomUUID(),
    title: role === 'pre_test' ? 'Pre-test' : role === 'post_test' ? 'Post-test' : 'Kuis',
    settings: {
      role,
      draw: [],
      shuffleOptions: true,
      timeLimitSeconds: 900,
      opensAt: null,
      closesAt: null,
      maxAttempts: 2,
      passPercent: 70,
      gradingMethod: 'highest',
      reviewPolicy: 'after_submit',
      ...overrides,
    },
    questions: [
      makeQuestion({ kind: 'true_false', prompt: 'ASN wajib berorientasi pelayanan.', answerKey: { correct: true } }),
      makeQuestion({
        kind: 'single',
        prompt: 'Huruf A pada BerAKHLAK berarti…',
        options: [
          { id: 'a', text: 'Akuntabel' },
          { id: 'b', text: 'Amanah' },
        ],
        answerKey: { correct: 'a' },
      }),
    ],
  };
}
