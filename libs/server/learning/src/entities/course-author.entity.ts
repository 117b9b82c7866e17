import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { CourseAuthorRole } from '@kompeten/shared-contracts';
import { EmployeeEntity } from '@kompeten/server-identity';
import { CourseEntity } from './course.entity';

/** Who writes a course: one owner and any number of co-authors; every author may edit the draft. */
@Entity('course_author')
@Check('course_author_role_check', `role IN ('owner','co_author')`)
export class CourseAuthorEntity {
  @ForeignKey(() => CourseEntity, { name: 'course_author_course_id_fkey' })
  @PrimaryColumn('uuid')
  courseId: string;

  @Index('ix_course_author_employee')
  @ForeignKey(() => EmployeeEntity, { name: 'course_author_employee_id_fkey' })
  @PrimaryColumn('uuid')
  employeeId: string;

  @Column('text')
  role: CourseAuthorRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
