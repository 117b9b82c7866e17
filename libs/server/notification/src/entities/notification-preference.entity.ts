import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { EmailPreferenceKind } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';

/** A user's choice of email for one kind; no row means on (the default). The password setup link has no choice. */
@Entity('notification_preference')
@Check(
  'notification_preference_kind_check',
  `kind IN ('certificate_issued','enrolment_approved','enrolment_rejected','jp_claim_verified','jp_claim_rejected','discussion_mention','discussion_reply')`,
)
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => UserAccountEntity, { name: 'notification_preference_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @PrimaryColumn('text')
  kind: EmailPreferenceKind;

  @Column('boolean')
  email: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
