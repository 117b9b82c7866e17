import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxEvent, type ImportEntryOutcome, type ImportHeaderCheck } from '@kompeten/shared-contracts';
import { FILE_STORAGE, writeOutbox, type FileStorage } from '@kompeten/server-core';
import { agencyTimeZone, unitsByCode, type UnitRef } from '@kompeten/server-organisation';
import { EmployeeImportEntity } from '../entities/employee-import.entity';
import { importCsvParser } from './import-csv';
import {
  headerMessage,
  mapHeaders,
  parseImportRow,
  type ImportColumnKey,
  type ImportReasonCode,
  type ImportRow,
} from './import-columns';
import {
  linkSupervisorsChunk,
  lockEmployeesByNip,
  selectUploaderEmployeeId,
  upsertEmployees,
  type StoredEmployeeRow,
} from './import-employee-store';
import {
  claimImportRun,
  countImportEntries,
  insertImportEntries,
  markImportGaveUp,
  selectRecordedLines,
  updateImportProgress,
  type NewImportEntry,
} from './import-store';

export const IMPORT_BATCH_SIZE = 500;

const MISSING_FILE = 'Berkas impor tidak ditemukan di penyimpanan; unggah ulang berkasnya.';
const GAVE_UP_EN =
  'The import failed because of a system problem (database or storage unavailable) after several attempts. Rows already processed stay saved; upload the same file again to continue.';
const MISSING_FILE_EN = 'The import file is no longer in storage; upload it again.';
export const GAVE_UP =
  'Impor gagal karena gangguan sistem (basis data atau penyimpanan tidak tersedia) dan sudah dicoba beberapa kali. Baris yang sudah diproses tetap tersimpan; unggah ulang berkas yang sama untuk melanjutkan.';

interface Counters {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

interface Failure {
  line: number;
  nip: string | null;
  code: ImportReasonCode;
  reason: string;
}

type Pending = { line: number; row: ImportRow; unitId: string | null };

/** Stored fields an import may change, with the CSV column named in the report. */
const COMPARED: Array<{ column: string; field: string; csv: string }> = [
  { column: 'unit_id', field: 'unitId', csv: 'kode_unit' },
  { column: 'full_name', field: 'fullName', csv: 'nama' },
  { column: 'front_title', field: 'frontTitle', csv: 'gelar_depan' },
  { column: 'back_title', field: 'backTitle', csv: 'gelar_belakang' },
  { column: 'position_name', field: 'positionName', csv: 'jabatan' },
  { column: 'position_kind', field: 'positionKind', csv: 'jenis_jabatan' },
  { column: 'rank', field: 'rank', csv: 'golongan' },
  { column: 'email', field: 'email', csv: 'email' },
  { column: 'phone', field: 'phone', csv: 'telepon' },
];

/**
 * Runs one CSV import: streams the file row by row (constant memory), validates each row, and upserts
 * batches by NIP in single statements. Every data line gets one employee_import_entry (created, updated with the
 * changed columns, unchanged, or failed with the reason), written in the same transaction as its batch. A retried
 * job (the worker died mid-way) re-reads the file, skips the lines it already recorded, and computes the counts
 * from the entries, so each line is counted exactly once whatever happened before.
 */
@Injectable()
export class EmployeeImportRunner {
  private readonly logger = new Logger(EmployeeImportRunner.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * A problem with the file itself fails the import with its reason and answers success: the job did its work. Any
   * other error (database, storage unavailable) is thrown and the import stays `running`, so the job's retry policy
   * runs it again and the retry carries on from the lines already recorded; after the last attempt the job gives up
   * through `giveUp`.
   */
  async run(importId: string): Promise<'success' | 'skipped'> {
    const repo = this.db.getRepository(EmployeeImportEntity);
    if (!(await claimImportRun(this.db, importId))) return 'skipped';
    const imp = await repo.findOneByOrFail({ id: importId });
    // Lines recorded by an earlier run of this import (a crashed worker) keep their outcome and are not counted again.
    const before = await countImportEntries(this.db.manager, importId);
    const c: Counters = {
      processed: 0,
      created: before.createdCount,
      updated: before.updatedCount,
      unchanged: before.unchangedCount,
      failed: before.failedCount,
    };
    try {
      await repo.update({ id: importId }, { totalRows: await this.countLines(imp.storageKey) });
      await this.process(imp, c);
      const counts = await countImportEntries(this.db.manager, importId);
      await this.db.transaction(async (m) => {
        await m.getRepository(EmployeeImportEntity).update(
          { id: importId },
          {
            ...counts,
            processedRows: c.processed,
            totalRows: c.processed,
            status: 'completed',
            finishedAt: new Date(),
          },
        );
        // New and moved ASN may belong to live audience assignments: enrolment applies them again (decision 0025).
        await writeOutbox(m, OutboxEvent.EmployeeImportCompleted, importId, { importId });
      });
      this.logger.log({ importId, ...counts, processed: c.processed }, 'Employee import completed');
    } catch (e) {
      const fileError =
        e instanceof ImportFileError
          ? e
          : (e as { code?: string }).code === 'ENOENT'
            ? new ImportFileError(MISSING_FILE, MISSING_FILE_EN)
            : null;
      if (!fileError) {
        this.logger.warn(
          { err: e, importId, processed: c.processed },
          'Employee import interrupted; the job will retry it',
        );
        throw e;
      }
      const counts = await countImportEntries(this.db.manager, importId);
      await repo.update(
        { id: importId },
        {
          ...counts,
          processedRows: c.processed,
          status: 'failed',
          message: fileError.message,
          messageEn: fileError.messageEn,
          ...(fileError.headerCheck ? { headerCheck: fileError.headerCheck } : {}),
          finishedAt: new Date(),
        },
      );
    }
    return 'success';
  }

  /**
   * The job gave up (its last attempt failed on a system error): the import is marked failed with a message a person
   * understands. Lines already processed stay saved; uploading the file again records them as unchanged.
   */
  async giveUp(importId: string): Promise<void> {
    await markImportGaveUp(
      this.db,
      importId,
      [GAVE_UP, GAVE_UP_EN],
      await countImportEntries(this.db.manager, importId),
    );
    this.logger.error({ importId }, 'Employee import failed after its last attempt');
  }

  /** Called after each batch is committed; a test overrides it to simulate a worker that dies mid-import. */
  protected afterBatch(_batchNo: number): Promise<void> {
    return Promise.resolve();
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
    const units = await unitsByCode(this.db.manager, imp.agencyId);
    const timeZone = await agencyTimeZone(this.db.manager, imp.agencyId);
    if (!timeZone) throw new Error(`Agency ${imp.agencyId} of import ${imp.id} not found`);
    const parser = await importCsvParser(this.storage, imp.storageKey);
    let keys: Array<ImportColumnKey | null> | null = null;
    let batch: Pending[] = [];
    let failures: Failure[] = [];
    let batchNo = 0;
    const supervisors = new Map<string, { line: number; supervisorNip: string }>();
    const seen = new Set<string>();
    let line = 1;
    const flush = async () => {
      await this.upsert(imp, batch, failures, c, supervisors);
      batch = [];
      failures = [];
      await this.afterBatch(++batchNo);
    };
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!keys) {
          const mapped = mapHeaders(record);
          const check = { missing: mapped.missing, unknown: mapped.unknown };
          if (mapped.missing.length) {
            const text = headerMessage(check);
            throw new ImportFileError(text.id, text.en, check);
          }
          // Unknown columns are ignored, and the import says which, so a misspelt optional column is noticed.
          if (mapped.unknown.length)
            await this.db.getRepository(EmployeeImportEntity).update({ id: imp.id }, { headerCheck: check });
          keys = mapped.keys;
          continue;
        }
        // The parser's line count, so empty lines skipped before this record still count.
        line = info.lines;
        c.processed++;
        const rec: Partial<Record<ImportColumnKey, string>> = {};
        keys.forEach((k, i) => k && (rec[k] = record[i]));
        const refused = this.check(rec, line, imp, units, seen, timeZone);
        if ('code' in refused) failures.push(refused);
        else {
          if (refused.row.supervisorNip)
            supervisors.set(refused.row.nip, { line, supervisorNip: refused.row.supervisorNip });
          batch.push(refused);
        }
        if (batch.length + failures.length >= IMPORT_BATCH_SIZE) await flush();
      }
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      const code = (e as { code?: string }).code;
      if (code?.startsWith('CSV_'))
        throw new ImportFileError(
          `Berkas CSV rusak di sekitar baris ${line + 1}: ${(e as Error).message}`,
          `The CSV file is damaged around line ${line + 1}: ${(e as Error).message}`,
        );
      throw e;
    }
    if (!keys)
      throw new ImportFileError('Berkas kosong: tidak ada baris judul', 'The file is empty: there is no header row');
    if (batch.length || failures.length) await flush();
    await this.linkSupervisors(imp, supervisors);
  }

  /** One row's checks that need no database: its fields, a NIP repeated in the file, its unit. */
  private check(
    rec: Partial<Record<ImportColumnKey, string>>,
    line: number,
    imp: EmployeeImportEntity,
    units: ReadonlyMap<string, UnitRef>,
    seen: Set<string>,
    timeZone: string,
  ): Failure | Pending {
    const parsed = parseImportRow(rec, { timeZone });
    if (!parsed.ok) return { line, nip: parsed.nip, code: parsed.code, reason: parsed.reason };
    const row = parsed.row;
    const fail = (code: ImportReasonCode, reason: string): Failure => ({ line, nip: row.nip, code, reason });
    if (seen.has(row.nip))
      return fail('DUPLICATE_IN_FILE', 'NIP muncul lebih dari sekali dalam berkas; baris ini dilewati');
    seen.add(row.nip);
    if (row.unitCode) {
      const unit = units.get(row.unitCode.toLowerCase());
      if (!unit) return fail('UNIT_NOT_FOUND', `kode_unit "${row.unitCode}" tidak ada di instansi ini`);
      if (imp.unitScopePath && !unit.path.startsWith(imp.unitScopePath))
        return fail('UNIT_OUT_OF_SCOPE', `Unit "${row.unitCode}" di luar wewenang pengunggah`);
      return { line, row, unitId: unit.id };
    }
    if (imp.unitScopePath)
      return fail('UNIT_REQUIRED', 'kode_unit wajib diisi (pengunggah hanya berwenang atas unitnya)');
    return { line, row, unitId: null };
  }

  /**
   * One transaction per batch: lines an earlier run already recorded are left alone; the rest are compared with the
   * stored records (locked), new NIPs inserted and changed ones updated in one statement, and every line's outcome recorded.
   */
  private async upsert(
    imp: EmployeeImportEntity,
    batch: Pending[],
    failures: Failure[],
    c: Counters,
    supervisors: Map<string, { line: number; supervisorNip: string }>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      const lines = [...batch.map((b) => b.line), ...failures.map((f) => f.line)];
      const done = new Map<number, ImportEntryOutcome>(
        (await selectRecordedLines(m, imp.id, lines)).map((r) => [r.line, r.outcome]),
      );
      for (const b of batch) if (done.get(b.line) === 'failed') supervisors.delete(b.row.nip);
      const todo = batch.filter((b) => !done.has(b.line));
      const newFailures = failures.filter((f) => !done.has(f.line));
      const stored = new Map<string, StoredEmployeeRow>(
        todo.length
          ? (
              await lockEmployeesByNip(
                m,
                todo.map((b) => b.row.nip),
                COMPARED.map((f) => f.column),
              )
            ).map((r) => [r.nip, r])
          : [],
      );
      const entries: NewImportEntry[] = [];
      const writes: Pending[] = [];
      for (const b of todo) {
        const old = stored.get(b.row.nip);
        const refuse = (code: ImportReasonCode, reason: string) => {
          supervisors.delete(b.row.nip);
          newFailures.push({ line: b.line, nip: b.row.nip, code, reason });
        };
        if (!old) {
          entries.push({ line: b.line, nip: b.row.nip, outcome: 'created', code: null, reason: null, changed: null });
          writes.push(b);
        } else if (old.agency_id !== imp.agencyId) {
          refuse(
            'OTHER_AGENCY',
            'NIP sudah terdaftar di instansi lain; pindah instansi dilakukan lewat mutasi, bukan impor',
          );
        } else if (imp.unitScopePath && !(old.unit_path ?? '').startsWith(imp.unitScopePath)) {
          refuse(
            'EMPLOYEE_OUT_OF_SCOPE',
            'Pegawai ini tercatat di unit di luar wewenang pengunggah; pemindahannya dilakukan oleh admin instansi',
          );
        } else if (old.employee_type !== b.row.employeeType) {
          refuse(
            'TYPE_CHANGE',
            `Pegawai ini tercatat sebagai ${old.employee_type}; impor tidak mengubah jenis pegawai (pengangkatan PNS/PPPK dicatat oleh admin instansi, bukan lewat impor)`,
          );
        } else {
          const next: Record<string, string | null> = { ...b.row, unitId: b.unitId } as unknown as Record<
            string,
            string | null
          >;
          const changed = COMPARED.filter((f) => (old[f.column] ?? null) !== (next[f.field] ?? null)).map((f) => f.csv);
          entries.push({
            line: b.line,
            nip: b.row.nip,
            outcome: changed.length ? 'updated' : 'unchanged',
            code: null,
            reason: null,
            changed: changed.length ? changed : null,
          });
          if (changed.length) writes.push(b);
        }
      }
      for (const f of newFailures)
        entries.push({ line: f.line, nip: f.nip, outcome: 'failed', code: f.code, reason: f.reason, changed: null });
      // New NIPs are inserted and changed ones updated in one statement; the employee type is never changed by an import.
      if (writes.length) await upsertEmployees(m, imp.agencyId, writes);
      if (entries.length) await insertImportEntries(m, imp.id, entries);
      for (const e of entries) c[e.outcome === 'saved' ? 'unchanged' : e.outcome]++;
      await updateImportProgress(m, imp.id, c);
    });
  }

  /**
   * Supervisors may appear later in the file than their staff, so they are linked once every row is in. A link that
   * changes a stored record marks its line updated (nip_atasan); a supervisor found nowhere is a warning on the saved row.
   * As through the API (issue 12), an uploader never appoints themself nor sets their own supervisor (warning
   * SUPERVISOR_SELF), and an HR officer names only supervisors inside its units (one outside answers like an unknown
   * NIP); in both cases the link is not written. Each chunk is one statement, so a retried import finds the links and
   * warnings it already wrote.
   */
  private async linkSupervisors(
    imp: EmployeeImportEntity,
    supervisors: Map<string, { line: number; supervisorNip: string }>,
  ): Promise<void> {
    const entries = [...supervisors.entries()];
    const uploader = imp.createdBy ? await selectUploaderEmployeeId(this.db, imp.createdBy) : undefined;
    for (let i = 0; i < entries.length; i += 5000) {
      const chunk = entries.slice(i, i + 5000);
      await linkSupervisorsChunk(
        this.db,
        imp,
        chunk.map(([nip, v]) => ({ nip, supervisorNip: v.supervisorNip, line: v.line })),
        uploader ?? null,
      );
    }
  }
}

/** A problem with the file itself (not one row): the import stops and says why. */
/** The whole file cannot be imported: the sentence in Indonesian and English, and the header check when that is why. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    readonly headerCheck?: ImportHeaderCheck,
  ) {
    super(message);
  }
}
