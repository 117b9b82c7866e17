import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { categoryFromPath, parseGift } from './gift';
import type { ParsedEntry } from './imported-question';
import { FileProblem } from './problems';

const one = (source: string): ParsedEntry => {
  const entries = parseGift(source);
  expect(entries).toHaveLength(1);
  return entries[0];
};
const codes = (e: ParsedEntry) => e.warnings.map((w) => w.code);

describe('GIFT: each construct', () => {
  it('multiple choice with one = is a single-answer question; ~ answers are wrong', () => {
    const e = one(`Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}`);
    expect(e.question).toEqual({
      kind: 'single',
      prompt: "Who's buried in Grant's tomb?",
      options: [
        { id: 'a', text: 'Grant' },
        { id: 'b', text: 'Jefferson' },
        { id: 'c', text: 'no one' },
      ],
      answerKey: { correct: 'c' },
      points: 1,
      feedback: null,
    });
    expect(e.line).toBe(1);
  });

  it('answers on their own lines, with a title and comments, as Moodle writes them', () => {
    const e = one(
      [
        '// question: 1021  name: Netralitas',
        '::Netralitas::Asas netralitas ASN berarti …{',
        '\t~Berpihak kepada partai pemenang',
        '\t=Tidak berpihak dari segala pengaruh mana pun',
        '\t~Mengikuti arahan atasan',
        '}',
      ].join('\n'),
    );
    expect(e.line).toBe(2);
    expect(e.question?.prompt).toBe('Asas netralitas ASN berarti …');
    expect(e.question?.options.map((o) => o.text)).toEqual([
      'Berpihak kepada partai pemenang',
      'Tidak berpihak dari segala pengaruh mana pun',
      'Mengikuti arahan atasan',
    ]);
    expect(e.question?.answerKey).toEqual({ correct: 'b' });
  });

  it('no = and ~%w% weights make a multiple-answer question: positive weights are right', () => {
    const e = one(`Pilih nilai dasar BerAKHLAK {~%50%Akuntabel ~%50%Kompeten ~%-100%Populer ~Tenar}`);
    expect(e.kind).toBe('multiple');
    expect(e.question?.options.map((o) => o.text)).toEqual(['Akuntabel', 'Kompeten', 'Populer', 'Tenar']);
    expect(e.question?.answerKey).toEqual({ correct: ['a', 'b'] });
  });

  it('decimal weights as Moodle exports thirds', () => {
    const e = one(`Q {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}`);
    expect(e.question?.answerKey).toEqual({ correct: ['a', 'b', 'c'] });
  });

  it('a partial-credit answer in a single-answer question counts as wrong, with a warning', () => {
    const e = one(`Q {=benar ~%50%setengah ~salah}`);
    expect(e.question?.answerKey).toEqual({ correct: 'a' });
    expect(e.warnings).toEqual([{ code: 'WARN.PARTIAL_CREDIT_DROPPED', params: { count: 1 } }]);
  });

  it.each([
    ['{T}', true],
    ['{TRUE}', true],
    ['{F}', false],
    ['{FALSE}', false],
    ['{true}', true],
  ])('true/false %s', (block, correct) => {
    const e = one(`ASN wajib netral.${block}`);
    expect(e.question).toMatchObject({ kind: 'true_false', options: [], answerKey: { correct } });
    expect(e.warnings).toEqual([]);
  });

  it('true/false feedback (#wrong#right) has no place in the bank: left out with a warning', () => {
    const e = one(`Gratifikasi kecil boleh diterima.{F#Gratifikasi wajib ditolak.#Benar.}`);
    expect(e.question?.answerKey).toEqual({ correct: false });
    expect(codes(e)).toEqual(['WARN.ANSWER_FEEDBACK_DROPPED']);
  });

  it('short answer: every = answer is accepted; a lone answer without = too', () => {
    expect(one(`Ibu kota NTB?{=Mataram =Kota Mataram}`).question).toMatchObject({
      kind: 'short_answer',
      options: [],
      answerKey: { accepted: ['Mataram', 'Kota Mataram'] },
    });
    expect(one(`Ibu kota NTB?{Mataram}`).question?.answerKey).toEqual({ accepted: ['Mataram'] });
  });

  it('short answer as Moodle exports it (=%100%…#): full-credit answers kept, partial ones dropped with a warning', () => {
    const e = one(['Ibu kota NTB?{', '\t=%100%Mataram#', '\t=%50%Lombok#Hampir.', '}'].join('\n'));
    expect(e.question?.answerKey).toEqual({ accepted: ['Mataram'] });
    expect(codes(e)).toEqual(['WARN.ANSWER_FEEDBACK_DROPPED', 'WARN.PARTIAL_CREDIT_DROPPED']);
  });

  it('a short answer with Moodle\u2019s * wildcard is refused with the reason', () => {
    expect(one(`Sebut kanal {=LAPOR*}`).refusal).toEqual({ code: 'QUESTION.STAR_NOT_WILDCARD' });
  });

  it.each([
    ['{#3.14:0.01}', { value: 3.14, tolerance: 0.01 }],
    ['{#42}', { value: 42, tolerance: 0 }],
    ['{#1..5}', { value: 3, tolerance: 2 }],
    ['{#-2.5:0.5}', { value: -2.5, tolerance: 0.5 }],
    ['{#\n=%100%2023:0#\n}', { value: 2023, tolerance: 0 }],
  ])('numerical %s', (block, key) => {
    const e = one(`Berapa?${block}`);
    expect(e.question).toMatchObject({ kind: 'numeric', options: [], answerKey: key });
  });

  it('numerical with several answers keeps the first full-credit one, with a warning', () => {
    const e = one(`Tahun UU ASN terbaru?{#=2023:0 =%50%2014:0}`);
    expect(e.question?.answerKey).toEqual({ value: 2023, tolerance: 0 });
    expect(codes(e)).toEqual(['WARN.EXTRA_NUMERIC_ANSWERS']);
  });

  it('a numerical answer that is not a number is refused with its text', () => {
    expect(one(`Berapa?{#tiga}`).refusal).toEqual({ code: 'GIFT.NUMBER_INVALID', params: { text: 'tiga' } });
    expect(one(`Berapa?{#5..1}`).refusal?.code).toBe('GIFT.NUMBER_INVALID');
  });

  it('matching: =left -> right pairs; = -> x adds a distractor on the right', () => {
    const e = one(`Jodohkan.{=Akuntabel -> Bertanggung jawab =Loyal -> Setia = -> Populer}`);
    expect(e.question).toMatchObject({
      kind: 'matching',
      options: [
        { id: 'l1', text: 'Akuntabel', side: 'left' },
        { id: 'l2', text: 'Loyal', side: 'left' },
        { id: 'r1', text: 'Bertanggung jawab', side: 'right' },
        { id: 'r2', text: 'Setia', side: 'right' },
        { id: 'r3', text: 'Populer', side: 'right' },
      ],
      answerKey: {
        pairs: [
          { left: 'l1', right: 'r1' },
          { left: 'l2', right: 'r2' },
        ],
      },
    });
  });

  it('matching refusals: one right answer for two pairs, fewer than two pairs', () => {
    expect(one(`J.{=a -> x =b -> x =c -> y}`).refusal).toEqual({
      code: 'QUESTION.MATCH_RIGHT_REUSED',
      params: { text: 'x' },
    });
    expect(one(`J.{=a -> x = -> y}`).refusal).toEqual({ code: 'QUESTION.MATCH_TOO_FEW', params: { count: 1 } });
  });

  it('essay: empty braces; ####text is the general feedback', () => {
    expect(one(`Jelaskan peran ASN.{}`).question).toMatchObject({ kind: 'essay', answerKey: null, feedback: null });
    expect(one(`Jelaskan peran ASN.{####Sebut UU 20/2023.}`).question).toMatchObject({
      kind: 'essay',
      feedback: 'Sebut UU 20/2023.',
    });
  });

  it('general feedback after the answers of any kind', () => {
    const e = one(`Q {=a ~b ####Karena a.}`);
    expect(e.question).toMatchObject({ kind: 'single', feedback: 'Karena a.', answerKey: { correct: 'a' } });
  });

  it('per-answer feedback (#) is left out with one warning', () => {
    const e = one(`Q {=a#Ya ~b#Tidak ~c}`);
    expect(e.question?.options.map((o) => o.text)).toEqual(['a', 'b', 'c']);
    expect(codes(e)).toEqual(['WARN.ANSWER_FEEDBACK_DROPPED']);
  });

  it('missing word: text after the answers makes the blank _____', () => {
    const e = one(`Standar pelayanan wajib {=dipublikasikan ~dirahasiakan} kepada masyarakat.`);
    expect(e.question?.prompt).toBe('Standar pelayanan wajib _____ kepada masyarakat.');
  });

  it('escapes: \\: \\= \\~ \\# \\{ \\} \\\\ and \\n are text, never syntax', () => {
    const e = one(String.raw`::T\:1::Rumus 2 \= 1 \+ 1 \~ \# \{x\} \\ baris\nbaru?{=a\=b ~c\~d ~e\#f ~g\{h\}}`);
    expect(e.question?.prompt).toBe('Rumus 2 = 1 \\+ 1 ~ # {x} \\ baris\nbaru?');
    expect(e.question?.options.map((o) => o.text)).toEqual(['a=b', 'c~d', 'e#f', 'g{h}']);
    expect(e.question?.answerKey).toEqual({ correct: 'a' });
  });

  it('[html] becomes plain text (paragraphs to lines, tags and entities gone); images are counted in a warning', () => {
    const e = one(
      String.raw`::H::[html]<p dir\="ltr" style\="text-align\: left;">Antrean <b>lama</b> &amp; padat.</p><p>Sikap Anda?<img src\="@@PLUGINFILE@@/a.png"></p>{=<p>Minta maaf</p> ~<p>Abaikan</p>}`,
    );
    expect(e.question?.prompt).toBe('Antrean lama & padat.\nSikap Anda?');
    expect(e.question?.options.map((o) => o.text)).toEqual(['Minta maaf', 'Abaikan']);
    expect(e.warnings).toEqual([{ code: 'WARN.IMAGE_DROPPED', params: { count: 1 } }]);
  });

  it('[markdown] and [plain] keep the text as written; [moodle] text with tags is read as HTML', () => {
    expect(one(`[markdown]Jelaskan **satu** hal.{}`).question?.prompt).toBe('Jelaskan **satu** hal.');
    expect(one(`[plain]Apa arti <b>?{}`).question?.prompt).toBe('Apa arti <b>?');
    expect(one(`[moodle]Pilih<br>satu{=a ~b}`).question?.prompt).toBe('Pilih\nsatu');
  });

  it('$CATEGORY sets the category of the questions after it (Moodle context and "top" dropped, // is a slash)', () => {
    const entries = parseGift(
      [
        '// question: 0  name: Switch category to $course$/top/Default for BerAKHLAK',
        '$CATEGORY: $course$/top/Default for BerAKHLAK',
        '',
        'Q1{T}',
        '',
        '$CATEGORY: $course$/top/Etika//Integritas/Bab 1',
        'Q2{T}',
        '',
        'Q3{F}',
      ].join('\n'),
    );
    expect(entries.map((e) => [e.line, e.category])).toEqual([
      [4, 'Default for BerAKHLAK'],
      [7, 'Etika/Integritas / Bab 1'],
      [9, 'Etika/Integritas / Bab 1'],
    ]);
    expect(categoryFromPath('$course$/top')).toBeNull();
    expect(categoryFromPath('$system$/Bank Nasional')).toBe('Bank Nasional');
  });

  it('a // poin: N comment right before a question sets its points', () => {
    const entries = parseGift(['// poin: 2,5', 'Q1{T}', '', 'Q2{T}'].join('\n'));
    expect(entries.map((e) => e.question?.points)).toEqual([2.5, 1]);
  });
});

describe('GIFT: refusals with line numbers', () => {
  it('an unclosed { names its line; the next question is still read', () => {
    const entries = parseGift(['Q1 {=a ~b ~c}', '', '::Q2::Tanya', 'lanjut {=a', '~b', '', 'Q3{T}'].join('\n'));
    expect(entries.map((e) => [e.line, e.refusal?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [3, 'GIFT.UNCLOSED_BRACE'],
      [7, 'ok'],
    ]);
    expect(entries[1].refusal?.params).toEqual({ line: 4 });
    expect(entries[1].prompt).toBe('Tanya\nlanjut');
  });

  it('a } without { names its line', () => {
    expect(one(['Q', 'x }'].join('\n')).refusal).toEqual({ code: 'GIFT.UNOPENED_BRACE', params: { line: 2 } });
  });

  it('two questions without a blank line between them are named as such', () => {
    const e = one(['Q1{=a ~b}', 'Q2{T}'].join('\n'));
    expect(e.refusal).toEqual({ code: 'GIFT.TWO_ANSWER_BLOCKS', params: { line: 2 } });
  });

  it('text without answers is a description, not a question', () => {
    expect(one(`::Info::Bacalah kasus berikut dengan saksama.`).refusal).toEqual({ code: 'GIFT.DESCRIPTION' });
  });

  it('several = in a choice question, no right answer, one option, an empty option', () => {
    expect(one(`Q{=a =b ~c}`).refusal).toEqual({ code: 'GIFT.SEVERAL_CORRECT', params: { count: 2 } });
    expect(one(`Q{~%-50%a ~b}`).refusal).toEqual({ code: 'QUESTION.NO_CORRECT' });
    expect(one(`Q{~a}`).refusal).toEqual({ code: 'QUESTION.TOO_FEW_OPTIONS', params: { count: 1 } });
    expect(one(`Q{=a ~ ~c}`).refusal).toEqual({ code: 'QUESTION.EMPTY_OPTION', params: { n: 2 } });
  });

  it('an empty question text', () => {
    expect(one(`::Judul saja::{T}`).refusal).toEqual({ code: 'QUESTION.EMPTY_PROMPT' });
  });

  it('a file of only comments and categories holds no questions', () => {
    expect(() => parseGift('// hanya komentar\n$CATEGORY: $course$/top/A\n')).toThrow(FileProblem);
  });
});

describe('GIFT: a real file', () => {
  it('reads the 10-question fixture: 10 questions of 7 kinds, in 2 categories, none refused', () => {
    const source = readFileSync(
      join(__dirname, '../../../../../../test/fixtures/question-import/berakhlak-10.gift.txt'),
      'utf8',
    );
    const entries = parseGift(source);
    expect(entries.map((e) => [e.line, e.kind, e.category, e.refusal])).toEqual([
      [6, 'single', 'Nilai Dasar BerAKHLAK', null],
      [14, 'multiple', 'Nilai Dasar BerAKHLAK', null],
      [20, 'true_false', 'Nilai Dasar BerAKHLAK', null],
      [22, 'true_false', 'Nilai Dasar BerAKHLAK', null],
      [24, 'short_answer', 'Nilai Dasar BerAKHLAK', null],
      [27, 'numeric', 'Nilai Dasar BerAKHLAK', null],
      [29, 'matching', 'Nilai Dasar BerAKHLAK', null],
      [37, 'single', 'Pelayanan Publik', null],
      [39, 'essay', 'Pelayanan Publik', null],
      [41, 'single', 'Pelayanan Publik', null],
    ]);
    expect(entries[0].question?.feedback).toBe(
      'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.',
    );
    expect(entries[5].question?.points).toBe(2);
    expect(entries[7].question?.prompt).toBe('Standar pelayanan wajib _____ kepada masyarakat.');
    expect(entries[9].question?.prompt).toBe('Seorang warga mengeluh antrean lama. Sikap yang paling tepat adalah …');
  });
});
