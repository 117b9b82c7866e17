import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from '@kompeten/server-identity';
import { EnrolmentEntity } from './enrolment.entity';

/** A file a learner handed in for an assignment lesson; the latest one per lesson counts. */
@Entity('assignment_submission')
@Index('ix_assignment_submission_enrolment_lesson', ['enrolmentId', 'lessonId'])
export class AssignmentSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => EnrolmentEntity, { name: 'assignment_submission_enrolment_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  enrolmentId: string;

  @Column('uuid')
  lessonId: string;

  @Column('text')
  storageKey: string;

  @Column('text')
  fileName: string;

  @Column('timestamptz', { default: () => 'now()' })
  submittedAt: Date;

  @Column('numeric', { precision: 7, scale: 2, nullable: true })
  score: string | null;

  @Column('text', { nullable: true })
  feedback: string | null;

  @Column('boolean', { nullable: true })
  passed: boolean | null;

  @ForeignKey(() => UserAccountEntity, { name: 'assignment_submission_graded_by_fkey' })
  @Column('uuid', { nullable: true })
  gradedBy: string | null;

  @Column('timestamptz', { nullable: true })
  gradedAt: Date | null;
}
