import type { QuestionSnapshot, QuizSnapshot } from '@kompeten/shared-contracts';
import { DEFAULT_QUIZ_SETTINGS } from '../authoring/quiz-settings';
import { reviewAllowance } from './review.service';
import { drawAttempt } from './draw';

const question = (id: string, categoryId: string | null, extra: Partial<QuestionSnapshot> = {}): QuestionSnapshot => ({
  id,
  categoryId,
  kind: 'single',
  prompt: id,
  points: 1,
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
    { id: 'c', text: 'C' },
  ],
  key: { correct: 'a' },
  ...extra,
});

/** mulberry32: deterministic randomness per seed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('drawAttempt', () => {
  const pool = [
    question('a1', 'A'),
    question('a2', 'A'),
    question('a3', 'A'),
    question('b1', 'B'),
    question('b2', 'B'),
    question('n1', null),
  ];
  const quiz = (settings: Partial<QuizSnapshot['settings']>): QuizSnapshot => ({
    id: 'q',
    title: 'Q',
    settings: { ...DEFAULT_QUIZ_SETTINGS, ...settings },
    questions: pool,
  });

  it('asks the whole pool, in order, without shuffling options, when there is no draw rule', () => {
    const draw = drawAttempt(quiz({}), seeded(1));
    expect(draw.map((d) => d.questionId)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'n1']);
    expect(draw.every((d) => d.optionOrder.join() === 'a,b,c')).toBe(true);
  });

  it('draws the asked count per category, distinct, at random', () => {
    const seen = new Set<string>();
    for (let s = 1; s < 40; s++) {
      const ids = drawAttempt(
        quiz({
          draw: [
            { categoryId: 'A', count: 2 },
            { categoryId: null, count: 1 },
          ],
        }),
        seeded(s),
      ).map((d) => d.questionId);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(ids.slice(0, 2).every((id) => id.startsWith('a'))).toBe(true);
      expect(ids[2]).toBe('n1');
      seen.add(ids.slice(0, 2).sort().join());
    }
    expect(seen.size).toBe(3);
  });

  it('shuffles options when asked, and always shuffles ordering items away from the answer', () => {
    const orders = new Set(
      Array.from({ length: 30 }, (_, s) =>
        drawAttempt(quiz({ shuffleOptions: true }), seeded(s + 1))[0].optionOrder.join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
    const ordering = question('o', null, { kind: 'ordering', key: { order: ['a', 'b', 'c'] } });
    for (let s = 1; s < 30; s++) {
      const [d] = drawAttempt(
        { id: 'q', title: 'Q', settings: DEFAULT_QUIZ_SETTINGS, questions: [ordering] },
        seeded(s),
      );
      expect(d.optionOrder.slice().sort()).toEqual(['a', 'b', 'c']);
      expect(d.optionOrder.join()).not.toBe('a,b,c');
    }
  });
});

describe('reviewAllowance', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  it('follows the policy', () => {
    expect(reviewAllowance('never', null, now)).toEqual({ allowed: false, showsAnswers: false });
    expect(reviewAllowance('after_submit', null, now)).toEqual({ allowed: true, showsAnswers: false });
    expect(reviewAllowance('after_submit_with_answers', null, now)).toEqual({ allowed: true, showsAnswers: true });
    expect(reviewAllowance('after_close', '2026-03-02T00:00:00Z', now).allowed).toBe(false);
    expect(reviewAllowance('after_close_with_answers', '2026-02-28T00:00:00Z', now)).toEqual({
      allowed: true,
      showsAnswers: true,
    });
    expect(reviewAllowance('after_close', null, now).allowed).toBe(false);
  });
});
