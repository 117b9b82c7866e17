import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommunitySessionMode } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { CommunityEntity } from './community.entity';

/**
 * A learning session (pertemuan) of a community, recorded by a facilitator with its attendees; recording it writes
 * `community.session-recorded`, whose JP job credits each attendee once (jenis diklat 23). `request_id`: the same
 * recording sent twice answers the first session.
 */
@Entity('community_session')
@Check('community_session_duration_check', `duration_minutes > 0 AND duration_minutes <= 1440`)
@Check('community_session_mode_check', `mode IN ('classroom','online')`)
@Index('ix_community_session_community', ['communityId', 'heldOn'])
@Index('uq_community_session_request', ['recordedBy', 'requestId'], { unique: true, where: 'request_id IS NOT NULL' })
export class CommunitySessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CommunityEntity, { name: 'community_session_community_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  communityId: string;

  @Column('text')
  title: string;

  /** Local date in the hosting agency's zone. */
  @Column('date')
  heldOn: string;

  @Column('int')
  durationMinutes: number;

  @Column('text', { default: 'online' })
  mode: CommunitySessionMode;

  @ForeignKey(() => UserAccountEntity, { name: 'community_session_recorded_by_fkey' })
  @Column('uuid')
  recordedBy: string;

  @Column('uuid', { nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
