import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserAccountEntity } from '@kompeten/server-identity';
import { DiscussionSpaceEntity } from './discussion-space.entity';
import { DiscussionThreadEntity } from './discussion-thread.entity';

/** How far a user has read a thread: the highest post `seq` seen. Unread = others' visible posts after it. */
@Entity('discussion_read_marker')
@Index('ix_discussion_read_marker_space', ['userId', 'spaceId'])
export class DiscussionReadMarkerEntity {
  @ForeignKey(() => UserAccountEntity, { name: 'discussion_read_marker_user_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn('uuid')
  userId: string;

  @ForeignKey(() => DiscussionThreadEntity, { name: 'discussion_read_marker_thread_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn('uuid')
  threadId: string;

  @ForeignKey(() => DiscussionSpaceEntity, { name: 'discussion_read_marker_space_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  spaceId: string;

  @Column('bigint')
  readSeq: string;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
