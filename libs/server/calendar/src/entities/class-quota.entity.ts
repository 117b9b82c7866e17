import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';
import { TrainingClassEntity } from './training-class.entity';

/** Seats of a class reserved for one agency until the class's quota release date, and how many are held. */
@Entity('class_quota')
@Check('class_quota_seats_check', `seats > 0 AND taken >= 0 AND taken <= seats`)
export class ClassQuotaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => TrainingClassEntity, { name: 'class_quota_class_id_fkey', onDelete: 'CASCADE' })
  classId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'class_quota_agency_id_fkey' })
  agencyId: string;

  @Column('int')
  seats: number;

  @Column('int', { default: 0 })
  taken: number;
}
