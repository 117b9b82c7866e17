import { Column, CreateDateColumn, Entity, ForeignKey, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from '@kompeten/server-identity';
import { DiscussionSpaceEntity } from './discussion-space.entity';
import { DiscussionThreadEntity } from './discussion-thread.entity';

/**
 * A post: a thread's opening text or a reply, sanitised rich text. `seq` orders posts for unread counts (a read marker
 * keeps the highest seq read). Hidden by a moderator or deleted by its author, it stays (soft) and shows as such.
 * `request_id` is the client's id of the write: the same request sent twice answers the first post.
 */
@Entity('discussion_post')
@Index('ix_discussion_post_thread', ['threadId', 'seq'])
@Index('ix_discussion_post_space', ['spaceId', 'seq'])
@Index('uq_discussion_post_request', ['authorUserId', 'requestId'], {
  unique: true,
  where: 'request_id IS NOT NULL',
})
export class DiscussionPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => DiscussionThreadEntity, { name: 'discussion_post_thread_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  threadId: string;

  /** The thread's space, here so a space's unread count reads one table. */
  @ForeignKey(() => DiscussionSpaceEntity, { name: 'discussion_post_space_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  spaceId: string;

  @Column({ type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  @Generated('increment')
  seq: string;

  @ForeignKey(() => UserAccountEntity, { name: 'discussion_post_author_user_id_fkey' })
  @Column('uuid')
  authorUserId: string;

  @Column('boolean', { default: false })
  isOpening: boolean;

  @Column('text')
  body: string;

  @Column('timestamptz', { nullable: true })
  hiddenAt: Date | null;

  @ForeignKey(() => UserAccountEntity, { name: 'discussion_post_hidden_by_fkey' })
  @Column('uuid', { nullable: true })
  hiddenBy: string | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('uuid', { nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
