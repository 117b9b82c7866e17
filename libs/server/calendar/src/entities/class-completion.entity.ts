import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ClassJpBasis } from '@kompeten/shared-contracts';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';
import { ClassRegistrationEntity } from './class-registration.entity';
import { TrainingClassEntity } from './training-class.entity';

/**
 * A class completed by attendance (issue 18, decision 0037): written once per class and ASN when the class is
 * finalised, with the `class.completed` outbox event in the same transaction; JP credit and the certificate consume
 * it through `findClassCompletion`. Immutable: what it says was decided by the class's rule at that moment.
 */
@Entity('class_completion')
@Unique('uq_class_completion_class_employee', ['classId', 'employeeId'])
@Check('class_completion_jp_basis_check', `jp_basis IN ('declared_jp','attended_minutes')`)
@Check('class_completion_minutes_check', `attended_minutes >= 0 AND scheduled_minutes > 0 AND jp >= 0`)
export class ClassCompletionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => TrainingClassEntity, { name: 'class_completion_class_id_fkey' })
  @Column('uuid')
  classId: string;

  @Index('ix_class_completion_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'class_completion_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  @ForeignKey(() => ClassRegistrationEntity, { name: 'class_completion_registration_id_fkey' })
  @Column('uuid')
  registrationId: string;

  @Column('int')
  scheduledMinutes: number;

  @Column('int')
  attendedMinutes: number;

  /** numeric: read as a string by pg. */
  @Column('numeric', { precision: 5, scale: 2 })
  attendancePercent: string;

  @Column('numeric', { precision: 6, scale: 2 })
  jp: string;

  @Column('text')
  jpBasis: ClassJpBasis;

  /** The rule's minutes per JP when the JP is by minutes attended. */
  @Column('smallint', { nullable: true })
  minutesPerJp: number | null;

  /**
   * The linked e-learning course's completion the rule required (enrolment's row, read through its reader; no foreign
   * key, so the calendar's tables do not depend on enrolment's schema).
   */
  @Column('uuid', { nullable: true })
  courseCompletionId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  completedAt: Date;

  /** The trainer or admin whose finalisation wrote it. */
  @ForeignKey(() => UserAccountEntity, { name: 'class_completion_finalised_by_fkey' })
  @Column('uuid', { nullable: true })
  finalisedBy: string | null;
}
