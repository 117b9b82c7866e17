import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IpAsnBand, IpAsnSchemeRules } from '@kompeten/shared-contracts';

/**
 * A version of the IP ASN competency-dimension scheme (DOMAIN.md §4, decision 0023) as data: the points each input
 * earns per job kind, which ledger lines count for it (SIASN jenis diklat forms, competency kinds, a window of years,
 * a JP minimum), and the category bands of the whole IP ASN. The 2019 scheme (PermenPANRB 38/2018, Peraturan BKN
 * 8/2019) is seeded; BKN's reformulation is a new row in force from its date, never a code change. A report uses the
 * version in force on 31 December of its year.
 */
@Entity('jp_ip_asn_scheme')
export class JpIpAsnSchemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_jp_ip_asn_scheme_version', { unique: true })
  @Column('text')
  version: string;

  @Index('uq_jp_ip_asn_scheme_from', { unique: true })
  @Column('date')
  effectiveFrom: string;

  @Column('text')
  legalBasis: string;

  @Column('jsonb')
  rules: IpAsnSchemeRules;

  @Column('jsonb')
  bands: IpAsnBand[];

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
