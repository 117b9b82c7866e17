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
import type { AgencyTimeZone, EnrolmentSource, EnrolmentStatus } from '@kompeten/shared-contracts';
import { AgencyEntity } from '@kompeten/server-organisation';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';
import { AudienceAssignmentEntity } from './audience-assignment.entity';

/**
 * One learner in one course: the version they study, how they came (self or assigned) and where they stand.
 * The course tables belong to the learning lib; their foreign keys are named by table so this lib needs none of its code.
 */
@Entity('enrolment')
@Check('enrolment_source_check', `source IN ('self','assigned')`)
@Check('enrolment_status_check', `status IN ('pending_approval','active','completed','withdrawn','rejected')`)
@Check(
  'enrolment_due_time_zone_check',
  `(due_at IS NULL AND due_time_zone IS NULL) OR (due_at IS NOT NULL AND coalesce(due_time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura'), false))`,
)
@Index('uq_enrolment_course_employee', ['courseId', 'employeeId'], { unique: true })
@Index('ix_enrolment_pending', ['agencyId'], { where: `status = 'pending_approval'` })
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('course', { name: 'enrolment_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @ForeignKey('course_version', { name: 'enrolment_course_version_id_fkey' })
  @Column('uuid')
  courseVersionId: string;

  @Index('ix_enrolment_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'enrolment_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  /** The learner's agency when enrolled (approvals and reports filter by it). */
  @ForeignKey(() => AgencyEntity, { name: 'enrolment_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text')
  source: EnrolmentSource;

  @ForeignKey(() => UserAccountEntity, { name: 'enrolment_assigned_by_fkey' })
  @Column('uuid', { nullable: true })
  assignedBy: string | null;

  /** The last second that still counts (a due date: 23:59:59 local of the zone below). */
  @Column('timestamptz', { nullable: true })
  dueAt: Date | null;

  /** The zone of the agency that set the due date (decision 0015); null exactly when dueAt is. */
  @Column('text', { nullable: true })
  dueTimeZone: AgencyTimeZone | null;

  @Column('text')
  status: EnrolmentStatus;

  @ForeignKey(() => UserAccountEntity, { name: 'enrolment_decided_by_fkey' })
  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  /** Why a request was rejected (optional), told to the learner in their notification. */
  @Column('text', { nullable: true })
  decisionReason: string | null;

  /** Share of required lessons completed. numeric: read as a string by pg. */
  @Column('numeric', { precision: 5, scale: 2, default: 0 })
  progressPercent: string;

  /** Assigned as mandatory: the learner cannot withdraw (decision 0025). */
  @Column('boolean', { default: false })
  mandatory: boolean;

  /** The live audience assignment that enrolled them, if any. */
  @Index('ix_enrolment_audience_assignment')
  @ForeignKey(() => AudienceAssignmentEntity, { name: 'enrolment_audience_assignment_id_fkey' })
  @Column('uuid', { nullable: true })
  audienceAssignmentId: string | null;

  @Column('timestamptz', { nullable: true })
  lastActivityAt: Date | null;

  /** When the learner's last player event was credited: the next event credits at most the time since (docs/learning.md). */
  @Column('timestamptz', { nullable: true })
  lastProgressAt: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
