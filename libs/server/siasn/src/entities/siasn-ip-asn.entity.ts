import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';

/** The official IP ASN of an ASN as SIASN last answered (`/pns/nilaiipasn/{nip}`), with when it was read. */
@Entity('siasn_ip_asn')
export class SiasnIpAsnEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'siasn_ip_asn_employee_id_fkey' })
  employeeId: string;

  @Column('text')
  nip: string;

  /** SIASN's answer; null when it has no score for the ASN. */
  @Column('jsonb', { nullable: true })
  score: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  fetchedAt: Date;
}
