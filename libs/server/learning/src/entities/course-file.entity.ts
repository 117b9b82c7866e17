import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CourseFilePurpose } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '@kompeten/server-identity';
import { CourseEntity } from './course.entity';
import { asNumber } from './numeric.transformer';

/** An uploaded course file (cover, video, PDF, download, assignment template, picture in rich text), kept in FileStorage under `storageKey`. */
@Entity('course_file')
@Check('course_file_purpose_check', `purpose IN ('cover','video','document','file','assignment','image')`)
@Check('course_file_size_check', `size >= 0`)
export class CourseFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_course_file_course')
  @ForeignKey(() => CourseEntity, { name: 'course_file_course_id_fkey' })
  @Column('uuid')
  courseId: string;

  @Column('text')
  purpose: CourseFilePurpose;

  @Column('text')
  storageKey: string;

  @Column('text')
  fileName: string;

  @Column('text')
  mime: string;

  @Column('bigint', { transformer: asNumber })
  size: number;

  @ForeignKey(() => UserAccountEntity, { name: 'course_file_uploaded_by_fkey' })
  @Column('uuid', { nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
