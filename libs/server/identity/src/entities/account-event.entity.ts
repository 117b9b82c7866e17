import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';
import { UserAccountEntity } from './user-account.entity';

/** Something that happened to an account, shown to its owner (GET /me/account-events). The audit log keeps the admin's view. */
@Entity('account_event')
@Index('ix_account_event_user_created', ['userId', 'createdAt'])
export class AccountEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => UserAccountEntity, { name: 'account_event_user_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  userId: string;

  /** See AccountEventKind in the contracts. */
  @Column('text')
  kind: string;

  @ForeignKey(() => UserAccountEntity, { name: 'account_event_actor_user_id_fkey', onDelete: 'SET NULL' })
  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  /** The actor's highest role at the time, and where it held it. */
  @Column('text', { nullable: true })
  actorRole: string | null;

  @ForeignKey(() => AgencyEntity, { name: 'account_event_actor_agency_id_fkey' })
  @Column('uuid', { nullable: true })
  actorAgencyId: string | null;

  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
