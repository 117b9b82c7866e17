import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/**
 * A unit kerja / OPD inside an agency, in a tree. `path` is the materialised chain of ids
 * ("/<root>/<child>/") so a subtree is one indexed prefix match.
 */
@Entity('work_unit')
@Index('uq_work_unit_agency_code', ['agencyId', 'code'], { unique: true })
export class WorkUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_work_unit_agency')
  @ForeignKey(() => AgencyEntity, { name: 'work_unit_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @ForeignKey(() => WorkUnitEntity, { name: 'work_unit_parent_id_fkey' })
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Index('ix_work_unit_path')
  @Column('text')
  path: string;

  @Column('int')
  depth: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
