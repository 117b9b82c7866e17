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
import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';

/** An instansi: national, province or regency/city (DOMAIN.md §1), in a hierarchy. */
@Entity('agency')
@Check('agency_level_check', `level IN ('nasional','provinsi','kabupaten','kota')`)
@Check('agency_time_zone_check', `time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')`)
@Check('agency_siasn_instansi_id_check', `siasn_instansi_id ~ '^[0-9A-F]{32}$'`)
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
  @ForeignKey(() => AgencyEntity, { name: 'agency_parent_id_fkey' })
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
