import { parseAiken } from './aiken';
import { writeAiken } from './aiken-writer';
import type { ExportedQuestion } from './exported-question';
import { fingerprint } from './fingerprint';
import { parseGift } from './gift';
import { writeGift } from './gift-writer';
import { checkEntry } from './import-checks';
import type { ImportedQuestion } from './imported-question';
import { TEMPLATE_QUESTIONS } from './sheet-writer';

/** Questions whose texts use every character GIFT must escape, line breaks, and a category with a slash. */
const AWKWARD: ExportedQuestion[] = [
  {
    kind: 'single',
    category: 'Etika/Integritas',
    prompt: 'Rumus: 2 = 1 + 1? {ya} ~ #1\nBaris kedua \\ garis miring',
    points: 0.5,
    options: [
      { id: 'a', text: 'a=b' },
      { id: 'b', text: 'c~d #e' },
      { id: 'c', text: 'f{g}h: i' },
    ],
    answerKey: { correct: 'c' },
    feedback: 'Lihat: modul #2 {bab 1}',
  },
  {
    kind: 'multiple',
    category: 'Etika/Integritas',
    prompt: 'Pilih tiga',
    points: 3,
    options: ['w', 'x', 'y', 'z'].map((t, i) => ({ id: `o${i}`, text: t })),
    answerKey: { correct: ['o0', 'o2', 'o3'] },
    feedback: null,
  },
];

const asRead = (q: ExportedQuestion) => {
  const { category: _c, ...rest } = q;
  return rest;
};

describe('GIFT export → import', () => {
  it('gives back every question but ordering (which GIFT cannot hold), with categories and points', () => {
    const questions = [...TEMPLATE_QUESTIONS, ...AWKWARD];
    const file = writeGift(questions, ['Bank soal uji']);
    expect(file).toMatchObject({ written: questions.length - 1, skipped: 1, skippedKinds: ['ordering'] });
    const read = parseGift(file.body as string).map(checkEntry);
    expect(read.map((e) => e.refusal)).toEqual(read.map(() => null));
    const expected = questions.filter((q) => q.kind !== 'ordering');
    expect(read.map((e) => e.category)).toEqual(expected.map((q) => q.category));
    // Same questions by the import's own measure (texts, kinds, keys), and the same points and feedback.
    expect(read.map((e) => fingerprint(e.question as ImportedQuestion))).toEqual(expected.map(fingerprint));
    expect(read.map((e) => [e.question?.points, e.question?.feedback])).toEqual(
      expected.map((q) => [q.points, q.feedback]),
    );
    // Single and matching keep even their option ids and order.
    expect(read[0].question).toEqual(asRead(expected[0]));
  });

  it('writes what Moodle expects: escapes, $CATEGORY paths, ~%w% weights from its grade list', () => {
    const body = writeGift(AWKWARD).body as string;
    expect(body).toContain('$CATEGORY: $course$/top/Etika//Integritas');
    expect(body).toContain(String.raw`Rumus\: 2 \= 1 + 1? \{ya\} \~ \#1\nBaris kedua \\ garis miring`);
    expect(body).toContain('~%33.33333%w');
    expect(body).toContain('~%-33.33333%x');
    expect(body).toContain('// poin: 0.5');
  });
});

describe('Aiken export → import', () => {
  it('holds the single-answer questions only; they come back the same', () => {
    const file = writeAiken([...TEMPLATE_QUESTIONS, ...AWKWARD]);
    expect(file.written).toBe(2);
    expect(file.skippedKinds.sort()).toEqual(
      ['essay', 'matching', 'multiple', 'numeric', 'ordering', 'short_answer', 'true_false'].sort(),
    );
    const read = parseAiken(file.body as string).map(checkEntry);
    expect(read.map((e) => e.refusal)).toEqual([null, null]);
    expect(read.map((e) => fingerprint(e.question as ImportedQuestion))).toEqual(
      [TEMPLATE_QUESTIONS[0], { ...AWKWARD[0], prompt: AWKWARD[0].prompt.replace('\n', ' ') }].map(fingerprint),
    );
  });
});

describe('the bank\u2019s rules on imported questions', () => {
  const base = { line: 3, kind: null, prompt: '', category: null, refusal: null, warnings: [] };

  it('refuses what the question editor would refuse, with the bank\u2019s reason', () => {
    const tooLong = checkEntry({
      ...base,
      question: { kind: 'essay', prompt: 'x'.repeat(10_001), options: [], answerKey: null, points: 1, feedback: null },
    });
    expect(tooLong.refusal).toEqual({
      code: 'QUESTION.TOO_LONG',
      params: { field: 'soal', length: 10_001, max: 10_000 },
    });
    const badPoints = checkEntry({
      ...base,
      question: { kind: 'essay', prompt: 'Q', options: [], answerKey: null, points: 0.001, feedback: null },
    });
    expect(badPoints.refusal?.code).toBe('QUESTION.BANK_RULE');
    expect(badPoints.refusal?.params?.detail).toContain('points');
  });

  it('shortens a category name past 200 characters, with a warning', () => {
    const e = checkEntry({ ...base, category: 'K'.repeat(250), question: null, refusal: { code: 'GIFT.DESCRIPTION' } });
    expect(e.category).toHaveLength(200);
    expect(e.warnings).toEqual([{ code: 'WARN.CATEGORY_SHORTENED' }]);
  });
});

describe('fingerprint', () => {
  it('ignores option ids, option order, whitespace, points and feedback; not the key', () => {
    const q = TEMPLATE_QUESTIONS[0];
    const shuffled: ExportedQuestion = {
      ...q,
      prompt: `  ${q.prompt.replace(/ /g, '  ')} `,
      options: [...q.options].reverse().map((o, i) => ({ id: `z${i}`, text: o.text })),
      answerKey: { correct: 'z2' },
      points: 9,
      feedback: 'lain',
    };
    expect(fingerprint(shuffled)).toBe(fingerprint(q));
    expect(fingerprint({ ...shuffled, answerKey: { correct: 'z0' } })).not.toBe(fingerprint(q));
  });
});
