import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { EnrolmentEntity } from './enrolment.entity';

/**
 * A course completed, written exactly once per enrolment (unique index) with the JP of the version taken.
 * Certificates, JP credit and the SIASN push consume its `course.completed` outbox event.
 */
@Entity('course_completion')
@Index('ix_course_completion_employee', ['employeeId', 'courseId'])
export class CourseCompletionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_course_completion_enrolment', { unique: true })
  @ForeignKey(() => EnrolmentEntity, { name: 'course_completion_enrolment_id_fkey' })
  @Column('uuid')
  enrolmentId: string;

  @ForeignKey('course', { name: 'course_completion_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @ForeignKey('course_version', { name: 'course_completion_course_version_id_fkey' })
  @Column('uuid')
  courseVersionId: string;

  @ForeignKey(() => EmployeeEntity, { name: 'course_completion_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  @Column('numeric', { precision: 5, scale: 1 })
  jp: string;

  @Column('timestamptz', { default: () => 'now()' })
  completedAt: Date;
}
