import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CourseEntity } from '@kompeten/server-learning';
import type { QuizSettings } from '@kompeten/shared-contracts';

/** A quiz as authored (the draft). Learners attempt the snapshot of it in their course_version. */
@Entity('quiz')
export class QuizEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_quiz_course')
  @ForeignKey(() => CourseEntity, { name: 'quiz_course_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  courseId: string;

  @Column('text')
  title: string;

  @Column('jsonb')
  settings: QuizSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
