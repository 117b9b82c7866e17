import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { TrainingClassEntity } from '../../entities/training-class.entity';

/**
 * A learner joining one session of an online class through Kompeten's link (decision 0038): one row per class, ASN
 * and session, written by one upsert. `firstJoinedAt` never moves; `joinCount` counts joins of the session, a join
 * within 30 s of the previous one (a retry, a double click) not counted again.
 */
@Entity('webinar_join')
@Check('webinar_join_count_check', `join_count >= 1 AND session_index >= 0`)
@Index('ix_webinar_join_session', ['classId', 'sessionIndex'])
export class WebinarJoinEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => TrainingClassEntity, { name: 'webinar_join_class_id_fkey', onDelete: 'CASCADE' })
  classId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'webinar_join_employee_id_fkey' })
  employeeId: string;

  @PrimaryColumn('smallint')
  sessionIndex: number;

  @Column('timestamptz', { default: () => 'now()' })
  firstJoinedAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  lastJoinedAt: Date;

  @Column('int', { default: 1 })
  joinCount: number;
}
