import type { AnswerKey, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';

/**
 * What makes two questions "the same" for an import: kind, text, options and key, compared by their texts (never by
 * option ids, which differ between files), with whitespace runs collapsed. Points, feedback and category do not count:
 * a question re-imported with other points is still the one already in the bank. This is what makes an import safe to
 * retry: questions already in the bank are skipped unless the uploader asks for duplicates. Pure.
 */

type Comparable = { kind: QuestionKind; prompt: string; options: QuestionOption[]; answerKey: AnswerKey };

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const sorted = (xs: string[]) => [...xs].sort();

export function fingerprint(q: Comparable): string {
  const text = new Map(q.options.map((o) => [o.id, norm(o.text)]));
  const key = (q.answerKey ?? {}) as Record<string, unknown>;
  const ids = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  let shape: unknown;
  switch (q.kind) {
    case 'single':
      shape = [sorted([...text.values()]), text.get(key.correct as string) ?? null];
      break;
    case 'multiple':
      shape = [sorted([...text.values()]), sorted(ids(key.correct).map((id) => text.get(id) ?? ''))];
      break;
    case 'true_false':
      shape = key.correct === true;
      break;
    case 'short_answer':
      shape = sorted(ids(key.accepted).map(norm));
      break;
    case 'numeric':
      shape = [Number(key.value), Number(key.tolerance ?? 0)];
      break;
    case 'matching': {
      const pairs = (Array.isArray(key.pairs) ? key.pairs : []) as Array<{ left: string; right: string }>;
      const rights = q.options.filter((o) => o.side === 'right').map((o) => norm(o.text));
      shape = [sorted(pairs.map((p) => `${text.get(p.left)}\u0000${text.get(p.right)}`)), sorted(rights)];
      break;
    }
    case 'ordering':
      shape = ids(key.order).map((id) => text.get(id) ?? '');
      break;
    case 'essay':
      shape = null;
      break;
  }
  return JSON.stringify([q.kind, norm(q.prompt), shape]);
}
