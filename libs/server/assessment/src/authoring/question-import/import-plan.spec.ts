import { fingerprint } from './fingerprint';
import { planImport, reportItem } from './import-plan';
import type { ParsedEntry } from './imported-question';

const tf = (line: number, prompt: string, category: string | null = null): ParsedEntry => ({
  line,
  kind: 'true_false',
  prompt,
  category,
  question: { kind: 'true_false', prompt, options: [], answerKey: { correct: true }, points: 1, feedback: null },
  refusal: null,
  warnings: [],
});

const refusedEntry: ParsedEntry = {
  line: 9,
  kind: null,
  prompt: 'Bacalah kasus berikut.',
  category: 'Etika',
  question: null,
  refusal: { code: 'GIFT.DESCRIPTION' },
  warnings: [{ code: 'WARN.IMAGE_DROPPED', params: { count: 1 } }],
};

describe('import plan', () => {
  const entries = [tf(1, 'A', 'etika'), tf(3, 'B', 'Etika Baru'), tf(5, 'A', 'Etika'), tf(7, 'C'), refusedEntry];
  const bank = { fingerprints: new Set([fingerprint(tf(0, 'C').question as never)]), categories: ['Etika'] };

  it('skips questions already in the bank or earlier in the file, refuses what the parser refused', () => {
    const plan = planImport(entries, bank, { target: null, useFileCategories: false, includeDuplicates: false });
    expect(plan.items.map((i) => [i.entry.line, i.status, i.reason])).toEqual([
      [1, 'accepted', null],
      [3, 'accepted', null],
      [5, 'duplicate', { code: 'QUESTION.DUPLICATE_IN_FILE', params: { line: 1 } }],
      [7, 'duplicate', { code: 'QUESTION.DUPLICATE_IN_BANK' }],
      [9, 'refused', { code: 'GIFT.DESCRIPTION' }],
    ]);
    expect(plan.items.map((i) => i.category)).toEqual([null, null, null, null, null]);
    expect(plan.newCategories).toEqual([]);
  });

  it('with duplicates included, everything parsed is accepted', () => {
    const plan = planImport(entries, bank, { target: null, useFileCategories: false, includeDuplicates: true });
    expect(plan.items.map((i) => i.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'refused']);
  });

  it('the file\u2019s categories match existing ones whatever their case; new ones are listed; others go to the target', () => {
    const plan = planImport(entries, bank, {
      target: { id: 't', name: 'Impor' },
      useFileCategories: true,
      includeDuplicates: true,
    });
    expect(plan.items.map((i) => i.category)).toEqual(['Etika', 'Etika Baru', 'Etika', 'Impor', 'Etika']);
    expect(plan.newCategories).toEqual(['Etika Baru']);
  });

  it('words the report line in the request\u2019s language', () => {
    const plan = planImport([refusedEntry], bank, { target: null, useFileCategories: false, includeDuplicates: false });
    expect(reportItem(plan.items[0], 'en')).toEqual({
      line: 9,
      status: 'refused',
      kind: null,
      excerpt: 'Bacalah kasus berikut.',
      category: null,
      reason: 'No answers in { }: this text is a description, not a question, and is not imported.',
      reasonCode: 'GIFT.DESCRIPTION',
      warnings: ['1 image(s) in the text were not imported; upload them again if needed.'],
      questionId: null,
    });
    expect(reportItem(plan.items[0], 'id').reason).toBe(
      'Tidak ada jawaban dalam { }: teks ini deskripsi, bukan soal, dan tidak diimpor.',
    );
  });
});
