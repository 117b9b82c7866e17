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
import { CourseEntity } from '@kompeten/server-learning';
import type { AnswerKey, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import { numeric } from './numeric.transformer';
import { QuestionCategoryEntity } from './question-category.entity';

/** A question of a course's bank. Its scoring key never reaches a learner (see AttemptService). */
@Entity('question')
@Check(
  'question_kind_check',
  `kind IN ('single','multiple','true_false','short_answer','numeric','matching','ordering','essay')`,
)
@Check('question_points_check', `points > 0`)
@Index('ix_question_course_category', ['courseId', 'categoryId'])
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CourseEntity, { name: 'question_course_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  courseId: string;

  @ForeignKey(() => QuestionCategoryEntity, { name: 'question_category_id_fkey' })
  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @Column('text')
  kind: QuestionKind;

  @Column('text')
  prompt: string;

  @Column('jsonb', { default: () => "'[]'" })
  options: QuestionOption[];

  @Column('jsonb', { nullable: true })
  answerKey: AnswerKey;

  @Column('numeric', { precision: 6, scale: 2, transformer: numeric })
  points: number;

  @Column('text', { nullable: true })
  feedback: string | null;

  @Column('boolean', { default: false })
  archived: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
