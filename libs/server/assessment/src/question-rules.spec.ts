import type { QuestionOption } from '@kompeten/shared-contracts';
import { questionProblems, responseProblem } from './question-rules';

const opts = (...ids: string[]): QuestionOption[] => ids.map((id) => ({ id, text: `Opsi ${id}` }));
const matching: QuestionOption[] = [
  { id: 'l1', text: 'BKN', side: 'left' },
  { id: 'l2', text: 'LAN', side: 'left' },
  { id: 'r1', text: 'Kepegawaian', side: 'right' },
  { id: 'r2', text: 'Pelatihan', side: 'right' },
  { id: 'r3', text: 'Pengawasan', side: 'right' },
];

describe('question rules', () => {
  it('accepts a well-formed question of every kind', () => {
    expect(questionProblems('single', opts('a', 'b'), { correct: 'a' })).toEqual([]);
    expect(questionProblems('multiple', opts('a', 'b', 'c'), { correct: ['a', 'c'] })).toEqual([]);
    expect(questionProblems('true_false', [], { correct: false })).toEqual([]);
    expect(questionProblems('short_answer', [], { accepted: ['Pancasila'] })).toEqual([]);
    expect(questionProblems('numeric', [], { value: 3.5, tolerance: 0 })).toEqual([]);
    expect(questionProblems('numeric', [], { value: 3.5 })).toEqual([]);
    expect(
      questionProblems('matching', matching, {
        pairs: [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r2' },
        ],
      }),
    ).toEqual([]);
    expect(questionProblems('ordering', opts('x', 'y', 'z'), { order: ['z', 'x', 'y'] })).toEqual([]);
    expect(questionProblems('essay', [], null)).toEqual([]);
    expect(questionProblems('essay', [], undefined)).toEqual([]);
  });

  it('explains what is wrong with each kind', () => {
    expect(questionProblems('single', opts('a', 'b'), { correct: 'c' })).toEqual([
      'answerKey.correct "c" bukan id salah satu opsi',
    ]);
    expect(questionProblems('single', opts('a', 'b'), { correct: ['a'] })[0]).toMatch(/single harus/);
    expect(questionProblems('single', opts('a'), { correct: 'a' })).toEqual(['soal single perlu minimal 2 opsi']);
    expect(questionProblems('single', opts('a', 'a'), { correct: 'a' })[0]).toMatch(/ganda/);
    expect(questionProblems('multiple', opts('a', 'b'), { correct: [] })[0]).toMatch(/minimal satu/);
    expect(questionProblems('multiple', opts('a', 'b'), { correct: ['a', 'z'] })[0]).toMatch(/z/);
    expect(questionProblems('true_false', [], { correct: 'true' })[0]).toMatch(/true_false/);
    expect(questionProblems('true_false', opts('a', 'b'), { correct: true })[0]).toMatch(/tidak memakai options/);
    expect(questionProblems('short_answer', [], { accepted: [] })[0]).toMatch(/minimal satu/);
    expect(questionProblems('short_answer', [], { accepted: ['  '] })[0]).toMatch(/kosong/);
    expect(questionProblems('short_answer', [], { accepted: ['Pancasila', 'Panca*'] })[0]).toMatch(
      /tanda \* \(bukan wildcard\)/,
    );
    expect(questionProblems('numeric', [], { value: '3' })[0]).toMatch(/numeric harus/);
    expect(questionProblems('numeric', [], { value: 3, tolerance: -1 })).toEqual([
      'answerKey.tolerance harus angka ≥ 0',
    ]);
    expect(questionProblems('matching', matching, { pairs: [{ left: 'l1', right: 'r1' }] })).toEqual([
      'item kiri tanpa pasangan: l2',
    ]);
    expect(
      questionProblems('matching', matching, {
        pairs: [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r1' },
        ],
      }),
    ).toEqual(['setiap item kanan hanya boleh dipakai sekali']);
    expect(questionProblems('matching', opts('a', 'b'), { pairs: [] })[0]).toMatch(/side/);
    expect(questionProblems('ordering', opts('x', 'y'), { order: ['x'] })[0]).toMatch(/tepat sekali/);
    expect(questionProblems('ordering', opts('x', 'y'), { order: ['x', 'x'] })[0]).toMatch(/tepat sekali/);
    expect(questionProblems('essay', [], { accepted: ['x'] })[0]).toMatch(/null/);
  });

  it('checks responses against the question', () => {
    expect(responseProblem('single', opts('a', 'b'), 'a')).toBeNull();
    expect(responseProblem('single', opts('a', 'b'), 'z')).toMatch(/single/);
    expect(responseProblem('multiple', opts('a', 'b'), ['a', 'b'])).toBeNull();
    expect(responseProblem('multiple', opts('a', 'b'), ['a', 'a'])).toMatch(/multiple/);
    expect(responseProblem('true_false', [], 'ya')).toMatch(/true_false/);
    expect(responseProblem('numeric', [], '3,5')).toBeNull();
    expect(responseProblem('numeric', [], 'tiga')).toMatch(/angka/);
    expect(responseProblem('numeric', [], '1.500')).toBeNull();
    expect(responseProblem('numeric', [], '1,500.5')).toMatch(/koma untuk desimal dan titik untuk ribuan/);
    expect(responseProblem('matching', matching, [{ left: 'l1', right: 'r3' }])).toBeNull();
    expect(responseProblem('matching', matching, [{ left: 'r1', right: 'l1' }])).toMatch(/matching/);
    expect(
      responseProblem('matching', matching, [
        { left: 'l1', right: 'r3' },
        { left: 'l1', right: 'r2' },
      ]),
    ).toMatch(/matching/);
    expect(responseProblem('ordering', opts('x', 'y'), ['y', 'x'])).toBeNull();
    expect(responseProblem('ordering', opts('x', 'y'), ['y'])).toMatch(/ordering/);
    expect(responseProblem('essay', [], 'x'.repeat(20_001))).toMatch(/essay/);
    expect(responseProblem('essay', [], null)).toBeNull();
  });
});
