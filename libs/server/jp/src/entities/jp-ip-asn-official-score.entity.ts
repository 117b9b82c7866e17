import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';

/**
 * The official IP ASN of an ASN for a year where it is known (later read from SIASN, `GET /pns/nilaiipasn/{nip}`),
 * shown beside Kompeten's estimate of the competency dimension; never computed here. `source` says where it came from.
 */
@Entity('jp_ip_asn_official_score')
@Check('jp_ip_asn_official_score_total_check', `total_score >= 0 AND total_score <= 100`)
@Check(
  'jp_ip_asn_official_score_competency_check',
  `competency_score IS NULL OR (competency_score >= 0 AND competency_score <= 40)`,
)
export class JpIpAsnOfficialScoreEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'jp_ip_asn_official_score_employee_id_fkey' })
  employeeId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('numeric', { precision: 5, scale: 2 })
  totalScore: string;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  competencyScore: string | null;

  @Column('text')
  source: string;

  @Column('timestamptz')
  retrievedAt: Date;
}
