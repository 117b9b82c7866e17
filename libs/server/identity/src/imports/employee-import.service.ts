import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, OutboxEvent, type EmployeeImport, type Page } from '@kompeten/shared-contracts';
import { FILE_STORAGE, forbidden, invalid, notFound, recordAudit, toPage, writeOutbox, type FileStorage, type PageQueryDto } from '@kompeten/server-core';
import { AccessScope, OrganisationService } from '@kompeten/server-organisation';
import { EmployeeImportEntity } from '../entities/employee-import.entity';
import { MAX_REPORTED_ERRORS } from './employee-import.runner';

export function toEmployeeImport(i: EmployeeImportEntity): EmployeeImport {
  return {
    id: i.id, agencyId: i.agencyId, fileName: i.fileName, status: i.status, totalRows: i.totalRows, processedRows: i.processedRows,
    createdCount: i.createdCount, updatedCount: i.updatedCount, unchangedCount: i.unchangedCount, failedCount: i.failedCount,
    errors: i.errors, errorsTruncated: i.failedCount > i.errors.length && i.errors.length >= MAX_REPORTED_ERRORS, message: i.message,
    createdAt: i.createdAt.toISOString(), finishedAt: i.finishedAt?.toISOString() ?? null,
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
  async create(scope: AccessScope, agencyId: string, file: { path: string; originalname: string; size: number } | undefined): Promise<EmployeeImport> {
    if (!file) throw invalid(ErrorCode.IMPORT_FILE_REQUIRED, 'Lampirkan berkas CSV pada kolom formulir "file"');
    await this.org.findReadableAgency(scope, agencyId);
    const unitScopePath = this.uploaderUnitScope(scope, agencyId);
    if (!/\.(csv|txt)$/i.test(file.originalname)) throw invalid(ErrorCode.IMPORT_BAD_FILE, 'Berkas harus CSV (.csv). Simpan lembar kerja sebagai CSV terlebih dahulu.');
    if (file.size === 0) throw invalid(ErrorCode.IMPORT_BAD_FILE, 'Berkas kosong');
    const storageKey = `imports/${agencyId}/${randomUUID()}.csv`;
    await this.storage.importLocalFile(file.path, storageKey);
    const saved = await this.db.transaction(async (m) => {
      const row = await m.getRepository(EmployeeImportEntity).save({ agencyId, createdBy: scope.principal.userId, fileName: file.originalname.slice(0, 255), storageKey, unitScopePath });
      await writeOutbox(m, OutboxEvent.EmployeeImportRequested, row.id, { importId: row.id });
      await recordAudit(m, { userId: scope.principal.userId, correlationId: scope.principal.correlationId }, { action: 'employee_import.create', entityType: 'employee_import', entityId: row.id, agencyId, after: { fileName: row.fileName, size: file.size } });
      return row;
    });
    return toEmployeeImport(await this.db.getRepository(EmployeeImportEntity).findOneByOrFail({ id: saved.id }));
  }

  async get(scope: AccessScope, id: string): Promise<EmployeeImport> {
    const row = await this.db.getRepository(EmployeeImportEntity).findOneBy({ id });
    if (!row || !(scope.canAdministerAgency(row.agencyId) || row.createdBy === scope.principal.userId)) {
      throw notFound(ErrorCode.IMPORT_NOT_FOUND, 'Impor tidak ditemukan');
    }
    return toEmployeeImport(row);
  }

  /** Waits (up to `timeoutMs`) for an import to finish; for scripts that want the report in one call. */
  async waitFor(scope: AccessScope, id: string, timeoutMs: number): Promise<EmployeeImport> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const imp = await this.get(scope, id);
      if (imp.status === 'completed' || imp.status === 'failed' || Date.now() > until) return imp;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async list(scope: AccessScope, agencyId: string, q: PageQueryDto): Promise<Page<EmployeeImport>> {
    await this.org.findReadableAgency(scope, agencyId);
    const onlyOwn = !scope.canAdministerAgency(agencyId);
    const [rows, total] = await this.db.getRepository(EmployeeImportEntity).findAndCount({
      where: onlyOwn ? { agencyId, createdBy: scope.principal.userId } : { agencyId },
      order: { createdAt: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(toEmployeeImport), total, q);
  }
}
