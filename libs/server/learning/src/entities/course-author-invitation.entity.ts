import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CourseAuthorInvitationStatus } from '@kompeten/shared-contracts';
import { EmployeeEntity, UserAccountEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';
import { CourseEntity } from './course.entity';

/**
 * A course owner's invitation of an ASN of another agency to co-author (decision 0013). The invitee's agency admin
 * accepts or declines it. employeeId and agencyId are NULL when the NIP matches no active ASN: the invitation then
 * stays pending for ever and nobody sees it, so the inviter learns nothing beyond what it typed.
 */
@Entity('course_author_invitation')
@Check('course_author_invitation_status_check', `status IN ('pending','accepted','declined')`)
@Index('uq_course_author_invitation_pending', ['courseId', 'nip'], { unique: true, where: `status = 'pending'` })
@Index('ix_course_author_invitation_agency', ['agencyId', 'status', 'createdAt'])
export class CourseAuthorInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CourseEntity, { name: 'course_author_invitation_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @Column('text')
  nip: string;

  @ForeignKey(() => EmployeeEntity, { name: 'course_author_invitation_employee_id_fkey' })
  @Column('uuid', { nullable: true })
  employeeId: string | null;

  @ForeignKey(() => AgencyEntity, { name: 'course_author_invitation_agency_id_fkey' })
  @Column('uuid', { nullable: true })
  agencyId: string | null;

  @Column('text', { default: 'pending' })
  status: CourseAuthorInvitationStatus;

  @ForeignKey(() => UserAccountEntity, { name: 'course_author_invitation_invited_by_fkey' })
  @Column('uuid')
  invitedBy: string;

  @ForeignKey(() => UserAccountEntity, { name: 'course_author_invitation_decided_by_fkey' })
  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
