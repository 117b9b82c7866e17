import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from './user-account.entity';

/**
 * A one-time, expiring link with which an ASN sets their own password (a new account, or after a reset).
 * Only a SHA-256 of the token is stored; a newer link voids the older ones of the same account.
 */
@Entity('account_setup_link')
@Check('account_setup_link_purpose_check', `purpose IN ('setup', 'reset')`)
export class AccountSetupLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_account_setup_link_user')
  @ForeignKey(() => UserAccountEntity, { name: 'account_setup_link_user_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  userId: string;

  @Index('uq_account_setup_link_token', { unique: true })
  @Column('text')
  tokenHash: string;

  /**
   * SHA-256 of the second token of the same link, minted by the worker when it emails the link (decision 0032): the
   * token the officer saw and the emailed one open the same one-time link; each email attempt mints a new one.
   */
  @Index('uq_account_setup_link_mail_token', { unique: true, where: 'mail_token_hash IS NOT NULL' })
  @Column('text', { nullable: true })
  mailTokenHash: string | null;

  @Column('text')
  purpose: 'setup' | 'reset';

  @ForeignKey(() => UserAccountEntity, { name: 'account_setup_link_created_by_fkey', onDelete: 'SET NULL' })
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  voidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
