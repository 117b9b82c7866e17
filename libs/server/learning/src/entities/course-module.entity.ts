import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CourseEntity } from './course.entity';

/** A module of a course's draft, ordered by `position`. */
@Entity('course_module')
@Index('ix_course_module_course', ['courseId', 'position'])
export class CourseModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CourseEntity, { name: 'course_module_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @Column('int')
  position: number;

  @Column('text')
  title: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
