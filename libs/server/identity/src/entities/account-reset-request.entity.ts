import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from './user-account.entity';

/**
 * An ASN's "I forgot my password" from the login page (no email needed): their agency's HR officer sees it and issues
 * the one-time setup link. At most one pending request per account; issuing a link for the account resolves it.
 */
@Entity('account_reset_request')
@Check('account_reset_request_status_check', `status IN ('pending', 'resolved')`)
@Index('uq_account_reset_request_pending', ['userId'], { unique: true, where: `status = 'pending'` })
export class AccountResetRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => UserAccountEntity, { name: 'account_reset_request_user_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  userId: string;

  @Column('text', { default: 'pending' })
  status: 'pending' | 'resolved';

  @ForeignKey(() => UserAccountEntity, { name: 'account_reset_request_resolved_by_fkey', onDelete: 'SET NULL' })
  @Column('uuid', { nullable: true })
  resolvedBy: string | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
