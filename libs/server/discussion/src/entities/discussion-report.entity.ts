import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportResolution, ReportStatus } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { DiscussionPostEntity } from './discussion-post.entity';
import { DiscussionSpaceEntity } from './discussion-space.entity';

/** A reader's report of a post, for the space's moderators; one per post and reporter (a second report is the first). */
@Entity('discussion_report')
@Check('discussion_report_status_check', `status IN ('open','resolved')`)
@Check(
  'discussion_report_resolution_check',
  `(status = 'open' AND resolution IS NULL) OR (status = 'resolved' AND resolution IN ('hidden','dismissed'))`,
)
@Index('uq_discussion_report_reporter', ['postId', 'reporterUserId'], { unique: true })
@Index('ix_discussion_report_queue', ['spaceId', 'status', 'createdAt'])
export class DiscussionReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => DiscussionPostEntity, { name: 'discussion_report_post_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  postId: string;

  @ForeignKey(() => DiscussionSpaceEntity, { name: 'discussion_report_space_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  spaceId: string;

  @ForeignKey(() => UserAccountEntity, { name: 'discussion_report_reporter_user_id_fkey' })
  @Column('uuid')
  reporterUserId: string;

  @Column('text')
  reason: string;

  @Column('text', { default: 'open' })
  status: ReportStatus;

  @Column('text', { nullable: true })
  resolution: ReportResolution | null;

  @ForeignKey(() => UserAccountEntity, { name: 'discussion_report_resolved_by_fkey' })
  @Column('uuid', { nullable: true })
  resolvedBy: string | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
