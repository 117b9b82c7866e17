import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';

/** The last certificate number's sequence per agency and year (DOMAIN.md §7); advanced only by `allocateSequence`. */
@Entity('certificate_sequence')
@Check('certificate_sequence_last_value_check', `last_value > 0`)
export class CertificateSequenceEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'certificate_sequence_agency_id_fkey' })
  agencyId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('int')
  lastValue: number;
}
