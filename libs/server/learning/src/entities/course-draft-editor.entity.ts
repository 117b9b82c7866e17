import { CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UserAccountEntity } from '@kompeten/server-identity';
import { CourseEntity } from './course.entity';

/**
 * Who changed any part of a course's draft since its last publication (four eyes, decision 0013): none of them may
 * publish it. Publishing empties the set for the course.
 */
@Entity('course_draft_editor')
export class CourseDraftEditorEntity {
  @ForeignKey(() => CourseEntity, { name: 'course_draft_editor_course_id_fkey' })
  @PrimaryColumn('uuid')
  courseId: string;

  @ForeignKey(() => UserAccountEntity, { name: 'course_draft_editor_user_id_fkey' })
  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  firstEditedAt: Date;
}
