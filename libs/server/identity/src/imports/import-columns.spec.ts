import { mapHeaders, parseImportRow } from './import-columns';

describe('CSV import columns', () => {
  it('maps Indonesian headers, English aliases and a BOM; names the missing required ones', () => {
    expect(mapHeaders(['\uFEFFNIP', 'Nama', 'Jenis Pegawai', 'golongan', 'foo']).keys).toEqual(['nip', 'fullName', 'employeeType', 'rank', null]);
    expect(mapHeaders(['nip', 'name']).missing).toEqual(['jenis_pegawai']);
  });

  const base = { nip: '198609262015051001', fullName: 'Lalu Muhammad Hasan', employeeType: 'pns' };

  it('accepts a good row and derives birth date and gender from the NIP', () => {
    const r = parseImportRow({ ...base, rank: 'III/a', positionKind: 'Fungsional', email: 'Hasan@MataramKota.go.id' });
    expect(r).toMatchObject({ ok: true, row: { employeeType: 'PNS', birthDate: '1986-09-26', gender: 'L', positionKind: 'fungsional', email: 'hasan@mataramkota.go.id' } });
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
});
