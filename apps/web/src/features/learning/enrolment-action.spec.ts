import { describe, expect, it } from '@jest/globals';
import { defaultTab, enrolmentAction } from './enrolment-action';

describe('enrolmentAction', () => {
  it('says start for an active enrolment with no progress and no activity (an assigned course not begun)', () => {
    expect(enrolmentAction({ status: 'active', progressPercent: 0, lastActivityAt: null })).toBe('start');
  });
  it('says continue once there is progress or any activity', () => {
    expect(enrolmentAction({ status: 'active', progressPercent: 12.5, lastActivityAt: null })).toBe('continue');
    expect(enrolmentAction({ status: 'active', progressPercent: 0, lastActivityAt: '2026-12-01T01:00:00Z' })).toBe(
      'continue',
    );
  });
  it('offers review on a completed enrolment and nothing on pending, withdrawn or rejected ones', () => {
    expect(enrolmentAction({ status: 'completed', progressPercent: 100, lastActivityAt: null })).toBe('review');
    for (const status of ['pending_approval', 'withdrawn', 'rejected'] as const)
      expect(enrolmentAction({ status, progressPercent: 0, lastActivityAt: null })).toBeNull();
  });
});

describe('defaultTab', () => {
  it('opens on the tab of the first enrolment in server order, so it has content', () => {
    expect(defaultTab({ status: 'active' })).toBe('active');
    expect(defaultTab({ status: 'pending_approval' })).toBe('pending_approval');
    expect(defaultTab({ status: 'completed' })).toBe('completed');
  });
  it('shows all when only withdrawn or rejected enrolments exist, and the active tab when there are none', () => {
    expect(defaultTab({ status: 'withdrawn' })).toBe('all');
    expect(defaultTab({ status: 'rejected' })).toBe('all');
    expect(defaultTab(undefined)).toBe('active');
  });
});
