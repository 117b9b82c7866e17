import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DiscussionSpaceKind } from '@kompeten/shared-contracts';

/**
 * A discussion space (decision 0039): one per course, class or community, made the first time someone who may read it
 * opens it. `target_id` names a course (learning), a class (calendar) or a community (this lib); the owners of the
 * first two are other libs, so it carries no foreign key, and every read checks the target through its owner first.
 */
@Entity('discussion_space')
@Check('discussion_space_kind_check', `kind IN ('course','class','community')`)
@Index('uq_discussion_space_target', ['kind', 'targetId'], { unique: true })
export class DiscussionSpaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: DiscussionSpaceKind;

  @Column('uuid')
  targetId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
