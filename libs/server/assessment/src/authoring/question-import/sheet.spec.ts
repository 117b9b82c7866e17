import { csvRows, parseSheet, xlsxRows, type SheetRow } from './sheet';
import { FileProblem } from './problems';
import { TEMPLATE_QUESTIONS, writeCsv, writeXlsx } from './sheet-writer';
import { decodeTextFile } from './text';

const rows = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
const HEADER = ['jenis', 'soal', 'poin', 'opsi_a', 'opsi_b', 'opsi_c', 'jawaban', 'toleransi', 'umpan_balik'];

describe('spreadsheet layout', () => {
  it('reads one question per row, every kind, with Indonesian kind names and numbers', () => {
    const entries = parseSheet(
      rows(
        HEADER,
        ['pilihan_ganda', 'Huruf A pertama?', '', 'Adaptif', 'Akuntabel', '', 'B', '', 'Lihat modul 1.'],
        ['Pilihan Ganda Kompleks', 'Nilai dasar?', '2', 'Harmonis', 'Populer', 'Loyal', 'A, C', '', ''],
        ['benar_salah', 'ASN wajib netral.', '1,5', '', '', '', 'Benar', '', ''],
        ['isian_singkat', 'Kanal pengaduan?', '', '', '', '', 'SP4N-LAPOR | LAPOR', '', ''],
        ['angka', 'Orang per 3,5 jam?', '', '', '', '', '42', '0,5', ''],
        ['menjodohkan', 'Jodohkan.', '', 'Akuntabel -> Bertanggung jawab', 'Loyal -> Setia', '-> Populer', '', '', ''],
        ['mengurutkan', 'Urutkan.', '', 'Terima', 'Verifikasi', 'Tindak lanjut', '', '', ''],
        ['esai', 'Jelaskan.', '5', '', '', '', '', '', ''],
      ),
    );
    expect(entries.map((e) => [e.line, e.kind, e.refusal])).toEqual([
      [2, 'single', null],
      [3, 'multiple', null],
      [4, 'true_false', null],
      [5, 'short_answer', null],
      [6, 'numeric', null],
      [7, 'matching', null],
      [8, 'ordering', null],
      [9, 'essay', null],
    ]);
    const q = entries.map((e) => e.question);
    expect(q[0]).toMatchObject({ answerKey: { correct: 'b' }, points: 1, feedback: 'Lihat modul 1.' });
    expect(q[1]).toMatchObject({ answerKey: { correct: ['a', 'c'] }, points: 2 });
    expect(q[2]).toMatchObject({ answerKey: { correct: true }, points: 1.5 });
    expect(q[3]?.answerKey).toEqual({ accepted: ['SP4N-LAPOR', 'LAPOR'] });
    expect(q[4]?.answerKey).toEqual({ value: 42, tolerance: 0.5 });
    expect(q[5]).toMatchObject({
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
    expect(q[6]?.answerKey).toEqual({ order: ['i1', 'i2', 'i3'] });
    expect(q[7]).toMatchObject({ kind: 'essay', answerKey: null, points: 5 });
  });

  it('accepts English headers and kinds, in any column order; blank rows are skipped', () => {
    const entries = parseSheet(
      rows(['Answer', 'Question', 'Kind', 'Option A', 'Option B'], [], ['b', 'Q?', 'single', 'x', 'y'], ['', '', '']),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ line: 3, question: { answerKey: { correct: 'b' } } });
  });

  it('refuses each bad row with the reason and keeps reading', () => {
    const entries = parseSheet(
      rows(
        HEADER,
        ['', 'Tanpa jenis', '', '', '', '', '', '', ''],
        ['pilihan', 'Jenis salah', '', '', '', '', '', '', ''],
        ['pilihan_ganda', 'Kunci D', '', 'x', 'y', '', 'D', '', ''],
        ['pilihan_ganda', 'Dua kunci', '', 'x', 'y', '', 'A, B', '', ''],
        ['benar_salah', 'Kunci aneh', '', '', '', '', 'mungkin', '', ''],
        ['angka', 'Bukan angka', '', '', '', '', 'empat puluh', '', ''],
        ['esai', 'Poin nol', '0', '', '', '', '', '', ''],
        ['menjodohkan', 'Tanpa panah', '', 'a = b', 'c -> d', '', '', '', ''],
        ['pilihan_ganda', '', '', 'x', 'y', '', 'A', '', ''],
        ['isian_singkat', 'Tanpa kunci', '', '', '', '', '', '', ''],
      ),
    );
    expect(entries.map((e) => [e.line, e.refusal?.code])).toEqual([
      [2, 'SHEET.KIND_MISSING'],
      [3, 'SHEET.KIND_UNKNOWN'],
      [4, 'SHEET.ANSWER_NOT_OPTION'],
      [5, 'QUESTION.ONE_ANSWER_ONLY'],
      [6, 'SHEET.TRUE_FALSE_INVALID'],
      [7, 'SHEET.NUMBER_INVALID'],
      [8, 'SHEET.POINTS_INVALID'],
      [9, 'SHEET.MATCH_NO_ARROW'],
      [10, 'QUESTION.EMPTY_PROMPT'],
      [11, 'SHEET.ANSWER_MISSING'],
    ]);
    expect(entries[2].refusal?.params).toEqual({ answer: 'D', letters: 'A, B' });
  });

  it('a header without the required columns stops the import with what was found', () => {
    expect(() => parseSheet(rows(['nama', 'nip'], ['x', 'y']))).toThrow(
      expect.objectContaining({ code: 'SHEET.HEADER_MISSING', params: { missing: 'jenis, soal', found: 'nama, nip' } }),
    );
  });

  it('CSV: semicolon files (Excel in Indonesian) and comma files, quoted line breaks, rows numbered as Excel does', () => {
    const semi = csvRows(
      decodeTextFile(Buffer.from('\uFEFFjenis;soal;opsi_a;opsi_b;jawaban\r\nesai;"Dua\r\nbaris";;;\r\n')),
    );
    expect(semi[1]).toEqual({ row: 2, cells: ['esai', 'Dua\nbaris', '', '', ''] });
    const comma = csvRows('jenis,soal,jawaban\nbenar_salah,"Netral, selalu.",Benar\n');
    expect(parseSheet(comma)[0].question?.prompt).toBe('Netral, selalu.');
  });
});

describe('spreadsheet export and template', () => {
  it('the template (CSV and XLSX) holds one fictional question of each kind, read back unchanged', async () => {
    const strip = (q: (typeof TEMPLATE_QUESTIONS)[number]) => ({ ...q, category: undefined });
    const csv = await writeCsv(TEMPLATE_QUESTIONS);
    const fromCsv = parseSheet(csvRows(decodeTextFile(Buffer.from(csv.body as string))));
    const xlsx = await writeXlsx(TEMPLATE_QUESTIONS, true);
    const fromXlsx = parseSheet(await xlsxRows(xlsx.body as Buffer, 100));
    for (const read of [fromCsv, fromXlsx]) {
      expect(read.map((e) => e.refusal)).toEqual(TEMPLATE_QUESTIONS.map(() => null));
      expect(read.map((e) => e.category)).toEqual(TEMPLATE_QUESTIONS.map((q) => q.category));
      expect(read.map((e) => ({ ...e.question, category: undefined }))).toEqual(TEMPLATE_QUESTIONS.map(strip));
    }
    expect(new Set(TEMPLATE_QUESTIONS.map((q) => q.kind)).size).toBe(8);
  });

  it('CSV cells that start like a formula are neutralised, and read back as written', async () => {
    const csv = await writeCsv([
      {
        kind: 'numeric',
        category: null,
        prompt: '=1+1 berapa? (minus juga)',
        points: 1,
        options: [],
        answerKey: { value: -2.5, tolerance: 0.25 },
        feedback: '@lihat',
      },
    ]);
    expect(csv.body).toContain("'=1+1 berapa?");
    expect(csv.body).toContain("'@lihat");
    const [e] = parseSheet(csvRows(decodeTextFile(Buffer.from(csv.body as string))));
    expect(e.question).toMatchObject({
      prompt: '=1+1 berapa? (minus juga)',
      answerKey: { value: -2.5, tolerance: 0.25 },
      feedback: '@lihat',
    });
  });

  it('an XLSX that is not a zip, or a broken one, is refused', async () => {
    await expect(xlsxRows(Buffer.from('jenis,soal'), 10)).rejects.toThrow(FileProblem);
    await expect(xlsxRows(Buffer.from('PK\u0003\u0004rusak'), 10)).rejects.toMatchObject({
      code: 'FILE.UNREADABLE_XLSX',
    });
  });
});
