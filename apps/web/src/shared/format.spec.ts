import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatDate, formatDateTime, formatDay, formatNumber, formatPercent, formatTime } from './format';

// 2026-12-03T22:14Z is 4 December 2026 06.14 in Bali/NTB (WITA, UTC+8) and 05.14 in Jakarta (WIB).
const INSTANT = '2026-12-03T22:14:00Z';

describe('formatDateTime', () => {
  it('writes an instant the Indonesian way with the zone named', () => {
    expect(formatDateTime(INSTANT, 'Asia/Makassar', 'id')).toBe('4 Des 2026, 06.14 WITA');
    expect(formatDateTime(INSTANT, 'Asia/Jakarta', 'id')).toBe('4 Des 2026, 05.14 WIB');
    expect(formatDateTime(INSTANT, 'Asia/Jayapura', 'id')).toBe('4 Des 2026, 07.14 WIT');
  });
  it('uses English month names and a colon in English, still naming the zone', () => {
    expect(formatDateTime(INSTANT, 'Asia/Makassar', 'en')).toBe('4 Dec 2026, 06:14 WITA');
  });
  it('writes a 24-hour clock (no AM/PM) and crosses midnight in the zone, not in UTC', () => {
    expect(formatDateTime('2026-05-31T16:05:00Z', 'Asia/Makassar', 'id')).toBe('1 Jun 2026, 00.05 WITA');
    expect(formatDateTime('2026-08-17T10:30:00Z', 'Asia/Jakarta', 'en')).toBe('17 Aug 2026, 17:30 WIB');
  });
  it('gives a dash for nothing and the raw text for something that is not a date', () => {
    expect(formatDateTime(null, 'Asia/Jakarta', 'id')).toBe('—');
    expect(formatDateTime('bukan tanggal', 'Asia/Jakarta', 'id')).toBe('bukan tanggal');
  });
});

describe('formatTime and formatDay', () => {
  it('writes hours and minutes (and seconds on request) with dots in Indonesian', () => {
    expect(formatTime(INSTANT, 'Asia/Makassar', 'id')).toBe('06.14');
    expect(formatTime('2026-12-03T22:14:09Z', 'Asia/Makassar', 'id', true)).toBe('06.14.09');
    expect(formatTime(INSTANT, 'Asia/Makassar', 'en')).toBe('06:14');
  });
  it('writes the local day of an instant', () => {
    expect(formatDay(INSTANT, 'Asia/Makassar', 'id')).toBe('4 Des 2026');
    expect(formatDay(INSTANT, 'Asia/Jakarta', 'id')).toBe('4 Des 2026');
    expect(formatDay('2026-12-03T16:30:00Z', 'Asia/Jakarta', 'id')).toBe('3 Des 2026');
    expect(formatDay('2026-12-03T16:30:00Z', 'Asia/Jayapura', 'id')).toBe('4 Des 2026');
  });
});

describe('formatDate', () => {
  it('writes a calendar date with the full month name', () => {
    expect(formatDate('1986-09-26', 'id')).toBe('26 September 1986');
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agustus 2026');
  });
});

describe('numbers', () => {
  it('uses a decimal comma and thousands dots in Indonesian, the reverse in English', () => {
    expect(formatNumber(1234567.891, 'id')).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatNumber(2.5, 'id')).toBe('2,5');
    expect(formatNumber(20, 'id')).toBe('20');
  });
  it('writes percentages as "88,89 %" in Indonesian', () => {
    expect(formatPercent(88.8888, 'id')).toBe('88,89 %');
    expect(formatPercent(100, 'id')).toBe('100 %');
    expect(formatPercent(88.8888, 'en')).toBe('88.89%');
    expect(formatPercent(66.666, 'id', 0)).toBe('67 %');
  });
  it('writes file sizes with a decimal comma', () => {
    expect(formatBytes(512, 'id')).toBe('512 B');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(20 * 1024 * 1024, 'id')).toBe('20 MB');
  });
});
