import { DomainError } from '@kompeten/server-core';
import { dueFields, requestedDue } from './due-date';

describe('requestedDue', () => {
  it('reads a date as the last second of that day in the assigner’s zone', () => {
    expect(requestedDue({ dueDate: '2026-12-31' }, 'Asia/Makassar')).toEqual({
      at: new Date('2026-12-31T15:59:59Z'),
      zone: 'Asia/Makassar',
    });
    expect(requestedDue({ dueDate: '2026-12-31' }, 'Asia/Jayapura')?.at.toISOString()).toBe('2026-12-31T14:59:59.000Z');
  });

  it('takes a date-time with an offset as it says, keeping the assigner’s zone to state it in', () => {
    expect(requestedDue({ dueAt: '2026-12-31T10:00:00+09:00' }, 'Asia/Jakarta')).toEqual({
      at: new Date('2026-12-31T01:00:00Z'),
      zone: 'Asia/Jakarta',
    });
  });

  it('is null without a due date', () => {
    expect(requestedDue({}, 'Asia/Jakarta')).toBeNull();
  });

  it.each([
    [{ dueDate: '2026-12-31', dueAt: '2026-12-31T23:59:59+08:00' }, /salah satu saja/],
    [{ dueDate: '2026-02-30' }, /tidak ada di kalender/],
    [{ dueAt: '2026-12-31T23:59:59' }, /dengan offset/],
  ])('refuses %j with a 400', (input, message) => {
    let error: unknown;
    try {
      requestedDue(input, 'Asia/Makassar');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'validation', message: expect.stringMatching(message) });
  });
});

describe('dueFields', () => {
  it('states a stored instant in the zone it was set in, with that zone’s date', () => {
    expect(dueFields(new Date('2026-12-31T15:59:59Z'), 'Asia/Makassar')).toEqual({
      dueAt: '2026-12-31T23:59:59+08:00',
      dueDate: '2026-12-31',
      dueTimeZone: 'Asia/Makassar',
    });
    expect(dueFields('2026-12-31T15:59:59Z', 'Asia/Jayapura')).toEqual({
      dueAt: '2027-01-01T00:59:59+09:00',
      dueDate: '2027-01-01',
      dueTimeZone: 'Asia/Jayapura',
    });
    expect(dueFields(null, null)).toEqual({ dueAt: null, dueDate: null, dueTimeZone: null });
  });
});
