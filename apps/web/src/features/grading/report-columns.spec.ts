import { describe, expect, it } from '@jest/globals';
import { COURSE_REPORT_COLUMNS, COURSE_REPORT_HEADERS } from '@kompeten/shared-contracts';
import { id } from '../../i18n/id';
import { en } from '../../i18n/en';
import { orderColumns, reportHeader } from './report-columns';

// The course report's screen and its CSV/XLSX export name their columns alike (issue 15): in Bahasa Indonesia the
// screen shows the export's own headers, and every column has an English translation.
describe('course report column names', () => {
  it('in Bahasa Indonesia, the screen header of every column is the export header, zone named the same way', () => {
    for (const c of COURSE_REPORT_COLUMNS) {
      expect(reportHeader(c, 'WITA', 'id', 'ignored')).toBe(COURSE_REPORT_HEADERS[c].replace('{zone}', 'WITA'));
      // The id catalog says the same, so nothing else on screen can drift from the export either.
      expect(id.grading.reportColumns[c].replace('{{zone}}', '{zone}')).toBe(COURSE_REPORT_HEADERS[c]);
    }
    expect(reportHeader('dueAt', 'WIT', 'id', 'ignored')).toBe('Tenggat (WIT)');
  });

  it('in English, every column has its own translated header', () => {
    for (const c of COURSE_REPORT_COLUMNS) expect(en.grading.reportColumns[c]).toEqual(expect.any(String));
    expect(reportHeader('completedAt', 'WIB', 'en', 'Completed (WIB)')).toBe('Completed (WIB)');
  });

  it('puts the screen columns in the export order and refuses a column without a cell', () => {
    const cells = [...COURSE_REPORT_COLUMNS].reverse().map((key) => ({ key }));
    expect(orderColumns(cells).map((c) => c.key)).toEqual([...COURSE_REPORT_COLUMNS]);
    expect(() => orderColumns(cells.filter((c) => c.key !== 'overdue'))).toThrow(/overdue/);
  });
});
