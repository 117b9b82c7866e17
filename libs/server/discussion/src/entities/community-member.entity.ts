import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { CommunityMemberStatus, CommunityRole } from '@kompeten/shared-contracts';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';
import { CommunityEntity } from './community.entity';

/** An ASN in a community: invited (by a facilitator) or active; a facilitator or a member. Leaving deletes the row. */
@Entity('community_member')
@Check('community_member_role_check', `role IN ('facilitator','member')`)
@Check('community_member_status_check', `status IN ('invited','active')`)
@Check('community_member_joined_check', `(status = 'active') = (joined_at IS NOT NULL)`)
@Index('ix_community_member_employee', ['employeeId'])
export class CommunityMemberEntity {
  @ForeignKey(() => CommunityEntity, { name: 'community_member_community_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn('uuid')
  communityId: string;

  @ForeignKey(() => EmployeeEntity, { name: 'community_member_employee_id_fkey' })
  @PrimaryColumn('uuid')
  employeeId: string;

  @Column('text', { default: 'member' })
  role: CommunityRole;

  @Column('text')
  status: CommunityMemberStatus;

  @ForeignKey(() => UserAccountEntity, { name: 'community_member_invited_by_fkey' })
  @Column('uuid', { nullable: true })
  invitedBy: string | null;

  @Column('timestamptz', { nullable: true })
  joinedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
