import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommunityJoinPolicy } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';

/**
 * A community of practice (komunitas belajar, jenis diklat 23; decision 0039): a topic, facilitators and members of any
 * agency. `agency_id` is the agency that hosts it: its admins moderate it, and its zone dates its sessions.
 */
@Entity('community')
@Check('community_join_policy_check', `join_policy IN ('open','invite')`)
@Index('ix_community_agency', ['agencyId'])
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  topic: string;

  @Column('text', { default: '' })
  description: string;

  @ForeignKey(() => AgencyEntity, { name: 'community_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text', { default: 'open' })
  joinPolicy: CommunityJoinPolicy;

  @ForeignKey(() => UserAccountEntity, { name: 'community_created_by_fkey' })
  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
