import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { AnswerResponse } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { numeric } from './numeric.transformer';
import { QuizAttemptEntity } from './quiz-attempt.entity';

/** A learner's (auto)saved answer to one drawn question, and its score once graded. */
@Entity('quiz_answer')
export class QuizAnswerEntity {
  @ForeignKey(() => QuizAttemptEntity, { name: 'quiz_answer_attempt_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn('uuid')
  attemptId: string;

  /** A question of the attempt's snapshot (not a foreign key: the snapshot, not the bank, is what was asked). */
  @PrimaryColumn('uuid')
  questionId: string;

  @Column('jsonb', { nullable: true })
  response: AnswerResponse;

  @Column('timestamptz', { default: () => 'now()' })
  savedAt: Date;

  @Column('numeric', { precision: 6, scale: 2, nullable: true, transformer: numeric })
  score: number | null;

  @Column('text', { nullable: true })
  feedback: string | null;

  @ForeignKey(() => UserAccountEntity, { name: 'quiz_answer_graded_by_fkey' })
  @Column('uuid', { nullable: true })
  gradedBy: string | null;
}
