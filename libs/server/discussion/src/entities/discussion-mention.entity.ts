import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { DiscussionPostEntity } from './discussion-post.entity';

/** An ASN @mentioned in a post (checked to read the space when written); its id is the notification's source. */
@Entity('discussion_mention')
@Index('uq_discussion_mention', ['postId', 'employeeId'], { unique: true })
export class DiscussionMentionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => DiscussionPostEntity, { name: 'discussion_mention_post_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  postId: string;

  @Index('ix_discussion_mention_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'discussion_mention_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;
}
