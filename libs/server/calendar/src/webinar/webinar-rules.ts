import { JOIN_OPENS_MINUTES_BEFORE, PRESENCE_CHECK_WINDOW_MINUTES } from '@kompeten/shared-contracts';

const MIN = 60_000;

/** No scheduled check in the first or last minutes of a session (people arrive; the host closes). */
export const CHECK_MARGIN_MINUTES = 10;
/** Arriving later than this after the session's start marks the attendance late (decision 0038). */
export const LATE_GRACE_MINUTES = 10;
/** Leaving (last counted minute) earlier than this before the session's end marks it left early. */
export const EARLY_GRACE_MINUTES = 10;

/** [start, end) of one session in epoch milliseconds. */
export interface SessionSpan {
  start: number;
  end: number;
}

/** The index of the session whose join window (15 minutes before its start until its end) holds `now`, or null. */
export function joinableSession(sessions: readonly SessionSpan[], now: number): number | null {
  const i = sessions.findIndex((s) => now >= s.start - JOIN_OPENS_MINUTES_BEFORE * MIN && now < s.end);
  return i < 0 ? null : i;
}

/** The index of the session running at `now` (start ≤ now < end), or null. */
export function runningSession(sessions: readonly SessionSpan[], now: number): number | null {
  const i = sessions.findIndex((s) => now >= s.start && now < s.end);
  return i < 0 ? null : i;
}

/**
 * How many presence checks a session gets: about one per hour, at least 2 and at most 4, fewer when the usable span
 * (the session less its margins, or what remains of it when it is planned late) cannot hold them each in its own slot
 * of at least twice the answer window.
 */
export function checkCount(usableMs: number, sessionMs: number): number {
  const wanted = Math.min(4, Math.max(2, Math.round(sessionMs / (60 * MIN))));
  const fits = Math.floor(usableMs / (2 * PRESENCE_CHECK_WINDOW_MINUTES * MIN));
  return Math.max(0, Math.min(wanted, fits));
}

/**
 * The random moments of a session's presence checks (decision 0038). The usable span — from the session's start (or
 * `now`, when planned late) plus the margin to its end less the margin and the answer window — is cut into equal
 * slots and each check falls at a random moment of its slot, so checks are spread out but unpredictable. `random`
 * returns [0, 1) (Math.random, or a seeded one in tests). Returns instants in epoch ms, ascending, whole seconds.
 */
export function planCheckMoments(session: SessionSpan, now: number, random: () => number = Math.random): number[] {
  const from = Math.max(session.start, now) + CHECK_MARGIN_MINUTES * MIN;
  const to = session.end - CHECK_MARGIN_MINUTES * MIN - PRESENCE_CHECK_WINDOW_MINUTES * MIN;
  const usable = to - from;
  const n = checkCount(usable, session.end - session.start);
  if (n === 0) return [];
  const slot = usable / n;
  return Array.from({ length: n }, (_, k) => Math.floor((from + k * slot + random() * slot) / 1000) * 1000);
}

/** A four-digit code from a random integer source (crypto.randomInt in the service). */
export function checkCode(randomInt: (max: number) => number): string {
  return String(randomInt(10_000)).padStart(4, '0');
}

export interface LearnerEvidence {
  /** First join of this session through Kompeten, epoch ms, or null. */
  firstJoin: number | null;
  /** Every check that opened in the session: its opening instant and whether this learner answered it right. */
  checks: ReadonlyArray<{ opensAt: number; answered: boolean }>;
}

export interface SessionAttendance {
  minutes: number;
  /** First evidence of presence: the first join, or the first answered check for one who came another way. */
  arrivedAt: number | null;
  /** End of the last counted stretch. */
  leftAt: number | null;
  late: boolean;
  leftEarly: boolean;
}

/**
 * Minutes attended in one webinar session (decision 0038), exact and re-computable:
 * 1. The session [start, end) is cut into segments at the opening instants of its presence checks.
 * 2. Arrival is the first join through Kompeten (never before the start); a learner who never joined that way
 *    arrives at the first check they answered. Nothing before arrival counts.
 * 3. A segment that a check closes counts when that check was answered.
 * 4. The last segment (after the last check — or the whole session when it had no check) has no check closing it:
 *    it counts when the learner's presence is known at its start — the last check answered, or, in a session
 *    without checks, a join before it ended.
 * 5. Minutes are the counted milliseconds, floored to whole minutes (never more than the session's length).
 * Late: arrival later than the start plus LATE_GRACE_MINUTES. Left early: the last counted instant is earlier than
 * the end less EARLY_GRACE_MINUTES. Pure: the same evidence always gives the same answer.
 */
export function sessionMinutes(session: SessionSpan, e: LearnerEvidence): SessionAttendance {
  const checks = e.checks
    .filter((c) => c.opensAt > session.start && c.opensAt < session.end)
    .sort((a, b) => a.opensAt - b.opensAt);
  const join = e.firstJoin !== null && e.firstJoin < session.end ? Math.max(e.firstJoin, session.start) : null;
  const firstAnswer = checks.find((c) => c.answered)?.opensAt ?? null;
  const arrival = join ?? firstAnswer;
  if (arrival === null) return { minutes: 0, arrivedAt: null, leftAt: null, late: false, leftEarly: false };
  const bounds = [session.start, ...checks.map((c) => c.opensAt), session.end];
  let counted = 0;
  let leftAt: number | null = null;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [from, to] = [Math.max(bounds[k], arrival), bounds[k + 1]];
    const closing = checks[k];
    const counts = closing ? closing.answered : checks.length ? checks[checks.length - 1].answered : join !== null;
    if (!counts || to <= from) continue;
    counted += to - from;
    leftAt = to;
  }
  const minutes = Math.min(Math.floor(counted / MIN), Math.floor((session.end - session.start) / MIN));
  return {
    minutes,
    arrivedAt: arrival,
    leftAt,
    late: arrival > session.start + LATE_GRACE_MINUTES * MIN,
    leftEarly: leftAt === null || leftAt < session.end - EARLY_GRACE_MINUTES * MIN,
  };
}
