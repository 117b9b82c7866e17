import type { FileProblemCode, Problem, ProblemCode, ProblemParams } from './problems';

/** The import report speaks the request's language: Indonesian unless English is asked for. */
export type ReportLanguage = 'id' | 'en';

type Texts = Record<ReportLanguage, string>;

const PROBLEM_TEXT: Record<ProblemCode, Texts> = {
  'GIFT.UNCLOSED_BRACE': {
    id: 'Kurung kurawal { di baris {line} tidak ditutup dengan }. Periksa juga apakah ada baris kosong di tengah soal: baris kosong memisahkan soal.',
    en: 'The { on line {line} is never closed with }. Also check for a blank line inside the question: a blank line separates questions.',
  },
  'GIFT.UNOPENED_BRACE': {
    id: 'Ada } di baris {line} tanpa { pembuka. Tulis \\} bila tanda itu bagian dari teks.',
    en: 'There is a } on line {line} without an opening {. Write \\} if it belongs to the text.',
  },
  'GIFT.TWO_ANSWER_BLOCKS': {
    id: 'Ada blok jawaban kedua di baris {line}: mungkin dua soal tanpa baris kosong di antaranya. Pisahkan soal dengan satu baris kosong.',
    en: 'A second answer block starts on line {line}: probably two questions without a blank line between them. Separate questions with a blank line.',
  },
  'GIFT.DESCRIPTION': {
    id: 'Tidak ada jawaban dalam { }: teks ini deskripsi, bukan soal, dan tidak diimpor.',
    en: 'No answers in { }: this text is a description, not a question, and is not imported.',
  },
  'GIFT.SEVERAL_CORRECT': {
    id: 'Ada {count} jawaban bertanda =, padahal soal pilihan ganda hanya boleh satu jawaban benar. Untuk beberapa jawaban benar tulis ~%50% (dst.) di depan setiap jawaban benar.',
    en: '{count} answers are marked with =, but a single-choice question has one right answer. For several right answers write ~%50% (and so on) before each right answer.',
  },
  'GIFT.MATCH_NO_ARROW': {
    id: 'Pasangan «{text}» tidak memakai -> (tulis =kiri -> kanan).',
    en: 'The pair «{text}» has no -> (write =left -> right).',
  },
  'GIFT.NUMBER_INVALID': {
    id: '«{text}» bukan angka yang dikenali. Tulis misalnya 3.14, 3.14:0.01 (dengan toleransi) atau 3..4 (rentang), dengan titik sebagai desimal.',
    en: '«{text}» is not a number we can read. Write e.g. 3.14, 3.14:0.01 (with a tolerance) or 3..4 (a range), with a dot for decimals.',
  },
  'AIKEN.NO_ANSWER_LINE': {
    id: 'Tidak ada baris ANSWER: setelah pilihan jawaban (contoh: ANSWER: B).',
    en: 'No ANSWER: line after the options (for example: ANSWER: B).',
  },
  'AIKEN.ANSWER_NOT_OPTION': {
    id: 'ANSWER: {answer} bukan huruf salah satu pilihan ({letters}).',
    en: 'ANSWER: {answer} is not the letter of an option ({letters}).',
  },
  'QUESTION.ONE_ANSWER_ONLY': {
    id: 'Soal pilihan ganda ini hanya boleh satu jawaban benar. Untuk beberapa jawaban benar pakai jenis pilihan_ganda_kompleks (GIFT: ~%50%).',
    en: 'This single-choice question may have only one right answer. For several right answers use pilihan_ganda_kompleks (GIFT: ~%50%).',
  },
  'AIKEN.DUPLICATE_LETTER': {
    id: 'Huruf pilihan {letter} dipakai dua kali.',
    en: 'Option letter {letter} is used twice.',
  },
  'SHEET.KIND_MISSING': {
    id: 'Kolom jenis kosong.',
    en: 'The jenis (kind) column is empty.',
  },
  'SHEET.KIND_UNKNOWN': {
    id: 'Jenis «{value}» tidak dikenal. Pakai salah satu: {kinds}.',
    en: 'Unknown kind «{value}». Use one of: {kinds}.',
  },
  'SHEET.ANSWER_MISSING': {
    id: 'Kolom jawaban kosong: isi kunci jawaban soal ini.',
    en: 'The jawaban (answer) column is empty: fill in the key of this question.',
  },
  'SHEET.ANSWER_NOT_OPTION': {
    id: 'Jawaban «{answer}» bukan huruf opsi yang terisi ({letters}).',
    en: 'Answer «{answer}» is not the letter of a filled option ({letters}).',
  },
  'SHEET.TRUE_FALSE_INVALID': {
    id: 'Jawaban soal benar/salah harus «Benar» atau «Salah», bukan «{answer}».',
    en: 'A true/false answer must be «Benar» (true) or «Salah» (false), not «{answer}».',
  },
  'SHEET.NUMBER_INVALID': {
    id: 'Kolom {field}: «{value}» bukan angka. Tulis misalnya 3,5 atau 1.500 (titik untuk ribuan, koma untuk desimal); toleransi tidak boleh negatif.',
    en: 'Column {field}: «{value}» is not a number. Write e.g. 3,5 or 3.5; a tolerance may not be negative.',
  },
  'SHEET.POINTS_INVALID': {
    id: 'Poin «{value}» harus angka antara 0,01 dan 9999,99 dengan paling banyak 2 desimal.',
    en: 'Points «{value}» must be a number from 0.01 to 9999.99 with at most 2 decimals.',
  },
  'SHEET.MATCH_NO_ARROW': {
    id: 'Opsi «{text}» soal menjodohkan harus ditulis «kiri -> kanan».',
    en: 'Matching option «{text}» must be written «left -> right».',
  },
  'QUESTION.EMPTY_PROMPT': {
    id: 'Teks soal kosong.',
    en: 'The question text is empty.',
  },
  'QUESTION.EMPTY_OPTION': {
    id: 'Pilihan jawaban ke-{n} kosong.',
    en: 'Answer option {n} is empty.',
  },
  'QUESTION.TOO_FEW_OPTIONS': {
    id: 'Soal ini perlu minimal 2 pilihan atau item; ada {count}.',
    en: 'This question needs at least 2 options or items; it has {count}.',
  },
  'QUESTION.TOO_MANY_OPTIONS': {
    id: 'Soal ini punya {count} pilihan; maksimal 50.',
    en: 'This question has {count} options; at most 50 are allowed.',
  },
  'QUESTION.NO_CORRECT': {
    id: 'Tidak ada jawaban yang ditandai benar (= atau bobot positif seperti ~%50%).',
    en: 'No answer is marked right (= or a positive weight such as ~%50%).',
  },
  'QUESTION.NO_FULL_ANSWER': {
    id: 'Tidak ada jawaban yang bernilai penuh (100%); Kompeten tidak memberi nilai sebagian untuk jenis soal ini.',
    en: 'No answer earns full credit (100%); Kompeten gives no partial credit for this kind of question.',
  },
  'QUESTION.MATCH_TOO_FEW': {
    id: 'Soal menjodohkan perlu minimal 2 pasangan; ada {count}.',
    en: 'A matching question needs at least 2 pairs; it has {count}.',
  },
  'QUESTION.MATCH_RIGHT_REUSED': {
    id: 'Jawaban kanan «{text}» dipakai lebih dari satu pasangan; di Kompeten setiap jawaban kanan hanya untuk satu pasangan.',
    en: 'The right-hand answer «{text}» is used by more than one pair; in Kompeten each right-hand answer belongs to one pair.',
  },
  'QUESTION.STAR_NOT_WILDCARD': {
    id: 'Jawaban berisi tanda * (wildcard Moodle). Kompeten tidak memakai wildcard: tulis setiap bentuk jawaban yang diterima.',
    en: 'An answer contains * (a Moodle wildcard). Kompeten has no wildcards: write every accepted form of the answer.',
  },
  'QUESTION.TOO_LONG': {
    id: '{field} terlalu panjang ({length} karakter; maksimal {max}).',
    en: '{field} is too long ({length} characters; at most {max}).',
  },
  'QUESTION.BANK_RULE': {
    id: 'Ditolak bank soal: {detail}.',
    en: 'Refused by the question bank: {detail}.',
  },
  'QUESTION.DUPLICATE_IN_BANK': {
    id: 'Soal yang sama (teks, jenis, pilihan dan kunci) sudah ada di bank soal kursus ini; dilewati.',
    en: 'The same question (text, kind, options and key) is already in this course\u2019s bank; skipped.',
  },
  'QUESTION.DUPLICATE_IN_FILE': {
    id: 'Sama dengan soal di baris {line} berkas ini; dilewati.',
    en: 'Same as the question on line {line} of this file; skipped.',
  },
  'WARN.ANSWER_FEEDBACK_DROPPED': {
    id: 'Umpan balik per jawaban tidak didukung dan tidak diimpor (umpan balik umum #### tetap diimpor).',
    en: 'Per-answer feedback is not supported and was left out (general feedback #### is imported).',
  },
  'WARN.PARTIAL_CREDIT_DROPPED': {
    id: '{count} jawaban bernilai sebagian dianggap salah (Kompeten tidak memberi nilai sebagian untuk jenis soal ini).',
    en: '{count} partial-credit answer(s) count as wrong (Kompeten gives no partial credit for this kind of question).',
  },
  'WARN.EXTRA_NUMERIC_ANSWERS': {
    id: 'Hanya jawaban angka pertama yang bernilai penuh yang diimpor.',
    en: 'Only the first full-credit numeric answer was imported.',
  },
  'WARN.IMAGE_DROPPED': {
    id: '{count} gambar dalam teks tidak ikut diimpor; unggah ulang gambarnya bila perlu.',
    en: '{count} image(s) in the text were not imported; upload them again if needed.',
  },
  'WARN.CATEGORY_SHORTENED': {
    id: 'Nama kategori dipendekkan menjadi 200 karakter.',
    en: 'The category name was shortened to 200 characters.',
  },
  'WARN.COLUMNS_IGNORED': {
    id: 'Kolom {columns} tidak dipakai soal jenis ini dan diabaikan.',
    en: 'Column {columns} is not used by this kind of question and was ignored.',
  },
};

const FILE_TEXT: Record<FileProblemCode, Texts> = {
  'FILE.EMPTY': { id: 'Berkas kosong.', en: 'The file is empty.' },
  'FILE.NOT_TEXT': {
    id: 'Berkas ini bukan berkas teks. Pilih format yang sesuai dengan berkas Anda.',
    en: 'This is not a text file. Choose the format that matches your file.',
  },
  'FILE.NOT_UTF8': {
    id: 'Berkas teks tidak tersimpan sebagai UTF-8. Buka berkas di editor teks dan simpan ulang dengan encoding UTF-8.',
    en: 'The text file is not saved as UTF-8. Open it in a text editor and save it again with UTF-8 encoding.',
  },
  'FILE.IS_SPREADSHEET': {
    id: 'Berkas ini lembar kerja Excel (XLSX), bukan teks. Pilih format Excel (XLSX).',
    en: 'This file is an Excel workbook (XLSX), not text. Choose the Excel (XLSX) format.',
  },
  'FILE.NOT_XLSX': {
    id: 'Berkas ini bukan lembar kerja Excel (.xlsx). Simpan sebagai "Excel Workbook (.xlsx)" atau pilih format CSV.',
    en: 'This file is not an Excel workbook (.xlsx). Save it as "Excel Workbook (.xlsx)" or choose the CSV format.',
  },
  'FILE.UNREADABLE_XLSX': {
    id: 'Lembar kerja Excel tidak dapat dibaca (rusak atau terenkripsi). Simpan ulang tanpa kata sandi.',
    en: 'The Excel workbook cannot be read (damaged or encrypted). Save it again without a password.',
  },
  'FILE.NO_QUESTIONS': {
    id: 'Tidak ada soal dalam berkas. Periksa format yang dipilih dan contoh di panduan.',
    en: 'No questions in the file. Check the chosen format and the examples in the guide.',
  },
  'FILE.TOO_MANY_QUESTIONS': {
    id: 'Berkas berisi {count} soal; satu impor paling banyak {max} soal. Bagi berkas menjadi beberapa bagian.',
    en: 'The file holds {count} questions; one import takes at most {max}. Split the file.',
  },
  'SHEET.HEADER_MISSING': {
    id: 'Baris judul tidak memuat kolom wajib: {missing}. Kolom yang ditemukan: {found}. Unduh templat untuk melihat susunan kolom.',
    en: 'The header row lacks the required column(s): {missing}. Columns found: {found}. Download the template to see the layout.',
  },
};

function fill(text: string, params: ProblemParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function problemText(p: Problem, lang: ReportLanguage): string {
  return fill(PROBLEM_TEXT[p.code][lang], p.params);
}

export function fileProblemText(code: FileProblemCode, params: ProblemParams, lang: ReportLanguage): string {
  return fill(FILE_TEXT[code][lang], params);
}

/** `?lang=en`, else the first language of Accept-Language; Indonesian by default. */
export function reportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ReportLanguage {
  if (lang === 'en' || lang === 'id') return lang;
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'id';
}
