/**
 * Moving question banks in and out (docs/question-import.md): import from GIFT, Aiken or the spreadsheet layout (CSV,
 * XLSX) with a report per question, export to GIFT, Aiken, CSV or XLSX.
 */
import type { QuestionKind } from './course-snapshot';

export const QUESTION_IMPORT_FORMATS = ['gift', 'aiken', 'csv', 'xlsx'] as const;
export type QuestionImportFormat = (typeof QUESTION_IMPORT_FORMATS)[number];

export const QUESTION_EXPORT_FORMATS = ['gift', 'aiken', 'csv', 'xlsx'] as const;
export type QuestionExportFormat = (typeof QUESTION_EXPORT_FORMATS)[number];

/** Largest file an import accepts, and the most questions one file may hold. */
export const QUESTION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const QUESTION_IMPORT_MAX_QUESTIONS = 2000;

/**
 * What happened to one question of the file: `accepted` (created, or would be in a preview), `duplicate` (the same
 * question is already in the bank or earlier in the file: skipped unless the import includes duplicates), `refused`.
 */
export const QUESTION_IMPORT_STATUSES = ['accepted', 'duplicate', 'refused'] as const;
export type QuestionImportStatus = (typeof QUESTION_IMPORT_STATUSES)[number];

export interface QuestionImportItem {
  /** GIFT and Aiken: the line the question starts on; CSV and XLSX: the spreadsheet row (the header is row 1). */
  line: number;
  status: QuestionImportStatus;
  kind: QuestionKind | null;
  /** The start of the question text as it will be stored (at most 120 characters). */
  excerpt: string;
  /** The bank category the question goes to; null for "uncategorised". */
  category: string | null;
  /** Why the question was refused or skipped, in the request's language; null when accepted. */
  reason: string | null;
  /** A stable code for the reason (e.g. `GIFT.UNCLOSED_BRACE`); null when accepted. */
  reasonCode: string | null;
  /** What was changed or left out while importing (e.g. per-answer feedback, partial credit), in the request's language. */
  warnings: string[];
  /** The question created (commit only). */
  questionId: string | null;
}

export interface QuestionImportReport {
  courseId: string;
  format: QuestionImportFormat;
  fileName: string;
  /** SHA-256 of the uploaded bytes. */
  fileSha256: string;
  /** True for a preview: nothing was written. */
  dryRun: boolean;
  total: number;
  accepted: number;
  duplicates: number;
  refused: number;
  /** Questions written (0 in a preview). */
  created: number;
  /** Categories named in the file that do not exist yet (created on commit when the file's categories are used). */
  newCategories: string[];
  items: QuestionImportItem[];
}
