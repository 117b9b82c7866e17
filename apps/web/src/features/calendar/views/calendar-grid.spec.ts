import { describe, expect, it } from '@jest/globals';
import {
  addMonths,
  byDate,
  endOfMonth,
  monthGrid,
  startOfWeek,
  todayLocal,
  weekDays,
  weekdayOf,
} from './calendar-grid';

describe('calendar grid', () => {
  it('builds whole weeks from Monday around a month, never past the API’s 62 days', () => {
    const feb = monthGrid('2027-02-14');
    expect(feb[0]).toBe('2027-02-01'); // a Monday
    expect(feb[feb.length - 1]).toBe('2027-02-28');
    expect(feb).toHaveLength(28);
    const mar = monthGrid('2027-03-31');
    expect([mar[0], mar[mar.length - 1], mar.length]).toEqual(['2027-03-01', '2027-04-04', 35]);
    const aug = monthGrid('2027-08-01'); // 1 August 2027 is a Sunday: six rows
    expect([aug[0], aug.length]).toEqual(['2027-07-26', 42]);
  });

  it('knows weeks, month ends, leap years and month steps', () => {
    expect(weekdayOf('2027-02-14')).toBe(6);
    expect(startOfWeek('2027-02-14')).toBe('2027-02-08');
    expect(weekDays('2027-01-01')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-01');
    expect(addMonths('2027-01-31', -1)).toBe('2026-12-01');
    expect(todayLocal(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });

  it('groups by date in order', () => {
    expect(
      byDate([{ d: '2027-01-02' }, { d: '2027-01-01' }, { d: '2027-01-02' }], (x) => x.d).map(([d, l]) => [
        d,
        l.length,
      ]),
    ).toEqual([
      ['2027-01-01', 1],
      ['2027-01-02', 2],
    ]);
  });
});
