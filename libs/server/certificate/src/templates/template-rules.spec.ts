import { cityOf, defaultTemplate, templateProblems, validUntil } from './template-rules';

const good = { ...defaultTemplate({ name: 'Pemerintah Kota Mataram', code: 'mtr', hrBodyName: 'BKPSDM' }) };

describe('certificate templates', () => {
  it('derives a usable default from the agency', () => {
    expect(good).toMatchObject({
      title: 'SURAT TANDA TAMAT PELATIHAN',
      city: 'Mataram',
      signatoryPosition: 'Kepala BKPSDM',
      pattern: '800/{seq:0000}/{kode}/{tahun}',
      kode: 'MTR',
      validityMonths: null,
    });
    expect(templateProblems(good)).toEqual([]);
    expect(cityOf('Pemerintah Kabupaten Lombok Barat')).toBe('Lombok Barat');
    expect(cityOf('BPSDM')).toBe('BPSDM');
  });

  it('explains every problem in Indonesian', () => {
    expect(
      templateProblems({
        ...good,
        title: ' ',
        city: 'x'.repeat(61),
        signatoryNip: '12345',
        kode: 'A/B',
        pattern: '{seq}',
        validityMonths: 0,
        closing: 'baris\u0007',
      }),
    ).toEqual([
      'Judul wajib diisi',
      'Kalimat penutup tidak boleh berisi karakter kendali',
      'Tempat penerbitan paling panjang 60 karakter',
      'NIP penanda tangan harus 18 angka',
      'Kode tidak boleh berisi { } atau /',
      'Pola nomor harus memuat {tahun}: urutan dimulai lagi setiap tahun',
      'Masa berlaku harus 1–600 bulan, atau kosong bila tidak kedaluwarsa',
    ]);
    expect(
      templateProblems({ ...good, closing: null, signatoryNip: '196903101990031005', validityMonths: 36 }),
    ).toEqual([]);
  });

  it('counts validity in calendar months, ending the day before (or on the last day of a shorter month)', () => {
    expect(validUntil('2026-12-04', null)).toBeNull();
    expect(validUntil('2026-12-04', 24)).toBe('2028-12-03');
    expect(validUntil('2026-01-31', 1)).toBe('2026-02-28');
    expect(validUntil('2028-01-31', 1)).toBe('2028-02-29');
    expect(validUntil('2026-03-01', 12)).toBe('2027-02-28');
    expect(validUntil('2026-12-01', 1)).toBe('2026-12-31');
  });
});
