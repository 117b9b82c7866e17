import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgencyTimeZone, AudienceKind } from '@kompeten/shared-contracts';
import { AgencyEntity, WorkUnitEntity } from '@kompeten/server-organisation';
import { UserAccountEntity } from '@kompeten/server-identity';

/**
 * A live assignment of a course to an audience (decision 0025): everyone in a work unit (with its sub-units when
 * `includeSubUnits`) or everyone holding a position in an agency. Members are enrolled when it is created; people who
 * join later are enrolled by enrolment's jobs until `endsAt`. Ending it stops new enrolments; existing ones stay.
 */
@Entity('audience_assignment')
@Check(
  'audience_assignment_kind_check',
  `(kind = 'unit' AND unit_id IS NOT NULL AND position_name IS NULL) OR (kind = 'position' AND position_name IS NOT NULL AND unit_id IS NULL)`,
)
@Check(
  'audience_assignment_due_check',
  `(due_at IS NULL AND due_days IS NULL AND due_time_zone IS NULL) OR ((due_at IS NULL) <> (due_days IS NULL) AND coalesce(due_time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura'), false))`,
)
@Check('audience_assignment_due_days_check', `due_days IS NULL OR due_days BETWEEN 1 AND 3650`)
@Check('audience_assignment_period_check', `ends_at IS NULL OR ends_at >= starts_at`)
export class AudienceAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_audience_assignment_course')
  @ForeignKey('course', { name: 'audience_assignment_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  /** The agency whose ASN the audience covers (the unit's agency, or the agency of the position). */
  @Index('ix_audience_assignment_agency')
  @ForeignKey(() => AgencyEntity, { name: 'audience_assignment_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text')
  kind: AudienceKind;

  @ForeignKey(() => WorkUnitEntity, { name: 'audience_assignment_unit_id_fkey' })
  @Column('uuid', { nullable: true })
  unitId: string | null;

  @Column('boolean', { default: true })
  includeSubUnits: boolean;

  @Column('text', { nullable: true })
  positionName: string | null;

  @Column('boolean', { default: false })
  mandatory: boolean;

  /** A fixed due instant (the end of a local day, decision 0015), or null. */
  @Column('timestamptz', { nullable: true })
  dueAt: Date | null;

  /** The creator's zone: the fixed due date's, or the one whose local days `dueDays` counts. */
  @Column('text', { nullable: true })
  dueTimeZone: AgencyTimeZone | null;

  /** Or: due this many days after each enrolment (the end of that local day in the creator's zone). */
  @Column('integer', { nullable: true })
  dueDays: number | null;

  @Column('timestamptz', { default: () => 'now()' })
  startsAt: Date;

  @Column('timestamptz', { nullable: true })
  endsAt: Date | null;

  @ForeignKey(() => UserAccountEntity, { name: 'audience_assignment_created_by_fkey' })
  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
