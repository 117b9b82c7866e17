import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, OutboxEvent, type EmployeeImport } from '@kompeten/shared-contracts';
import { EmployeeImportRunner } from '@kompeten/server-identity';
import { binaryBody, idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

const MB = 1024 * 1024;

/**
 * Stands in for the worker while the API is under test: claims pending import events from the outbox and runs them
 * with the same runner the worker's job handler calls. (The relay → BullMQ → handler path, with the real worker
 * booted against this API, is apps/worker/src/worker.integration-spec.ts; importing the worker app here would
 * make the two apps depend on each other.)
 */
function startWorkerStandIn(api: TestApi): () => Promise<void> {
  const runner = api.app.get(EmployeeImportRunner, { strict: false });
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const [claimed]: [Array<{ payload: { importId: string } }>, number] = await api.db.query(
        `UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox_event WHERE sent_at IS NULL AND event_type = $1 ORDER BY created_at FOR UPDATE SKIP LOCKED)
          RETURNING payload`,
        [OutboxEvent.EmployeeImportRequested],
      );
      for (const { payload } of claimed) await runner.run(payload.importId);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/** Upload checks and the report of POST /api/agencies/:agencyId/employee-imports. */
describe('Employee import API', () => {
  let api: TestApi;
  let stopWorker: () => Promise<void>;
  let mataramId: string;
  let scratch: string;

  const url = () => `/api/agencies/${mataramId}/employee-imports`;
  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body).toMatchObject({
      statusCode: status,
      message: expect.any(String),
      correlationId: expect.any(String),
    });
  };
  /** Uploads land in STORAGE_DIR/tmp first; a refused upload must not leave its file there. */
  const leftoverUploads = () => {
    const dir = join(api.config.storageDir, 'tmp');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const importRows = async () => (await api.db.query(`SELECT count(*)::int AS n FROM employee_import`))[0].n as number;

  beforeAll(async () => {
    api = await bootApi();
    stopWorker = startWorkerStandIn(api);
    mataramId = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
    scratch = mkdtempSync(join(tmpdir(), 'kompeten-import-e2e-'));
  });

  afterAll(async () => {
    await stopWorker?.();
    await api?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a request without a file', async () => {
    const res = await api.http
      .post(url())
      .set(await api.auth(DEMO.agencyAdmin))
      .field('note', 'no file');
    expectError(res, 400, ErrorCode.IMPORT_FILE_REQUIRED);
    const empty = await api.http.post(url()).set(await api.auth(DEMO.agencyAdmin));
    expectError(empty, 400, ErrorCode.IMPORT_FILE_REQUIRED);
  });

  it('refuses a spreadsheet that is not CSV, and keeps nothing of it', async () => {
    const res = await api.http
      .post(url())
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', Buffer.from('PK\u0003\u0004 not really a workbook'), 'pegawai.xlsx');
    expectError(res, 400, ErrorCode.IMPORT_BAD_FILE);
    expect(res.body.message).toMatch(/CSV/);
    expect(await importRows()).toBe(0);
    expect(leftoverUploads()).toEqual([]);
  });

  it('refuses an empty CSV', async () => {
    const res = await api.http
      .post(url())
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', Buffer.alloc(0), 'pegawai.csv');
    expectError(res, 400, ErrorCode.IMPORT_BAD_FILE);
    expect(leftoverUploads()).toEqual([]);
  });

  it('refuses a file over 50 MB with 413', async () => {
    const big = join(scratch, 'besar.csv');
    const fd = openSync(big, 'w');
    const line = Buffer.from(
      '198609262015051001,Lalu Muhammad Hasan,,S.Kom.,PNS,Pranata Komputer Ahli Pertama,fungsional,III/a,DISKOMINFO,,,\n',
    );
    const chunk = Buffer.concat(Array.from({ length: Math.ceil(MB / line.length) }, () => line));
    let written = writeSync(
      fd,
      'nip,nama,gelar_depan,gelar_belakang,jenis_pegawai,jabatan,jenis_jabatan,golongan,kode_unit,nip_atasan,email,telepon\n',
    );
    while (written <= 50 * MB) written += writeSync(fd, chunk);
    closeSync(fd);
    const res = await api.http
      .post(url())
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', big);
    expectError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE);
    expect(await importRows()).toBe(0);
    expect(leftoverUploads()).toEqual([]);
  }, 60_000);

  it('does not let a learner import', async () => {
    const csv = Buffer.from('nip,nama,jenis_pegawai\n199303032018011010,Coba Coba,PNS\n');
    const own = await api.http
      .post(url())
      .set(await api.auth(DEMO.learner))
      .attach('file', csv, 'pegawai.csv');
    expect([403, 404]).toContain(own.status);
    expect(own.body.code).toMatch(/^(AUTH\.FORBIDDEN|.*NOT_FOUND)$/);
    const other = await api.http
      .post(url())
      .set(await api.auth(DEMO.kendalLearner))
      .attach('file', csv, 'pegawai.csv');
    expect([403, 404]).toContain(other.status);
    expect(await importRows()).toBe(0);
    expect(leftoverUploads()).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const res = await api.http.post(url()).attach('file', Buffer.from('nip\n'), 'pegawai.csv');
    expect(res.status).toBe(401);
  });

  it('?wait=true answers the completed report once the worker has run the import', async () => {
    const csv = [
      'nip,nama,gelar_belakang,jenis_pegawai,jabatan,jenis_jabatan,golongan,kode_unit,nip_atasan',
      '199410102019031001,Muhammad Rizal Saputra,"S.T., M.T.",PNS,Perencana Ahli Pertama,fungsional,III/b,BAPPEDA,',
      '199410102019031002,Golongan Salah,,PNS,,,V/a,BAPPEDA,',
      `${DEMO.pppkLearner},Ahmad Zainul Fadli,S.Pd.,PPPK,Guru Ahli Pertama,fungsional,IX,DISDIK,`,
    ].join('\n');
    const res = await api.http
      .post(`${url()}?wait=true`)
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', Buffer.from(csv), 'pegawai.csv');
    expect(res.status).toBe(202);
    const imp = res.body as EmployeeImport;
    expect(imp).toMatchObject({
      status: 'completed',
      agencyId: mataramId,
      fileName: 'pegawai.csv',
      totalRows: 3,
      processedRows: 3,
      createdCount: 1,
      failedCount: 1,
      errorsTruncated: false,
      errors: [{ row: 3, nip: '199410102019031002', reason: expect.stringMatching(/golongan "V\/a"/) }],
      finishedAt: expect.any(String),
    });
    expect(imp.updatedCount + imp.unchangedCount).toBe(1);
    const get = await api.http.get(`/api/employee-imports/${imp.id}`).set(await api.auth(DEMO.agencyAdmin));
    expect(get.status).toBe(200);
    expect(get.body).toEqual(imp);
    // Someone who neither administers the agency nor uploaded the file cannot see the report.
    const other = await api.http.get(`/api/employee-imports/${imp.id}`).set(await api.auth(DEMO.learner));
    expect(other.status).toBe(404);
  });

  it('?wait must be true or false', async () => {
    const csv = Buffer.from('nip,nama,jenis_pegawai\n199303032018011010,Coba Coba,PNS\n');
    const res = await api.http
      .post(`${url()}?wait=yes`)
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', csv, 'pegawai.csv');
    expectError(res, 400, ErrorCode.VALIDATION_FAILED);
    expect(leftoverUploads()).toEqual([]);
  });

  it('serves the CSV template without a token, and the template imports cleanly', async () => {
    const res = await api.http.get('/api/employee-imports/template.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="template-impor-asn\.csv"/);
    const text = res.text;
    expect(text.split('\n')[0]).toBe(
      'nip,nama,gelar_depan,gelar_belakang,jenis_pegawai,jabatan,jenis_jabatan,golongan,kode_unit,nip_atasan,email,telepon',
    );
    const up = await api.http
      .post(`${url()}?wait=true`)
      .set(await api.auth(DEMO.agencyAdmin))
      .attach('file', Buffer.from(text), 'template-impor-asn.csv');
    expect(up.status).toBe(202);
    expect(up.body).toMatchObject({ status: 'completed', totalRows: 1, failedCount: 0, errors: [] });
    expect(up.body.createdCount + up.body.updatedCount + up.body.unchangedCount).toBe(1);
  });

  describe('the import report (every refused row and warning, downloadable)', () => {
    let imp: EmployeeImport;
    beforeAll(async () => {
      const csv = [
        'nip,nama,jenis_pegawai,golongan,kode_unit,nip_atasan',
        "=cmd|' /C calc'!A0,Penyusup,PNS,III/a,SETDA,", // line 2: a bad NIP that is a formula
        '199511112020012001,Golongan PPPK,PNS,IX,SETDA,', // line 3
        '199511112020012002,Atasan Hilang,PNS,iii / b,SETDA,196801011990031001', // line 4: saved with a warning
        `${DEMO.learner},Lalu Muhammad Hasan,PPPK,IX,DINKES,`, // line 5: a PNS re-imported as PPPK
      ].join('\n');
      const res = await api.http
        .post(`${url()}?wait=true`)
        .set(await api.auth(DEMO.agencyAdmin))
        .attach('file', Buffer.from(csv), 'laporan.csv');
      expect(res.status).toBe(202);
      imp = res.body;
    });

    it('counts refused rows and warnings per reason', () => {
      expect(imp).toMatchObject({
        status: 'completed',
        createdCount: 1,
        failedCount: 3,
        warningCount: 1,
        errorsTruncated: false,
      });
      expect(imp.reasonCounts).toEqual(
        expect.arrayContaining([
          { kind: 'error', code: 'NIP_INVALID', label: expect.any(String), count: 1 },
          { kind: 'error', code: 'RANK_INVALID', label: expect.any(String), count: 1 },
          { kind: 'error', code: 'TYPE_CHANGE', label: expect.any(String), count: 1 },
          { kind: 'warning', code: 'SUPERVISOR_NOT_FOUND', label: expect.any(String), count: 1 },
        ]),
      );
      expect(imp.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    });

    it('pages every line with its outcome', async () => {
      const res = await api.http
        .get(`/api/employee-imports/${imp.id}/entries?filter=all&pageSize=10`)
        .set(await api.auth(DEMO.agencyAdmin));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(4);
      expect(
        res.body.items.map(
          (e: { line: number; outcome: string; reasonCode: string | null; warningCode: string | null }) => [
            e.line,
            e.outcome,
            e.reasonCode,
            e.warningCode,
          ],
        ),
      ).toEqual([
        [2, 'failed', 'NIP_INVALID', null],
        [3, 'failed', 'RANK_INVALID', null],
        [4, 'created', null, 'SUPERVISOR_NOT_FOUND'],
        [5, 'failed', 'TYPE_CHANGE', null],
      ]);
      const warnings = await api.http
        .get(`/api/employee-imports/${imp.id}/entries?filter=warnings`)
        .set(await api.auth(DEMO.agencyAdmin));
      expect(warnings.body.items.map((e: { line: number }) => e.line)).toEqual([4]);
      expect(
        (
          await api.http
            .get(`/api/employee-imports/${imp.id}/entries?filter=nope`)
            .set(await api.auth(DEMO.agencyAdmin))
        ).status,
      ).toBe(400);
      expect(
        (await api.http.get(`/api/employee-imports/${imp.id}/entries`).set(await api.auth(DEMO.learner))).status,
      ).toBe(404);
      const employee = (
        await api.db.query(`SELECT rank, employee_type FROM employee WHERE nip = $1`, [DEMO.learner])
      )[0];
      expect(employee).toEqual({ rank: 'III/a', employee_type: 'PNS' });
    });

    it('downloads the report as CSV with formula cells neutralised', async () => {
      const res = await api.http
        .get(`/api/employee-imports/${imp.id}/report?format=csv`)
        .set(await api.auth(DEMO.agencyAdmin))
        .buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="laporan-impor-.*\.csv"/);
      const { parse } = await import('csv-parse/sync');
      const rows: string[][] = parse(res.text, { bom: true });
      expect(rows[0]).toEqual([
        'Baris',
        'NIP',
        'Hasil',
        'Kolom berubah',
        'Kode alasan',
        'Alasan',
        'Kode peringatan',
        'Peringatan',
      ]);
      expect(rows.slice(1).map((r) => r[0])).toEqual(['2', '3', '4', '5']);
      expect(rows[1][1]).toBe(`'=cmd|' /C calc'!A0`);
      expect(rows[3].slice(2)).toEqual([
        'Ditambahkan',
        '',
        '',
        '',
        'SUPERVISOR_NOT_FOUND',
        expect.stringMatching(/nip_atasan 196801011990031001 tidak ditemukan/),
      ]);
    });

    it('downloads the report as XLSX, every cell text (no formula), NIPs with all 18 digits', async () => {
      const res = await api.http
        .get(`/api/employee-imports/${imp.id}/report?format=xlsx&filter=all`)
        .set(await api.auth(DEMO.agencyAdmin))
        .buffer(true)
        .parse(binaryBody);
      expect(res.status).toBe(200);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const body = res.body as Buffer;
      await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      const sheet = wb.getWorksheet('Laporan impor');
      expect(sheet?.rowCount).toBe(5);
      const nip = sheet?.getRow(2).getCell(2);
      expect(nip?.type).toBe(ExcelJS.ValueType.String);
      expect(nip?.value).toBe("=cmd|' /C calc'!A0");
      expect(sheet?.getRow(5).getCell(2).value).toBe(DEMO.learner);
    });
  });

  describe('fixing refused rows (issue 15)', () => {
    const csvText = (res: { body: unknown; text?: string }) =>
      (typeof res.body === 'string' ? res.body : (res.text ?? '')).replace(/^\uFEFF/, '');
    const getText = (path: string, auth: { Authorization: string }, lang = 'id') =>
      api.http
        .get(path)
        .set(auth)
        .set('Accept-Language', lang)
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString('utf8')));
          r.on('end', () => done(null, text));
        });

    it('the template\u2019s example person is fictional: no demo ASN holds its NIP or name', async () => {
      const text = (await api.http.get('/api/employee-imports/template.csv')).text;
      const [nip, name] = text.split('\n')[1].split(',');
      expect(name).toBe('Contoh Nama Pegawai');
      // The demo world was seeded before any import: none of its ASN carries the example's NIP or name.
      const seeded = await api.db.query(
        `SELECT 1 FROM employee WHERE (nip = $1 OR full_name = $2)
            AND created_at < (SELECT min(created_at) FROM employee_import)`,
        [nip, name],
      );
      expect(seeded).toEqual([]);
      expect(Object.values(DEMO)).not.toContain(nip);
    });

    it('downloads the refused rows as uploaded, with the reason; the fixed file imports cleanly', async () => {
      const auth = await api.auth(DEMO.agencyAdmin);
      const csv = [
        'nip;nama;jenis_pegawai;golongan;kode_unit;gelar_belakang',
        '199605052021011001;Saleh Perbaikan;PNS;V/a;BAPPEDA;S.Sos., M.Si.', // line 2: bad golongan
        '199605052021011002;Baris Baik;PNS;III/a;BAPPEDA;',
        '199605052021011003;Unit Salah;PNS;III/a;TIDAKADA;', // line 4: unknown unit
      ].join('\r\n');
      const up = await api.http.post(`${url()}?wait=true`).set(auth).attach('file', Buffer.from(csv), 'perbaikan.csv');
      expect(up.body).toMatchObject({ status: 'completed', failedCount: 2 });
      const res = await getText(`/api/employee-imports/${up.body.id}/failed-rows.csv`, auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/perbaikan-baris-ditolak\.csv/);
      const lines = csvText(res).trim().split(/\r?\n/);
      expect(lines[0]).toBe('nip,nama,jenis_pegawai,golongan,kode_unit,gelar_belakang,alasan');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^199605052021011001,Saleh Perbaikan,PNS,V\/a,BAPPEDA,"S\.Sos\., M\.Si\.",.*golongan/);
      expect(lines[2]).toMatch(/^199605052021011003,Unit Salah,PNS,III\/a,TIDAKADA,,.*TIDAKADA/);
      const en = await getText(`/api/employee-imports/${up.body.id}/failed-rows.csv`, auth, 'en');
      expect(csvText(en).trim().split(/\r?\n/)[2]).toMatch(/,kode_unit is not a unit of the agency$/);

      // Fixed in a spreadsheet and uploaded again, with the reason column still there: no header complaint.
      const fixed = csvText(res).replace('V/a', 'III/b').replace('TIDAKADA', 'BAPPEDA');
      const again = await api.http
        .post(`${url()}?wait=true`)
        .set(auth)
        .attach('file', Buffer.from(fixed), 'perbaikan-baris-ditolak.csv');
      expect(again.body).toMatchObject({ status: 'completed', failedCount: 0, createdCount: 2, headerCheck: null });

      // Someone who can see neither the import nor the agency gets 404, as for the import itself.
      const other = await api.http
        .get(`/api/employee-imports/${up.body.id}/failed-rows.csv`)
        .set(await api.auth(DEMO.learner));
      expect(other.status).toBe(404);
    });

    it('names unknown header columns even when the import goes through', async () => {
      const csv = 'nip,nama,jenis_pegawai,golonagn\n199605052021011009,Kolom Salah Eja,PNS,III/a\n';
      const up = await api.http
        .post(`${url()}?wait=true`)
        .set(await api.auth(DEMO.agencyAdmin))
        .attach('file', Buffer.from(csv), 'salah-eja.csv');
      expect(up.body).toMatchObject({ status: 'completed', headerCheck: { missing: [], unknown: ['golonagn'] } });
    });
  });
});
