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
import type { Language } from '@kompeten/shared-contracts';
import { EmployeeEntity } from './employee.entity';

/** A login. Most belong to an ASN (employee); a platform admin may have none. */
@Entity('user_account')
@Check('user_account_email_check', `email = lower(email)`)
@Check('user_account_pending_email_check', `pending_email = lower(pending_email)`)
@Check('user_account_language_check', `language IN ('id','en')`)
export class UserAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => EmployeeEntity, { name: 'user_account_employee_id_fkey' })
  @Index('uq_user_account_employee', { unique: true, where: 'employee_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  employeeId: string | null;

  /** Lower-cased; unique when present. */
  @Index('uq_user_account_email', { unique: true, where: 'email IS NOT NULL' })
  @Column('text', { nullable: true })
  email: string | null;

  /** A login email asked for but not yet confirmed by the user: sign-in keeps using `email` until then. Not unique. */
  @Column('text', { nullable: true })
  pendingEmail: string | null;

  @Column('timestamptz', { nullable: true })
  pendingEmailSetAt: Date | null;

  @ForeignKey(() => UserAccountEntity, { name: 'user_account_pending_email_set_by_fkey', onDelete: 'SET NULL' })
  @Column('uuid', { nullable: true })
  pendingEmailSetBy: string | null;

  /** argon2id; null until a password is set (a new account, or one whose password an admin reset). */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  /** Unused since decision 0011 (login throttling lives in Redis); kept until a later migration drops it. */
  @Column('int', { default: 0 })
  failedLoginCount: number;

  /** Unused since decision 0011: there is no account lockout any more; kept until a later migration drops it. */
  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  @Column('timestamptz', { nullable: true })
  passwordChangedAt: Date | null;

  @Column('boolean', { default: true })
  active: boolean;

  /** The language the user chose (decision 0026): the web applies it at sign-in; the API answers in it by default. */
  @Column('text', { default: 'id' })
  language: Language;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
