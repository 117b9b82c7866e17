import { parseAiken } from './aiken';
import { FileProblem } from './problems';

const FILE = [
  'Asas netralitas ASN berarti …',
  'A. Berpihak kepada partai pemenang',
  'B. Tidak berpihak dari segala pengaruh mana pun',
  'C. Mengikuti arahan atasan',
  'ANSWER: B',
  '',
  'Kanal pengaduan pelayanan publik nasional adalah',
  'A) SP4N-LAPOR',
  'B) Kotak saran',
  'ANSWER: A',
  'Nilai dasar ASN disingkat',
  'A. BerAKHLAK',
  'B. PANCA',
  'JAWABAN: a',
].join('\n');

describe('Aiken', () => {
  it('reads single-answer questions with "." or ")" labels; ANSWER (or JAWABAN) ends a question, blank lines optional', () => {
    const entries = parseAiken(FILE);
    expect(entries.map((e) => [e.line, e.refusal?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [7, 'ok'],
      [11, 'ok'],
    ]);
    expect(entries[0].question).toEqual({
      kind: 'single',
      prompt: 'Asas netralitas ASN berarti …',
      options: [
        { id: 'a', text: 'Berpihak kepada partai pemenang' },
        { id: 'b', text: 'Tidak berpihak dari segala pengaruh mana pun' },
        { id: 'c', text: 'Mengikuti arahan atasan' },
      ],
      answerKey: { correct: 'b' },
      points: 1,
      feedback: null,
    });
    expect(entries[1].question?.answerKey).toEqual({ correct: 'a' });
    expect(entries[2].question?.answerKey).toEqual({ correct: 'a' });
  });

  it('a question text over several lines is kept with its line breaks', () => {
    const [e] = parseAiken(
      ['Perhatikan kasus berikut.', 'Apa sikap Anda?', 'A. Ya', 'B. Tidak', 'ANSWER: A'].join('\n'),
    );
    expect(e.question?.prompt).toBe('Perhatikan kasus berikut.\nApa sikap Anda?');
  });

  it('a question never closed by ANSWER is refused at its line, and the next one is still read', () => {
    const entries = parseAiken(['Q1', 'A. x', 'B. y', 'Q2', 'A. x', 'B. y', 'ANSWER: B', 'Q3', 'A. x'].join('\n'));
    expect(entries.map((e) => [e.line, e.refusal?.code ?? 'ok'])).toEqual([
      [1, 'AIKEN.NO_ANSWER_LINE'],
      [4, 'ok'],
      [8, 'AIKEN.NO_ANSWER_LINE'],
    ]);
  });

  it('refuses an answer that is no option, several answers, a repeated letter, too few options', () => {
    const reasons = (src: string) => parseAiken(src)[0].refusal;
    expect(reasons('Q\nA. x\nB. y\nANSWER: D')).toEqual({
      code: 'AIKEN.ANSWER_NOT_OPTION',
      params: { answer: 'D', letters: 'A, B' },
    });
    expect(reasons('Q\nA. x\nB. y\nANSWER: A, B')).toEqual({ code: 'QUESTION.ONE_ANSWER_ONLY' });
    expect(reasons('Q\nA. x\nA. y\nANSWER: A')).toEqual({ code: 'AIKEN.DUPLICATE_LETTER', params: { letter: 'A' } });
    expect(reasons('Q\nA. x\nANSWER: A')).toEqual({ code: 'QUESTION.TOO_FEW_OPTIONS', params: { count: 1 } });
  });

  it('an empty file holds no questions', () => {
    expect(() => parseAiken('\n\n')).toThrow(FileProblem);
  });
});
