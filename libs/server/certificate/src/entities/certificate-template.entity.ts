import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';

/**
 * An emblem or logo, kept by the SHA-256 of its bytes and never changed: a certificate's content names the hash, so
 * re-rendering it draws the same picture and gives the same bytes even after the agency uploads another logo.
 */
@Entity('certificate_logo')
@Check('certificate_logo_media_type_check', `media_type IN ('image/png','image/jpeg')`)
@Check('certificate_logo_size_check', `byte_size > 0 AND byte_size <= 524288`)
export class CertificateLogoEntity {
  @PrimaryColumn('text')
  sha256: string;

  @Column('text')
  mediaType: 'image/png' | 'image/jpeg';

  @Column('int')
  byteSize: number;

  @Column('bytea')
  bytes: Buffer;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/** An agency's certificate template (decision 0030): wording, signatory, numbering pattern, validity and logo. */
@Entity('certificate_template')
@Check('certificate_template_validity_check', `validity_months IS NULL OR validity_months BETWEEN 1 AND 600`)
export class CertificateTemplateEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'certificate_template_agency_id_fkey' })
  agencyId: string;

  /** e.g. "SURAT TANDA TAMAT PELATIHAN". */
  @Column('text')
  title: string;

  /** The line before the participant, e.g. "diberikan kepada". */
  @Column('text')
  awardedTo: string;

  /** The line before the training, e.g. "telah mengikuti". */
  @Column('text')
  completed: string;

  /** An optional closing sentence under the training. */
  @Column('text', { nullable: true })
  closing: string | null;

  /** Place of issue, e.g. "Mataram". */
  @Column('text')
  city: string;

  @Column('text')
  signatoryName: string;

  @Column('text')
  signatoryPosition: string;

  @Column('text', { nullable: true })
  signatoryNip: string | null;

  /** Numbering pattern (decision 0029), e.g. `800/{seq:0000}/{kode}/{tahun}`. */
  @Column('text')
  pattern: string;

  /** `{kode}` of the pattern. */
  @Column('text')
  kode: string;

  /** `{unit}` of the pattern. */
  @Column('text')
  unit: string;

  /** Months a certificate stays valid after issue; null: never expires. */
  @Column('int', { nullable: true })
  validityMonths: number | null;

  @Column('text', { nullable: true })
  @ForeignKey(() => CertificateLogoEntity, { name: 'certificate_template_logo_sha256_fkey' })
  logoSha256: string | null;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
