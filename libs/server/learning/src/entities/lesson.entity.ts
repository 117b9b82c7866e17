import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { LessonContent, LessonKind } from '@kompeten/shared-contracts';
import { CourseEntity } from './course.entity';
import { CourseModuleEntity } from './course-module.entity';

/** A lesson of a course's draft, ordered by `position` inside its module; `content` is validated per kind. */
@Entity('lesson')
@Check('lesson_kind_check', `kind IN ('text','video','document','file','link','quiz','assignment','live')`)
@Index('ix_lesson_module', ['moduleId', 'position'])
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_lesson_course')
  @ForeignKey(() => CourseEntity, { name: 'lesson_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  /** Deleting a module deletes its lessons. */
  @ForeignKey(() => CourseModuleEntity, { name: 'lesson_module_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  moduleId: string;

  @Column('int')
  position: number;

  @Column('text')
  kind: LessonKind;

  @Column('text')
  title: string;

  @Column('boolean', { default: true })
  required: boolean;

  @Column('jsonb')
  content: LessonContent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
