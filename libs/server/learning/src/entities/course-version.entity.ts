import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CourseSnapshot } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { CourseEntity } from './course.entity';
import { asNumber } from './numeric.transformer';

/** An immutable published version of a course: the whole course as published, quizzes with keys included. */
@Entity('course_version')
@Unique('uq_course_version_course_no', ['courseId', 'versionNo'])
export class CourseVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => CourseEntity, { name: 'course_version_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @Column('int')
  versionNo: number;

  @Column('jsonb')
  snapshot: CourseSnapshot;

  /** snapshot.title, set by a trigger on insert (migration 1795900000000): read it instead of de-TOASTing the snapshot. */
  @Column('text', { default: '' })
  title: string;

  @Column('numeric', { precision: 5, scale: 1, transformer: asNumber })
  jp: number;

  /** Moves active enrolments to this version (progress on lessons that still exist is kept). */
  @Column('boolean')
  requiresUpgrade: boolean;

  @ForeignKey(() => UserAccountEntity, { name: 'course_version_published_by_fkey' })
  @Column('uuid', { nullable: true })
  publishedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  publishedAt: Date;
}
