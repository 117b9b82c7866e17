import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  QUESTION_IMPORT_MAX_QUESTIONS,
  type QuestionExportFormat,
  type QuestionImportFormat,
  type QuestionImportReport,
} from '@kompeten/shared-contracts';
import { cleanFileName, invalid, notFound, recordAudit } from '@kompeten/server-core';
import { recordDraftEditor } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { requireAuthorableCourse } from '../../course-access';
import { parseAiken } from './aiken';
import { writeAiken } from './aiken-writer';
import type { WrittenFile } from './exported-question';
import { fingerprint } from './fingerprint';
import { parseGift } from './gift';
import { writeGift } from './gift-writer';
import { checkEntry } from './import-checks';
import { planImport, reportItem } from './import-plan';
import type { ImportedQuestion, ParsedEntry } from './imported-question';
import { fileProblemText, type ReportLanguage } from './messages';
import { FileProblem } from './problems';
import {
  bankQuestions,
  categoriesOf,
  categoryName,
  ensureCategories,
  insertQuestions,
  lockBank,
} from './question-transfer-store';
import { csvRows, parseSheet, xlsxRows } from './sheet';
import { TEMPLATE_QUESTIONS, writeCsv, writeXlsx } from './sheet-writer';
import { decodeTextFile } from './text';

export interface ImportRequest {
  format: QuestionImportFormat;
  /** Preview: parse and plan, write nothing. */
  dryRun: boolean;
  categoryId: string | null;
  useFileCategories: boolean;
  includeDuplicates: boolean;
  lang: ReportLanguage;
}

export interface UploadedFile {
  path: string;
  originalname: string;
  size: number;
}

export interface ExportFile extends WrittenFile {
  fileName: string;
  contentType: string;
}

const CONTENT_TYPE: Record<QuestionExportFormat, string> = {
  gift: 'text/plain; charset=utf-8',
  aiken: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXTENSION: Record<QuestionExportFormat, string> = {
  gift: 'gift.txt',
  aiken: 'aiken.txt',
  csv: 'csv',
  xlsx: 'xlsx',
};

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'kategori';

/**
 * Question banks in and out (docs/question-import.md). An import reads the whole file first (GIFT, Aiken, CSV or
 * XLSX), checks every question against the bank's own rules, and answers with a report per question; a preview stops
 * there, a commit writes the accepted questions in one transaction under the bank's lock. Retrying a commit is safe:
 * questions already in the bank are skipped as duplicates unless the uploader asks to include them. Only those who may
 * author the course's bank (course-access.ts) reach it; everyone else gets 404.
 */
@Injectable()
export class QuestionTransferService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async import(
    scope: AccessScope,
    courseId: string,
    file: UploadedFile | undefined,
    req: ImportRequest,
  ): Promise<QuestionImportReport> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    if (!file)
      throw invalid(
        ErrorCode.IMPORT_FILE_REQUIRED,
        req.lang === 'en' ? 'Attach the file in the form field "file"' : 'Lampirkan berkas pada kolom formulir "file"',
      );
    const bytes = await readFile(file.path);
    const entries = (await this.parse(req.format, bytes, req.lang)).map(checkEntry);
    const head = {
      courseId,
      format: req.format,
      fileName: cleanFileName(file.originalname),
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      dryRun: req.dryRun,
    };
    if (req.dryRun) return this.run(this.db.manager, scope, courseId, entries, req, head, false);
    return this.db.transaction((m) => this.run(m, scope, courseId, entries, req, head, true));
  }

  private async parse(format: QuestionImportFormat, bytes: Buffer, lang: ReportLanguage): Promise<ParsedEntry[]> {
    try {
      let entries: ParsedEntry[];
      if (format === 'xlsx') entries = parseSheet(await xlsxRows(bytes, QUESTION_IMPORT_MAX_QUESTIONS));
      else {
        const text = decodeTextFile(bytes);
        entries =
          format === 'gift' ? parseGift(text) : format === 'aiken' ? parseAiken(text) : parseSheet(csvRows(text));
      }
      if (entries.length > QUESTION_IMPORT_MAX_QUESTIONS)
        throw new FileProblem('FILE.TOO_MANY_QUESTIONS', { count: entries.length, max: QUESTION_IMPORT_MAX_QUESTIONS });
      return entries;
    } catch (e) {
      if (e instanceof FileProblem)
        throw invalid(ErrorCode.IMPORT_BAD_FILE, fileProblemText(e.code, e.params, lang), { reason: e.code });
      // csv-parse reports a broken file (an unclosed quote) with its line.
      if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('CSV_'))
        throw invalid(
          ErrorCode.IMPORT_BAD_FILE,
          lang === 'en' ? `The CSV cannot be read: ${e.message}` : `CSV tidak dapat dibaca: ${e.message}`,
          { reason: 'FILE.BAD_CSV' },
        );
      throw e;
    }
  }

  private async run(
    m: EntityManager,
    scope: AccessScope,
    courseId: string,
    entries: ParsedEntry[],
    req: ImportRequest,
    head: Pick<QuestionImportReport, 'courseId' | 'format' | 'fileName' | 'fileSha256' | 'dryRun'>,
    write: boolean,
  ): Promise<QuestionImportReport> {
    const course = await requireAuthorableCourse(m, scope, courseId);
    if (write) await lockBank(m, courseId);
    let target: { id: string; name: string } | null = null;
    if (req.categoryId) {
      const name = await categoryName(m, courseId, req.categoryId);
      if (name === null)
        throw invalid(ErrorCode.ASSESSMENT_CATEGORY_NOT_FOUND, 'categoryId bukan kategori soal kursus ini');
      target = { id: req.categoryId, name };
    }
    const [bank, categories] = await Promise.all([bankQuestions(m, courseId), categoriesOf(m, courseId)]);
    const plan = planImport(
      entries,
      { fingerprints: new Set(bank.map(fingerprint)), categories: categories.map((c) => c.name) },
      { target, useFileCategories: req.useFileCategories, includeDuplicates: req.includeDuplicates },
    );
    const accepted = plan.items.filter((i) => i.status === 'accepted');
    const ids = new Map<(typeof plan.items)[number], string>();
    if (write && accepted.length) {
      const created = await ensureCategories(m, courseId, plan.newCategories);
      const idOf = new Map([...categories, ...created].map((c) => [c.name, c.id]));
      const inserted = await insertQuestions(
        m,
        courseId,
        accepted.map((i) => ({
          question: i.question as ImportedQuestion,
          categoryId: i.category ? (idOf.get(i.category) ?? null) : null,
        })),
      );
      accepted.forEach((item, n) => ids.set(item, inserted[n]));
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'question.import',
          entityType: 'course',
          entityId: course.id,
          agencyId: course.agencyId,
          after: {
            format: head.format,
            fileName: head.fileName,
            fileSha256: head.fileSha256,
            created: inserted.length,
            categoriesCreated: created.filter((c) => plan.newCategories.includes(c.name)).map((c) => c.name),
            questionIds: inserted,
          },
        },
      );
    }
    const count = (s: string) => plan.items.filter((i) => i.status === s).length;
    return {
      ...head,
      total: plan.items.length,
      accepted: accepted.length,
      duplicates: count('duplicate'),
      refused: count('refused'),
      created: ids.size,
      newCategories: plan.newCategories,
      items: plan.items.map((i) => reportItem(i, req.lang, ids.get(i) ?? null)),
    };
  }

  /** The bank (or one category of it) as a file; questions the format cannot hold are counted as skipped. */
  async export(
    scope: AccessScope,
    courseId: string,
    format: QuestionExportFormat,
    categoryId?: string,
  ): Promise<ExportFile> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    let name: string | null = null;
    if (categoryId) {
      name = await categoryName(this.db.manager, courseId, categoryId);
      if (name === null) throw notFound(ErrorCode.ASSESSMENT_CATEGORY_NOT_FOUND, 'Kategori soal tidak ditemukan');
    }
    const questions = await bankQuestions(this.db.manager, courseId, categoryId);
    const header = [
      `Bank soal Kompeten${name ? `, kategori "${name}"` : ''}: ${questions.length} soal, diekspor ${new Date().toISOString()}.`,
      'Format GIFT Moodle; panduan: docs/question-import.md.',
    ];
    const written = await this.write(format, questions, header);
    return {
      ...written,
      fileName: `bank-soal${name ? `-${slug(name)}` : ''}.${EXTENSION[format]}`,
      contentType: CONTENT_TYPE[format],
    };
  }

  /** The spreadsheet template: the layout with one fictional question of each kind (and a guide sheet in XLSX). */
  async template(format: 'csv' | 'xlsx'): Promise<ExportFile> {
    const written = format === 'csv' ? await writeCsv(TEMPLATE_QUESTIONS) : await writeXlsx(TEMPLATE_QUESTIONS, true);
    return { ...written, fileName: `templat-impor-soal.${format}`, contentType: CONTENT_TYPE[format] };
  }

  private async write(
    format: QuestionExportFormat,
    questions: Awaited<ReturnType<typeof bankQuestions>>,
    header: string[],
  ): Promise<WrittenFile> {
    switch (format) {
      case 'gift':
        return writeGift(questions, header);
      case 'aiken':
        return writeAiken(questions);
      case 'csv':
        return writeCsv(questions);
      case 'xlsx':
        return writeXlsx(questions, true);
    }
  }
}
