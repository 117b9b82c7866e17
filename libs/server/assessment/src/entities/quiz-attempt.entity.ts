import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptStatus } from '@kompeten/shared-contracts';
import { EnrolmentEntity } from '@kompeten/server-enrolment';
import { EmployeeEntity } from '@kompeten/server-identity';
import { CourseVersionEntity } from '@kompeten/server-learning';
import { numeric } from './numeric.transformer';
import { QuizEntity } from './quiz.entity';

/** The questions drawn for one attempt, in order, each with the order its options are shown in. */
export type AttemptDraw = Array<{ questionId: string; optionOrder: string[] }>;

/** One sitting of a quiz by a learner, against the quiz snapshot of the enrolment's course version. */
@Entity('quiz_attempt')
@Check('quiz_attempt_attempt_no_check', `attempt_no > 0`)
@Check('quiz_attempt_status_check', `status IN ('open','needs_grading','graded')`)
@Index('uq_quiz_attempt_open', ['quizId', 'enrolmentId'], { unique: true, where: `status = 'open'` })
@Index('uq_quiz_attempt_no', ['enrolmentId', 'quizId', 'attemptNo'], { unique: true })
@Index('ix_quiz_attempt_needs_grading', ['quizId'], { where: `status = 'needs_grading'` })
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => QuizEntity, { name: 'quiz_attempt_quiz_id_fkey' })
  @Column('uuid')
  quizId: string;

  @ForeignKey(() => CourseVersionEntity, { name: 'quiz_attempt_course_version_id_fkey' })
  @Column('uuid')
  courseVersionId: string;

  @ForeignKey(() => EnrolmentEntity, { name: 'quiz_attempt_enrolment_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  enrolmentId: string;

  @Column('uuid')
  lessonId: string;

  @ForeignKey(() => EmployeeEntity, { name: 'quiz_attempt_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  @Column('int')
  attemptNo: number;

  @Column('text', { default: 'open' })
  status: AttemptStatus;

  @Column('timestamptz', { default: () => 'now()' })
  startedAt: Date;

  @Index('ix_quiz_attempt_open_deadline', { where: `status = 'open'` })
  @Column('timestamptz', { nullable: true })
  deadlineAt: Date | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('jsonb')
  draw: AttemptDraw;

  @Column('numeric', { precision: 8, scale: 2, nullable: true, transformer: numeric })
  score: number | null;

  @Column('numeric', { precision: 8, scale: 2, transformer: numeric })
  maxScore: number;

  @Column('numeric', { precision: 5, scale: 2, nullable: true, transformer: numeric })
  percent: number | null;

  @Column('boolean', { nullable: true })
  passed: boolean | null;

  @Column('timestamptz', { nullable: true })
  gradedAt: Date | null;
}
