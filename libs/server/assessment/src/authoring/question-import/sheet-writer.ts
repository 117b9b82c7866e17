import ExcelJS from 'exceljs';
import { csvStringifier } from '@kompeten/server-core';
import { keyOf, textOf, type ExportedQuestion, type WrittenFile } from './exported-question';
import { KIND_WORD, OPTION_DOC, optionHeader, SHEET_COLUMNS, type SheetField } from './sheet-layout';

/**
 * Writes questions in the spreadsheet layout (sheet-layout.ts), which holds every kind: the CSV and XLSX exports, and
 * the downloadable template with its fictional examples. sheet.ts reads both back.
 */

type Cell = string | number | null;

const MIN_OPTION_COLUMNS = 4;
const letter = (i: number) => String.fromCharCode(65 + i);
/** CSV numbers are written the Indonesian way (3,5): unambiguous for the importer, and what Excel in id-ID expects. */
const idNumber = (n: number) => String(n).replace('.', ',');

function columnsFor(questions: ExportedQuestion[]): { header: string[]; optionCount: number } {
  const optionCount = Math.min(
    26,
    Math.max(
      MIN_OPTION_COLUMNS,
      ...questions.map((q) => (q.kind === 'matching' ? rightsPaired(q).length : q.options.length)),
    ),
  );
  const at = (f: SheetField) => SHEET_COLUMNS.find((c) => c.field === f)?.header ?? f;
  return {
    header: [
      at('kind'),
      at('category'),
      at('prompt'),
      at('points'),
      ...Array.from({ length: optionCount }, (_, i) => optionHeader(i)),
      at('answer'),
      at('tolerance'),
      at('feedback'),
    ],
    optionCount,
  };
}

/** A matching question's option cells: "left -> right" per pair, then "-> right" per extra right item. */
function rightsPaired(q: ExportedQuestion): string[] {
  const text = textOf(q);
  const pairs = (keyOf(q).pairs ?? []) as Array<{ left: string; right: string }>;
  const paired = new Set(pairs.map((p) => p.right));
  return [
    ...pairs.map((p) => `${text.get(p.left)} -> ${text.get(p.right)}`),
    ...q.options.filter((o) => o.side === 'right' && !paired.has(o.id)).map((o) => `-> ${o.text}`),
  ];
}

/** The cells of one question; numbers stay numbers (the CSV writer formats them). */
function cells(q: ExportedQuestion): { options: string[]; answer: Cell; tolerance: Cell } {
  const key = keyOf(q);
  const text = textOf(q);
  switch (q.kind) {
    case 'single':
      return {
        options: q.options.map((o) => o.text),
        answer: letter(q.options.findIndex((o) => o.id === key.correct)),
        tolerance: null,
      };
    case 'multiple': {
      const right = new Set(key.correct as string[]);
      return {
        options: q.options.map((o) => o.text),
        answer: q.options.flatMap((o, i) => (right.has(o.id) ? [letter(i)] : [])).join(', '),
        tolerance: null,
      };
    }
    case 'true_false':
      return { options: [], answer: key.correct ? 'Benar' : 'Salah', tolerance: null };
    case 'short_answer':
      return { options: [], answer: (key.accepted as string[]).join(' | '), tolerance: null };
    case 'numeric':
      return { options: [], answer: Number(key.value), tolerance: Number(key.tolerance ?? 0) };
    case 'matching':
      return { options: rightsPaired(q), answer: null, tolerance: null };
    case 'ordering':
      return { options: (key.order as string[]).map((id) => text.get(id) ?? ''), answer: null, tolerance: null };
    case 'essay':
      return { options: [], answer: null, tolerance: null };
  }
}

function table(questions: ExportedQuestion[]): { header: string[]; rows: Cell[][]; skipped: ExportedQuestion[] } {
  const { header, optionCount } = columnsFor(questions);
  const rows: Cell[][] = [];
  const skipped: ExportedQuestion[] = [];
  for (const q of questions) {
    const c = cells(q);
    if (c.options.length > optionCount) {
      skipped.push(q);
      continue;
    }
    rows.push([
      KIND_WORD[q.kind],
      q.category,
      q.prompt,
      q.points,
      ...Array.from({ length: optionCount }, (_, i) => c.options[i] ?? null),
      c.answer,
      c.tolerance,
      q.feedback,
    ]);
  }
  return { header, rows, skipped };
}

const result = (body: string | Buffer, written: number, skipped: ExportedQuestion[]): WrittenFile => ({
  body,
  written,
  skipped: skipped.length,
  skippedKinds: [...new Set(skipped.map((q) => q.kind))],
});

/** CSV with a UTF-8 byte-order mark (so Excel opens it as UTF-8), comma separated, formulas neutralised. */
export async function writeCsv(questions: ExportedQuestion[]): Promise<WrittenFile> {
  const { header, rows, skipped } = table(questions);
  const csv = csvStringifier({ bom: true });
  const chunks: string[] = [];
  csv.on('data', (c: Buffer | string) => chunks.push(c.toString()));
  const done = new Promise<void>((resolve, reject) => (csv.on('end', resolve), csv.on('error', reject)));
  csv.write(header);
  for (const r of rows) csv.write(r.map((c) => (typeof c === 'number' ? idNumber(c) : c)));
  csv.end();
  await done;
  return result(chunks.join(''), rows.length, skipped);
}

function guide(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Petunjuk');
  sheet.columns = [
    { header: 'Kolom', width: 18 },
    { header: 'Wajib', width: 8 },
    { header: 'Isi', width: 110 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of SHEET_COLUMNS) sheet.addRow([c.header, c.required ? 'ya' : 'tidak', c.doc.id]);
  sheet.addRow(['opsi_a …', 'tidak', OPTION_DOC.id]);
  sheet.addRow([]);
  sheet.addRow(['', '', 'Satu baris satu soal. Baris judul (baris 1) wajib ada; urutan kolom bebas.']);
  sheet.addRow(['', '', 'Panduan lengkap: docs/question-import.md (menu Bank soal → Impor soal).']);
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

/** XLSX: the sheet "Soal", and with `withGuide` a sheet "Petunjuk" describing every column. */
export async function writeXlsx(questions: ExportedQuestion[], withGuide = false): Promise<WrittenFile> {
  const { header, rows, skipped } = table(questions);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kompeten';
  const sheet = workbook.addWorksheet('Soal', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({
    header: h,
    width: h === 'soal' ? 60 : h === 'umpan_balik' ? 40 : h.startsWith('opsi_') ? 28 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  if (withGuide) guide(workbook);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return result(buffer, rows.length, skipped);
}

/** The template's examples: fictional questions of a BerAKHLAK course, one of each kind. */
export const TEMPLATE_QUESTIONS: ExportedQuestion[] = [
  {
    kind: 'single',
    category: 'Nilai Dasar BerAKHLAK',
    prompt: 'Huruf "A" pertama dalam BerAKHLAK adalah singkatan dari …',
    points: 1,
    options: [
      { id: 'a', text: 'Adaptif' },
      { id: 'b', text: 'Akuntabel' },
      { id: 'c', text: 'Aspiratif' },
      { id: 'd', text: 'Aktif' },
    ],
    answerKey: { correct: 'b' },
    feedback: 'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.',
  },
  {
    kind: 'multiple',
    category: 'Nilai Dasar BerAKHLAK',
    prompt: 'Manakah yang termasuk nilai dasar BerAKHLAK? (pilih semua yang benar)',
    points: 2,
    options: [
      { id: 'a', text: 'Harmonis' },
      { id: 'b', text: 'Loyal' },
      { id: 'c', text: 'Populer' },
      { id: 'd', text: 'Kolaboratif' },
    ],
    answerKey: { correct: ['a', 'b', 'd'] },
    feedback: null,
  },
  {
    kind: 'true_false',
    category: 'Pelayanan Publik',
    prompt: 'Standar pelayanan wajib dipublikasikan kepada masyarakat.',
    points: 1,
    options: [],
    answerKey: { correct: true },
    feedback: null,
  },
  {
    kind: 'short_answer',
    category: 'Pelayanan Publik',
    prompt: 'Sebutkan satu kanal pengaduan pelayanan publik nasional.',
    points: 1,
    options: [],
    answerKey: { accepted: ['SP4N-LAPOR', 'LAPOR'] },
    feedback: null,
  },
  {
    kind: 'numeric',
    category: 'Pelayanan Publik',
    prompt: 'Sebuah loket melayani 12 orang per jam. Berapa orang yang dilayani dalam 3,5 jam?',
    points: 1,
    options: [],
    answerKey: { value: 42, tolerance: 0 },
    feedback: null,
  },
  {
    kind: 'matching',
    category: 'Nilai Dasar BerAKHLAK',
    prompt: 'Jodohkan nilai dengan perilakunya.',
    points: 3,
    options: [
      { id: 'l1', text: 'Berorientasi Pelayanan', side: 'left' },
      { id: 'l2', text: 'Kompeten', side: 'left' },
      { id: 'l3', text: 'Kolaboratif', side: 'left' },
      { id: 'r1', text: 'Ramah dan solutif', side: 'right' },
      { id: 'r2', text: 'Terus belajar', side: 'right' },
      { id: 'r3', text: 'Terbuka bekerja sama', side: 'right' },
      { id: 'r4', text: 'Menunda pekerjaan', side: 'right' },
    ],
    answerKey: {
      pairs: [
        { left: 'l1', right: 'r1' },
        { left: 'l2', right: 'r2' },
        { left: 'l3', right: 'r3' },
      ],
    },
    feedback: null,
  },
  {
    kind: 'ordering',
    category: 'Pelayanan Publik',
    prompt: 'Urutkan langkah menangani pengaduan.',
    points: 2,
    options: [
      { id: 'i1', text: 'Menerima dan mencatat pengaduan' },
      { id: 'i2', text: 'Memverifikasi pengaduan' },
      { id: 'i3', text: 'Menindaklanjuti' },
      { id: 'i4', text: 'Menyampaikan hasil kepada pelapor' },
    ],
    answerKey: { order: ['i1', 'i2', 'i3', 'i4'] },
    feedback: null,
  },
  {
    kind: 'essay',
    category: 'Pelayanan Publik',
    prompt: 'Jelaskan satu perbaikan pelayanan yang dapat Anda lakukan di unit kerja Anda.',
    points: 5,
    options: [],
    answerKey: null,
    feedback: null,
  },
];
