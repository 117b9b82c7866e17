import { describe, expect, it } from '@jest/globals';
import { zonedIso } from './zoned-time';

describe('zonedIso', () => {
  it('writes a local time of a class day with its zone’s offset', () => {
    expect(zonedIso('2026-06-10', '08:15', 'Asia/Makassar')).toBe('2026-06-10T08:15:00+08:00');
    expect(zonedIso('2026-06-10', '7.05', 'Asia/Jakarta')).toBe('2026-06-10T07:05:00+07:00');
    expect(zonedIso('2026-06-10', '23:59', 'Asia/Jayapura')).toBe('2026-06-10T23:59:00+09:00');
  });
  it.each(['', '24:00', '8', '08:60', 'pagi'])('refuses %j', (v) =>
    expect(zonedIso('2026-06-10', v, 'Asia/Makassar')).toBeNull(),
  );
});
