import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  OutboxEvent,
  type EmployeeImport,
  type ImportEntry,
  type ImportEntryOutcome,
  type Language,
  type Page,
} from '@kompeten/shared-contracts';
import {
  conflict,
  csvStringifier,
  FILE_STORAGE,
  forbidden,
  invalid,
  notFound,
  recordAudit,
  toPage,
  writeOutbox,
  type FileStorage,
  type PageQueryDto,
} from '@kompeten/server-core';
import { AccessScope, OrganisationService } from '@kompeten/server-organisation';
import { EmployeeImportEntity } from '../entities/employee-import.entity';
import type { ImportEntryFilter } from '../dto/import.dto';
import { IMPORT_REASONS, IMPORT_REASONS_EN, REASON_COLUMN, reasonIn, type ImportReasonCode } from './import-columns';
import { importCsvParser } from './import-csv';
import {
  pageImportsNeedingAttention,
  selectEntriesAfter,
  selectEntriesPage,
  selectFirstProblems,
  selectReasonCounts,
  type EntryRow,
} from './import-store';

/** How many refused rows and warnings the import view carries; all of them are in the entries API and the report download. */
export const IMPORT_PREVIEW_ENTRIES = 50;

const OUTCOME_LABEL: Record<Language, Record<ImportEntryOutcome, string>> = {
  id: {
    created: 'Ditambahkan',
    updated: 'Diperbarui',
    unchanged: 'Tidak berubah',
    failed: 'Ditolak',
    saved: 'Tersimpan',
  },
  en: { created: 'Added', updated: 'Updated', unchanged: 'Unchanged', failed: 'Refused', saved: 'Saved' },
};

const toEntry = (r: EntryRow, lang: Language): ImportEntry => ({
  line: r.line,
  nip: r.nip,
  outcome: r.outcome,
  reasonCode: r.reason_code,
  reason: reasonIn(lang, r.reason_code, r.reason),
  changedFields: r.changed_fields ?? [],
  warningCode: r.warning_code,
  warning: reasonIn(lang, r.warning_code, r.warning),
});

const label = (code: string, lang: Language) =>
  (lang === 'en' ? IMPORT_REASONS_EN : IMPORT_REASONS)[code as ImportReasonCode] ?? code;

/** The import with its counts per reason and the first refused rows and warnings, in the request's language. */
export async function describeImport(
  m: EntityManager,
  i: EmployeeImportEntity,
  lang: Language = 'id',
): Promise<EmployeeImport> {
  const reasons = await selectReasonCounts(m, i.id);
  const first = await selectFirstProblems(m, i.id, IMPORT_PREVIEW_ENTRIES + 1);
  return {
    id: i.id,
    agencyId: i.agencyId,
    fileName: i.fileName,
    status: i.status,
    totalRows: i.totalRows,
    processedRows: i.processedRows,
    createdCount: i.createdCount,
    updatedCount: i.updatedCount,
    unchangedCount: i.unchangedCount,
    failedCount: i.failedCount,
    warningCount: i.warningCount,
    reasonCounts: reasons.map((r) => ({ ...r, code: r.code ?? 'LEGACY', label: label(r.code ?? 'LEGACY', lang) })),
    errors: first.slice(0, IMPORT_PREVIEW_ENTRIES).map((r) => ({
      row: r.line,
      nip: r.nip,
      reason:
        (r.outcome === 'failed'
          ? reasonIn(lang, r.reason_code, r.reason)
          : reasonIn(lang, r.warning_code, r.warning)) ?? '',
    })),
    errorsTruncated: first.length > IMPORT_PREVIEW_ENTRIES,
    message: lang === 'en' && i.message ? (i.messageEn ?? 'The file could not be imported.') : i.message,
    headerCheck: i.headerCheck,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class EmployeeImportService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Who may import into an agency: its admins (any unit) or an HR officer (its own unit subtree). */
  private uploaderUnitScope(scope: AccessScope, agencyId: string): string | null {
    if (scope.canAdministerAgency(agencyId)) return null;
    const hr = scope.hrUnitScopes.find((s) => s.agencyId === agencyId);
    if (!hr) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang mengimpor pegawai ke instansi ini');
    return hr.unitPath;
  }

  /**
   * Stores the uploaded file and queues the import. The import row and its outbox event are written in one
   * transaction, so the worker is certain to pick it up.
   */
  async create(
    scope: AccessScope,
    agencyId: string,
    file: { path: string; originalname: string; size: number } | undefined,
    lang: Language = 'id',
  ): Promise<EmployeeImport> {
    if (!file) throw invalid(ErrorCode.IMPORT_FILE_REQUIRED, 'Lampirkan berkas CSV pada kolom formulir "file"');
    await this.org.findReadableAgency(scope, agencyId);
    const unitScopePath = this.uploaderUnitScope(scope, agencyId);
    if (!/\.(csv|txt)$/i.test(file.originalname))
      throw invalid(
        ErrorCode.IMPORT_BAD_FILE,
        'Berkas harus CSV (.csv). Simpan lembar kerja sebagai CSV terlebih dahulu.',
      );
    if (file.size === 0) throw invalid(ErrorCode.IMPORT_BAD_FILE, 'Berkas kosong');
    const storageKey = `imports/${agencyId}/${randomUUID()}.csv`;
    await this.storage.importLocalFile(file.path, storageKey);
    const saved = await this.db.transaction(async (m) => {
      const row = await m.getRepository(EmployeeImportEntity).save({
        agencyId,
        createdBy: scope.principal.userId,
        fileName: file.originalname.slice(0, 255),
        storageKey,
        unitScopePath,
      });
      await writeOutbox(m, OutboxEvent.EmployeeImportRequested, row.id, { importId: row.id });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'employee_import.create',
          entityType: 'employee_import',
          entityId: row.id,
          agencyId,
          after: { fileName: row.fileName, size: file.size },
        },
      );
      return row;
    });
    return describeImport(
      this.db.manager,
      await this.db.getRepository(EmployeeImportEntity).findOneByOrFail({ id: saved.id }),
      lang,
    );
  }

  /** An import its caller may see: the agency's admins, or whoever uploaded it. */
  private async findReadable(scope: AccessScope, id: string): Promise<EmployeeImportEntity> {
    const row = await this.db.getRepository(EmployeeImportEntity).findOneBy({ id });
    if (!row || !(scope.canAdministerAgency(row.agencyId) || row.createdBy === scope.principal.userId)) {
      throw notFound(ErrorCode.IMPORT_NOT_FOUND, 'Impor tidak ditemukan');
    }
    return row;
  }

  async get(scope: AccessScope, id: string, lang: Language = 'id'): Promise<EmployeeImport> {
    return describeImport(this.db.manager, await this.findReadable(scope, id), lang);
  }

  /** Every line's outcome, a page at a time, by line number; `filter` narrows to refused rows, warnings or one outcome. */
  async entries(
    scope: AccessScope,
    id: string,
    filter: ImportEntryFilter,
    q: PageQueryDto,
    lang: Language = 'id',
  ): Promise<Page<ImportEntry>> {
    const imp = await this.findReadable(scope, id);
    const { total, rows } = await selectEntriesPage(this.db, imp.id, filter, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => toEntry(r, lang)),
      total,
      q,
    );
  }

  private async *allEntries(importId: string, filter: ImportEntryFilter): AsyncGenerator<EntryRow> {
    // Keyset pagination by line: constant memory for a 60,000-line report.
    for (let after = 0; ;) {
      const rows = await selectEntriesAfter(this.db, importId, filter, after);
      yield* rows;
      if (rows.length < 2000) return;
      after = rows[rows.length - 1].line;
    }
  }

  private static readonly REPORT_HEADERS = [
    'Baris',
    'NIP',
    'Hasil',
    'Kolom berubah',
    'Kode alasan',
    'Alasan',
    'Kode peringatan',
    'Peringatan',
  ];

  private reportCells(r: EntryRow): string[] {
    return [
      String(r.line),
      r.nip ?? '',
      OUTCOME_LABEL.id[r.outcome],
      (r.changed_fields ?? []).join(', '),
      r.reason_code ?? '',
      r.reason ?? '',
      r.warning_code ?? '',
      r.warning ?? '',
    ];
  }

  /**
   * The import report as a download: every line (filter=all) or every refused row and warning (the default), with
   * reasons. CSV cells are neutralised against formulas; in XLSX every cell is text, so a NIP keeps its 18 digits.
   */
  async report(
    scope: AccessScope,
    id: string,
    format: 'csv' | 'xlsx',
    filter: ImportEntryFilter,
  ): Promise<{ stream: Readable; fileName: string; contentType: string }> {
    const imp = await this.findReadable(scope, id);
    const base = `laporan-impor-${imp.createdAt.toISOString().slice(0, 10)}-${imp.id.slice(0, 8)}`;
    const rows = this.allEntries(imp.id, filter);
    if (format === 'csv') {
      const out = csvStringifier({ bom: true, header: true, columns: EmployeeImportService.REPORT_HEADERS });
      (async () => {
        for await (const r of rows)
          if (!out.write(this.reportCells(r))) await new Promise((resolve) => out.once('drain', resolve));
        out.end();
      })().catch((e) => out.destroy(e));
      return { stream: out, fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8' };
    }
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Laporan impor');
    sheet.columns = EmployeeImportService.REPORT_HEADERS.map((header, i) => ({
      header,
      width: [8, 22, 14, 30, 24, 60, 24, 60][i],
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    (async () => {
      for await (const r of rows) {
        const cells: Array<string | number> = this.reportCells(r);
        cells[0] = r.line;
        sheet.addRow(cells).commit();
      }
      sheet.commit();
      await workbook.commit();
    })().catch((e) => out.destroy(e));
    return {
      stream: out,
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }

  /**
   * The refused rows as they were uploaded (the file's own header and cells) with the reason in an `alasan` column:
   * fix the cells, and upload the file again (the importer ignores `alasan`). Rows already saved are not in it.
   */
  async failedRows(
    scope: AccessScope,
    id: string,
    lang: Language = 'id',
  ): Promise<{ stream: Readable; fileName: string; contentType: string }> {
    const imp = await this.findReadable(scope, id);
    if (imp.status !== 'completed' && imp.status !== 'failed')
      throw conflict(ErrorCode.IMPORT_BAD_FILE, 'Impor belum selesai; baris yang ditolak belum dapat diunduh').en(
        'The import has not finished yet; its refused rows cannot be downloaded yet.',
      );
    const reasons = new Map<number, string>();
    for await (const r of this.allEntries(imp.id, 'failed'))
      reasons.set(r.line, reasonIn(lang, r.reason_code, r.reason) ?? '');
    const out = csvStringifier({ bom: true });
    (async () => {
      const parser = await importCsvParser(this.storage, imp.storageKey);
      let reasonAt = -1;
      let header = true;
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        let row: string[] | null = null;
        if (header) {
          header = false;
          reasonAt = record.findIndex((h) => h.trim().toLowerCase() === REASON_COLUMN);
          row = reasonAt >= 0 ? record : [...record, REASON_COLUMN];
          if (reasonAt < 0) reasonAt = record.length;
        } else if (reasons.has(info.lines)) {
          row = [...record];
          while (row.length < reasonAt) row.push('');
          row[reasonAt] = reasons.get(info.lines) as string;
        }
        if (row && !out.write(row)) await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
    })().catch((e) => out.destroy(e));
    const base =
      imp.fileName
        .replace(/\.(csv|txt)$/i, '')
        .replace(/[^\w.-]+/g, '-')
        .slice(0, 80) || 'impor';
    return {
      stream: out,
      fileName: `${base}-${lang === 'en' ? 'refused-rows' : 'baris-ditolak'}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }

  /** Waits (up to `timeoutMs`) for an import to finish; for scripts that want the report in one call. */
  async waitFor(scope: AccessScope, id: string, timeoutMs: number, lang: Language = 'id'): Promise<EmployeeImport> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const imp = await this.get(scope, id, lang);
      if (imp.status === 'completed' || imp.status === 'failed' || Date.now() > until) return imp;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Imports that need a look (issue 15, the admin's attention panel): failed, or finished with refused rows, in the
   * last 30 days, in the agencies the caller administers (an HR officer: their own uploads). Newest first.
   */
  async needingAttention(
    scope: AccessScope,
    q: { page: number; pageSize: number },
    lang: Language = 'id',
  ): Promise<Page<EmployeeImport>> {
    const agencyIds = scope.global ? null : [...scope.adminAgencyIds];
    const { total, ids } = await pageImportsNeedingAttention(this.db, {
      agencyIds,
      uploaderId: agencyIds && agencyIds.length === 0 ? scope.principal.userId : null,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const found = ids.length ? await this.db.getRepository(EmployeeImportEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(found.map((i) => [i.id, i]));
    const items: EmployeeImport[] = [];
    for (const id of ids) {
      const i = byId.get(id);
      if (i) items.push(await describeImport(this.db.manager, i, lang));
    }
    return toPage(items, total, q);
  }

  async list(
    scope: AccessScope,
    agencyId: string,
    q: PageQueryDto,
    lang: Language = 'id',
  ): Promise<Page<EmployeeImport>> {
    await this.org.findReadableAgency(scope, agencyId);
    const onlyOwn = !scope.canAdministerAgency(agencyId);
    const [found, total] = await this.db.getRepository(EmployeeImportEntity).findAndCount({
      where: onlyOwn ? { agencyId, createdBy: scope.principal.userId } : { agencyId },
      order: { createdAt: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const items: EmployeeImport[] = [];
    for (const i of found) items.push(await describeImport(this.db.manager, i, lang));
    return toPage(items, total, q);
  }
}
