import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';

/**
 * An in-app notification (issue 17, decision 0032). Unique per (kind, source, user): a retried job or an event
 * relayed twice never notifies twice.
 */
@Entity('notification')
@Check(
  'notification_kind_check',
  `kind IN ('certificate_issued','enrolment_approved','enrolment_rejected','jp_claim_verified','jp_claim_rejected','password_setup_link','discussion_mention','discussion_reply')`,
)
@Index('uq_notification_kind_source_user', ['kind', 'sourceId', 'userId'], { unique: true })
@Index('ix_notification_user_created', ['userId', 'createdAt'])
@Index('ix_notification_user_unread', ['userId'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => UserAccountEntity, { name: 'notification_user_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  userId: string;

  @Column('text')
  kind: NotificationKind;

  /** The entity it is about (certificate, enrolment decision, claim, setup link). */
  @Column('uuid')
  sourceId: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  /** A path in the web app. */
  @Column('text', { nullable: true })
  link: string | null;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
