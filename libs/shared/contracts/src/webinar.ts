/**
 * Webinars (issue 18, decision 0038): joining an online class through Kompeten, presence checks during its sessions,
 * and the minutes attended they add up to. Instants are ISO 8601 UTC; `sessionIndex` points into the class's schedule.
 */

/** How long a presence check stays open for answers, and how early the meeting room opens before a session. */
export const PRESENCE_CHECK_WINDOW_MINUTES = 5;
export const JOIN_OPENS_MINUTES_BEFORE = 15;
/** Wrong codes a learner may send for one check before it is closed for them. */
export const PRESENCE_CHECK_MAX_ATTEMPTS = 3;

/** The answer to a join: where to go, and the join as recorded (one per class, ASN and session). */
export interface WebinarJoin {
  meetingUrl: string;
  sessionIndex: number;
  sessionStartsAt: string;
  sessionEndsAt: string;
  firstJoinedAt: string;
  /** Joins of this session, a retry or double click within 30 s not counted again. */
  joinCount: number;
  /** true when this join registered the learner (an unlimited webinar with its registration open). */
  autoRegistered: boolean;
}

/** A session of the class with the join window. */
export interface WebinarSession {
  index: number;
  startsAt: string;
  endsAt: string;
  joinOpensAt: string;
}

/** An open presence check as a learner sees it (never the code). */
export interface OpenPresenceCheck {
  id: string;
  sessionIndex: number;
  opensAt: string;
  closesAt: string;
  answered: boolean;
  attemptsLeft: number;
}

/** The learner's webinar page, polled while it is open. */
export interface LearnerWebinarView {
  classId: string;
  className: string;
  offeringTitle: string;
  timeZone: string;
  registrationStatus: string | null;
  /** The learner may join now without registering first (an unlimited webinar whose registration is open). */
  canAutoRegister: boolean;
  sessions: WebinarSession[];
  /** The session whose join window is open now, or null. */
  currentSession: number | null;
  joinedCurrentSession: boolean;
  openCheck: OpenPresenceCheck | null;
}

export type PresenceCheckOrigin = 'scheduled' | 'host';

/** A presence check as the host sees it: its code and how many answered. */
export interface HostPresenceCheck {
  id: string;
  sessionIndex: number;
  code: string;
  origin: PresenceCheckOrigin;
  opensAt: string;
  closesAt: string;
  answered: number;
}

/** The host's page: the current code, the session's checks and counts. */
export interface HostWebinarView {
  classId: string;
  className: string;
  offeringTitle: string;
  timeZone: string;
  sessions: WebinarSession[];
  currentSession: number | null;
  /** Learners with a confirmed registration. */
  registered: number;
  /** Learners who joined the current session (or the last one when none is current). */
  joined: number;
  openCheck: HostPresenceCheck | null;
  /** Checks of the current (or last) session that have opened, newest first; scheduled ones still ahead are not shown. */
  checks: HostPresenceCheck[];
}

export interface PresenceAnswer {
  checkId: string;
  answeredAt: string;
  alreadyAnswered: boolean;
}

/** One learner's joins and answers in one session (host and admin list). */
export interface WebinarParticipant {
  employeeId: string;
  employeeName: string | null;
  nip: string | null;
  sessionIndex: number;
  firstJoinedAt: string | null;
  joinCount: number;
  answeredChecks: number;
}
