import { detectMime, MIME } from './content-type';

const b = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectMime (course files and assignment submissions)', () => {
  it('tells OpenDocument and Office Open XML apart from ZIP by the extension, the bytes being a ZIP', () => {
    expect(detectMime(b('PK', [3, 4]), 'laporan.odt')).toBe(MIME.ODT);
    expect(detectMime(b('PK', [3, 4]), 'anggaran.ods')).toBe(MIME.ODS);
    expect(detectMime(b('PK', [3, 4]), 'paparan.odp')).toBe(MIME.ODP);
    expect(detectMime(b('PK', [3, 4]), 'rencana.docx')).toBe(MIME.DOCX);
    expect(detectMime(b('PK', [3, 4]), 'arsip.zip')).toBe(MIME.ZIP);
  });

  it('refuses markup passed off as text, and executables, HTML or SVG under any name', () => {
    expect(detectMime(b('Laporan kegiatan: 12 warga dilayani.'), 'laporan.txt')).toBe(MIME.TXT);
    expect(detectMime(b('<!DOCTYPE html><p>hai</p>'), 'catatan.txt')).toBeNull();
    expect(detectMime(b('  <svg onload=alert(1)>'), 'data.csv')).toBeNull();
    expect(detectMime(b('<?xml version="1.0"?><svg/>'), 'bagan.txt')).toBeNull();
    expect(detectMime(b('MZ', [0x90, 0]), 'rencana.pdf')).toBeNull();
    expect(detectMime(b([0x7f], 'ELF'), 'foto.png')).toBeNull();
    expect(detectMime(b('<html><script>x()</script>'), 'foto.png')).toBeNull();
    expect(detectMime(b('teks', [0], 'biner'), 'catatan.txt')).toBeNull();
  });
});
