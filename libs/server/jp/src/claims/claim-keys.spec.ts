import { activityKey, certificateKey } from './claim-keys';

describe('duplicate keys of claims', () => {
  it('one certificate, however it is typed', () => {
    const key = certificateKey('800/123/LAN/2026');
    expect(key).toBe('800123lan2026');
    for (const typed of ['800 / 123 / lan / 2026', ' 800-123-LAN-2026 ', '800.123.Lan.2026'])
      expect(certificateKey(typed)).toBe(key);
    expect(certificateKey('800/124/LAN/2026')).not.toBe(key);
  });

  it('no certificate number: no key', () => {
    expect(certificateKey(null)).toBeNull();
    expect(certificateKey('')).toBeNull();
    expect(certificateKey(' / - ')).toBeNull();
  });

  it('one activity: the same organiser, title and dates, whatever the case, spacing and punctuation', () => {
    const key = activityKey(
      'Lembaga Administrasi Negara',
      'Seminar Nasional: Pelayanan Publik',
      '2026-09-14',
      '2026-09-15',
    );
    expect(
      activityKey('lembaga  administrasi negara', 'SEMINAR NASIONAL – PELAYANAN PUBLIK', '2026-09-14', '2026-09-15'),
    ).toBe(key);
    expect(
      activityKey('Lembaga Administrasi Negara', 'Seminar Nasional: Pelayanan Publik', '2026-09-14', '2026-09-16'),
    ).not.toBe(key);
    expect(activityKey('BPSDM NTB', 'Seminar Nasional: Pelayanan Publik', '2026-09-14', '2026-09-15')).not.toBe(key);
  });
});
