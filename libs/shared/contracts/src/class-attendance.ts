/**
 * In-person class attendance and completion by attendance (issue 18, decision 0037). Instants are ISO 8601 UTC; the
 * web shows them in the class's zone with its label (WIB/WITA/WIT).
 */
import type { AgencyTimeZone } from './enums';

export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_SOURCES = ['qr', 'list', 'webinar'] as const;
export type AttendanceSourceKind = (typeof ATTENDANCE_SOURCES)[number];

/** The trainer's two codes: arrival (check-in) and leaving (check-out). */
export const ATTENDANCE_SCAN_KINDS = ['in', 'out'] as const;
export type AttendanceScanKind = (typeof ATTENDANCE_SCAN_KINDS)[number];

/** How a class completion's JP was decided: the offering's declared JP, or the minutes attended. */
export const CLASS_JP_BASES = ['declared_jp', 'attended_minutes'] as const;
export type ClassJpBasis = (typeof CLASS_JP_BASES)[number];

/** The QR code the trainer shows: a URL holding a signed token for one class, session and kind, rotating. */
export interface AttendanceQr {
  classId: string;
  sessionIndex: number;
  kind: AttendanceScanKind;
  /** The signed token (also inside `url`). */
  token: string;
  /** `<PUBLIC_URL>/kelas/<classId>/hadir?t=<token>`: what the QR code encodes. */
  url: string;
  /** When the screen should fetch the next code. */
  rotatesAt: string;
  /** The last instant a scan of this code is accepted (rotation + grace). */
  expiresAt: string;
  periodSeconds: number;
}

/** One session's attendance of one ASN (null fields: nothing recorded). */
export interface SessionAttendance {
  sessionIndex: number;
  status: AttendanceStatus | null;
  arrivedAt: string | null;
  leftAt: string | null;
  minutes: number;
  late: boolean;
  leftEarly: boolean;
  source: AttendanceSourceKind | null;
}

/** What a learner's scan recorded. */
export interface ScanResult {
  classId: string;
  className: string;
  offeringTitle: string;
  /** The class's zone: the times are shown in it. */
  timeZone: AgencyTimeZone;
  kind: AttendanceScanKind;
  attendance: SessionAttendance;
  /** true: this scan changed nothing (scanned before). */
  already: boolean;
}

/** A confirmed registrant of a class and their attendance of one session (the trainer's list). */
export interface AttendanceListRow {
  registrationId: string;
  employeeId: string;
  name: string;
  nip: string;
  attendance: SessionAttendance;
}

/** A session of a class for the attendance screens, with its counts. */
export interface AttendanceSession {
  index: number;
  /** Local date and wall-clock times in the class's zone. */
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  present: number;
  absent: number;
  late: number;
  leftEarly: number;
}

/** The completion rule of a class (decision 0037). */
export interface ClassCompletionRule {
  /** Share of the scheduled minutes an ASN must attend (1–100). */
  minAttendancePercent: number;
  /** true: JP = attended minutes ÷ minutesPerJp, at most the offering's JP; false: the offering's JP. */
  jpByMinutes: boolean;
  minutesPerJp: number;
  /** The offering links an e-learning course: its completion is required too. */
  requiresCourse: boolean;
}

/** The trainer's or admin's overview of a class's attendance. */
export interface ClassAttendanceOverview {
  classId: string;
  className: string;
  offeringTitle: string;
  timeZone: AgencyTimeZone;
  venue: string | null;
  /** The caller's role for this class. */
  role: 'admin' | 'trainer';
  confirmed: number;
  sessions: AttendanceSession[];
  rule: ClassCompletionRule;
  /** The last session has ended: the class may be finalised. */
  ended: boolean;
  finalisedAt: string | null;
  completions: number;
}

/** What finalising a class decided. */
export interface FinaliseResult {
  classId: string;
  /** Confirmed registrants evaluated. */
  evaluated: number;
  /** Completed, in total (this run and earlier ones). */
  completed: number;
  /** Completed by this run (each with its `class.completed` event). */
  newlyCompleted: number;
  /** Not completed: attendance under the threshold. */
  shortOfAttendance: number;
  /** Not completed: attendance enough but the linked e-learning course not completed. */
  courseMissing: number;
  finalisedAt: string;
}

export interface ClassCompletionSummary {
  id: string;
  employeeId: string;
  name: string;
  nip: string;
  attendedMinutes: number;
  scheduledMinutes: number;
  attendancePercent: number;
  jp: number;
  jpBasis: ClassJpBasis;
  completedAt: string;
}

/** A learner's view of their attendance and completion of a class. */
export interface MyClassAttendance {
  classId: string;
  className: string;
  offeringTitle: string;
  timeZone: AgencyTimeZone;
  sessions: Array<SessionAttendance & { startsAt: string; endsAt: string }>;
  rule: ClassCompletionRule;
  attendedMinutes: number;
  scheduledMinutes: number;
  attendancePercent: number;
  ended: boolean;
  finalisedAt: string | null;
  completion: { id: string; jp: number; completedAt: string } | null;
}

/** A class whose attendance the caller runs (as its trainer or an admin of the organising agency). */
export interface AttendanceClassSummary {
  id: string;
  name: string;
  offeringTitle: string;
  startDate: string;
  endDate: string;
  timeZone: AgencyTimeZone;
  role: 'admin' | 'trainer';
  ended: boolean;
  finalisedAt: string | null;
}
