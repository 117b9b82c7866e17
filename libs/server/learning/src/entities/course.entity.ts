import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  CompetencyKind,
  CompletionRule,
  CourseLevel,
  CourseStatus,
  CourseVisibility,
  EnrolmentMode,
  LearningMethod,
} from '@kompeten/shared-contracts';
import { AgencyEntity } from '@kompeten/server-organisation';
import { UserAccountEntity } from '@kompeten/server-identity';
import { asNumber } from './numeric.transformer';

/**
 * A course's draft and its workflow state (docs/learning.md). What learners take is an immutable course_version;
 * `currentVersionId` points at the live one. `searchStems` holds the Sastrawi stems of title, description, objectives
 * and tags, indexed by the migration's GIN index on to_tsvector('simple', search_stems) (an expression index TypeORM
 * does not model).
 */
@Entity('course')
@Check('course_competency_kind_check', `competency_kind IN ('teknis','manajerial','sosial_kultural')`)
@Check(
  'course_learning_method_check',
  `learning_method IN ('e_learning','blended','klasikal','webinar','pelatihan_jarak_jauh','magang','coaching','mentoring','seminar','workshop')`,
)
@Check('course_jenis_diklat_id_check', `jenis_diklat_id BETWEEN 1 AND 25`)
@Check(
  'course_latihan_struktural_id_check',
  `latihan_struktural_id IS NULL OR (jenis_diklat_id = 1 AND latihan_struktural_id BETWEEN 1 AND 8)`,
)
@Check('course_jp_check', `jp > 0`)
@Check('course_level_check', `level IN ('dasar','menengah','lanjut')`)
@Check('course_visibility_check', `visibility IN ('agency','province','national')`)
@Check('course_enrolment_mode_check', `enrolment_mode IN ('open','approval','assigned_only')`)
@Check('course_status_check', `status IN ('draft','in_review','published','archived')`)
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_course_agency')
  @ForeignKey(() => AgencyEntity, { name: 'course_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text')
  title: string;

  /** Sanitised HTML. */
  @Column('text')
  description: string;

  @Column('jsonb')
  objectives: string[];

  @Column('text')
  competencyKind: CompetencyKind;

  @Column('text')
  learningMethod: LearningMethod;

  /** SIASN jenisDiklatId (DOMAIN.md §6); e-learning is 16. */
  @Column('int')
  jenisDiklatId: number;

  /** SIASN latihanStrukturalId 1–8 of structural leadership training (jenis diklat 1 only; decision 0035). */
  @Column('smallint', { nullable: true })
  latihanStrukturalId: number | null;

  @Column('numeric', { precision: 5, scale: 1, transformer: asNumber })
  jp: number;

  @Column('text')
  level: CourseLevel;

  @Column('text', { array: true })
  tags: string[];

  @ForeignKey('course_file', { name: 'course_cover_file_id_fkey', onDelete: 'SET NULL' })
  @Column('uuid', { nullable: true })
  coverFileId: string | null;

  @Column('text')
  visibility: CourseVisibility;

  @Column('text')
  enrolmentMode: EnrolmentMode;

  @Column('uuid', { array: true })
  prerequisiteCourseIds: string[];

  @Column('jsonb')
  completionRule: CompletionRule;

  @Index('ix_course_status')
  @Column('text', { default: 'draft' })
  status: CourseStatus;

  @ForeignKey('course_version', { name: 'course_current_version_id_fkey' })
  @Column('uuid', { nullable: true })
  currentVersionId: string | null;

  @Column('text')
  searchStems: string;

  @ForeignKey(() => UserAccountEntity, { name: 'course_created_by_fkey' })
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
