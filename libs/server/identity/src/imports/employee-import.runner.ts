import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import { DataSource } from 'typeorm';
import type { ImportRowError } from '@kompeten/shared-contracts';
import { FILE_STORAGE, type FileStorage } from '@kompeten/server-core';
import { EmployeeImportEntity } from '../entities/employee-import.entity';
import { mapHeaders, parseImportRow, type ImportColumnKey, type ImportRow } from './import-columns';

export const IMPORT_BATCH_SIZE = 500;
export const MAX_REPORTED_ERRORS = 1000;

interface Counters {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportRowError[];
}

/**
 * Runs one CSV import: streams the file row by row (constant memory), validates each row, and upserts
 * batches by NIP in single statements. Running it again gives the same result (idempotent), so a retried job is safe.
 */
@Injectable()
export class EmployeeImportRunner {
  private readonly logger = new Logger(EmployeeImportRunner.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async run(importId: string): Promise<'success' | 'skipped'> {
    const repo = this.db.getRepository(EmployeeImportEntity);
    const claimed = await this.db.query(
      `UPDATE employee_import SET status = 'running', started_at = now(), processed_rows = 0, created_count = 0, updated_count = 0,
              unchanged_count = 0, failed_count = 0, errors = '[]', message = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [importId],
    );
    if (!(claimed[0]?.length ?? 0)) return 'skipped';
    const imp = await repo.findOneByOrFail({ id: importId });
    const c: Counters = { processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
    try {
      await repo.update({ id: importId }, { totalRows: await this.countLines(imp.storageKey) });
      await this.process(imp, c);
      await repo.update({ id: importId }, { ...this.progress(c), totalRows: c.processed, status: 'completed', finishedAt: new Date() });
      this.logger.log({ importId, ...this.progress(c), errors: undefined }, 'Employee import completed');
    } catch (e) {
      const message = e instanceof ImportFileError ? e.message : 'Impor gagal karena kesalahan sistem; baris yang sudah diproses tetap tersimpan.';
      if (!(e instanceof ImportFileError)) this.logger.error({ err: e, importId }, 'Employee import failed');
      await repo.update({ id: importId }, { ...this.progress(c), status: 'failed', message, finishedAt: new Date() });
    }
    return 'success';
  }

  private progress(c: Counters) {
    return { processedRows: c.processed, createdCount: c.created, updatedCount: c.updated, unchangedCount: c.unchanged, failedCount: c.failed, errors: c.errors };
  }

  private fail(c: Counters, row: number, nip: string | null, reason: string) {
    c.failed++;
    if (c.errors.length < MAX_REPORTED_ERRORS) c.errors.push({ row, nip, reason });
  }

  /**
   * The separator of the header line: a semicolon file (Excel in an Indonesian locale) leaves commas inside fields
   * unquoted, e.g. gelar_belakang "S.Sos., M.Si.", so the two are never both separators.
   */
  private async sniffDelimiter(key: string): Promise<',' | ';'> {
    let head = '';
    for await (const chunk of await this.storage.read(key)) {
      head += (chunk as Buffer).toString('utf8');
      if (head.includes('\n') || head.length > 64 * 1024) break;
    }
    head = head.split('\n')[0];
    const count = (ch: string) => head.split(ch).length - 1;
    return count(';') > count(',') ? ';' : ',';
  }

  /** Data lines (minus the header), for the progress bar; the final count comes from the parser. */
  private async countLines(key: string): Promise<number> {
    let lines = 0;
    let last = 10;
    for await (const chunk of await this.storage.read(key)) {
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
      if (buf.length) last = buf[buf.length - 1];
    }
    if (last !== 10) lines++;
    return Math.max(0, lines - 1);
  }

  private async process(imp: EmployeeImportEntity, c: Counters): Promise<void> {
    const units = new Map<string, { id: string; path: string }>(
      (await this.db.query(`SELECT code, id, path FROM work_unit WHERE agency_id = $1`, [imp.agencyId])).map((u: { code: string; id: string; path: string }) => [u.code.toLowerCase(), u]),
    );
    const delimiter = await this.sniffDelimiter(imp.storageKey);
    const parser = (await this.storage.read(imp.storageKey)).pipe(
      parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024, info: true }),
    );
    let keys: Array<ImportColumnKey | null> | null = null;
    let batch: Array<{ line: number; row: ImportRow; unitId: string | null }> = [];
    const supervisors = new Map<string, { line: number; supervisorNip: string }>();
    const seen = new Set<string>();
    let line = 1;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!keys) {
          const mapped = mapHeaders(record);
          if (mapped.missing.length) throw new ImportFileError(`Kolom wajib tidak ada di baris judul: ${mapped.missing.join(', ')}`);
          keys = mapped.keys;
          continue;
        }
        // The parser's line count, so empty lines skipped before this record still count.
        line = info.lines;
        c.processed++;
        const rec: Partial<Record<ImportColumnKey, string>> = {};
        keys.forEach((k, i) => k && (rec[k] = record[i]));
        const parsed = parseImportRow(rec);
        if (!parsed.ok) {
          this.fail(c, line, parsed.nip, parsed.reason);
          continue;
        }
        const row = parsed.row;
        if (seen.has(row.nip)) {
          this.fail(c, line, row.nip, 'NIP muncul lebih dari sekali dalam berkas; baris ini dilewati');
          continue;
        }
        seen.add(row.nip);
        let unitId: string | null = null;
        if (row.unitCode) {
          const unit = units.get(row.unitCode.toLowerCase());
          if (!unit) {
            this.fail(c, line, row.nip, `kode_unit "${row.unitCode}" tidak ada di instansi ini`);
            continue;
          }
          if (imp.unitScopePath && !unit.path.startsWith(imp.unitScopePath)) {
            this.fail(c, line, row.nip, `Unit "${row.unitCode}" di luar wewenang pengunggah`);
            continue;
          }
          unitId = unit.id;
        } else if (imp.unitScopePath) {
          this.fail(c, line, row.nip, 'kode_unit wajib diisi (pengunggah hanya berwenang atas unitnya)');
          continue;
        }
        if (row.supervisorNip) supervisors.set(row.nip, { line, supervisorNip: row.supervisorNip });
        batch.push({ line, row, unitId });
        if (batch.length >= IMPORT_BATCH_SIZE) {
          await this.upsert(imp, batch, c, supervisors);
          batch = [];
        }
      }
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      const code = (e as { code?: string }).code;
      if (code?.startsWith('CSV_')) throw new ImportFileError(`Berkas CSV rusak di sekitar baris ${line + 1}: ${(e as Error).message}`);
      throw e;
    }
    if (!keys) throw new ImportFileError('Berkas kosong: tidak ada baris judul');
    if (batch.length) await this.upsert(imp, batch, c, supervisors);
    await this.linkSupervisors(imp, supervisors, c);
  }

  /** One statement per batch: insert new NIPs, update changed ones, leave identical ones alone. */
  private async upsert(
    imp: EmployeeImportEntity,
    batch: Array<{ line: number; row: ImportRow; unitId: string | null }>,
    c: Counters,
    supervisors: Map<string, { line: number; supervisorNip: string }>,
  ): Promise<void> {
    const nips = batch.map((b) => b.row.nip);
    // Stored employees the file may not touch: another agency's, or (for an HR officer) one now outside the uploader's units.
    const blocked = new Map<string, 'elsewhere' | 'scope'>(
      (
        await this.db.query(
          `SELECT e.nip, CASE WHEN e.agency_id <> $2 THEN 'elsewhere' ELSE 'scope' END AS why
             FROM employee e LEFT JOIN work_unit u ON u.id = e.unit_id
            WHERE e.nip = ANY($1) AND (e.agency_id <> $2 OR ($3::text IS NOT NULL AND (u.path IS NULL OR left(u.path, length($3)) <> $3)))`,
          [nips, imp.agencyId, imp.unitScopePath],
        )
      ).map((r: { nip: string; why: 'elsewhere' | 'scope' }) => [r.nip, r.why]),
    );
    const rows = batch.filter((b) => {
      const why = blocked.get(b.row.nip);
      if (!why) return true;
      supervisors.delete(b.row.nip);
      this.fail(c, b.line, b.row.nip, why === 'elsewhere'
        ? 'NIP sudah terdaftar di instansi lain; pindah instansi dilakukan lewat mutasi, bukan impor'
        : 'Pegawai ini tercatat di unit di luar wewenang pengunggah; pemindahannya dilakukan oleh admin instansi');
      return false;
    });
    const col = <K extends keyof ImportRow>(k: K) => rows.map((b) => b.row[k]);
    const result: Array<{ inserted: boolean }> = await this.db.transaction(async (m) => {
      const res = await m.query(
        `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, front_title, back_title, position_name, position_kind, rank, email, phone, birth_date, gender)
         SELECT t.nip, $1, t.unit_id, t.employee_type, t.full_name, t.front_title, t.back_title, t.position_name, t.position_kind, t.rank, t.email, t.phone, t.birth_date, t.gender
           FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::date[], $14::text[])
             AS t(nip, unit_id, employee_type, full_name, front_title, back_title, position_name, position_kind, rank, email, phone, birth_date, gender)
         ON CONFLICT (nip) DO UPDATE SET
           unit_id = EXCLUDED.unit_id, employee_type = EXCLUDED.employee_type, full_name = EXCLUDED.full_name,
           front_title = EXCLUDED.front_title, back_title = EXCLUDED.back_title, position_name = EXCLUDED.position_name,
           position_kind = EXCLUDED.position_kind, rank = EXCLUDED.rank, email = EXCLUDED.email, phone = EXCLUDED.phone, updated_at = now()
         WHERE employee.agency_id = EXCLUDED.agency_id
           AND (employee.unit_id, employee.employee_type, employee.full_name, employee.front_title, employee.back_title, employee.position_name,
                employee.position_kind, employee.rank, employee.email, employee.phone)
               IS DISTINCT FROM
               (EXCLUDED.unit_id, EXCLUDED.employee_type, EXCLUDED.full_name, EXCLUDED.front_title, EXCLUDED.back_title, EXCLUDED.position_name,
                EXCLUDED.position_kind, EXCLUDED.rank, EXCLUDED.email, EXCLUDED.phone)
         RETURNING (xmax = 0) AS inserted`,
        [imp.agencyId, col('nip'), rows.map((b) => b.unitId), col('employeeType'), col('fullName'), col('frontTitle'), col('backTitle'), col('positionName'), col('positionKind'), col('rank'), col('email'), col('phone'), col('birthDate'), col('gender')],
      );
      await m.query(
        `UPDATE employee_import SET processed_rows = $2, failed_count = $3 WHERE id = $1`,
        [imp.id, c.processed, c.failed],
      );
      return res;
    });
    const inserted = result.filter((r) => r.inserted).length;
    c.created += inserted;
    c.updated += result.length - inserted;
    c.unchanged += rows.length - result.length;
  }

  /**
   * Supervisors may appear later in the file than their staff, so they are linked once every row is in. As through the
   * API (issue 12), an uploader never appoints themself nor sets their own supervisor, and an HR officer names only
   * supervisors inside its units (one outside answers like an unknown NIP).
   */
  private async linkSupervisors(imp: EmployeeImportEntity, supervisors: Map<string, { line: number; supervisorNip: string }>, c: Counters): Promise<void> {
    const entries = [...supervisors.entries()];
    const [uploader] = imp.createdBy ? await this.db.query(`SELECT employee_id FROM user_account WHERE id = $1`, [imp.createdBy]) : [];
    for (let i = 0; i < entries.length; i += 5000) {
      const chunk = entries.slice(i, i + 5000);
      const refused: Array<{ nip: string; verdict: 'missing' | 'self' }> = await this.db.query(
        `WITH s(nip, sup_nip) AS (SELECT * FROM unnest($2::text[], $3::text[]))
         , j AS (
           SELECT s.nip, e.id AS emp_id, sup.id AS sup_id,
                  CASE WHEN sup.id IS NULL OR ($5::text IS NOT NULL AND (su.path IS NULL OR left(su.path, length($5)) <> $5)) THEN 'missing'
                       WHEN sup.id = $4::uuid OR e.id = $4::uuid THEN 'self'
                       ELSE 'ok' END AS verdict
             FROM s LEFT JOIN employee e ON e.nip = s.nip AND e.agency_id = $1
             LEFT JOIN employee sup ON sup.nip = s.sup_nip AND sup.agency_id = $1
             LEFT JOIN work_unit su ON su.id = sup.unit_id)
         , upd AS (
           UPDATE employee e SET supervisor_id = j.sup_id, updated_at = now()
             FROM j WHERE j.verdict = 'ok' AND e.id = j.emp_id AND e.supervisor_id IS DISTINCT FROM j.sup_id
           RETURNING e.nip)
         SELECT nip, verdict FROM j WHERE verdict <> 'ok'`,
        [imp.agencyId, chunk.map(([nip]) => nip), chunk.map(([, v]) => v.supervisorNip), uploader?.employee_id ?? null, imp.unitScopePath],
      );
      for (const { nip, verdict } of refused) {
        const s = supervisors.get(nip);
        // The row itself was saved, so this is reported without counting the row as failed.
        if (s && c.errors.length < MAX_REPORTED_ERRORS) {
          c.errors.push({
            row: s.line,
            nip,
            reason: verdict === 'self'
              ? `Data pegawai tersimpan, tetapi atasan tidak diubah: pengunggah tidak dapat menunjuk dirinya sebagai atasan atau menetapkan atasannya sendiri`
              : `Data pegawai tersimpan, tetapi nip_atasan ${s.supervisorNip} tidak ditemukan di instansi ini`,
          });
        }
      }
    }
  }
}

/** A problem with the file itself (not one row): the import stops and says why. */
export class ImportFileError extends Error {}
