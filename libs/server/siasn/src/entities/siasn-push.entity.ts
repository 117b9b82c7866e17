import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';
import type { SiasnCompletion } from '../mapping/kursus-mapping';

export type SiasnPushStatus = 'pending' | 'sent' | 'acknowledged' | 'failed' | 'parked';
export type SiasnDocumentState = 'pending' | 'uploaded' | 'failed' | 'parked';

/**
 * One completion to deliver to SIASN (decision 0028): `pending` (not tried yet), `sent` (a save was sent and its answer
 * is not known: the next attempt reads the ASN's history back first), `acknowledged` (SIASN's record id is ours),
 * `failed` (the last attempt failed and another is scheduled), `parked` (a person must act: unknown NIP, validation,
 * refused credentials, or attempts exhausted). Unique on the source, so a completion is pushed at most once.
 */
@Entity('siasn_push')
@Unique('uq_siasn_push_source', ['sourceType', 'sourceId'])
@Check('siasn_push_status_check', `status IN ('pending','sent','acknowledged','failed','parked')`)
@Index('ix_siasn_push_status_due', ['status', 'nextAttemptAt'])
@Index('ix_siasn_push_agency_status', ['agencyId', 'status'])
@Check('siasn_push_document_status_check', `document_status IN ('pending','uploaded','failed','parked')`)
@Index('ix_siasn_push_document_due', ['documentStatus', 'documentNextAt'], {
  where: `document_status IN ('pending','failed')`,
})
export class SiasnPushEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What is pushed: `course_completion` today. */
  @Column('text')
  sourceType: string;

  @Column('uuid')
  sourceId: string;

  @Column('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'siasn_push_employee_id_fkey' })
  employeeId: string;

  @Column('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'siasn_push_agency_id_fkey' })
  agencyId: string;

  @Column('text')
  nip: string;

  /** The agency's SIASN instansiId (32 hex). */
  @Column('text')
  instansiId: string;

  /** What the record says, fixed when the push is created (the mapping's input). */
  @Column('jsonb')
  completion: SiasnCompletion;

  @Column('text', { default: 'pending' })
  status: SiasnPushStatus;

  @Column('int', { default: 0 })
  attempts: number;

  /** A save may have reached SIASN without an answer: read the history back before posting again. */
  @Column('boolean', { default: false })
  uncertain: boolean;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt: Date;

  /** Held by the worker delivering it until then; another worker takes it only after. */
  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;

  @Column('text', { nullable: true })
  pnsOrangId: string | null;

  /** SIASN's rwKursusId: the key for idempotency, update and delete. */
  @Column('text', { nullable: true })
  siasnRecordId: string | null;

  /** The record was found in the ASN's history after an unknown outcome, not created by the last call. */
  @Column('boolean', { default: false })
  adopted: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  acknowledgedAt: Date | null;

  /** The certificate pushed (its PDF is uploaded to the record); null for pushes made before certificates existed. */
  @Column('uuid', { nullable: true })
  certificateId: string | null;

  /** The ASN's name as the certificate prints it (for the admin list). */
  @Column('text', { nullable: true })
  personName: string | null;

  /**
   * The certificate PDF's upload to the acknowledged record (`/upload-dok-rw`): null until acknowledged, then
   * `pending` → `uploaded`, or `failed` (retried by the sweep) / `parked` (a person must act).
   */
  @Column('text', { nullable: true })
  documentStatus: SiasnDocumentState | null;

  @Column('int', { default: 0 })
  documentAttempts: number;

  @Column('text', { nullable: true })
  documentError: string | null;

  @Column('timestamptz', { nullable: true })
  documentNextAt: Date | null;

  @Column('timestamptz', { nullable: true })
  documentLeaseUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  documentUploadedAt: Date | null;
}
