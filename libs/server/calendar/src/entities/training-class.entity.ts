import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AgencyTimeZone, ClassDay, ClassMode, ClassSpeaker } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';
import { TrainingOfferingEntity } from './training-offering.entity';

/**
 * One class (angkatan) of an offering, with its seat counters (decision 0034): `taken` seats held (confirmed and
 * pending approval), `common_taken` of them from the seats open to all, `waitlist_seq` waitlist numbers given out,
 * `waitlist_gone` waitlisted registrations that left the list (promoted or cancelled). Only statements holding this
 * row's lock change them.
 */
@Entity('training_class')
@Check('training_class_mode_check', `mode IN ('classroom','online','blended')`)
@Check('training_class_status_check', `status IN ('scheduled','cancelled')`)
@Check('training_class_time_zone_check', `time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')`)
@Check('training_class_seats_check', `seats IS NULL OR (seats > 0 AND quota_seats <= seats AND taken <= seats)`)
@Check(
  'training_class_counters_check',
  `taken >= 0 AND common_taken >= 0 AND common_taken <= taken AND waitlist_gone <= waitlist_seq`,
)
@Check('training_class_window_check', `registration_opens_at < registration_closes_at AND starts_at < ends_at`)
@Check('training_class_sequence_check', `sequence >= 0`)
@Check('training_class_cancelled_check', `(status = 'cancelled') = (cancelled_at IS NOT NULL)`)
@Check(
  'training_class_completion_rule_check',
  `completion_min_attendance_percent BETWEEN 1 AND 100 AND completion_minutes_per_jp BETWEEN 1 AND 240`,
)
@Index('ix_training_class_time', ['startsAt', 'endsAt'])
export class TrainingClassEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_training_class_offering')
  @ForeignKey(() => TrainingOfferingEntity, { name: 'training_class_offering_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  offeringId: string;

  /** The organising agency (the offering's), kept here for scope checks and listing without a join. */
  @Index('ix_training_class_agency')
  @ForeignKey(() => AgencyEntity, { name: 'training_class_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text')
  name: string;

  /** The organising agency's zone: the schedule's wall-clock times are read in it. */
  @Column('text')
  timeZone: AgencyTimeZone;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  /** Local days and times (ClassDay[]). */
  @Column('jsonb')
  schedule: ClassDay[];

  /** The same days as UTC intervals [[startIso, endIso], …] for the conflict check. */
  @Column('jsonb')
  sessions: [string, string][];

  /** First session's start and last session's end: the coarse filter of the conflict check. */
  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('text')
  mode: ClassMode;

  @Column('text', { nullable: true })
  venue: string | null;

  @Column('text', { nullable: true })
  meetingUrl: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  speakers: ClassSpeaker[];

  /** null: unlimited seats (a webinar). */
  @Column('int', { nullable: true })
  seats: number | null;

  /** The sum of the class's quotas. */
  @Column('int', { default: 0 })
  quotaSeats: number;

  @Column('timestamptz')
  registrationOpensAt: Date;

  @Column('timestamptz')
  registrationClosesAt: Date;

  @Column('timestamptz')
  cancellationDeadline: Date;

  @Column('boolean', { default: false })
  requiresApproval: boolean;

  /** false: a registrant finding no seat is refused (CALENDAR.CLASS_FULL) instead of waitlisted. */
  @Column('boolean', { default: true })
  waitlist: boolean;

  /** From this instant unused quota seats are open to all. null: quotas are never released. */
  @Column('timestamptz', { nullable: true })
  quotaReleaseAt: Date | null;

  @Column('text', { default: 'scheduled' })
  status: 'scheduled' | 'cancelled';

  @Column('int', { default: 0 })
  taken: number;

  @Column('int', { default: 0 })
  commonTaken: number;

  @Column('bigint', { default: 0 })
  waitlistSeq: string;

  @Column('bigint', { default: 0 })
  waitlistGone: string;

  /** Incremented by every edit and the cancellation: iCalendar's SEQUENCE (decision 0040). */
  @Column('int', { default: 0 })
  sequence: number;

  /** Set when the cancellation is recorded; with `status = 'cancelled'` (a check ties them). */
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @ForeignKey(() => UserAccountEntity, { name: 'training_class_cancelled_by_fkey' })
  @Column('uuid', { nullable: true })
  cancelledBy: string | null;

  @Column('text', { nullable: true })
  cancellationReason: string | null;
  /** Completion rule (decision 0037): the share of the scheduled minutes to attend. */
  @Column('smallint', { default: 80 })
  completionMinAttendancePercent: number;

  /** Completion rule: JP by minutes attended (at `completionMinutesPerJp`, at most the offering's JP) or declared. */
  @Column('boolean', { default: false })
  completionJpByMinutes: boolean;

  @Column('smallint', { default: 45 })
  completionMinutesPerJp: number;

  /** When the class was last finalised (completions decided); null: never. */
  @Column('timestamptz', { nullable: true })
  finalisedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The last edit or cancellation: iCalendar's LAST-MODIFIED. Seat counters moving do not touch it. */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
