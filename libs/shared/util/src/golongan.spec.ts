import { normaliseGolongan, pangkatName, rankLabel, PNS_PANGKAT, PPPK_GOLONGAN } from './golongan';

describe('normaliseGolongan (DOMAIN.md §1)', () => {
  it.each([
    // PNS: the canonical values and harmless variants
    ['III/a', 'PNS', 'III/a'],
    ['iii/a', 'PNS', 'III/a'],
    ['III / a', 'PNS', 'III/a'],
    ['III/A', 'PNS', 'III/a'],
    [' iv/E ', 'PNS', 'IV/e'],
    ['I/d', 'PNS', 'I/d'],
    // PPPK
    ['IX', 'PPPK', 'IX'],
    ['ix', 'PPPK', 'IX'],
    [' xvii ', 'PPPK', 'XVII'],
    ['I', 'PPPK', 'I'],
  ] as const)('accepts %j for %s as %s', (raw, type, value) => {
    expect(normaliseGolongan(raw, type)).toEqual({ ok: true, value });
  });

  it.each([
    ['IX', 'PNS', 'golongan PPPK'],
    ['I', 'PNS', 'golongan PPPK'],
    ['III/a', 'PPPK', 'golongan PNS'],
    ['iv/e', 'PPPK', 'golongan PNS'],
    ['I/e', 'PNS', 'tidak ada'],
    ['II/e', 'PNS', 'tidak ada'],
    ['III/e', 'PNS', 'tidak ada'],
    ['III/z', 'PNS', 'tidak ada'],
    ['V/a', 'PNS', 'tidak dikenal'],
    ['XVIII', 'PPPK', 'tidak dikenal'],
    ['IIII', 'PPPK', 'tidak dikenal'],
    ['3a', 'PNS', 'tidak dikenal'],
    ['III-a', 'PNS', 'tidak dikenal'],
    ['', 'PNS', 'kosong'],
  ] as const)('refuses %j for %s (%s)', (raw, type, reason) => {
    const r = normaliseGolongan(raw, type);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('knows exactly 17 PNS golongan and 17 PPPK golongan', () => {
    expect(Object.keys(PNS_PANGKAT)).toHaveLength(17);
    expect(PPPK_GOLONGAN).toHaveLength(17);
    for (const g of Object.keys(PNS_PANGKAT)) expect(normaliseGolongan(g, 'PNS')).toEqual({ ok: true, value: g });
    for (const g of PPPK_GOLONGAN) expect(normaliseGolongan(g, 'PPPK')).toEqual({ ok: true, value: g });
  });
});

describe('pangkat names', () => {
  it('names a PNS rank beside its golongan, and a PPPK golongan alone', () => {
    expect(pangkatName('III/a')).toBe('Penata Muda');
    expect(rankLabel('III/a')).toBe('III/a Penata Muda');
    expect(rankLabel('IV/e')).toBe('IV/e Pembina Utama');
    expect(rankLabel('I/b')).toBe('I/b Juru Muda Tingkat I');
    expect(rankLabel('IX')).toBe('IX');
    expect(pangkatName('IX')).toBeNull();
    expect(rankLabel(null)).toBeNull();
  });
});
