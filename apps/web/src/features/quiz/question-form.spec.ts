import { describe, expect, it } from '@jest/globals';
import type { AnswerKey, Question, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import {
  blankChoice,
  blankItem,
  blankPair,
  buildQuestionInput,
  pointsProblem,
  questionFormValues,
  type QuestionFormValues,
} from './question-form';

function makeQuestion(
  kind: QuestionKind,
  options: QuestionOption[],
  answerKey: AnswerKey,
  overrides: Partial<Question> = {},
): Question {
  return {
    id: 'question-1',
    courseId: 'course-1',
    categoryId: 'category-1',
    kind,
    prompt: 'Apa kepanjangan BerAKHLAK?',
    options,
    answerKey,
    points: 2,
    feedback: 'Lihat modul 1.',
    archived: false,
    createdAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The form of a new question of `kind`, with `changes` typed in. */
function newForm(kind: QuestionKind, changes: Partial<QuestionFormValues> = {}): QuestionFormValues {
  return { ...questionFormValues(undefined, undefined), kind, prompt: 'Soal', ...changes };
}

function built(values: QuestionFormValues) {
  const result = buildQuestionInput(values);
  if (!result.ok) throw new Error(`expected a question, got ${result.problem}`);
  return result.input;
}

const problemOf = (values: QuestionFormValues) => {
  const result = buildQuestionInput(values);
  return result.ok ? null : result.problem;
};

describe('question form: every kind round-trips from the server through the form and back unchanged', () => {
  const cases: Array<[QuestionKind, QuestionOption[], AnswerKey]> = [
    [
      'single',
      [
        { id: 'oa', text: 'Berorientasi Pelayanan' },
        { id: 'ob', text: 'Birokrasi' },
        { id: 'oc', text: 'Beretika' },
      ],
      { correct: 'oa' },
    ],
    [
      'multiple',
      [
        { id: 'oa', text: 'Akuntabel' },
        { id: 'ob', text: 'Adaptif' },
        { id: 'oc', text: 'Agresif' },
      ],
      { correct: ['oa', 'ob'] },
    ],
    ['true_false', [], { correct: false }],
    ['short_answer', [], { accepted: ['SIASN', 'Sistem Informasi ASN'] }],
    ['numeric', [], { value: 45, tolerance: 0.5 }],
    [
      'matching',
      [
        { id: 'l1', text: 'PNS', side: 'left' },
        { id: 'r1', text: 'Pegawai tetap', side: 'right' },
        { id: 'l2', text: 'PPPK', side: 'left' },
        { id: 'r2', text: 'Pegawai kontrak', side: 'right' },
      ],
      {
        pairs: [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r2' },
        ],
      },
    ],
    [
      'ordering',
      [
        { id: 'i1', text: 'Analisis kebutuhan' },
        { id: 'i2', text: 'Perencanaan' },
        { id: 'i3', text: 'Pelaksanaan' },
      ],
      { order: ['i1', 'i2', 'i3'] },
    ],
    ['essay', [], null],
  ];

  it.each(cases)('%s', (kind, options, answerKey) => {
    const question = makeQuestion(kind, options, answerKey);
    const input = built(questionFormValues(question, undefined));
    expect(input).toEqual({
      kind,
      categoryId: 'category-1',
      prompt: question.prompt,
      points: 2,
      feedback: 'Lihat modul 1.',
      options,
      answerKey,
    });
  });

  it('covers all eight kinds', () => {
    expect(new Set(cases.map(([kind]) => kind)).size).toBe(8);
  });
});

describe('question form: parsing the server\u2019s question', () => {
  it('puts ordering items in the key\u2019s order, skipping ids the options do not have', () => {
    const question = makeQuestion(
      'ordering',
      [
        { id: 'i1', text: 'Satu' },
        { id: 'i2', text: 'Dua' },
        { id: 'i3', text: 'Tiga' },
      ],
      { order: ['i3', 'gone', 'i1', 'i2'] },
    );
    expect(questionFormValues(question, undefined).items).toEqual([
      { optionId: 'i3', text: 'Tiga' },
      { optionId: 'i1', text: 'Satu' },
      { optionId: 'i2', text: 'Dua' },
    ]);
  });

  it('falls back to the options\u2019 order when an ordering question has no key', () => {
    const question = makeQuestion(
      'ordering',
      [
        { id: 'i1', text: 'Satu' },
        { id: 'i2', text: 'Dua' },
      ],
      null,
    );
    expect(questionFormValues(question, undefined).items.map((i) => i.optionId)).toEqual(['i1', 'i2']);
  });

  it('reads a key of the wrong shape as no answer rather than failing', () => {
    const single = questionFormValues(
      makeQuestion('single', [{ id: 'oa', text: 'A' }], { correct: ['oa'] }),
      undefined,
    );
    expect(single.correctSingle).toBe('');
    const numeric = questionFormValues(makeQuestion('numeric', [], { accepted: ['x'] }), undefined);
    expect({ value: numeric.numericValue, tolerance: numeric.numericTolerance }).toEqual({ value: '', tolerance: 0 });
    expect(questionFormValues(makeQuestion('matching', [], null), undefined).pairs).toEqual([]);
    expect(questionFormValues(makeQuestion('true_false', [], null), undefined).trueFalse).toBe('true');
  });

  it('starts a new question as single choice with two blank options, two blank pairs and the chosen category', () => {
    const values = questionFormValues(undefined, 'category-9');
    expect(values).toMatchObject({
      kind: 'single',
      categoryId: 'category-9',
      prompt: '',
      points: 1,
      feedback: '',
      correctSingle: '',
      numericTolerance: 0,
    });
    expect(values.choices.map((c) => c.text)).toEqual(['', '']);
    expect(values.pairs.map((p) => [p.left, p.right])).toEqual([
      ['', ''],
      ['', ''],
    ]);
    const ids = [...values.choices.map((c) => c.optionId), ...values.pairs.flatMap((p) => [p.leftId, p.rightId])];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[olr][a-z0-9]{1,6}$/.test(id))).toBe(true);
    expect(questionFormValues(undefined, undefined).categoryId).toBe('');
  });

  it('gives new rows ids the API accepts (letters and digits), distinct from each other', () => {
    const ids = Array.from({ length: 50 }, () => [
      blankChoice().optionId,
      blankItem().optionId,
      blankPair().leftId,
      blankPair().rightId,
    ]).flat();
    expect(ids.every((id) => /^[A-Za-z0-9_-]{2,}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('question form: building the request', () => {
  it('trims the prompt and feedback, sends a blank feedback and an empty category as null, and points as a number', () => {
    const input = built(
      newForm('essay', { prompt: '  Jelaskan nilai Adaptif.  ', feedback: '   ', categoryId: '', points: '2.5' }),
    );
    expect(input).toEqual({
      kind: 'essay',
      categoryId: null,
      prompt: 'Jelaskan nilai Adaptif.',
      points: 2.5,
      feedback: null,
      options: [],
      answerKey: null,
    });
  });

  it('sends only the chosen kind\u2019s answer: inputs of a kind switched away from are left out', () => {
    const values = newForm('true_false', {
      choices: [
        { optionId: 'oa', text: 'A' },
        { optionId: 'ob', text: 'B' },
      ],
      correctSingle: 'oa',
      trueFalse: 'false',
    });
    expect(built(values)).toMatchObject({ options: [], answerKey: { correct: false } });
  });

  describe('single choice', () => {
    const choices = [
      { optionId: 'oa', text: ' Akuntabel ' },
      { optionId: 'ob', text: '' },
      { optionId: 'oc', text: 'Kolaboratif' },
    ];

    it('leaves out blank options and trims the rest', () => {
      expect(built(newForm('single', { choices, correctSingle: 'oc' }))).toMatchObject({
        options: [
          { id: 'oa', text: 'Akuntabel' },
          { id: 'oc', text: 'Kolaboratif' },
        ],
        answerKey: { correct: 'oc' },
      });
    });

    it('needs two filled options', () => {
      expect(problemOf(newForm('single', { choices: [choices[0], choices[1]], correctSingle: 'oa' }))).toBe(
        'editor.needTwoOptions',
      );
    });

    it('needs the correct option marked, and marked on a filled option', () => {
      expect(problemOf(newForm('single', { choices, correctSingle: '' }))).toBe('editor.needCorrect');
      expect(problemOf(newForm('single', { choices, correctSingle: 'ob' }))).toBe('editor.needCorrect');
      expect(problemOf(newForm('single', { choices, correctSingle: 'removed' }))).toBe('editor.needCorrect');
    });
  });

  describe('multiple choice', () => {
    const choices = [
      { optionId: 'oa', text: 'Loyal' },
      { optionId: 'ob', text: 'Harmonis' },
      { optionId: 'oc', text: '' },
    ];

    it('keeps only marks on options that are still there', () => {
      expect(built(newForm('multiple', { choices, correctMultiple: ['ob', 'oc', 'removed'] })).answerKey).toEqual({
        correct: ['ob'],
      });
    });

    it('needs at least one mark and two filled options', () => {
      expect(problemOf(newForm('multiple', { choices, correctMultiple: ['oc'] }))).toBe('editor.needCorrect');
      expect(problemOf(newForm('multiple', { choices: [choices[0]], correctMultiple: ['oa'] }))).toBe(
        'editor.needTwoOptions',
      );
    });
  });

  it('true/false sends a boolean', () => {
    expect(built(newForm('true_false', { trueFalse: 'true' })).answerKey).toEqual({ correct: true });
    expect(built(newForm('true_false', { trueFalse: 'false' })).answerKey).toEqual({ correct: false });
  });

  it('short answer trims the accepted answers, drops blank ones and needs one', () => {
    expect(built(newForm('short_answer', { accepted: [' SIASN ', '  ', 'siasn bkn'] })).answerKey).toEqual({
      accepted: ['SIASN', 'siasn bkn'],
    });
    expect(problemOf(newForm('short_answer', { accepted: ['  '] }))).toBe('editor.needAccepted');
  });

  it('numeric needs a value (0 is one) and sends the tolerance as a positive number, empty as 0', () => {
    expect(built(newForm('numeric', { numericValue: 0, numericTolerance: '' })).answerKey).toEqual({
      value: 0,
      tolerance: 0,
    });
    expect(built(newForm('numeric', { numericValue: '20', numericTolerance: -1.5 })).answerKey).toEqual({
      value: 20,
      tolerance: 1.5,
    });
    expect(problemOf(newForm('numeric', { numericValue: '' }))).toBe('editor.needValue');
    expect(problemOf(newForm('numeric', { numericValue: 'dua puluh' }))).toBe('editor.needValue');
  });

  describe('matching', () => {
    const pair = (n: number, left: string, right: string) => ({ leftId: `l${n}`, left, rightId: `r${n}`, right });

    it('sends each pair as a left and a right option, and the pairs as the key', () => {
      const input = built(
        newForm('matching', { pairs: [pair(1, ' JP ', '45 menit'), pair(2, 'PNS', '20 JP setahun')] }),
      );
      expect(input.options).toEqual([
        { id: 'l1', text: 'JP', side: 'left' },
        { id: 'r1', text: '45 menit', side: 'right' },
        { id: 'l2', text: 'PNS', side: 'left' },
        { id: 'r2', text: '20 JP setahun', side: 'right' },
      ]);
      expect(input.answerKey).toEqual({
        pairs: [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r2' },
        ],
      });
    });

    it('refuses a half-filled pair and fewer than two pairs', () => {
      expect(problemOf(newForm('matching', { pairs: [pair(1, 'JP', '45 menit'), pair(2, 'PNS', ' ')] }))).toBe(
        'editor.needPairs',
      );
      expect(problemOf(newForm('matching', { pairs: [pair(1, 'JP', '45 menit')] }))).toBe('editor.needPairs');
    });
  });

  describe('ordering', () => {
    it('sends the items in the order shown as the key', () => {
      const items = [
        { optionId: 'i3', text: 'Evaluasi' },
        { optionId: 'i1', text: 'Perencanaan' },
      ];
      expect(built(newForm('ordering', { items }))).toMatchObject({
        options: [
          { id: 'i3', text: 'Evaluasi' },
          { id: 'i1', text: 'Perencanaan' },
        ],
        answerKey: { order: ['i3', 'i1'] },
      });
    });

    it('refuses a blank item and fewer than two items', () => {
      expect(
        problemOf(
          newForm('ordering', {
            items: [
              { optionId: 'i1', text: 'A' },
              { optionId: 'i2', text: '' },
              { optionId: 'i3', text: 'C' },
            ],
          }),
        ),
      ).toBe('editor.needItems');
      expect(problemOf(newForm('ordering', { items: [{ optionId: 'i1', text: 'A' }] }))).toBe('editor.needItems');
    });
  });
});

describe('question form: points', () => {
  it.each([
    [1, null],
    ['0.01', null],
    [9999.99, null],
    [0, 'editor.pointsInvalid'],
    [-1, 'editor.pointsInvalid'],
    [10000, 'editor.pointsInvalid'],
    ['', 'editor.pointsInvalid'],
  ])('%p → %p', (points, problem) => {
    expect(pointsProblem(points)).toBe(problem);
  });
});
