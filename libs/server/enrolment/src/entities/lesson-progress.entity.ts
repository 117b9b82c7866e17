import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LessonProgressStatus } from '@kompeten/shared-contracts';
import { EnrolmentEntity } from './enrolment.entity';

/** A learner's state in one lesson of their course version (lesson ids come from the version snapshot). */
@Entity('lesson_progress')
@Check('lesson_progress_status_check', `status IN ('not_started','in_progress','completed')`)
export class LessonProgressEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => EnrolmentEntity, { name: 'lesson_progress_enrolment_id_fkey', onDelete: 'CASCADE' })
  enrolmentId: string;

  @PrimaryColumn('uuid')
  lessonId: string;

  @Column('text', { default: 'not_started' })
  status: LessonProgressStatus;

  @Column('int', { default: 0 })
  timeSpentSeconds: number;

  /** Resume position sent by the player (e.g. `{ seconds: 312 }` or `{ page: 4 }`). */
  @Column('jsonb', { nullable: true })
  position: Record<string, unknown> | null;

  /** Highest share of the video watched so far (0…1). */
  @Column('numeric', { precision: 5, scale: 4, nullable: true })
  watchedRatio: string | null;

  /** When the watched share was last credited: it may advance only as fast as the video plays since then. */
  @Column('timestamptz', { nullable: true })
  watchedAt: Date | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  scorePercent: string | null;

  @Column('boolean', { nullable: true })
  passed: boolean | null;

  @Column('boolean', { default: false })
  attended: boolean;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
