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
import type { CompetencyKind } from '@kompeten/shared-contracts';
import { AgencyEntity } from '@kompeten/server-organisation';
import { UserAccountEntity } from '@kompeten/server-identity';

/**
 * A training on the calendar (decision 0034): what is taught, by which agency, worth how many JP, in which form of
 * development; its classes (angkatan) carry the dates and seats. The linked e-learning course (pre-work or the
 * blended part) belongs to the learning lib; its foreign key is named by table.
 */
@Entity('training_offering')
@Check('training_offering_jp_check', `jp > 0`)
@Check('training_offering_competency_kind_check', `competency_kind IN ('teknis','manajerial','sosial_kultural')`)
export class TrainingOfferingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_training_offering_agency')
  @ForeignKey(() => AgencyEntity, { name: 'training_offering_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** SIASN jenis diklat code of the form of development (DOMAIN.md §3, §6). */
  @Column('smallint')
  jenisDiklatId: number;

  /** numeric: read as a string by pg. */
  @Column('numeric', { precision: 6, scale: 2 })
  jp: string;

  @Column('text')
  competencyKind: CompetencyKind;

  @ForeignKey('course', { name: 'training_offering_course_id_fkey' })
  @Column('uuid', { nullable: true })
  courseId: string | null;

  @ForeignKey(() => UserAccountEntity, { name: 'training_offering_created_by_fkey' })
  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
