import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';

export type EmailDeliveryStatus = 'pending' | 'sent' | 'failed' | 'parked';

/**
 * One email to deliver, and the record that it was (CONVENTIONS §3; decision 0032): status, attempts, last error,
 * the SMTP server's message id, when to try again, and a lease so two workers never send it at once. Unique per
 * (kind, source, recipient). The password setup link's body holds a placeholder: the link is minted when it is sent.
 */
@Entity('email_delivery')
@Check('email_delivery_status_check', `status IN ('pending','sent','failed','parked')`)
@Index('uq_email_delivery_kind_source_recipient', ['kind', 'sourceId', 'recipient'], { unique: true })
@Index('ix_email_delivery_status_due', ['status', 'nextAttemptAt'])
export class EmailDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: NotificationKind;

  @Column('uuid')
  sourceId: string;

  @ForeignKey(() => UserAccountEntity, { name: 'email_delivery_user_id_fkey', onDelete: 'SET NULL' })
  @Column('uuid', { nullable: true })
  userId: string | null;

  /** The address, lower case. */
  @Column('text')
  recipient: string;

  @Column('text')
  subject: string;

  @Column('text')
  bodyText: string;

  @Column('text')
  bodyHtml: string;

  @Column('text', { default: 'pending' })
  status: EmailDeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  /** The Message-ID the SMTP server accepted. */
  @Column('text', { nullable: true })
  messageId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
