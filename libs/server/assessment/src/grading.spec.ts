import type { QuestionKind } from '@kompeten/shared-contracts';
import { creditOf, isPassed, normaliseText, percentOf, quizGrade, round2, scoreQuestion, toNumber } from './grading';

const q = (kind: QuestionKind, key: unknown, points = 10) => ({ kind, key, points });

describe('grading', () => {
  describe('single', () => {
    const question = q('single', { correct: 'b' }, 2);
    it('gives full points for the correct option and none otherwise', () => {
      expect(scoreQuestion(question, 'b')).toBe(2);
      expect(scoreQuestion(question, 'a')).toBe(0);
    });
    it('scores nothing for no answer or a malformed one', () => {
      expect(scoreQuestion(question, null)).toBe(0);
      expect(scoreQuestion(question, undefined)).toBe(0);
      expect(scoreQuestion(question, ['b'])).toBe(0);
      expect(scoreQuestion(question, { id: 'b' })).toBe(0);
    });
  });

  describe('multiple: points × max(0, (right chosen − wrong chosen) / right options)', () => {
    const question = q('multiple', { correct: ['a', 'c', 'd'] }, 6);
    it('gives full points for exactly the right options, in any order', () => {
      expect(scoreQuestion(question, ['d', 'a', 'c'])).toBe(6);
    });
    it('gives partial credit for some right options', () => {
      expect(scoreQuestion(question, ['a'])).toBe(2);
      expect(scoreQuestion(question, ['a', 'c'])).toBe(4);
    });
    it('takes a wrong option off a right one', () => {
      expect(scoreQuestion(question, ['a', 'c', 'b'])).toBe(2);
      expect(scoreQuestion(question, ['a', 'c', 'd', 'b'])).toBe(4);
    });
    it('never goes below zero', () => {
      expect(scoreQuestion(question, ['b'])).toBe(0);
      expect(scoreQuestion(question, ['a', 'b', 'e'])).toBe(0);
    });
    it('gives nothing for choosing nothing, and counts a repeated id once', () => {
      expect(scoreQuestion(question, [])).toBe(0);
      expect(scoreQuestion(question, ['a', 'a', 'a'])).toBe(2);
    });
    it('rounds thirds to cents', () => {
      expect(scoreQuestion(q('multiple', { correct: ['a', 'b', 'c'] }, 1), ['a'])).toBe(0.33);
      expect(scoreQuestion(q('multiple', { correct: ['a', 'b', 'c'] }, 1), ['a', 'b'])).toBe(0.67);
    });
  });

  describe('true_false', () => {
    it('is full or none, and only a boolean counts', () => {
      expect(scoreQuestion(q('true_false', { correct: false }, 1), false)).toBe(1);
      expect(scoreQuestion(q('true_false', { correct: false }, 1), true)).toBe(0);
      expect(scoreQuestion(q('true_false', { correct: true }, 1), 'true')).toBe(0);
      expect(scoreQuestion(q('true_false', { correct: false }, 1), null)).toBe(0);
    });
  });

  describe('short_answer', () => {
    const question = q('short_answer', { accepted: ['Bhinneka Tunggal Ika', 'Pancasila'] }, 3);
    it('accepts any accepted answer', () => {
      expect(scoreQuestion(question, 'Pancasila')).toBe(3);
      expect(scoreQuestion(question, 'Bhinneka Tunggal Ika')).toBe(3);
    });
    it('ignores case', () => expect(scoreQuestion(question, 'PANCASILA')).toBe(3));
    it('collapses and trims spaces (including tabs and newlines)', () =>
      expect(scoreQuestion(question, '  bhinneka \t tunggal\n ika ')).toBe(3));
    it('removes punctuation', () => {
      expect(scoreQuestion(question, 'Pancasila.')).toBe(3);
      expect(scoreQuestion(question, '"Bhinneka Tunggal Ika!"')).toBe(3);
    });
    it('removes accents', () => {
      expect(scoreQuestion(q('short_answer', { accepted: ['Jose'] }), 'José')).toBe(10);
      expect(scoreQuestion(q('short_answer', { accepted: ['café crème'] }), 'CAFE CREME')).toBe(10);
    });
    it('normalises the accepted answers the same way', () =>
      expect(scoreQuestion(q('short_answer', { accepted: ['  U.U.D. 1945 '] }), 'uud 1945')).toBe(10));
    it('refuses other words, partial answers and blanks', () => {
      expect(scoreQuestion(question, 'Pancasila sakti')).toBe(0);
      expect(scoreQuestion(question, 'Panca sila')).toBe(0);
      expect(scoreQuestion(question, '')).toBe(0);
      expect(scoreQuestion(question, '...')).toBe(0);
      expect(scoreQuestion(question, 42)).toBe(0);
    });
    it('normaliseText', () => {
      expect(normaliseText('  Pancasila,  Sila KE-5! ')).toBe('pancasila sila ke 5');
      expect(normaliseText('Ñusa  Tenggara\u00a0Barát')).toBe('nusa tenggara barat');
    });
  });

  describe('numeric: full if within tolerance', () => {
    it('accepts the value and both tolerance edges, refuses just outside', () => {
      const question = q('numeric', { value: 10, tolerance: 0.5 }, 4);
      expect(scoreQuestion(question, 10)).toBe(4);
      expect(scoreQuestion(question, 10.5)).toBe(4);
      expect(scoreQuestion(question, 9.5)).toBe(4);
      expect(scoreQuestion(question, 10.51)).toBe(0);
      expect(scoreQuestion(question, 9.49)).toBe(0);
    });
    it('keeps floating-point edges inside (0.3 ± 0.1)', () => {
      const question = q('numeric', { value: 0.3, tolerance: 0.1 }, 1);
      expect(scoreQuestion(question, 0.2)).toBe(1);
      expect(scoreQuestion(question, 0.4)).toBe(1);
      expect(scoreQuestion(question, 0.41)).toBe(0);
      expect(scoreQuestion(question, 0.1 + 0.2)).toBe(1);
    });
    it('with tolerance 0 (or none) needs the exact value', () => {
      expect(scoreQuestion(q('numeric', { value: 1945, tolerance: 0 }), 1945)).toBe(10);
      expect(scoreQuestion(q('numeric', { value: 1945, tolerance: 0 }), 1946)).toBe(0);
      expect(scoreQuestion(q('numeric', { value: 1945 }), 1945)).toBe(10);
      expect(scoreQuestion(q('numeric', { value: 1945 }), 1945.01)).toBe(0);
    });
    it('handles negative values and large numbers', () => {
      expect(scoreQuestion(q('numeric', { value: -2.5, tolerance: 0.25 }), -2.75)).toBe(10);
      expect(scoreQuestion(q('numeric', { value: -2.5, tolerance: 0.25 }), -2.76)).toBe(0);
      expect(scoreQuestion(q('numeric', { value: 1_500_000, tolerance: 1000 }), 1_501_000)).toBe(10);
    });
    it('reads numbers written as text with a decimal comma or point', () => {
      const question = q('numeric', { value: 3.5, tolerance: 0 }, 2);
      expect(scoreQuestion(question, '3,5')).toBe(2);
      expect(scoreQuestion(question, ' 3.5 ')).toBe(2);
      expect(scoreQuestion(question, '3,5 kg')).toBe(0);
      expect(scoreQuestion(question, 'tiga')).toBe(0);
      expect(scoreQuestion(question, Number.NaN)).toBe(0);
    });
    it('toNumber', () => {
      expect(toNumber('-0,25')).toBe(-0.25);
      expect(toNumber('.5')).toBe(0.5);
      expect(toNumber('1.000.000')).toBe(1_000_000);
      expect(toNumber('')).toBeNull();
      expect(toNumber(Infinity)).toBeNull();
      expect(toNumber(true)).toBeNull();
    });
  });

  describe('short answers the way Indonesians write them (docs/learning.md, "Short answers")', () => {
    it('keeps a comma or dot between digits: key 3,5 does not accept 35 (nor 3.5)', () => {
      const question = q('short_answer', { accepted: ['3,5'] }, 1);
      expect(scoreQuestion(question, '3,5')).toBe(1);
      expect(scoreQuestion(question, ' 3,5. ')).toBe(1);
      expect(scoreQuestion(question, '35')).toBe(0);
      expect(scoreQuestion(question, '3.5')).toBe(0);
      expect(scoreQuestion(q('short_answer', { accepted: ['Rp1.500.000'] }, 1), 'rp 1500000')).toBe(0);
      expect(scoreQuestion(q('short_answer', { accepted: ['Rp1.500.000'] }, 1), 'RP1.500.000,-')).toBe(1);
    });
    it('turns hyphens and slashes into spaces', () => {
      expect(scoreQuestion(q('short_answer', { accepted: ['e-learning'] }, 1), 'E learning')).toBe(1);
      expect(scoreQuestion(q('short_answer', { accepted: ['sila ke-5'] }, 1), 'Sila ke 5')).toBe(1);
      expect(scoreQuestion(q('short_answer', { accepted: ['sila ke-5'] }, 1), 'sila ke5')).toBe(0);
      expect(normaliseText('Kab./Kota')).toBe('kab kota');
      expect(normaliseText('UU No. 20/2023')).toBe('uu no 20 2023');
    });
    it('a * in a key is not a wildcard: it matches nothing but itself (and authors cannot save one)', () => {
      expect(scoreQuestion(q('short_answer', { accepted: ['Panca*'] }, 1), 'Pancasila')).toBe(0);
    });
  });

  describe('numbers the way Indonesians write them (docs/learning.md, "Numbers")', () => {
    it.each([
      ['1.500', 1500],
      ['1.500,5', 1500.5],
      ['3,5', 3.5],
      ['3.5', 3.5],
      ['1,500', 1.5],
      ['1.000.000', 1_000_000],
      ['0.125', 0.125],
      ['0,125', 0.125],
      ['-1.250,75', -1250.75],
      ['12.500', 12500],
      ['1.5000', 1.5],
      ['+7', 7],
      [' 2 500 ', 2500],
    ])('%s reads as %d', (text, value) => expect(toNumber(text)).toBe(value));
    it.each(['1,500.5', '1.50.0', '1.500.00', '0.500.000', '3,5 kg', '1,2,3', '--1', 'satu'])(
      '%s is not a number (refused when saved)',
      (text) => expect(toNumber(text)).toBeNull(),
    );
    it('scores 1.500 as fifteen hundred, not one and a half', () => {
      expect(scoreQuestion(q('numeric', { value: 1500, tolerance: 0 }, 1), '1.500')).toBe(1);
      expect(scoreQuestion(q('numeric', { value: 1.5, tolerance: 0 }, 1), '1.500')).toBe(0);
      expect(scoreQuestion(q('numeric', { value: 1.5, tolerance: 0 }, 1), '1,500')).toBe(1);
    });
  });

  describe('matching: share of pairs matched right', () => {
    const key = {
      pairs: [
        { left: 'l1', right: 'r1' },
        { left: 'l2', right: 'r2' },
        { left: 'l3', right: 'r3' },
        { left: 'l4', right: 'r4' },
      ],
    };
    const question = q('matching', key, 8);
    it('gives full points for every pair right, in any order', () => {
      expect(
        scoreQuestion(question, [
          { left: 'l4', right: 'r4' },
          { left: 'l1', right: 'r1' },
          { left: 'l3', right: 'r3' },
          { left: 'l2', right: 'r2' },
        ]),
      ).toBe(8);
    });
    it('gives partial credit', () => {
      expect(
        scoreQuestion(question, [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r3' },
          { left: 'l3', right: 'r2' },
        ]),
      ).toBe(2);
      expect(
        scoreQuestion(question, [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r2' },
          { left: 'l3', right: 'r3' },
        ]),
      ).toBe(6);
    });
    it('counts only the first answer for a left item given twice', () => {
      expect(
        scoreQuestion(question, [
          { left: 'l1', right: 'r2' },
          { left: 'l1', right: 'r1' },
        ]),
      ).toBe(0);
    });
    it('scores malformed answers 0', () => {
      expect(scoreQuestion(question, 'l1=r1')).toBe(0);
      expect(scoreQuestion(question, [{ l: 'l1', r: 'r1' }])).toBe(0);
      expect(scoreQuestion(question, [])).toBe(0);
    });
  });

  describe('ordering: share of items in the right position', () => {
    const question = q('ordering', { order: ['a', 'b', 'c', 'd'] }, 4);
    it('full for the right order', () => expect(scoreQuestion(question, ['a', 'b', 'c', 'd'])).toBe(4));
    it('partial for some items in place', () => {
      expect(scoreQuestion(question, ['a', 'b', 'd', 'c'])).toBe(2);
      expect(scoreQuestion(question, ['a', 'c', 'b', 'd'])).toBe(2);
      expect(scoreQuestion(question, ['d', 'b', 'c', 'a'])).toBe(2);
    });
    it('none for a fully shifted or reversed order', () => {
      expect(scoreQuestion(question, ['b', 'c', 'd', 'a'])).toBe(0);
      expect(scoreQuestion(question, ['d', 'c', 'b', 'a'])).toBe(0);
    });
    it('positions count even when the answer is short', () => expect(scoreQuestion(question, ['a', 'b'])).toBe(2));
    it('rounds thirds', () =>
      expect(scoreQuestion(q('ordering', { order: ['x', 'y', 'z'] }, 2), ['x', 'z', 'y'])).toBe(0.67));
  });

  describe('essay', () => {
    it('is left for a grader (null), whatever the answer', () => {
      expect(scoreQuestion(q('essay', null), 'Panjang lebar')).toBeNull();
      expect(creditOf('essay', null, null)).toBeNull();
    });
  });

  describe('percent, pass and the quiz grade', () => {
    it('percent = points scored / points available × 100, two decimals', () => {
      expect(percentOf(7, 9)).toBe(77.78);
      expect(percentOf(2, 3)).toBe(66.67);
      expect(percentOf(0, 10)).toBe(0);
      expect(percentOf(10, 10)).toBe(100);
      expect(percentOf(1, 0)).toBe(0);
    });
    it('passes at exactly the pass mark', () => {
      expect(isPassed(70, 70)).toBe(true);
      expect(isPassed(69.99, 70)).toBe(false);
      expect(isPassed(0, 0)).toBe(true);
    });
    it('highest, last or average of graded attempts', () => {
      expect(quizGrade('highest', [40, 90, 60])).toBe(90);
      expect(quizGrade('last', [40, 90, 60])).toBe(60);
      expect(quizGrade('average', [40, 90, 60])).toBe(63.33);
      expect(quizGrade('average', [100])).toBe(100);
      expect(quizGrade('highest', [])).toBeNull();
    });
    it('round2 rounds half up at cents', () => {
      expect(round2(1.005)).toBe(1.01);
      expect(round2(2.675)).toBe(2.68);
      expect(round2(0.125)).toBe(0.13);
    });
  });
});
