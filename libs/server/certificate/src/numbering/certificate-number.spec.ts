import { DEFAULT_CERTIFICATE_PATTERN, formatCertificateNumber, patternProblems } from './certificate-number';

const parts = { seq: 7, tahun: 2026, bulan: 12, kode: 'BPSDM-NTB', unit: 'BIDANG-PKM' };

describe('certificate numbers from an agency pattern', () => {
  it('fills every token: padded and plain sequence, code, unit, Roman month, year', () => {
    expect(formatCertificateNumber('800/{seq:0000}/BPSDM/{tahun}', parts)).toBe('800/0007/BPSDM/2026');
    expect(formatCertificateNumber('{seq}/{kode}/{unit}/{bulanRomawi}/{tahun}', parts)).toBe(
      '7/BPSDM-NTB/BIDANG-PKM/XII/2026',
    );
    expect(formatCertificateNumber(DEFAULT_CERTIFICATE_PATTERN, { ...parts, seq: 12345, bulan: 4 })).toBe(
      '12345/BPSDM-NTB/IV/2026',
    );
  });

  it('lets a sequence outgrow its padding rather than cut it', () => {
    expect(formatCertificateNumber('{seq:00}/{tahun}', { ...parts, seq: 1234 })).toBe('1234/2026');
  });

  it('explains what is wrong with a pattern, in words', () => {
    expect(patternProblems('800/{seq:0000}/BPSDM/{tahun}')).toEqual([]);
    expect(patternProblems('')).toEqual(['Pola nomor wajib diisi']);
    expect(patternProblems('800/BPSDM/{tahun}')).toEqual(['Pola nomor harus memuat tepat satu {seq} atau {seq:0000}']);
    expect(patternProblems('{seq}/{seq:00}/{tahun}')).toEqual([
      'Pola nomor harus memuat tepat satu {seq} atau {seq:0000}',
    ]);
    expect(patternProblems('{seq}/{bulan}/{tahun}')).toEqual([
      'Token {bulan} tidak dikenal; gunakan {seq}, {seq:0000}, {kode}, {unit}, {bulanRomawi}, {tahun}',
    ]);
    expect(patternProblems('{seq}/BPSDM')).toEqual([
      'Pola nomor harus memuat {tahun}: urutan dimulai lagi setiap tahun',
    ]);
    expect(patternProblems('{seq}/{tahun}}')).toEqual(['Kurung kurawal { } hanya untuk token']);
  });

  it('refuses to format with a broken pattern, a sequence below 1 or a month outside 1–12', () => {
    expect(() => formatCertificateNumber('{seq}', parts)).toThrow('{tahun}');
    expect(() => formatCertificateNumber('{seq}/{tahun}', { ...parts, seq: 0 })).toThrow('Invalid sequence 0');
    expect(() => formatCertificateNumber('{seq}/{tahun}', { ...parts, bulan: 13 })).toThrow('Invalid month 13');
  });
});
