import type { QuestionExportFormat, QuestionImportFormat, QuestionImportReport } from '@kompeten/shared-contracts';
import { downloadFile, upload } from '../../shared/api';

const enc = encodeURIComponent;

export interface QuestionImportOptions {
  format: QuestionImportFormat;
  categoryId: string | null;
  useFileCategories: boolean;
  includeDuplicates: boolean;
  /** The language of the report's reasons. */
  lang: 'id' | 'en';
}

function queryString(options: QuestionImportOptions): string {
  const params = new URLSearchParams({ format: options.format, lang: options.lang });
  if (options.categoryId) params.set('categoryId', options.categoryId);
  if (options.useFileCategories) params.set('useFileCategories', 'true');
  if (options.includeDuplicates) params.set('includeDuplicates', 'true');
  return params.toString();
}

/** Uploads the file for a preview (nothing is written) or for the import itself; both answer with the per-question report. */
export function importQuestions(
  courseId: string,
  file: File,
  options: QuestionImportOptions,
  dryRun: boolean,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<QuestionImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const path = `/courses/${enc(courseId)}/question-imports${dryRun ? '/preview' : ''}?${queryString(options)}`;
  return upload<QuestionImportReport>(path, form, onProgress, signal);
}

/** Downloads the bank (or one category) in a format. */
export function exportQuestions(courseId: string, format: QuestionExportFormat, categoryId?: string): Promise<void> {
  const extension = { gift: 'gift.txt', aiken: 'aiken.txt', csv: 'csv', xlsx: 'xlsx' }[format];
  return downloadFile(`/courses/${enc(courseId)}/questions/export`, `bank-soal.${extension}`, {
    query: { format, categoryId },
  });
}

export function downloadQuestionTemplate(format: 'csv' | 'xlsx'): Promise<void> {
  return downloadFile('/question-imports/template', `templat-impor-soal.${format}`, { query: { format } });
}
