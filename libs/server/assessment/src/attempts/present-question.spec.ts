import type { QuestionSnapshot } from '@kompeten/shared-contracts';
import { NUMERIC_FORMAT_HINT } from '../grading';
import { presentQuestion } from './attempt.service';

const q = (kind: QuestionSnapshot['kind']): QuestionSnapshot => ({
  id: 'q1',
  categoryId: null,
  kind,
  prompt: 'Berapa?',
  points: 1,
  options: [],
  key: { value: 1500, tolerance: 0 },
});

describe('presentQuestion', () => {
  it('tells the learner how to write a number, and never sends the key', () => {
    const shown = presentQuestion(q('numeric'), []);
    expect(shown.formatHint).toBe(NUMERIC_FORMAT_HINT);
    expect(shown.formatHint).toMatch(/koma untuk desimal dan titik untuk ribuan/);
    expect(JSON.stringify(shown)).not.toContain('1500');
    expect(presentQuestion(q('short_answer'), []).formatHint).toBeUndefined();
  });
});
