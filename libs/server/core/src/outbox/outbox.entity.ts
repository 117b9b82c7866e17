import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `pending` until the relay has written its deliveries (`sent`); `parked` when it cannot (unknown type, no consumers). */
export type OutboxEventStatus = 'pending' | 'sent' | 'parked';

/**
 * Transactional outbox: written in the same transaction as the business change,
 * relayed to BullMQ by the worker, so no event is lost if Redis or the process dies.
 * Each consumer's progress is in outbox_delivery; sent rows are pruned after OUTBOX_RETENTION_DAYS.
 */
@Entity('outbox_event')
@Check('outbox_event_status_check', `status IN ('pending','sent','parked')`)
@Index('ix_outbox_event_pending', ['createdAt'], { where: `status = 'pending'` })
@Index('ix_outbox_event_sent', ['sentAt'], { where: `status = 'sent'` })
@Index('ix_outbox_event_parked', ['parkedAt'], { where: `status = 'parked'` })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  eventType: string;

  /** The entity the event's jobs act on: job ids are `<jobName>.<aggregateId>`. */
  @Column('uuid', { nullable: true })
  aggregateId: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('text', { default: 'pending' })
  status: OutboxEventStatus;

  /** When the relay wrote the event's deliveries. */
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  parkedAt: Date | null;

  /** Relay passes over this row, failed ones included. */
  @Column('int', { default: 0 })
  attempts: number;

  /** The last relay error, or why the row was parked. */
  @Column('text', { nullable: true })
  lastError: string | null;
}
