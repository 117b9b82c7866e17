import { describe, expect, it } from '@jest/globals';
import { isNumberedTitle, moduleHeading } from './module-title';

describe('module headings', () => {
  it('shows a title the author numbered as written', () => {
    for (const title of [
      'Modul 1: Nilai Dasar ASN',
      'modul 2 - Etika',
      'Bab 3 Pelayanan',
      'Sesi 4: Praktik',
      'Pertemuan 5',
      'Module 6: Review',
      'Bagian IV: Penutup',
      '1. Pengantar',
      '2) Studi kasus',
    ]) {
      expect(isNumberedTitle(title)).toBe(true);
      expect(moduleHeading(title, 'Modul 9')).toBe(title);
    }
  });

  it('numbers a title that has no number', () => {
    expect(moduleHeading('Nilai dasar', 'Modul 1')).toBe('Modul 1: Nilai dasar');
    expect(moduleHeading('Modulasi suara', 'Modul 2')).toBe('Modul 2: Modulasi suara');
    expect(moduleHeading('Babak final', 'Modul 3')).toBe('Modul 3: Babak final');
    expect(moduleHeading('2026 dan seterusnya', 'Modul 4')).toBe('Modul 4: 2026 dan seterusnya');
  });
});
