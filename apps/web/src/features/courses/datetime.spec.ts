import { describe, expect, it } from '@jest/globals';
import { fromZonedInput, toZonedInput } from './datetime';

describe('date-time inputs in the agency zone', () => {
  it('sends a wall-clock time as a UTC instant with its Z (the API refuses one without an offset)', () => {
    expect(fromZonedInput('2026-12-05T08:00', 'Asia/Makassar')).toBe('2026-12-05T00:00:00.000Z');
    expect(fromZonedInput('2026-01-01T05:30', 'Asia/Jayapura')).toBe('2025-12-31T20:30:00.000Z');
    expect(fromZonedInput('2026-12-31T23:59', 'Asia/Jakarta')).toBe('2026-12-31T16:59:00.000Z');
  });

  it('shows a stored instant as the wall clock of the zone', () => {
    expect(toZonedInput('2026-12-05T00:00:00.000Z', 'Asia/Makassar')).toBe('2026-12-05T08:00');
    expect(toZonedInput('2025-12-31T20:30:00Z', 'Asia/Jayapura')).toBe('2026-01-01T05:30');
    expect(toZonedInput(null, 'Asia/Jakarta')).toBe('');
  });

  it('gives null for an empty value or a date the calendar lacks', () => {
    expect(fromZonedInput('', 'Asia/Jakarta')).toBeNull();
    expect(fromZonedInput('2026-02-30T08:00', 'Asia/Jakarta')).toBeNull();
    expect(fromZonedInput('2026-12-05T25:00', 'Asia/Jakarta')).toBeNull();
  });
});
