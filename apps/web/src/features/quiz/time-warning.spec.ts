import { describe, expect, it } from '@jest/globals';
import { saveSummary, timeWarning } from './time-warning';

describe('timeWarning', () => {
  it('warns from 5 minutes left, then from 1 minute, then says time is up', () => {
    expect(timeWarning(301)).toBe('none');
    expect(timeWarning(300)).toBe('fiveMinutes');
    expect(timeWarning(61)).toBe('fiveMinutes');
    expect(timeWarning(60)).toBe('oneMinute');
    expect(timeWarning(1)).toBe('oneMinute');
    expect(timeWarning(0)).toBe('timeUp');
  });
  it('still warns when the exact second was skipped (a throttled tab), and never without a limit', () => {
    expect(timeWarning(287)).toBe('fiveMinutes');
    expect(timeWarning(-3)).toBe('timeUp');
    expect(timeWarning(null)).toBe('none');
  });
});

describe('saveSummary', () => {
  it('is nothing before any answer, saving while any is on its way, saved when all are', () => {
    expect(saveSummary([undefined, undefined], true)).toBeNull();
    expect(saveSummary(['saved', 'saving'], true)).toBe('saving');
    expect(saveSummary(['saved', 'unsaved'], true)).toBe('saving');
    expect(saveSummary(['saved', undefined, 'saved'], true)).toBe('saved');
  });
  it('says kept on the device when offline with answers not sent, and reports an error first', () => {
    expect(saveSummary(['saved', 'queued'], false)).toBe('queued');
    expect(saveSummary(['saved', 'saved'], false)).toBe('saved');
    expect(saveSummary(['queued', 'error'], false)).toBe('error');
  });
});
