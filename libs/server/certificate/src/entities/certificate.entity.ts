import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';
import type { CertificateContent } from '../rendering/certificate-content';

/** A public key that signed certificates, kept by id so that old signatures keep verifying after a rotation. */
@Entity('certificate_key')
export class CertificateKeyEntity {
  @PrimaryColumn('text')
  keyId: string;

  @Column('text')
  algorithm: string;

  @Column('text')
  publicKeyPem: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/**
 * An issued certificate (decision 0029): the content exactly as signed, the number from the agency's sequence (unique,
 * never changed), the signature and its key, the hash of the rendered PDF. One valid certificate per source; a
 * re-issue revokes the old one and points back at it.
 */
@Entity('certificate')
@Check('certificate_status_check', `status IN ('valid','revoked')`)
@Unique('uq_certificate_number', ['number'])
@Unique('uq_certificate_agency_year_seq', ['agencyId', 'year', 'seq'])
@Index('uq_certificate_source_valid', ['sourceType', 'sourceId'], { unique: true, where: `status = 'valid'` })
@Index('ix_certificate_employee_issued', ['employeeId', 'issuedAt'])
@Index('ix_certificate_agency_issued', ['agencyId', 'issuedAt'])
@Index('ix_certificate_course', ['courseId'])
export class CertificateEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  sourceType: string;

  @Column('uuid')
  sourceId: string;

  /** The course of a course completion's certificate (the admin list filters by it); null for other sources. */
  @Column('uuid', { nullable: true })
  courseId: string | null;

  @Column('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'certificate_employee_id_fkey' })
  employeeId: string;

  /** The issuing agency, whose pattern and sequence gave the number. */
  @Column('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'certificate_agency_id_fkey' })
  agencyId: string;

  @Column('int')
  year: number;

  @Column('int')
  seq: number;

  @Column('text')
  number: string;

  @Column('jsonb')
  content: CertificateContent;

  /** Base64 of the signature over `canonicalJson({ id, content })`. */
  @Column('text')
  signature: string;

  @Column('text')
  @ForeignKey(() => CertificateKeyEntity, { name: 'certificate_key_id_fkey' })
  keyId: string;

  @Column('text')
  pdfSha256: string;

  @Column('text', { default: 'valid' })
  status: 'valid' | 'revoked';

  @Column('text', { nullable: true })
  revokedReason: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => CertificateEntity, { name: 'certificate_replaces_id_fkey' })
  replacesId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  issuedAt: Date;
}
