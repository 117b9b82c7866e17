import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CourseReviewAction } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { CourseEntity } from './course.entity';

/** The review history of a course: submissions, publications, returns (with the reviewer's note) and archiving. */
@Entity('course_review_event')
@Check('course_review_event_action_check', `action IN ('submit','publish','return','archive')`)
@Index('ix_course_review_event_course', ['courseId', 'at'])
export class CourseReviewEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CourseEntity, { name: 'course_review_event_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @Column('text')
  action: CourseReviewAction;

  @ForeignKey(() => UserAccountEntity, { name: 'course_review_event_actor_fkey' })
  @Column('uuid', { nullable: true })
  actor: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
