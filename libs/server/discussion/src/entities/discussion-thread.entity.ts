import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ThreadKind } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { DiscussionSpaceEntity } from './discussion-space.entity';

/**
 * A thread: its title and state. Its text is its opening post (`discussion_post.is_opening`), so hiding, reporting,
 * editing and mentions work the same on every post. `reply_count` and `last_post_at` change with each reply under the
 * thread's row lock, which is also where `locked` is checked, so no reply slips into a thread being locked.
 */
@Entity('discussion_thread')
@Check('discussion_thread_kind_check', `kind IN ('discussion','question','announcement')`)
@Check('discussion_thread_answer_check', `answer_post_id IS NULL OR kind = 'question'`)
@Index('ix_discussion_thread_space', ['spaceId', 'pinned', 'lastPostAt'])
export class DiscussionThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => DiscussionSpaceEntity, { name: 'discussion_thread_space_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  spaceId: string;

  @Column('text')
  kind: ThreadKind;

  @Column('text')
  title: string;

  @ForeignKey(() => UserAccountEntity, { name: 'discussion_thread_author_user_id_fkey' })
  @Column('uuid')
  authorUserId: string;

  @Column('boolean', { default: false })
  pinned: boolean;

  @Column('boolean', { default: false })
  locked: boolean;

  /** The reply marked as the answer of a question. */
  @Column('uuid', { nullable: true })
  answerPostId: string | null;

  @Column('int', { default: 0 })
  replyCount: number;

  @Column('timestamptz', { default: () => 'now()' })
  lastPostAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
