import { describe, expect, it } from '@jest/globals';
import { closedByTime, retryState } from './retry-rule';

const NOW = new Date('2026-12-04T06:00:00Z');
const base = {
  finished: true,
  otherOpen: false,
  enrolmentActive: true,
  attemptsUsed: 1,
  maxAttempts: 3,
  opensAt: null,
  closesAt: null,
  now: NOW,
};

describe('retryState', () => {
  it('counts attempts left and offers a retry while some remain', () => {
    expect(retryState(base)).toEqual({ attemptsUsed: 1, attemptsLeft: 2, canRetry: true });
    expect(retryState({ ...base, attemptsUsed: 2 })).toEqual({ attemptsUsed: 2, attemptsLeft: 1, canRetry: true });
  });
  it('offers no retry when the last attempt is used (and never reports fewer than 0 left)', () => {
    expect(retryState({ ...base, attemptsUsed: 3 })).toEqual({ attemptsUsed: 3, attemptsLeft: 0, canRetry: false });
    expect(retryState({ ...base, attemptsUsed: 4 }).attemptsLeft).toBe(0);
  });
  it('has no "left" without a limit, and still offers a retry', () => {
    expect(retryState({ ...base, maxAttempts: null, attemptsUsed: 9 })).toEqual({
      attemptsUsed: 9,
      attemptsLeft: null,
      canRetry: true,
    });
  });
  it('offers no retry on an open attempt, beside another open one, or on an enrolment that is not active', () => {
    expect(retryState({ ...base, finished: false }).canRetry).toBe(false);
    expect(retryState({ ...base, otherOpen: true }).canRetry).toBe(false);
    expect(retryState({ ...base, enrolmentActive: false }).canRetry).toBe(false);
  });
  it('offers no retry outside the quiz window (closing instant excluded, opening instant included)', () => {
    expect(retryState({ ...base, closesAt: '2026-12-04T06:00:00Z' }).canRetry).toBe(false);
    expect(retryState({ ...base, closesAt: '2026-12-04T06:00:01Z' }).canRetry).toBe(true);
    expect(retryState({ ...base, opensAt: '2026-12-04T06:00:01Z' }).canRetry).toBe(false);
    expect(retryState({ ...base, opensAt: '2026-12-04T06:00:00Z' }).canRetry).toBe(true);
  });
});

describe('closedByTime', () => {
  const deadline = new Date('2026-12-04T06:01:00Z');
  it('is true when the attempt was closed at its deadline', () => {
    expect(closedByTime({ deadlineAt: deadline, submittedAt: deadline })).toBe(true);
  });
  it('is false when handed in before the deadline, still open, or without a time limit', () => {
    expect(closedByTime({ deadlineAt: deadline, submittedAt: new Date('2026-12-04T06:00:59Z') })).toBe(false);
    expect(closedByTime({ deadlineAt: deadline, submittedAt: null })).toBe(false);
    expect(closedByTime({ deadlineAt: null, submittedAt: deadline })).toBe(false);
  });
});
