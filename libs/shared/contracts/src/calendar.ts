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
