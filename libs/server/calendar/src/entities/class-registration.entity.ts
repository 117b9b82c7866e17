import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ClassRegistrationStatus, SeatPool } from '@kompeten/shared-contracts';
import { AgencyEntity } from '@kompeten/server-organisation';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';
import { TrainingClassEntity } from './training-class.entity';

/**
 * One ASN in one class (decision 0034). At most one live registration (confirmed, pending approval, waitlisted) per
 * class and ASN; cancelled and refused ones stay as history. A seat-holding registration says which pool it took.
 * While it holds a seat it also carries its class's sessions (`held_sessions`), and the exclusion constraint refuses a
 * second seat of the same ASN whose sessions overlap (nobody confirmed into two overlapping classes).
 */
@Entity('class_registration')
@Check(
  'class_registration_status_check',
  `status IN ('confirmed','pending_approval','waitlisted','cancelled','refused')`,
)
@Check(
  'class_registration_seat_check',
  `CASE status WHEN 'waitlisted' THEN seat_pool IS NULL WHEN 'confirmed' THEN seat_pool IS NOT NULL WHEN 'pending_approval' THEN seat_pool IS NOT NULL ELSE true END AND coalesce(seat_pool IN ('quota','common'), true)`,
)
@Check('class_registration_waitlist_check', `status <> 'waitlisted' OR waitlist_number IS NOT NULL`)
@Index('uq_class_registration_live', ['classId', 'employeeId'], {
  unique: true,
  where: `status IN ('confirmed','pending_approval','waitlisted')`,
})
@Exclusion(
  'class_registration_no_overlap',
  'USING gist (employee_id WITH =, held_sessions WITH &&) WHERE (held_sessions IS NOT NULL)',
)
@Index('ix_class_registration_waitlist', ['classId', 'waitlistNumber'], { where: `status = 'waitlisted'` })
export class ClassRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => TrainingClassEntity, { name: 'class_registration_class_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  classId: string;

  @Index('ix_class_registration_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'class_registration_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  /** The learner's agency when registering: the quota it counts against. */
  @ForeignKey(() => AgencyEntity, { name: 'class_registration_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text')
  status: ClassRegistrationStatus;

  @Column('text', { nullable: true })
  seatPool: SeatPool | null;

  @Column('bigint', { nullable: true })
  waitlistNumber: string | null;

  /** The HR officer who nominated the ASN; null for self-registration. */
  @ForeignKey(() => UserAccountEntity, { name: 'class_registration_nominated_by_fkey' })
  @Column('uuid', { nullable: true })
  nominatedBy: string | null;

  @ForeignKey(() => UserAccountEntity, { name: 'class_registration_decided_by_fkey' })
  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  /**
   * The class's sessions as a tstzmultirange while this registration holds a seat (confirmed or pending approval),
   * NULL otherwise (and for old double bookings grandfathered by migration 1797740000000). Written only by the
   * registration statements; not read through TypeORM.
   */
  @Column({ type: 'tstzmultirange', nullable: true, select: false })
  heldSessions: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
