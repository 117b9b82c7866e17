import { buildNip, displayName, maskNip, parseNip } from './nip';

const today = new Date(Date.UTC(2026, 10, 23));

describe('parseNip', () => {
  it('accepts the DOMAIN example and decodes it', () => {
    const r = parseNip('198609262015051001', 'PNS', today);
    expect(r).toEqual({
      ok: true,
      value: {
        nip: '198609262015051001',
        birthDate: '1986-09-26',
        appointmentYear: 2015,
        appointmentMonthOrContracts: 5,
        gender: 'L',
        serial: 1,
      },
    });
  });

  it.each([
    ['19860926201505100', 'NIP harus 18 digit'],
    ['1986092620150510011', 'NIP harus 18 digit'],
    ['19860926201505100a', 'NIP harus 18 digit'],
    ['198602302015051001', 'tanggal lahir'], // 30 February
    ['198613012015051001', 'tanggal lahir'], // month 13
    ['198609262015053001', 'jenis kelamin'],
    ['198609262015050001', 'jenis kelamin'],
    ['198609262015051000', '000'],
    ['198609262015131001', 'TMT CPNS'],
    ['198609262015001001', 'TMT CPNS'],
    ['198609262000051001', 'usia 18'], // appointed at 13
    ['198609262027051001', 'masa depan'],
  ])('rejects %s (%s)', (nip, reason) => {
    const r = parseNip(nip, 'PNS', today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('never applies the month check to PPPK (digits 13–14 count contracts)', () => {
    // 2 contracts would be "month 02"; 15 contracts would be an impossible month for a PNS.
    expect(parseNip('199001012021151001', 'PPPK', today).ok).toBe(true);
    expect(parseNip('199001012021151001', 'PNS', today).ok).toBe(false);
  });

  it('still checks birth date, sex digit and serial for PPPK', () => {
    expect(parseNip('199002302021021001', 'PPPK', today).ok).toBe(false);
    expect(parseNip('199001012021023001', 'PPPK', today).ok).toBe(false);
    expect(parseNip('199001012021021000', 'PPPK', today).ok).toBe(false);
  });

  it('knows there is no "+40 for women" in a NIP', () => {
    const r = parseNip('199205142019032001', 'PNS', today);
    expect(r.ok && r.value.gender).toBe('P');
    expect(parseNip('199245142019032001', 'PNS', today).ok).toBe(false);
  });

  it('trims surrounding spaces', () => {
    expect(parseNip(' 198609262015051001 ', 'PNS', today).ok).toBe(true);
  });
});

describe('NIP helpers', () => {
  it('builds numbers that parse back', () => {
    const nip = buildNip({ y: 1979, m: 2, d: 28 }, { y: 2003, m: 12 }, 'P', 42);
    expect(nip).toBe('197902282003122042');
    expect(parseNip(nip, 'PNS', today).ok).toBe(true);
  });
  it('masks the middle digits', () => {
    expect(maskNip('198609262015051001')).toBe('198609******051001');
  });
  it('renders academic titles', () => {
    expect(displayName('Baiq Nurul Aini', 'Dr.', 'S.E., M.M.')).toBe('Dr. Baiq Nurul Aini, S.E., M.M.');
    expect(displayName('Lalu Ahmad', null, '')).toBe('Lalu Ahmad');
  });
});

describe('parseNip: TMT CPNS "not in the future" uses the local month', () => {
  // A new CPNS appointed on 1 July 2026: NIP digits 9–14 are 202607.
  const NEW_CPNS = '199805052026071001';
  it.each([
    ['WIT', 'Asia/Jayapura', '2026-06-30T15:30:00Z'], // 00:30 WIT on 1 July
    ['WITA', 'Asia/Makassar', '2026-06-30T16:30:00Z'], // 00:30 WITA on 1 July
    ['WIB', 'Asia/Jakarta', '2026-06-30T17:30:00Z'], // 00:30 WIB on 1 July
  ])('accepts a new CPNS at 00:30 %s on the 1st of the month', (_label, zone, iso) => {
    expect(parseNip(NEW_CPNS, 'PNS', new Date(iso), zone).ok).toBe(true);
  });

  it('with no zone uses WIT, so a NIP valid in the east is never refused', () => {
    expect(parseNip(NEW_CPNS, 'PNS', new Date('2026-06-30T15:30:00Z')).ok).toBe(true);
  });

  it('still refuses the month before it starts in the agency zone', () => {
    // 23:30 WIB on 30 June: July has begun in WIT but not in WIB.
    const r = parseNip(NEW_CPNS, 'PNS', new Date('2026-06-30T16:30:00Z'), 'Asia/Jakarta');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('masa depan');
  });
});
