import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PresenceCheckOrigin } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { TrainingClassEntity } from '../../entities/training-class.entity';

/**
 * A presence check in a webinar session (decision 0038): a short code the host shows in the meeting, answered in
 * Kompeten between `opensAt` and `closesAt`. Scheduled ones are planned at random moments of the session
 * (`slot` 0…n−1, one planner per session); the host may open one at will (`origin` 'host').
 */
@Entity('presence_check')
@Check('presence_check_origin_check', `origin IN ('scheduled','host')`)
@Check('presence_check_window_check', `opens_at < closes_at AND session_index >= 0`)
@Check('presence_check_code_check', `code ~ '^[0-9]{4}$'`)
@Index('ix_presence_check_session', ['classId', 'sessionIndex', 'opensAt'])
@Index('uq_presence_check_slot', ['classId', 'sessionIndex', 'slot'], { unique: true, where: `slot IS NOT NULL` })
export class PresenceCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => TrainingClassEntity, { name: 'presence_check_class_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  classId: string;

  @Column('smallint')
  sessionIndex: number;

  @Column('text')
  code: string;

  @Column('text')
  origin: PresenceCheckOrigin;

  /** The scheduled check's place in its session's plan; null for a check the host opened. */
  @Column('smallint', { nullable: true })
  slot: number | null;

  @Column('timestamptz')
  opensAt: Date;

  @Column('timestamptz')
  closesAt: Date;

  @ForeignKey(() => UserAccountEntity, { name: 'presence_check_opened_by_fkey' })
  @Column('uuid', { nullable: true })
  openedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
