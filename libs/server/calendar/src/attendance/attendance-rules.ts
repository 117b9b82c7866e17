/**
 * The rules of in-person attendance (decision 0037), pure. A session is one UTC interval of the class's `sessions`.
 * - Arrival after the start plus LATE_GRACE_MINUTES is late; leaving before the end minus LEAVE_GRACE_MINUTES is early.
 * - Minutes attended are the overlap of [arrival, leaving] with the session, whole minutes; no arrival time counts from
 *   the start (the trainer marked the person present without a time), no leaving time counts to the end (nobody
 *   scanned the leaving code: the person is taken to have stayed, unless the trainer marks otherwise).
 * - Scanning is open from SCAN_OPENS_BEFORE_MINUTES before the start to SCAN_CLOSES_AFTER_MINUTES after the end.
 */
export const LATE_GRACE_MINUTES = 15;
export const LEAVE_GRACE_MINUTES = 15;
export const SCAN_OPENS_BEFORE_MINUTES = 60;
export const SCAN_CLOSES_AFTER_MINUTES = 60;
/** How far outside the session a trainer's times may lie (an early arrival, a late leaving). */
export const MARK_SLACK_MINUTES = 120;

const MINUTE = 60_000;

export interface SessionSpan {
  start: Date;
  end: Date;
}

/** The session at `index` of a class's `sessions`, or null. */
export function sessionAt(sessions: ReadonlyArray<readonly [string, string]>, index: number): SessionSpan | null {
  const s = Number.isInteger(index) && index >= 0 ? sessions[index] : undefined;
  return s ? { start: new Date(s[0]), end: new Date(s[1]) } : null;
}

export const sessionMinutes = (s: SessionSpan) => Math.round((s.end.getTime() - s.start.getTime()) / MINUTE);

export function scanOpen(s: SessionSpan, now: Date): boolean {
  return (
    now.getTime() >= s.start.getTime() - SCAN_OPENS_BEFORE_MINUTES * MINUTE &&
    now.getTime() <= s.end.getTime() + SCAN_CLOSES_AFTER_MINUTES * MINUTE
  );
}

export interface Presence {
  minutes: number;
  late: boolean;
  leftEarly: boolean;
}

/** Minutes attended and the late / left-early flags of a presence from `arrivedAt` to `leftAt` (null: the bound). */
export function presenceIn(s: SessionSpan, arrivedAt: Date | null, leftAt: Date | null): Presence {
  const from = Math.max(s.start.getTime(), arrivedAt?.getTime() ?? s.start.getTime());
  const to = Math.min(s.end.getTime(), leftAt?.getTime() ?? s.end.getTime());
  return {
    minutes: Math.max(0, Math.floor((to - from) / MINUTE)),
    late: !!arrivedAt && arrivedAt.getTime() > s.start.getTime() + LATE_GRACE_MINUTES * MINUTE,
    leftEarly: !!leftAt && leftAt.getTime() < s.end.getTime() - LEAVE_GRACE_MINUTES * MINUTE,
  };
}

/** What is wrong with a trainer's times for a session, or null. */
export function marksProblem(s: SessionSpan, arrivedAt: Date | null, leftAt: Date | null): string | null {
  const lo = s.start.getTime() - MARK_SLACK_MINUTES * MINUTE;
  const hi = s.end.getTime() + MARK_SLACK_MINUTES * MINUTE;
  for (const [name, t] of [
    ['arrivedAt', arrivedAt],
    ['leftAt', leftAt],
  ] as const) {
    if (t && (t.getTime() < lo || t.getTime() > hi))
      return `${name} harus dalam rentang sesi (paling jauh ${MARK_SLACK_MINUTES} menit sebelum mulai atau sesudah selesai)`;
  }
  if (arrivedAt && leftAt && leftAt.getTime() <= arrivedAt.getTime()) return 'leftAt harus sesudah arrivedAt';
  return null;
}
