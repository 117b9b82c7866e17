import type { QuizSnapshot } from '@kompeten/shared-contracts';
import type { AttemptDraw } from '../entities/quiz-attempt.entity';

export type Random = () => number;

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A shuffle that differs from `avoid` when it can (a few tries): ordering items shown in the right order give the answer away. */
function shuffleAway(ids: readonly string[], avoid: readonly string[], random: Random): string[] {
  let out = shuffle(ids, random);
  for (let i = 0; i < 5 && ids.length > 1 && out.every((id, k) => id === avoid[k]); i++) out = shuffle(ids, random);
  return out;
}

/**
 * Draws an attempt's questions from a quiz snapshot: `count` at random per draw rule (or the whole pool), and the order of
 * each question's options. Options of single/multiple are shuffled when the quiz says so; ordering items and the
 * right-hand items of matching are always shuffled, since their authored order may be the answer.
 */
export function drawAttempt(quiz: QuizSnapshot, random: Random = Math.random): AttemptDraw {
  const pool = quiz.questions;
  const chosen = quiz.settings.draw.length
    ? quiz.settings.draw.flatMap((d) =>
        shuffle(
          pool.filter((q) => q.categoryId === d.categoryId),
          random,
        ).slice(0, d.count),
      )
    : pool;
  return chosen.map((q) => {
    const ids = q.options.map((o) => o.id);
    let optionOrder = ids;
    if ((q.kind === 'single' || q.kind === 'multiple') && quiz.settings.shuffleOptions)
      optionOrder = shuffle(ids, random);
    if (q.kind === 'ordering')
      optionOrder = shuffleAway(ids, (q.key as { order?: string[] } | null)?.order ?? ids, random);
    if (q.kind === 'matching') {
      const left = q.options.filter((o) => o.side === 'left').map((o) => o.id);
      const right = q.options.filter((o) => o.side === 'right').map((o) => o.id);
      optionOrder = [...(quiz.settings.shuffleOptions ? shuffle(left, random) : left), ...shuffle(right, random)];
    }
    return { questionId: q.id, optionOrder };
  });
}
