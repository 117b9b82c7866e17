import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxEventEntity } from './outbox.entity';

/**
 * - `pending`: to be added to its queue (again, after a lost job or a re-drive);
 * - `queued`: in BullMQ; `attempts` counts its recorded runs (a re-driven job keeps counting);
 * - `done`: ran (success or skipped, in `result`);
 * - `failed`: used up its attempts on failures worth retrying (Redis or a dependency down); may be re-driven;
 * - `parked`: failed permanently (`PermanentJobError`); retrying does not help until someone fixes the cause.
 */
export type OutboxDeliveryStatus = 'pending' | 'queued' | 'done' | 'failed' | 'parked';

/**
 * One consumer's delivery of an outbox event: the durable record of a job, kept in PostgreSQL because BullMQ's
 * completed and failed sets are trimmed. Unique by job id (`<jobName>.<aggregateId>`): one job per consumer and entity.
 */
@Entity('outbox_delivery')
@Check('outbox_delivery_status_check', `status IN ('pending','queued','done','failed','parked')`)
@Index('uq_outbox_delivery_job_id', ['jobId'], { unique: true })
@Index('ix_outbox_delivery_event', ['eventId'])
@Index('ix_outbox_delivery_pending', ['availableAt'], { where: `status = 'pending'` })
@Index('ix_outbox_delivery_queued', ['queuedAt'], { where: `status = 'queued'` })
@Index('ix_outbox_delivery_gave_up', ['finishedAt'], { where: `status IN ('failed','parked')` })
export class OutboxDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => OutboxEventEntity, { name: 'outbox_delivery_event_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  eventId: string;

  @Column('text')
  jobName: string;

  @Column('text')
  jobId: string;

  @Column('text', { default: 'pending' })
  status: OutboxDeliveryStatus;

  /** Runs of the job recorded so far, across re-drives. */
  @Column('int', { default: 0 })
  attempts: number;

  /** The last error: of adding it to its queue, or of its last run; the reason when failed or parked. */
  @Column('text', { nullable: true })
  lastError: string | null;

  /** `success` or `skipped` once done. */
  @Column('text', { nullable: true })
  result: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** A pending delivery is added no earlier than this (pushed back after its queue refused it). */
  @Column('timestamptz', { default: () => 'now()' })
  availableAt: Date;

  @Column('timestamptz', { nullable: true })
  queuedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
