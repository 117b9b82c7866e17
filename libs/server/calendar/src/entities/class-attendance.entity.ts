import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';
import { TrainingClassEntity } from './training-class.entity';

/** How an attendance was recorded: the trainer's QR scanned, the trainer's list, or a webinar's joins and presence checks. */
export type AttendanceSource = 'qr' | 'list' | 'webinar';

/**
 * One ASN's attendance of one session (one day of the schedule, `sessionIndex` into the class's `sessions`) of a
 * class (issue 18, decision 0036): the evidence completion is judged on. One row per class, ASN and session whatever
 * the source; a later record of the same session updates it (the trainer's list corrects a scan, a presence check
 * adds minutes). `minutes` is the time attended within the session; `late` and `leftEarly` say it was short at which
 * end. Absent rows exist only when someone marked them.
 */
@Entity('class_attendance')
@Unique('uq_class_attendance_session', ['classId', 'employeeId', 'sessionIndex'])
@Check('class_attendance_status_check', `status IN ('present','absent')`)
@Check('class_attendance_source_check', `source IN ('qr','list','webinar')`)
@Check('class_attendance_session_check', `session_index >= 0`)
@Check('class_attendance_minutes_check', `minutes >= 0 AND (status = 'present' OR minutes = 0)`)
export class ClassAttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => TrainingClassEntity, { name: 'class_attendance_class_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  classId: string;

  @Index('ix_class_attendance_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'class_attendance_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  @Column('smallint')
  sessionIndex: number;

  @Column('text')
  status: 'present' | 'absent';

  @Column('timestamptz', { nullable: true })
  arrivedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  leftAt: Date | null;

  @Column('int', { default: 0 })
  minutes: number;

  @Column('boolean', { default: false })
  late: boolean;

  @Column('boolean', { default: false })
  leftEarly: boolean;

  @Column('text')
  source: AttendanceSource;

  /** The trainer or admin who recorded it; null when the learner's own scan or presence answers did. */
  @ForeignKey(() => UserAccountEntity, { name: 'class_attendance_recorded_by_fkey' })
  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
