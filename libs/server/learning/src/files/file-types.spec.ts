import { detectMime } from './file-types';

const b = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectMime', () => {
  it('recognises files by their first bytes, not their names', () => {
    expect(detectMime(b('%PDF-1.7\n'), 'modul.pdf')).toBe('application/pdf');
    expect(detectMime(b('%PDF-1.7\n'), 'renamed.png')).toBe('application/pdf');
    expect(detectMime(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'x.png')).toBe('image/png');
    expect(detectMime(b([0xff, 0xd8, 0xff, 0xe0]), 'x.jpg')).toBe('image/jpeg');
    expect(detectMime(b('RIFF', [0, 0, 0, 0], 'WEBP'), 'x.webp')).toBe('image/webp');
    expect(detectMime(b([0, 0, 0, 0x20], 'ftypisom'), 'x.mp4')).toBe('video/mp4');
    expect(detectMime(b([0x1a, 0x45, 0xdf, 0xa3]), 'x.webm')).toBe('video/webm');
  });

  it('uses the extension only to tell container formats apart', () => {
    expect(detectMime(b('PK', [3, 4]), 'tugas.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectMime(b('PK', [3, 4]), 'bahan.zip')).toBe('application/zip');
    expect(detectMime(b('nama,nip\n'), 'data.csv')).toBe('text/csv');
  });

  it('refuses what it does not know, including scripts and HTML', () => {
    expect(detectMime(b('<html><script>alert(1)</script>'), 'x.pdf')).toBeNull();
    expect(detectMime(b('MZ'), 'setup.exe')).toBeNull();
    expect(detectMime(b('<svg onload=alert(1)>'), 'x.svg')).toBeNull();
  });
});
