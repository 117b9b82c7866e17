/** How urgent the quiz clock is: the visible warning shown at 5 and at 1 minute left, and time-up. */
export type TimeWarning = 'none' | 'fiveMinutes' | 'oneMinute' | 'timeUp';

/**
 * By threshold, not by an exact second: a throttled background tab may skip the very second 300 or 60, and the warning
 * must still appear when the learner comes back. No limit (null) never warns.
 */
export function timeWarning(remainingSeconds: number | null): TimeWarning {
  if (remainingSeconds === null) return 'none';
  if (remainingSeconds <= 0) return 'timeUp';
  if (remainingSeconds <= 60) return 'oneMinute';
  if (remainingSeconds <= 300) return 'fiveMinutes';
  return 'none';
}

/** The aggregate save state announced (politely) to screen readers when it changes. */
export type SaveSummary = 'saving' | 'saved' | 'queued' | 'error' | null;

export function saveSummary(states: ReadonlyArray<string | undefined>, online: boolean): SaveSummary {
  const known = states.filter((s): s is string => !!s);
  if (known.length === 0) return null;
  if (known.includes('error')) return 'error';
  if (!online && known.some((s) => s === 'queued' || s === 'unsaved' || s === 'saving')) return 'queued';
  if (known.some((s) => s === 'saving' || s === 'unsaved' || s === 'queued')) return 'saving';
  return 'saved';
}
