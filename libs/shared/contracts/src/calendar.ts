/**
 * The training calendar (issue 18, decision 0034): offerings, their classes (angkatan) with agency quotas, and class
 * registrations. Dates are `YYYY-MM-DD` local days of the organising agency; instants are ISO 8601 UTC.
 */
import type { AgencyTimeZone } from './enums';
import type { CompetencyKind } from './learning';

export const CLASS_MODES = ['classroom', 'online', 'blended'] as const;
export type ClassMode = (typeof CLASS_MODES)[number];

export const CLASS_REGISTRATION_STATUSES = [
  'confirmed',
  'pending_approval',
  'waitlisted',
  'cancelled',
  'refused',
] as const;
export type ClassRegistrationStatus = (typeof CLASS_REGISTRATION_STATUSES)[number];

/** Where a held seat came from: the learner's agency quota or the seats open to all. */
export const SEAT_POOLS = ['quota', 'common'] as const;
export type SeatPool = (typeof SEAT_POOLS)[number];

/** One day of a class: its local date and wall-clock times in the organising agency's zone. */
export interface ClassDay {
  date: string;
  start: string;
  end: string;
}

/** A speaker: an internal ASN (employeeId) or an external person (name and institution). */
export interface ClassSpeaker {
  employeeId: string | null;
  name: string;
  institution: string | null;
  role: string | null;
}

export interface ClassQuota {
  agencyId: string;
  agencyName: string;
  seats: number;
  taken: number;
}

export interface TrainingOffering {
  id: string;
  agencyId: string;
  agencyName: string;
  title: string;
  description: string | null;
  jenisDiklatId: number;
  jp: number;
  competencyKind: CompetencyKind;
  courseId: string | null;
  classCount: number;
  createdAt: string;
}

export interface TrainingClass {
  id: string;
  offeringId: string;
  offeringTitle: string;
  agencyId: string;
  name: string;
  timeZone: AgencyTimeZone;
  startDate: string;
  endDate: string;
  schedule: ClassDay[];
  mode: ClassMode;
  venue: string | null;
  meetingUrl: string | null;
  speakers: ClassSpeaker[];
  /** null: unlimited (a webinar). */
  seats: number | null;
  taken: number;
  waiting: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  cancellationDeadline: string;
  requiresApproval: boolean;
  waitlist: boolean;
  quotaReleaseAt: string | null;
  quotas: ClassQuota[];
  jp: number;
  jenisDiklatId: number;
  competencyKind: CompetencyKind;
  status: 'scheduled' | 'cancelled';
  /** Incremented by every edit and the cancellation (iCalendar SEQUENCE). */
  sequence: number;
  updatedAt: string;
  cancelledAt: string | null;
  cancellationReason: string | null;
}

export interface ClassRegistration {
  id: string;
  classId: string;
  /** "Offering title — class name" in lists; null in the answer to a registration. */
  classTitle: string | null;
  employeeId: string;
  employeeName: string | null;
  agencyId: string;
  status: ClassRegistrationStatus;
  seatPool: SeatPool | null;
  /** The arrival number on the class's waitlist (kept after promotion). */
  waitlistNumber: number | null;
  /** People ahead on the list + 1, while waitlisted; null otherwise. */
  waitlistPosition: number | null;
  nominatedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
}

/** The immediate answer to a registration or nomination. */
export interface RegistrationAnswer {
  registration: ClassRegistration;
  /** true: the ASN was registered already (live); this is that registration, nothing changed. */
  alreadyRegistered: boolean;
}

// ---- the calendar itself (issue 18, decision 0040): views, class edits, feeds ----------------------------------

/** A registration's state as the learner's calendar shows it: a live status, or the class cancelled by its organiser. */
export type MyClassStatus = 'confirmed' | 'pending_approval' | 'waitlisted' | 'cancelled_by_organiser';

/**
 * One session (one day of a class's schedule) on the calendar. `date`, `start` and `end` are the local wall-clock
 * times in the organising agency's zone (`timeZone`, labelled `zoneLabel`); `startsAt`/`endsAt` the same instants in UTC.
 */
export interface CalendarEvent {
  /** `<classId>:<sessionIndex>`: stable while the class keeps that day's position in its schedule. */
  id: string;
  classId: string;
  sessionIndex: number;
  sessionCount: number;
  title: string;
  className: string;
  offeringTitle: string;
  date: string;
  start: string;
  end: string;
  timeZone: AgencyTimeZone;
  zoneLabel: 'WIB' | 'WITA' | 'WIT';
  startsAt: string;
  endsAt: string;
  mode: ClassMode;
  venue: string | null;
  /** Only for those who may see it: admins of the organiser and ASN holding or waiting for a seat. */
  meetingUrl: string | null;
  agencyId: string;
  agencyName: string;
  jenisDiklatId: number;
  competencyKind: CompetencyKind;
  jp: number;
  classStatus: 'scheduled' | 'cancelled';
  /** null: unlimited seats. */
  seatsLeft: number | null;
  /** Registration window open now on a scheduled class. */
  registrationOpen: boolean;
  /** Open now, the caller is an eligible ASN and not registered already. */
  openForMe: boolean;
  /** The caller's live registration in the class, if any. */
  myStatus: MyClassStatus | null;
}

/** A bounded window of the calendar: never more than `limit` events; `truncated` says some were left out. */
export interface CalendarEvents {
  from: string;
  to: string;
  events: CalendarEvent[];
  limit: number;
  truncated: boolean;
}

/** A due date of one of the learner's courses: the last second that counts, and the local day in the setter's zone. */
export interface CalendarDueDate {
  enrolmentId: string;
  courseId: string;
  courseTitle: string;
  dueAt: string;
  dueDate: string;
  timeZone: AgencyTimeZone;
  zoneLabel: 'WIB' | 'WITA' | 'WIT';
  overdue: boolean;
  mandatory: boolean;
}

/** The learner's own calendar: sessions of their classes (with `myStatus`) and due dates of their courses. */
export interface MyCalendar {
  from: string;
  to: string;
  events: CalendarEvent[];
  dueDates: CalendarDueDate[];
  limit: number;
  truncated: boolean;
}

/** A registrant an edited schedule would double-book: the `details` of the edit's 409 CALENDAR.SCHEDULE_CONFLICT. */
export interface ClassEditConflict {
  registrationId: string;
  employeeId: string;
  employeeName: string | null;
  otherClassId: string;
  otherClassTitle: string;
}

/** The answer to an edit: the class as it is now (an edit that would double-book a registrant is refused instead). */
export interface ClassEditAnswer {
  class: TrainingClass;
  /** The class's iCalendar SEQUENCE after the change. */
  sequence: number;
}

/** The learner's private feed: whether one is live (the URL itself is shown only once, when issued). */
export interface FeedTokenState {
  active: boolean;
  createdAt: string | null;
}

/** A newly issued feed URL (shown once: only its hash is kept). */
export interface IssuedFeedToken {
  url: string;
  webcalUrl: string;
  createdAt: string;
}
