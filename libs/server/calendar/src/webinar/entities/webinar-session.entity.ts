import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { TrainingClassEntity } from '../../entities/training-class.entity';

/**
 * The webinar bookkeeping of one session of an online class (decision 0038): when its random presence checks were
 * planned (the row is inserted with them, so only one planner wins) and when its attendance was settled.
 */
@Entity('webinar_session')
export class WebinarSessionEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => TrainingClassEntity, { name: 'webinar_session_class_id_fkey', onDelete: 'CASCADE' })
  classId: string;

  @PrimaryColumn('smallint')
  sessionIndex: number;

  @Column('timestamptz', { default: () => 'now()' })
  checksPlannedAt: Date;

  /** When the session's joins and answers were last turned into class_attendance rows; null until it ended. */
  @Column('timestamptz', { nullable: true })
  settledAt: Date | null;
}
