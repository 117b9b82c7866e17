import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';

/** An instansi: national, province or regency/city (DOMAIN.md §1), in a hierarchy. */
@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_agency_code', { unique: true })
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  level: AgencyLevel;

  @Index('ix_agency_parent')
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Column('text')
  timeZone: AgencyTimeZone;

  @Column('text', { nullable: true })
  hrBodyName: string | null;

  /** SIASN instansiId: a 32-hex GUID. */
  @Column('text', { nullable: true })
  siasnInstansiId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
