import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsCalendarDate, IsIsoDateTimeWithOffset } from './date-time';

class Window {
  @IsOptional() @IsIsoDateTimeWithOffset('opensAt') opensAt?: string;
}

class Due {
  @IsOptional() @IsCalendarDate('dueDate') dueDate?: string;
  @IsOptional() @IsIsoDateTimeWithOffset('dueAt', { orDateField: 'dueDate' }) dueAt?: string;
}

const problems = <T extends object>(cls: new () => T, body: Record<string, unknown>) =>
  validateSync(plainToInstance(cls, body)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IsIsoDateTimeWithOffset', () => {
  it.each([
    '2026-12-31T10:00:00Z',
    '2026-12-31T10:00:00+08:00',
    '2026-12-31T10:00:00.123+07:00',
    '2026-12-31T10:00+09:00',
  ])('accepts %s', (opensAt) => {
    expect(problems(Window, { opensAt })).toEqual([]);
  });

  it('refuses a date-time without an offset and says to add one', () => {
    const [message] = problems(Window, { opensAt: '2026-12-31T10:00:00' });
    expect(message).toBe(
      'opensAt tanpa zona waktu tidak jelas maksudnya: tambahkan offset (mis. +08:00 untuk WITA, atau Z untuk UTC)',
    );
  });

  it('offers the date field where there is one', () => {
    const [noOffset] = problems(Due, { dueAt: '2026-12-31T10:00:00' });
    expect(noOffset).toContain('tambahkan offset');
    expect(noOffset).toContain('atau kirim tanggal saja di dueDate (mis. 2026-12-31)');
    expect(problems(Due, { dueAt: '2026-12-31' })).toEqual([
      'dueAt berisi tanggal saja: kirim di dueDate, atau tambahkan jam dan offset',
    ]);
  });

  it.each(['2026-02-30T10:00:00Z', '2026-12-31T25:00:00Z', 'besok', '1767225599000'])(
    'refuses %j as not a date-time',
    (opensAt) => {
      expect(problems(Window, { opensAt })).toEqual([
        'opensAt harus tanggal-waktu ISO 8601 dengan zona waktu, mis. 2026-12-31T10:00:00+08:00 atau 2026-12-31T02:00:00Z; tanggal atau jam yang dikirim tidak valid',
      ]);
    },
  );

  it('refuses a bare date where no date field exists', () => {
    expect(problems(Window, { opensAt: '2026-12-31' })).toEqual([
      'opensAt harus memuat jam dan zona waktu, mis. 2026-12-31T10:00:00+08:00',
    ]);
  });
});

describe('IsCalendarDate', () => {
  it('accepts a real date and refuses one the calendar lacks or a date-time', () => {
    expect(problems(Due, { dueDate: '2028-02-29' })).toEqual([]);
    expect(problems(Due, { dueDate: '2026-02-30' })).toEqual(['dueDate 2026-02-30 tidak ada di kalender']);
    expect(problems(Due, { dueDate: '2026-12-31T23:59:59+08:00' })).toEqual([
      'dueDate harus tanggal berformat YYYY-MM-DD, mis. 2026-12-31',
    ]);
    expect(problems(Due, { dueDate: 20261231 })).toEqual([
      'dueDate harus tanggal berformat YYYY-MM-DD, mis. 2026-12-31',
    ]);
  });
});
