import type { ClassJpBasis } from '@kompeten/shared-contracts';
import { attendedMinutesJp, round2 } from '@kompeten/shared-util';
import { sessionAt, sessionMinutes } from '../attendance/attendance-rules';

/**
 * Completion by attendance (decision 0037), pure. An ASN with a confirmed registration completes a class when the
 * minutes they attended (each session's minutes, at most the session's length) are at least the rule's share of the
 * scheduled minutes, and — when the offering links an e-learning course — that course is completed too. The JP is the
 * offering's declared JP, or with `jpByMinutes` the minutes attended ÷ the rule's minutes per JP, at most the
 * declared JP (the same function the JP ledger credits with).
 */
export interface CompletionRule {
  minAttendancePercent: number;
  jpByMinutes: boolean;
  minutesPerJp: number;
}

export interface AttendedSession {
  sessionIndex: number;
  status: 'present' | 'absent';
  minutes: number;
}

export function scheduledMinutesOf(sessions: ReadonlyArray<readonly [string, string]>): number {
  let total = 0;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessionAt(sessions, i);
    if (s) total += sessionMinutes(s);
  }
  return total;
}

/** Present minutes over the class's sessions, each capped at its session's length; rows of unknown sessions ignored. */
export function attendedMinutesOf(
  sessions: ReadonlyArray<readonly [string, string]>,
  rows: readonly AttendedSession[],
): number {
  let total = 0;
  for (const r of rows) {
    const s = sessionAt(sessions, r.sessionIndex);
    if (s && r.status === 'present') total += Math.min(Math.max(0, r.minutes), sessionMinutes(s));
  }
  return total;
}

/** Percent with two decimals, rounded down (79.999 is not 80). */
export const attendancePercent = (attended: number, scheduled: number) =>
  scheduled > 0 ? Math.floor((attended * 10000) / scheduled) / 100 : 0;

export type CourseState = 'not_required' | 'completed' | 'missing';

export type CompletionDecision =
  | { completed: true; attendancePercent: number; jp: number; jpBasis: ClassJpBasis; minutesPerJp: number | null }
  | { completed: false; attendancePercent: number; reason: 'attendance' | 'course' };

export function decideCompletion(input: {
  rule: CompletionRule;
  offeringJp: number;
  scheduledMinutes: number;
  attendedMinutes: number;
  course: CourseState;
}): CompletionDecision {
  const { rule, scheduledMinutes, attendedMinutes } = input;
  const percent = attendancePercent(attendedMinutes, scheduledMinutes);
  // Integer comparison: attended / scheduled ≥ min% exactly, without rounding.
  if (scheduledMinutes <= 0 || attendedMinutes * 100 < rule.minAttendancePercent * scheduledMinutes)
    return { completed: false, attendancePercent: percent, reason: 'attendance' };
  if (input.course === 'missing') return { completed: false, attendancePercent: percent, reason: 'course' };
  return rule.jpByMinutes
    ? {
        completed: true,
        attendancePercent: percent,
        jp: attendedMinutesJp(attendedMinutes, rule.minutesPerJp, input.offeringJp),
        jpBasis: 'attended_minutes',
        minutesPerJp: rule.minutesPerJp,
      }
    : {
        completed: true,
        attendancePercent: percent,
        jp: round2(input.offeringJp),
        jpBasis: 'declared_jp',
        minutesPerJp: null,
      };
}
