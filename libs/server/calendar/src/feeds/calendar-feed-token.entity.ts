import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';

/**
 * A learner's private calendar feed (decision 0040): the URL carries a random token; only its SHA-256 is kept. At most
 * one live token per ASN; issuing a new one revokes the old, and a revoked token reads nothing (404).
 */
@Entity('calendar_feed_token')
@Unique('uq_calendar_feed_token_hash', ['tokenHash'])
@Index('uq_calendar_feed_token_live', ['employeeId'], { unique: true, where: `revoked_at IS NULL` })
export class CalendarFeedTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => EmployeeEntity, { name: 'calendar_feed_token_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  /** hex SHA-256 of the token. */
  @Column('text')
  tokenHash: string;

  @ForeignKey(() => UserAccountEntity, { name: 'calendar_feed_token_created_by_fkey' })
  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
