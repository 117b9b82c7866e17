import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { PresenceCheckEntity } from './presence-check.entity';

/**
 * A learner's answer to one presence check (decision 0038): one row per check and ASN, counting attempts; answered
 * once the right code arrived (`answeredAt`), and never again after that or after the last allowed wrong code.
 */
@Entity('presence_check_answer')
@Check('presence_check_answer_attempts_check', `attempts >= 1`)
export class PresenceCheckAnswerEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => PresenceCheckEntity, { name: 'presence_check_answer_check_id_fkey', onDelete: 'CASCADE' })
  checkId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'presence_check_answer_employee_id_fkey' })
  employeeId: string;

  @Column('int', { default: 1 })
  attempts: number;

  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  lastAttemptAt: Date;
}
