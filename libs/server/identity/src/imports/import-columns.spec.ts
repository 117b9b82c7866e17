import { EMPLOYEE_IMPORT_COLUMNS } from '@kompeten/shared-contracts';
import { IMPORT_COLUMNS, mapHeaders, parseImportRow } from './import-columns';

describe('CSV import columns', () => {
  it('maps Indonesian headers, English aliases and a BOM; names the missing required ones', () => {
    expect(mapHeaders(['\uFEFFNIP', 'Nama', 'Jenis Pegawai', 'golongan', 'foo']).keys).toEqual([
      'nip',
      'fullName',
      'employeeType',
      'rank',
      null,
    ]);
    expect(mapHeaders(['nip', 'name']).missing).toEqual(['jenis_pegawai']);
  });

  const base = { nip: '198609262015051001', fullName: 'Lalu Muhammad Hasan', employeeType: 'pns' };

  it('accepts a good row and derives birth date and gender from the NIP', () => {
    const r = parseImportRow({ ...base, rank: 'III/a', positionKind: 'Fungsional', email: 'Hasan@MataramKota.go.id' });
    expect(r).toMatchObject({
      ok: true,
      row: {
        employeeType: 'PNS',
        birthDate: '1986-09-26',
        gender: 'L',
        positionKind: 'fungsional',
        email: 'hasan@mataramkota.go.id',
      },
    });
  });

  it.each([
    [{ nip: '' }, 'nip kosong'],
    [{ nip: '1986092620150510' }, '18 digit'],
    [{ nip: '198609262015051000' }, '000'],
    [{ fullName: '' }, 'nama kosong'],
    [{ employeeType: 'honorer' }, 'PNS atau PPPK'],
    [{ rank: 'III-a' }, 'golongan'],
    [{ positionKind: 'eselon' }, 'jenis_jabatan'],
    [{ email: 'not-an-email' }, 'email'],
    [{ supervisorNip: '123' }, 'nip_atasan'],
    [{ supervisorNip: '198609262015051001' }, 'sama dengan nip'],
  ])('refuses %p with a reason mentioning "%s"', (patch, reason) => {
    const r = parseImportRow({ ...base, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('lets PPPK numbers through without the TMT month check', () => {
    expect(parseImportRow({ ...base, nip: '199001012021151001', employeeType: 'PPPK', rank: 'IX' }).ok).toBe(true);
  });

  it.each([
    ['PNS', 'IX', 'golongan PPPK'],
    ['PPPK', 'III/a', 'golongan PNS'],
    ['PNS', 'I/e', 'tidak ada'],
    ['PNS', 'II/e', 'tidak ada'],
    ['PNS', 'III/e', 'tidak ada'],
  ])('refuses a %s row with golongan %s (%s), with the reason code RANK_INVALID', (employeeType, rank, reason) => {
    const nip = employeeType === 'PPPK' ? '199001012021151001' : base.nip;
    const r = parseImportRow({ ...base, nip, employeeType, rank });
    expect(r).toMatchObject({ ok: false, code: 'RANK_INVALID', reason: expect.stringContaining(reason) });
  });

  it.each([
    ['PNS', 'iii/a', 'III/a'],
    ['PNS', 'III / a', 'III/a'],
    ['PNS', 'III/A', 'III/a'],
    ['PNS', 'iv/e', 'IV/e'],
    ['PPPK', 'ix', 'IX'],
  ])('stores a %s golongan written %j as %s', (employeeType, rank, value) => {
    const nip = employeeType === 'PPPK' ? '199001012021151001' : base.nip;
    expect(parseImportRow({ ...base, nip, employeeType, rank })).toMatchObject({ ok: true, row: { rank: value } });
  });

  it('lists the same columns, in the same order and with the same required flags, as the contract the screen shows', () => {
    expect(IMPORT_COLUMNS.map((c) => ({ header: c.header, required: c.required }))).toEqual(
      EMPLOYEE_IMPORT_COLUMNS.map((c) => ({ ...c })),
    );
  });

  it('names the unknown header columns but not the reason column of a failed-rows download', () => {
    expect(mapHeaders(['NIP', 'nama', 'status', 'alasan', ' ', 'jenis_pegawai'])).toMatchObject({
      missing: [],
      unknown: ['status'],
    });
    expect(mapHeaders(['nomor', 'nama'])).toMatchObject({ missing: ['nip', 'jenis_pegawai'], unknown: ['nomor'] });
  });
});
