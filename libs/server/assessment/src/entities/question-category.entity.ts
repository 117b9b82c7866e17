import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CourseEntity } from '@kompeten/server-learning';

/** A category of a course's question bank; quizzes draw N questions at random per category. */
@Entity('question_category')
@Index('uq_question_category_course_name', ['courseId', 'name'], { unique: true })
export class QuestionCategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CourseEntity, { name: 'question_category_course_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  courseId: string;

  @Column('text')
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
