import {
  endOfLocalDay,
  formatInZone,
  isoInZone,
  localDateOf,
  localDateTimeOf,
  offsetText,
  parseCalendarDate,
  parseDateTimeWithOffset,
} from './time-zone';

describe('endOfLocalDay', () => {
  it.each([
    ['Asia/Jakarta', '2026-12-31T16:59:59.000Z'],
    ['Asia/Makassar', '2026-12-31T15:59:59.000Z'],
    ['Asia/Jayapura', '2026-12-31T14:59:59.000Z'],
  ] as const)('a due date of 31 December set in %s ends at 23:59:59 local (%s)', (zone, utc) => {
    expect(endOfLocalDay('2026-12-31', zone)?.toISOString()).toBe(utc);
  });

  it('29 February exists in a leap year', () => {
    expect(endOfLocalDay('2028-02-29', 'Asia/Makassar')?.toISOString()).toBe('2028-02-29T15:59:59.000Z');
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2027-02-29',
    '2026-12-31T00:00:00Z',
    '31-12-2026',
    '',
    '2026-1-5',
  ])('refuses %j (not a calendar date)', (value) => {
    expect(endOfLocalDay(value, 'Asia/Jakarta')).toBeNull();
    expect(parseCalendarDate(value)).toBeNull();
  });
});

describe('localDateOf', () => {
  // 2026-12-31T16:30:00Z is 23.30 WIB on the 31st, but already 00.30 WITA and 01.30 WIT on 1 January 2027.
  it.each([
    ['Asia/Jakarta', '2026-12-31'],
    ['Asia/Makassar', '2027-01-01'],
    ['Asia/Jayapura', '2027-01-01'],
  ] as const)('year end: the same instant is on %s local date %s', (zone, date) => {
    expect(localDateOf('2026-12-31T16:30:00Z', zone)).toBe(date);
  });

  it('round-trips the end of a local day to the same date in the zone that set it', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const) {
      expect(localDateOf(endOfLocalDay('2026-01-01', zone) as Date, zone)).toBe('2026-01-01');
    }
  });
});

describe('formatInZone', () => {
  const due = '2026-12-31T15:59:59Z'; // 31 Dec 23:59:59 WITA

  it.each([
    ['Asia/Jakarta', '31 Des 2026 22.59 WIB'],
    ['Asia/Makassar', '31 Des 2026 23.59 WITA'],
    ['Asia/Jayapura', '1 Jan 2027 00.59 WIT'],
  ] as const)('in %s: %s', (zone, text) => {
    expect(formatInZone(due, zone)).toBe(text);
  });

  it('writes English month names and a colon for English', () => {
    expect(formatInZone('2026-08-17T01:00:00Z', 'Asia/Makassar', 'en')).toBe('17 Aug 2026 09:00 WITA');
    expect(formatInZone('2026-08-17T01:00:00Z', 'Asia/Makassar', 'id')).toBe('17 Agu 2026 09.00 WITA');
  });
});

describe('isoInZone and localDateTimeOf', () => {
  it('states the instant with the zone’s own offset', () => {
    expect(isoInZone('2026-12-31T15:59:59Z', 'Asia/Makassar')).toBe('2026-12-31T23:59:59+08:00');
    expect(isoInZone('2026-12-31T15:59:59Z', 'Asia/Jakarta')).toBe('2026-12-31T22:59:59+07:00');
    expect(isoInZone('2026-12-31T15:59:59Z', 'Asia/Jayapura')).toBe('2027-01-01T00:59:59+09:00');
    expect(offsetText('Asia/Jayapura')).toBe('+09:00');
  });

  it('gives spreadsheet text in the zone', () => {
    expect(localDateTimeOf('2026-12-31T16:30:00Z', 'Asia/Jakarta')).toBe('2026-12-31 23:30');
    expect(localDateTimeOf('2026-12-31T16:30:00Z', 'Asia/Makassar')).toBe('2027-01-01 00:30');
  });
});

describe('parseDateTimeWithOffset', () => {
  it.each([
    ['2026-12-31T10:00:00Z', '2026-12-31T10:00:00.000Z'],
    ['2026-12-31T10:00:00+08:00', '2026-12-31T02:00:00.000Z'],
    ['2026-12-31T10:00+0700', '2026-12-31T03:00:00.000Z'],
    ['2026-12-31T23:30:00.250-01:00', '2027-01-01T00:30:00.250Z'],
    ['2026-01-01T05:00:00+09:00', '2025-12-31T20:00:00.000Z'],
  ])('accepts %s as %s', (value, utc) => {
    const r = parseDateTimeWithOffset(value);
    expect(r.ok && r.instant.toISOString()).toBe(utc);
  });

  it.each([
    ['2026-12-31T10:00:00', 'no_offset'],
    ['2026-12-31T10:00', 'no_offset'],
    ['2026-12-31', 'date_only'],
    ['2026-02-30', 'invalid'],
    ['2026-02-30T10:00:00Z', 'invalid'],
    ['2026-12-31T24:00:00Z', 'invalid'],
    ['2026-12-31T10:60:00Z', 'invalid'],
    ['2026-12-31T10:00:00+15:00', 'invalid'],
    ['2026-12-31 10:00:00Z', 'invalid'],
    ['31/12/2026 10:00', 'invalid'],
    ['', 'invalid'],
  ])('refuses %j (%s)', (value, problem) => {
    expect(parseDateTimeWithOffset(value)).toEqual({ ok: false, problem });
  });

  it('refuses what is not a string', () => {
    expect(parseDateTimeWithOffset(1767225599000)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseDateTimeWithOffset(null)).toEqual({ ok: false, problem: 'invalid' });
  });
});
