import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { CommunitySessionEntity } from './community-session.entity';

/** One attendee of a session; its id is the JP ledger's source (`community_session`), so each credits once. */
@Entity('community_session_attendee')
@Index('uq_community_session_attendee', ['sessionId', 'employeeId'], { unique: true })
export class CommunitySessionAttendeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CommunitySessionEntity, {
    name: 'community_session_attendee_session_id_fkey',
    onDelete: 'CASCADE',
  })
  @Column('uuid')
  sessionId: string;

  @Index('ix_community_session_attendee_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'community_session_attendee_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;
}
