import type { QuestionKind } from '@kompeten/shared-contracts';

/**
 * The spreadsheet layout for questions (CSV or XLSX; docs/question-import.md): one question per row under a header
 * row. Headers are matched without regard to case, spaces or hyphens, in Indonesian or English.
 */

export type SheetField = 'kind' | 'category' | 'prompt' | 'points' | 'answer' | 'tolerance' | 'feedback';

export interface SheetColumn {
  field: SheetField;
  /** The header our template and export write. */
  header: string;
  aliases: string[];
  required: boolean;
  doc: { id: string; en: string };
}

export const SHEET_COLUMNS: SheetColumn[] = [
  {
    field: 'kind',
    header: 'jenis',
    aliases: ['kind', 'tipe', 'type', 'jenis_soal'],
    required: true,
    doc: {
      id: 'Jenis soal: pilihan_ganda, pilihan_ganda_kompleks, benar_salah, isian_singkat, angka, menjodohkan, mengurutkan atau esai.',
      en: 'Question kind: pilihan_ganda (single), pilihan_ganda_kompleks (multiple), benar_salah (true/false), isian_singkat (short answer), angka (numeric), menjodohkan (matching), mengurutkan (ordering) or esai (essay); the English names are accepted too.',
    },
  },
  {
    field: 'category',
    header: 'kategori',
    aliases: ['category'],
    required: false,
    doc: {
      id: 'Nama kategori bank soal. Dipakai bila Anda memilih "pakai kategori dari berkas"; kategori yang belum ada dibuat.',
      en: 'Bank category name. Used when you choose "use the file\u2019s categories"; missing categories are created.',
    },
  },
  {
    field: 'prompt',
    header: 'soal',
    aliases: ['pertanyaan', 'question', 'prompt', 'teks_soal'],
    required: true,
    doc: {
      id: 'Teks pertanyaan. Boleh beberapa baris dalam satu sel.',
      en: 'Question text. May span several lines in one cell.',
    },
  },
  {
    field: 'points',
    header: 'poin',
    aliases: ['points', 'bobot', 'nilai'],
    required: false,
    doc: {
      id: 'Poin soal, 0,01 sampai 9999,99 (kosong: 1).',
      en: 'Points, 0.01 to 9999.99 (empty: 1).',
    },
  },
  {
    field: 'answer',
    header: 'jawaban',
    aliases: ['answer', 'kunci', 'kunci_jawaban'],
    required: false,
    doc: {
      id: 'Kunci: huruf opsi (pilihan_ganda: B; pilihan_ganda_kompleks: A, C), Benar/Salah, jawaban isian dipisah | (Jakarta | DKI Jakarta), atau angka (3,5). Kosong untuk menjodohkan, mengurutkan dan esai.',
      en: 'Key: option letter (single: B; multiple: A, C), Benar/Salah (true/false), short answers separated by | (Jakarta | DKI Jakarta), or a number (3,5 or 3.5). Empty for matching, ordering and essay.',
    },
  },
  {
    field: 'tolerance',
    header: 'toleransi',
    aliases: ['tolerance'],
    required: false,
    doc: {
      id: 'Soal angka: selisih yang masih dianggap benar (kosong: 0).',
      en: 'Numeric questions: how far an answer may be from the value and still count (empty: 0).',
    },
  },
  {
    field: 'feedback',
    header: 'umpan_balik',
    aliases: ['feedback', 'pembahasan'],
    required: false,
    doc: {
      id: 'Umpan balik yang dilihat peserta saat ulasan (boleh kosong).',
      en: 'Feedback shown to the learner in a review (optional).',
    },
  },
];

/** Option columns: `opsi_a` … `opsi_z` (or `option_a`, `pilihan_a`). */
export const OPTION_HEADER = /^(?:opsi|option|pilihan)_?([a-z])$/;
export const optionHeader = (i: number) => `opsi_${String.fromCharCode(97 + i)}`;
export const OPTION_DOC = {
  id: 'opsi_a, opsi_b, …: pilihan jawaban (pilihan ganda), pasangan "kiri -> kanan" (menjodohkan; "-> kanan" untuk pengecoh) atau item dalam urutan yang benar (mengurutkan).',
  en: 'opsi_a, opsi_b, …: options (single/multiple), "left -> right" pairs (matching; "-> right" for an extra distractor) or the items in their right order (ordering).',
};

/** Header text → the key it is matched by ("Umpan Balik" → "umpan_balik"). */
export const headerKey = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

/** The word our template and export write for each kind. */
export const KIND_WORD: Record<QuestionKind, string> = {
  single: 'pilihan_ganda',
  multiple: 'pilihan_ganda_kompleks',
  true_false: 'benar_salah',
  short_answer: 'isian_singkat',
  numeric: 'angka',
  matching: 'menjodohkan',
  ordering: 'mengurutkan',
  essay: 'esai',
};

const KIND_ALIASES: Record<string, QuestionKind> = {
  pg: 'single',
  pilihan_ganda_satu_jawaban: 'single',
  multiple_choice: 'single',
  pgk: 'multiple',
  jawaban_ganda: 'multiple',
  pilihan_ganda_beberapa_jawaban: 'multiple',
  multiple_answer: 'multiple',
  multiple_answers: 'multiple',
  benar_atau_salah: 'true_false',
  b_s: 'true_false',
  truefalse: 'true_false',
  isian: 'short_answer',
  shortanswer: 'short_answer',
  numerik: 'numeric',
  numerical: 'numeric',
  jodohkan: 'matching',
  match: 'matching',
  urutan: 'ordering',
  urutkan: 'ordering',
  uraian: 'essay',
  essay: 'essay',
};

/** The kind a cell names, or null. */
export function kindOf(cell: string): QuestionKind | null {
  const key = headerKey(cell).replace(/\//g, '_');
  if (!key) return null;
  const byWord = (Object.entries(KIND_WORD) as Array<[QuestionKind, string]>).find(([, w]) => w === key);
  if (byWord) return byWord[0];
  if ((Object.keys(KIND_WORD) as QuestionKind[]).includes(key as QuestionKind)) return key as QuestionKind;
  return KIND_ALIASES[key] ?? null;
}

export const TRUE_WORDS = ['benar', 'b', 'true', 't', 'ya', 'y', '1'];
export const FALSE_WORDS = ['salah', 's', 'false', 'f', 'tidak', 'n', '0'];
export const ANSWER_SEPARATOR = '|';
export const MATCH_ARROW = '->';
