import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CORE_ENTITIES, LocalDiskStorage } from '@kompeten/server-core';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { createTestDatabase, openDataSource, type TestDatabase } from '@kompeten/server-testing';
import { buildNip } from '@kompeten/shared-util';
import { EmployeeImportEntity } from '../entities/employee-import.entity';
import { EmployeeImportEntryEntity } from '../entities/employee-import-entry.entity';
import { EmployeeEntity } from '../entities/employee.entity';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';
import { RoleAssignmentEntity } from '../entities/role-assignment.entity';
import { UserAccountEntity } from '../entities/user-account.entity';
import { EmployeeImportRunJob } from '../jobs/employee-import-run.job';
import { EmployeeImportRunner, GAVE_UP } from './employee-import.runner';

const ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  EmployeeEntity,
  UserAccountEntity,
  RoleAssignmentEntity,
  RefreshTokenEntity,
  EmployeeImportEntity,
  EmployeeImportEntryEntity,
];

const HEADER = [
  'nip',
  'nama',
  'gelar_depan',
  'gelar_belakang',
  'jenis_pegawai',
  'jabatan',
  'jenis_jabatan',
  'golongan',
  'kode_unit',
  'nip_atasan',
  'email',
  'telepon',
];

// Valid NIPs (DOMAIN.md §2) used by the mixed file.
const STAFF = '198501012010011001'; // refers to BOSS, who appears later in the file
const PPPK = '199005152022012003';
const BOSS = '197203042000031002';
const CHANGED = '198203102008011005'; // already stored, the file changes the name
const SAME = '198406202009022004'; // already stored, the file repeats it exactly
const BIMA = '198712122012121007'; // belongs to another agency
const LONELY = '199101012015031008'; // its nip_atasan exists nowhere
const NOBODY = '196801011990031001';

interface Unit {
  id: string;
  path: string;
}

describe('EmployeeImportRunner (real PostgreSQL, local disk storage)', () => {
  let database: TestDatabase;
  let db: DataSource;
  let storageDir: string;
  let storage: LocalDiskStorage;
  let runner: EmployeeImportRunner;
  let mataram: string;
  let bima: string;
  const units: Record<string, Unit> = {};

  async function insertAgency(code: string): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO agency (code, name, level, time_zone) VALUES ($1, $1, 'kota', 'Asia/Makassar') RETURNING id`,
      [code],
    );
    return row.id;
  }

  async function insertUnit(agencyId: string, code: string, parent: Unit | null = null): Promise<Unit> {
    const [row] = await db.query(
      `WITH id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO work_unit (id, agency_id, parent_id, code, name, path, depth)
       SELECT id.id, $1, $2, $3, $3, coalesce($4, '/') || id.id || '/', $5 FROM id RETURNING id, path`,
      [agencyId, parent?.id ?? null, code, parent?.path ?? null, parent ? 1 : 0],
    );
    return row;
  }

  async function insertEmployee(
    nip: string,
    agencyId: string,
    unitId: string | null,
    fullName: string,
    extra: Record<string, string | null> = {},
  ): Promise<void> {
    const birth = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
    await db.query(
      `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, front_title, back_title, position_name, position_kind, rank, email, phone, birth_date, gender)
       VALUES ($1, $2, $3, 'PNS', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        nip,
        agencyId,
        unitId,
        fullName,
        extra.frontTitle ?? null,
        extra.backTitle ?? null,
        extra.positionName ?? null,
        extra.positionKind ?? null,
        extra.rank ?? null,
        extra.email ?? null,
        extra.phone ?? null,
        birth,
        nip[14] === '1' ? 'L' : 'P',
      ],
    );
  }

  async function employee(
    nip: string,
  ): Promise<EmployeeEntity & { unitCode: string | null; supervisorNip: string | null; birth: string }> {
    const [row] = await db.query(
      `SELECT e.*, e.birth_date::text AS birth, u.code AS unit_code, s.nip AS supervisor_nip FROM employee e
         LEFT JOIN work_unit u ON u.id = e.unit_id LEFT JOIN employee s ON s.id = e.supervisor_id WHERE e.nip = $1`,
      [nip],
    );
    if (!row) throw new Error(`No employee ${nip}`);
    return {
      ...row,
      agencyId: row.agency_id,
      unitId: row.unit_id,
      fullName: row.full_name,
      frontTitle: row.front_title,
      backTitle: row.back_title,
      positionName: row.position_name,
      positionKind: row.position_kind,
      employeeType: row.employee_type,
      supervisorId: row.supervisor_id,
      unitCode: row.unit_code,
      supervisorNip: row.supervisor_nip,
    };
  }

  /** Stores `data` as an uploaded file, queues an import for it, and runs it as the worker would. */
  async function runImport(
    data: string | Buffer | Readable,
    options: { agencyId?: string; unitScopePath?: string | null; createdBy?: string | null } = {},
  ): Promise<EmployeeImportEntity> {
    const agencyId = options.agencyId ?? mataram;
    const storageKey = `imports/${agencyId}/${randomUUID()}.csv`;
    await storage.write(storageKey, data instanceof Readable ? data : Readable.from([Buffer.from(data)]));
    const repo = db.getRepository(EmployeeImportEntity);
    const imp = await repo.save({
      agencyId,
      createdBy: options.createdBy ?? null,
      fileName: 'pegawai.csv',
      storageKey,
      unitScopePath: options.unitScopePath ?? null,
    });
    expect(await runner.run(imp.id)).toBe('success');
    return repo.findOneByOrFail({ id: imp.id });
  }

  /** Every refused row and warning of an import, as { row, nip, reason }. */
  async function problems(importId: string): Promise<Array<{ row: number; nip: string | null; reason: string }>> {
    return db.query(
      `SELECT line AS row, nip, coalesce(reason, warning) AS reason FROM employee_import_entry WHERE import_id = $1 AND (outcome = 'failed' OR warning IS NOT NULL) ORDER BY line`,
      [importId],
    );
  }

  /** Semicolon separated, with a BOM and CRLF line ends: how Excel in an Indonesian locale saves "CSV". */
  function excelCsv(lines: string[][]): Buffer {
    return Buffer.from(
      '\uFEFF' + [HEADER, ...lines].map((l) => (l.length ? l.join(';') : '')).join('\r\n') + '\r\n',
      'utf8',
    );
  }

  const row = (o: Partial<Record<(typeof HEADER)[number], string>>) => HEADER.map((h) => o[h] ?? '');

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase();
    db = await openDataSource(database.url, ENTITIES);
    storageDir = mkdtempSync(join(tmpdir(), 'kompeten-import-test-'));
    storage = new LocalDiskStorage(storageDir);
    runner = new EmployeeImportRunner(db, storage);
    mataram = await insertAgency('kota-mataram');
    bima = await insertAgency('kota-bima');
    for (const code of ['SETDA', 'BKPSDM', 'DINKES', 'DISDIK', 'DISKOMINFO'])
      units[code] = await insertUnit(mataram, code);
    units.RSUD = await insertUnit(mataram, 'RSUD', units.DINKES);
    await insertUnit(bima, 'SETDA');
    await insertEmployee(BIMA, bima, null, 'Pegawai Kota Bima');
    await insertEmployee(CHANGED, mataram, units.SETDA.id, 'Nama Lama');
    await insertEmployee(SAME, mataram, units.DISKOMINFO.id, 'Baiq Nurul Aini', {
      backTitle: 'S.E., M.M.',
      positionName: 'Perencana Ahli Pertama',
      positionKind: 'fungsional',
      rank: 'III/b',
      email: 'nurul@mataramkota.go.id',
      phone: '081234567890',
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  describe('a file mixing good and bad rows (semicolons, BOM, CRLF, quoted commas)', () => {
    const lines = [
      // line 2: quoted name with a comma; an unquoted title with commas, as Excel writes it in a semicolon file
      row({
        nip: STAFF,
        nama: '"Hasan, Lalu Muhammad"',
        gelar_belakang: 'S.Sos., M.Si.',
        jenis_pegawai: 'PNS',
        jabatan: 'Pranata Komputer Ahli Pertama',
        jenis_jabatan: 'fungsional',
        golongan: 'III/a',
        kode_unit: 'DINKES',
        nip_atasan: BOSS,
        email: 'Hasan@MataramKota.go.id',
        telepon: '0812-3456-7890',
      }),
      row({ nip: '19860926201505100', nama: 'NIP Pendek', jenis_pegawai: 'PNS' }), // line 3
      row({ nip: '198609262015051002', nama: 'Golongan Salah', jenis_pegawai: 'PNS', golongan: 'III/z' }), // line 4
      [], // line 5: an empty line
      row({ nip: '198609262015051003', nama: 'Unit Tidak Ada', jenis_pegawai: 'PNS', kode_unit: 'DISHUB' }), // line 6
      row({
        nip: PPPK,
        nama: 'Ahmad Zainul Fadli',
        gelar_belakang: 'S.Pd.',
        jenis_pegawai: 'pppk',
        jabatan: 'Perawat Ahli Pertama',
        jenis_jabatan: 'fungsional',
        golongan: 'IX',
        kode_unit: 'rsud',
      }), // line 7
      row({ nip: STAFF, nama: 'Duplikat', jenis_pegawai: 'PNS', kode_unit: 'SETDA' }), // line 8
      row({ nip: BIMA, nama: 'Pindah Diam-diam', jenis_pegawai: 'PNS', kode_unit: 'SETDA' }), // line 9
      // line 10: a quoted position holding a comma and a semicolon
      row({
        nip: BOSS,
        nama: 'Muhammad Ilham Hakim',
        gelar_depan: 'dr.',
        gelar_belakang: 'M.Kes.',
        jenis_pegawai: 'PNS',
        jabatan: '"Kepala Dinas Kesehatan, merangkap; Plt. Direktur RSUD"',
        jenis_jabatan: 'struktural',
        golongan: 'IV/b',
        kode_unit: 'DINKES',
      }),
      row({ nip: CHANGED, nama: 'Nama Baru', jenis_pegawai: 'PNS', kode_unit: 'SETDA' }), // line 11
      row({
        nip: SAME,
        nama: 'Baiq Nurul Aini',
        gelar_belakang: '"S.E., M.M."',
        jenis_pegawai: 'PNS',
        jabatan: 'Perencana Ahli Pertama',
        jenis_jabatan: 'fungsional',
        golongan: 'III/b',
        kode_unit: 'DISKOMINFO',
        email: 'nurul@mataramkota.go.id',
        telepon: '081234567890',
      }), // line 12
      row({ nip: '198609262015131001', nama: 'TMT Bulan 13', jenis_pegawai: 'PNS' }), // line 13
      row({ nip: LONELY, nama: 'Tanpa Atasan', jenis_pegawai: 'PNS', kode_unit: 'BKPSDM', nip_atasan: NOBODY }), // line 14
    ];
    const file = excelCsv(lines);
    let first: EmployeeImportEntity;

    beforeAll(async () => {
      first = await runImport(file);
    });

    it('completes with the right counts', () => {
      expect(first.status).toBe('completed');
      expect(first.message).toBeNull();
      expect({
        total: first.totalRows,
        processed: first.processedRows,
        created: first.createdCount,
        updated: first.updatedCount,
        unchanged: first.unchangedCount,
        failed: first.failedCount,
      }).toEqual({
        total: 12,
        processed: 12,
        created: 4,
        updated: 1,
        unchanged: 1,
        failed: 6,
      });
      expect(first.finishedAt).toBeInstanceOf(Date);
    });

    it('reports every bad row with its line number in the file and the reason', async () => {
      const byRow = await problems(first.id);
      expect(byRow).toEqual([
        { row: 3, nip: '19860926201505100', reason: 'NIP harus 18 digit angka' },
        { row: 4, nip: '198609262015051002', reason: expect.stringMatching(/^golongan "III\/z" tidak dikenal/) },
        { row: 6, nip: '198609262015051003', reason: 'kode_unit "DISHUB" tidak ada di instansi ini' },
        { row: 8, nip: STAFF, reason: expect.stringMatching(/lebih dari sekali/) },
        { row: 9, nip: BIMA, reason: expect.stringMatching(/instansi lain/) },
        { row: 13, nip: '198609262015131001', reason: expect.stringMatching(/TMT CPNS/) },
        { row: 14, nip: LONELY, reason: expect.stringMatching(new RegExp(`nip_atasan ${NOBODY} tidak ditemukan`)) },
      ]);
    });

    it('stores the good rows exactly, with quoted and unquoted commas kept inside their fields', async () => {
      const staff = await employee(STAFF);
      expect(staff).toMatchObject({
        agencyId: mataram,
        fullName: 'Hasan, Lalu Muhammad',
        frontTitle: null,
        backTitle: 'S.Sos., M.Si.',
        employeeType: 'PNS',
        positionName: 'Pranata Komputer Ahli Pertama',
        positionKind: 'fungsional',
        rank: 'III/a',
        unitCode: 'DINKES',
        email: 'hasan@mataramkota.go.id',
        phone: '0812-3456-7890',
        gender: 'L',
      });
      expect(staff.birth).toBe('1985-01-01');
      expect(await employee(PPPK)).toMatchObject({ employeeType: 'PPPK', rank: 'IX', unitCode: 'RSUD', gender: 'P' });
      expect(await employee(BOSS)).toMatchObject({
        frontTitle: 'dr.',
        positionName: 'Kepala Dinas Kesehatan, merangkap; Plt. Direktur RSUD',
        positionKind: 'struktural',
        unitCode: 'DINKES',
      });
      expect(await employee(CHANGED)).toMatchObject({ fullName: 'Nama Baru', unitCode: 'SETDA' });
      expect(await employee(LONELY)).toMatchObject({ unitCode: 'BKPSDM', supervisorId: null });
    });

    it('links a supervisor who appears later in the file than the staff member', async () => {
      expect((await employee(STAFF)).supervisorNip).toBe(BOSS);
    });

    it('never touches a NIP of another agency, nor stores any failed row', async () => {
      expect(await employee(BIMA)).toMatchObject({ agencyId: bima, fullName: 'Pegawai Kota Bima', unitId: null });
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM employee WHERE nip = ANY($1)`, [
        ['198609262015051002', '198609262015051003', '198609262015131001'],
      ]);
      expect(n).toBe(0);
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await db.query(`SELECT nip, updated_at, supervisor_id FROM employee ORDER BY nip`);
      const again = await runImport(file);
      expect(again.status).toBe('completed');
      expect({
        created: again.createdCount,
        updated: again.updatedCount,
        unchanged: again.unchangedCount,
        failed: again.failedCount,
      }).toEqual({ created: 0, updated: 0, unchanged: 6, failed: 6 });
      expect(await db.query(`SELECT nip, updated_at, supervisor_id FROM employee ORDER BY nip`)).toEqual(before);
      const [{ n, distinct }] = await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT nip)::int AS distinct FROM employee`,
      );
      expect(n).toBe(distinct);
      expect(n).toBe(3 + 4);
    });

    it('updates a row whose data changed, and leaves the rest unchanged', async () => {
      const changed = lines.map((l) =>
        l[0] === PPPK
          ? row({
              nip: PPPK,
              nama: 'Ahmad Zainul Fadli',
              gelar_belakang: 'S.Pd.',
              jenis_pegawai: 'PPPK',
              jabatan: 'Perawat Ahli Muda',
              jenis_jabatan: 'fungsional',
              golongan: 'X',
              kode_unit: 'RSUD',
            })
          : l,
      );
      const third = await runImport(excelCsv(changed));
      expect({
        created: third.createdCount,
        updated: third.updatedCount,
        unchanged: third.unchangedCount,
        failed: third.failedCount,
      }).toEqual({ created: 0, updated: 1, unchanged: 5, failed: 6 });
      expect(await employee(PPPK)).toMatchObject({ positionName: 'Perawat Ahli Muda', rank: 'X' });
    });
  });

  describe('per-row outcomes and the employee type', () => {
    it('records created, updated (with the changed columns) and unchanged per line', async () => {
      const a = '199107072016031016';
      const b = '199208082017032017';
      await runImport(
        `nip,nama,jenis_pegawai,golongan,kode_unit\n${a},Satu,PNS,III/a,SETDA\n${b},Dua,PNS,III/b,SETDA\n`,
      );
      const imp = await runImport(
        `nip,nama,jenis_pegawai,golongan,kode_unit\n${a},Satu Baru,PNS,iii / B,SETDA\n${b},Dua,PNS,III/B,SETDA\n199309092018031018,Tiga,PNS,IV/a,SETDA\n`,
      );
      expect({
        created: imp.createdCount,
        updated: imp.updatedCount,
        unchanged: imp.unchangedCount,
        failed: imp.failedCount,
      }).toEqual({ created: 1, updated: 1, unchanged: 1, failed: 0 });
      const entries = await db.query(
        `SELECT line, nip, outcome, changed_fields FROM employee_import_entry WHERE import_id = $1 ORDER BY line`,
        [imp.id],
      );
      expect(entries).toEqual([
        { line: 2, nip: a, outcome: 'updated', changed_fields: ['nama', 'golongan'] },
        { line: 3, nip: b, outcome: 'unchanged', changed_fields: null },
        { line: 4, nip: '199309092018031018', outcome: 'created', changed_fields: null },
      ]);
      expect(await employee(a)).toMatchObject({ fullName: 'Satu Baru', rank: 'III/b' });
    });

    it('never changes the employee type: a PNS re-imported as PPPK (or the reverse) is refused with the reason', async () => {
      // STAFF is a stored PNS and PPPK a stored PPPK (from the mixed file above).
      const imp = await runImport(
        `nip,nama,jenis_pegawai,golongan\n${STAFF},Jadi PPPK,PPPK,IX\n${PPPK},Jadi PNS,PNS,III/a\n`,
      );
      expect({
        created: imp.createdCount,
        updated: imp.updatedCount,
        unchanged: imp.unchangedCount,
        failed: imp.failedCount,
      }).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 2 });
      const rows = await db.query(
        `SELECT line, reason_code, reason FROM employee_import_entry WHERE import_id = $1 ORDER BY line`,
        [imp.id],
      );
      expect(rows.map((r: { reason_code: string }) => r.reason_code)).toEqual(['TYPE_CHANGE', 'TYPE_CHANGE']);
      expect(rows[0].reason).toMatch(/tercatat sebagai PNS; impor tidak mengubah jenis pegawai/);
      expect(await employee(STAFF)).toMatchObject({ employeeType: 'PNS', rank: 'III/a' });
      expect(await employee(PPPK)).toMatchObject({ employeeType: 'PPPK' });
    });

    it('refuses a golongan the employee type cannot hold, and stores harmless variants canonically', async () => {
      const imp = await runImport(
        [
          'nip,nama,jenis_pegawai,golongan',
          '199410102019031019,PNS Golongan PPPK,PNS,IX',
          '199511112020012020,PNS II/e,PNS,II/e',
          '199612122021151021,PPPK Golongan PNS,PPPK,III/a',
          '199701012022031022,PNS Huruf Kecil,PNS,iii / A',
          '199802022023151023,PPPK Huruf Kecil,PPPK,ix',
        ].join('\n'),
      );
      expect({ created: imp.createdCount, failed: imp.failedCount }).toEqual({ created: 2, failed: 3 });
      const rows = await db.query(
        `SELECT line, reason_code FROM employee_import_entry WHERE import_id = $1 AND outcome = 'failed' ORDER BY line`,
        [imp.id],
      );
      expect(rows).toEqual([
        { line: 2, reason_code: 'RANK_INVALID' },
        { line: 3, reason_code: 'RANK_INVALID' },
        { line: 4, reason_code: 'RANK_INVALID' },
      ]);
      expect(await employee('199701012022031022')).toMatchObject({ rank: 'III/a' });
      expect(await employee('199802022023151023')).toMatchObject({ rank: 'IX', employeeType: 'PPPK' });
    });
  });

  it('accepts a plain comma-separated file with LF line ends and English header aliases', async () => {
    const nip = '199202022016032009';
    const imp = await runImport(
      `NIP,Full Name,Employee Type,Unit Code,Supervisor NIP\n${nip},"Rahmawati, Sri",PNS,DISDIK,${BOSS}\n`,
    );
    expect(imp).toMatchObject({ status: 'completed', createdCount: 1, failedCount: 0, warningCount: 0 });
    expect(await problems(imp.id)).toEqual([]);
    expect(await employee(nip)).toMatchObject({ fullName: 'Rahmawati, Sri', unitCode: 'DISDIK', supervisorNip: BOSS });
  });

  it('fails the whole import with a clear message when a required header is missing', async () => {
    const imp = await runImport('nip;nama;kode_unit\r\n198501012010011001;Tanpa Jenis;SETDA\r\n');
    expect(imp.status).toBe('failed');
    expect(imp.message).toBe('Kolom wajib tidak ada di baris judul: jenis_pegawai');
    expect(imp.createdCount + imp.updatedCount + imp.unchangedCount).toBe(0);
    expect(imp.finishedAt).toBeInstanceOf(Date);
  });

  it('fails an empty file with a clear message', async () => {
    const imp = await runImport('\uFEFF');
    expect(imp.status).toBe('failed');
    expect(imp.message).toMatch(/kosong/i);
  });

  it('does not run an import twice once it finished (a retried job is skipped)', async () => {
    const imp = await runImport(`nip,nama,jenis_pegawai\n199303032018011010,Sekali Saja,PNS\n`);
    expect(imp.status).toBe('completed');
    expect(await runner.run(imp.id)).toBe('skipped');
  });

  describe('failures: transient ones are retried by the job, permanent ones are the import\u2019s outcome (issue 14)', () => {
    const TWO_ROWS = `nip,nama,jenis_pegawai,kode_unit\n199101012015011021,Gangguan Satu,PNS,SETDA\n199202022016022022,Gangguan Dua,PNS,SETDA\n`;

    async function queueImport(data: string): Promise<EmployeeImportEntity> {
      const storageKey = `imports/${mataram}/${randomUUID()}.csv`;
      await storage.write(storageKey, Readable.from([Buffer.from(data)]));
      return db
        .getRepository(EmployeeImportEntity)
        .save({ agencyId: mataram, createdBy: null, fileName: 'pegawai.csv', storageKey, unitScopePath: null });
    }
    const reload = (id: string) => db.getRepository(EmployeeImportEntity).findOneByOrFail({ id });

    /** The database refuses the import's first write of per-line outcomes, as if its connection dropped, then recovers. */
    async function failFirstEntryWrite(importId: string): Promise<() => Promise<void>> {
      await db.query(`CREATE SEQUENCE IF NOT EXISTS import_outage_once`);
      await db.query(`
        CREATE OR REPLACE FUNCTION import_outage_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('import_outage_once') = 1 THEN RAISE EXCEPTION 'terminating connection (simulated outage)' USING ERRCODE = '08006'; END IF;
          RETURN NEW;
        END $$`);
      await db.query(
        `CREATE TRIGGER import_outage_once BEFORE INSERT ON employee_import_entry FOR EACH ROW WHEN (NEW.import_id = '${importId}') EXECUTE FUNCTION import_outage_once()`,
      );
      return async () => {
        await db.query(`DROP TRIGGER import_outage_once ON employee_import_entry`);
        await db.query(`DROP FUNCTION import_outage_once()`);
        await db.query(`DROP SEQUENCE import_outage_once`);
      };
    }

    it('throws a database failure for the retry and leaves the import running, not failed; the retry completes it', async () => {
      const imp = await queueImport(TWO_ROWS);
      const restore = await failFirstEntryWrite(imp.id);
      try {
        await expect(runner.run(imp.id)).rejects.toThrow(/simulated outage/);
        expect(await reload(imp.id)).toMatchObject({
          status: 'running',
          message: null,
          finishedAt: null,
          createdCount: 0,
        });
        expect(await runner.run(imp.id)).toBe('success');
      } finally {
        await restore();
      }
      expect(await reload(imp.id)).toMatchObject({
        status: 'completed',
        createdCount: 2,
        failedCount: 0,
        message: null,
      });
    });

    it('marks the import failed with a clear message when the job gives up after its last attempt', async () => {
      const imp = await queueImport(
        TWO_ROWS.replace(/Gangguan/g, 'Menyerah')
          .replace('199101012015011021', '199606062021031013')
          .replace('199202022016022022', '199707072022032014'),
      );
      const job = new EmployeeImportRunJob(runner);
      const restore = await failFirstEntryWrite(imp.id);
      try {
        await expect(job.handle({ importId: imp.id })).rejects.toThrow(/simulated outage/);
      } finally {
        await restore();
      }
      await job.onGiveUp({ importId: imp.id });
      const failed = await reload(imp.id);
      expect(failed).toMatchObject({ status: 'failed', message: GAVE_UP, createdCount: 0 });
      expect(failed.finishedAt).toBeInstanceOf(Date);
      expect(failed.message).toMatch(/gangguan sistem.*dicoba beberapa kali/);
      // A finished import is never rewritten by a late give-up.
      const done = await runImport(`nip,nama,jenis_pegawai\n199808082023031015,Sudah Selesai,PNS\n`);
      await job.onGiveUp({ importId: done.id });
      expect((await reload(done.id)).status).toBe('completed');
    });

    it('fails the import (a permanent problem, not retried) when its file is gone from storage', async () => {
      const imp = await queueImport(TWO_ROWS);
      await storage.remove(imp.storageKey);
      expect(await runner.run(imp.id)).toBe('success');
      expect(await reload(imp.id)).toMatchObject({
        status: 'failed',
        message: 'Berkas impor tidak ditemukan di penyimpanan; unggah ulang berkasnya.',
      });
    });
  });

  describe("an HR officer's import (limited to the DINKES subtree)", () => {
    const IN_RSUD = '199404042019031011';
    const IN_SETDA = '199505052020012012';
    const NO_UNIT = '199606062021011013';
    const STOLEN = '198808082012011014'; // stored in SETDA; the file tries to move it into DINKES
    const UNITLESS = '198909092013012015'; // stored without a unit

    it('imports rows inside its units and refuses every row outside them', async () => {
      await insertEmployee(STOLEN, mataram, units.SETDA.id, 'Pegawai Setda');
      await insertEmployee(UNITLESS, mataram, null, 'Pegawai Tanpa Unit');
      const imp = await runImport(
        [
          'nip,nama,jenis_pegawai,kode_unit',
          `${IN_RSUD},Perawat RSUD,PNS,RSUD`,
          `${IN_SETDA},Staf Setda,PNS,SETDA`,
          `${NO_UNIT},Tanpa Unit,PNS,`,
          `${STOLEN},Diambil Alih,PNS,DINKES`,
          `${UNITLESS},Diambil Alih Juga,PNS,DINKES`,
        ].join('\n'),
        { unitScopePath: units.DINKES.path },
      );
      expect(imp.status).toBe('completed');
      expect({
        created: imp.createdCount,
        updated: imp.updatedCount,
        unchanged: imp.unchangedCount,
        failed: imp.failedCount,
      }).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 4 });
      const byRow = await problems(imp.id);
      expect(byRow.map((e) => [e.row, e.nip])).toEqual([
        [3, IN_SETDA],
        [4, NO_UNIT],
        [5, STOLEN],
        [6, UNITLESS],
      ]);
      expect(byRow[0].reason).toMatch(/di luar wewenang/);
      expect(byRow[1].reason).toMatch(/kode_unit wajib diisi/);
      expect(byRow[2].reason).toMatch(/di luar wewenang/);
      expect(byRow[3].reason).toMatch(/di luar wewenang/);
      expect(await employee(IN_RSUD)).toMatchObject({ unitCode: 'RSUD' });
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM employee WHERE nip = ANY($1)`, [
        [IN_SETDA, NO_UNIT],
      ]);
      expect(n).toBe(0);
      expect(await employee(STOLEN)).toMatchObject({ fullName: 'Pegawai Setda', unitCode: 'SETDA' });
      expect(await employee(UNITLESS)).toMatchObject({ fullName: 'Pegawai Tanpa Unit', unitId: null });
    });

    it('never lets the uploader appoint itself as supervisor, set its own, or name one outside its units (issue 12)', async () => {
      const HR = '198101012006041016';
      const SETDA_HEAD = '197202022000031017';
      const [A, B, C, D] = ['199707072022011018', '199808082022012019', '199909092023011020', '199010102015032021'];
      await insertEmployee(HR, mataram, units.DINKES.id, 'Petugas SDM Dinkes');
      await insertEmployee(SETDA_HEAD, mataram, units.SETDA.id, 'Kepala Setda');
      const [uploader] = await db.query(
        `INSERT INTO user_account (employee_id) SELECT id FROM employee WHERE nip = $1 RETURNING id`,
        [HR],
      );
      const imp = await runImport(
        [
          'nip,nama,jenis_pegawai,kode_unit,nip_atasan',
          `${A},Pegawai A,PNS,RSUD,${HR}`,
          `${HR},Petugas SDM Dinkes,PNS,DINKES,${B}`,
          `${B},Pegawai B,PNS,RSUD,`,
          `${C},Pegawai C,PNS,RSUD,${SETDA_HEAD}`,
          `${D},Pegawai D,PNS,RSUD,${B}`,
        ].join('\n'),
        { unitScopePath: units.DINKES.path, createdBy: uploader.id },
      );
      expect(imp.status).toBe('completed');
      // The rows are saved; the refused links are warnings on their lines (employee_import_entry), not failures.
      expect({
        created: imp.createdCount,
        updated: imp.updatedCount,
        failed: imp.failedCount,
        warnings: imp.warningCount,
      }).toEqual({ created: 4, updated: 0, failed: 0, warnings: 3 });
      const warned = await db.query(
        `SELECT line, nip, warning_code FROM employee_import_entry WHERE import_id = $1 AND warning IS NOT NULL ORDER BY line`,
        [imp.id],
      );
      expect(
        warned.map((e: { line: number; nip: string; warning_code: string }) => [e.line, e.nip, e.warning_code]),
      ).toEqual([
        [2, A, 'SUPERVISOR_SELF'],
        [3, HR, 'SUPERVISOR_SELF'],
        [5, C, 'SUPERVISOR_NOT_FOUND'],
      ]);
      const byRow = await problems(imp.id);
      expect(byRow.map((e) => [e.row, e.nip])).toEqual([
        [2, A],
        [3, HR],
        [5, C],
      ]);
      expect(byRow[0].reason).toMatch(/menunjuk dirinya sebagai atasan/);
      expect(byRow[1].reason).toMatch(/menunjuk dirinya sebagai atasan/);
      // Outside the uploader's units: reported like an unknown NIP, without saying who it is.
      expect(byRow[2].reason).toMatch(/tidak ditemukan/);
      expect(byRow[2].reason).not.toMatch(/Kepala Setda/);
      expect(await employee(A)).toMatchObject({ supervisorId: null });
      expect(await employee(HR)).toMatchObject({ supervisorId: null });
      expect(await employee(C)).toMatchObject({ supervisorId: null });
      expect(await employee(D)).toMatchObject({ supervisorNip: B });
    });
  });

  describe('a 60,000-row file', () => {
    const ROWS = 60_000;
    const BLOCK = 50;
    /** Distinct valid PNS NIPs: the serial and the birth date together encode i. */
    const nipOf = (i: number) => {
      const k = Math.floor(i / 999);
      return buildNip(
        { y: 1970 + (k % 20), m: 1 + Math.floor(k / 20), d: 1 + (i % 28) },
        { y: 2010, m: 1 + (i % 12) },
        i % 2 ? 'P' : 'L',
        1 + (i % 999),
      );
    };
    const UNIT_CODES = ['SETDA', 'BKPSDM', 'DINKES', 'DISDIK', 'DISKOMINFO', 'RSUD'];

    function* bigCsv(): Generator<string> {
      yield `${HEADER.join(',')}\n`;
      let chunk = '';
      for (let i = 0; i < ROWS; i++) {
        // The head of each block of 50 is its last row, so every supervisor is referenced before it appears.
        const head = i - (i % BLOCK) + BLOCK - 1;
        chunk += `${nipOf(i)},Pegawai ${i},,S.Kom.,PNS,Pranata Komputer,fungsional,III/a,${UNIT_CODES[i % UNIT_CODES.length]},${head === i ? '' : nipOf(head)},p${i}@mataramkota.go.id,\n`;
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }

    it('imports every row in bounded memory', async () => {
      const nips = Array.from({ length: ROWS }, (_, i) => nipOf(i));
      expect(new Set(nips).size).toBe(ROWS);
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 25);
      let imp: EmployeeImportEntity;
      try {
        imp = await runImport(Readable.from(bigCsv()));
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      expect(imp.status).toBe('completed');
      expect(await problems(imp.id)).toEqual([]);
      expect({
        total: imp.totalRows,
        processed: imp.processedRows,
        created: imp.createdCount,
        updated: imp.updatedCount,
        unchanged: imp.unchangedCount,
        failed: imp.failedCount,
      }).toEqual({
        total: ROWS,
        processed: ROWS,
        created: ROWS,
        updated: 0,
        unchanged: 0,
        failed: 0,
      });
      const [{ n, linked }] = await db.query(
        `SELECT count(*)::int AS n, count(supervisor_id)::int AS linked FROM employee WHERE nip = ANY($1) AND agency_id = $2`,
        [nips, mataram],
      );
      expect(n).toBe(ROWS);
      expect(linked).toBe(ROWS - ROWS / BLOCK);
      const [{ wrong }] = await db.query(
        `SELECT count(*)::int AS wrong FROM employee e JOIN employee s ON s.id = e.supervisor_id WHERE e.nip = ANY($1) AND s.full_name <> 'Pegawai ' || ((substring(e.full_name FROM 9)::int / $2) * $2 + $2 - 1)`,
        [nips, BLOCK],
      );
      expect(wrong).toBe(0);
      expect(peak - baseline).toBeLessThan(150 * 1024 * 1024);
    }, 400_000);
    it('reports every bad row and warning with the right counts when the worker dies half-way and the import is retried', async () => {
      const crashAgency = await insertAgency('kab-lombok-crash');
      for (const code of UNIT_CODES) await insertUnit(crashAgency, code);
      // Other NIPs than the test above: birth months 5–8.
      const nipAt = (i: number) => {
        const k = Math.floor(i / 999);
        return buildNip(
          { y: 1970 + (k % 20), m: 5 + Math.floor(k / 20), d: 1 + (i % 28) },
          { y: 2010, m: 1 + (i % 12) },
          i % 2 ? 'P' : 'L',
          1 + (i % 999),
        );
      };
      const BAD = [
        { golongan: 'IX', code: 'RANK_INVALID' }, // a PPPK golongan on a PNS row
        { golongan: 'III/e', code: 'RANK_INVALID' },
        { unit: 'DISHUB', code: 'UNIT_NOT_FOUND' },
        { nip: '19860926201505100', code: 'NIP_INVALID' },
      ];
      const badAt = (i: number) => (i % 57 === 5 ? BAD[Math.floor(i / 57) % BAD.length] : null);
      const warnAt = (i: number) => !badAt(i) && i % 400 === 11;
      function* crashCsv(): Generator<string> {
        yield `${HEADER.join(',')}\n`;
        let chunk = '';
        for (let i = 0; i < ROWS; i++) {
          const bad = badAt(i);
          chunk += `${bad?.nip ?? nipAt(i)},Pegawai ${i},,S.Kom.,PNS,Pranata Komputer,fungsional,${bad?.golongan ?? 'III/a'},${bad?.unit ?? UNIT_CODES[i % UNIT_CODES.length]},${warnAt(i) ? NOBODY : ''},,\n`;
          if (chunk.length > 64 * 1024) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      }
      const badLines = Array.from({ length: ROWS }, (_, i) => i)
        .filter((i) => badAt(i))
        .map((i) => i + 2);
      const warnLines = Array.from({ length: ROWS }, (_, i) => i)
        .filter(warnAt)
        .map((i) => i + 2);
      expect(badLines.length).toBeGreaterThan(1000);
      expect(warnLines.length).toBeGreaterThan(100);

      const storageKey = `imports/${crashAgency}/${randomUUID()}.csv`;
      await storage.write(storageKey, Readable.from(crashCsv()));
      const repo = db.getRepository(EmployeeImportEntity);
      const imp = await repo.save({
        agencyId: crashAgency,
        createdBy: null,
        fileName: 'pegawai-60000.csv',
        storageKey,
        unitScopePath: null,
      });

      // The worker dies after 60 of its 120 batches are committed.
      class DyingRunner extends EmployeeImportRunner {
        protected override async afterBatch(batchNo: number): Promise<void> {
          if (batchNo === 60) throw new Error('worker killed');
        }
      }
      await expect(new DyingRunner(db, storage).run(imp.id)).rejects.toThrow('worker killed');
      const [{ n: half }] = await db.query(`SELECT count(*)::int AS n FROM employee WHERE agency_id = $1`, [
        crashAgency,
      ]);
      expect(half).toBeGreaterThan(25_000);
      expect(half).toBeLessThan(35_000);
      // The import is still "running" when the queue hands the job to the next worker.
      expect((await repo.findOneByOrFail({ id: imp.id })).status).toBe('running');
      expect(await runner.run(imp.id)).toBe('success');

      const done = await repo.findOneByOrFail({ id: imp.id });
      expect(done.status).toBe('completed');
      expect({
        processed: done.processedRows,
        created: done.createdCount,
        updated: done.updatedCount,
        unchanged: done.unchangedCount,
        failed: done.failedCount,
        warnings: done.warningCount,
      }).toEqual({
        processed: ROWS,
        created: ROWS - badLines.length,
        updated: 0,
        unchanged: 0,
        failed: badLines.length,
        warnings: warnLines.length,
      });
      const failed: Array<{ line: number; reason_code: string }> = await db.query(
        `SELECT line, reason_code FROM employee_import_entry WHERE import_id = $1 AND outcome = 'failed' ORDER BY line`,
        [imp.id],
      );
      expect(failed.map((f) => f.line)).toEqual(badLines);
      expect(failed.map((f) => f.reason_code)).toEqual(badLines.map((l) => (badAt(l - 2) as { code: string }).code));
      const warned: Array<{ line: number }> = await db.query(
        `SELECT line FROM employee_import_entry WHERE import_id = $1 AND warning_code = 'SUPERVISOR_NOT_FOUND' ORDER BY line`,
        [imp.id],
      );
      expect(warned.map((w) => w.line)).toEqual(warnLines);
      const [{ n: entries }] = await db.query(
        `SELECT count(*)::int AS n FROM employee_import_entry WHERE import_id = $1`,
        [imp.id],
      );
      expect(entries).toBe(ROWS);
      const [{ n: stored }] = await db.query(`SELECT count(*)::int AS n FROM employee WHERE agency_id = $1`, [
        crashAgency,
      ]);
      expect(stored).toBe(ROWS - badLines.length);
    }, 400_000);
  });
});
