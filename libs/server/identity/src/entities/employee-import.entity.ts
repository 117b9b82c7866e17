import type { ImportHeaderCheck } from '@kompeten/shared-contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';
import { UserAccountEntity } from './user-account.entity';
import type { ImportStatus } from '@kompeten/shared-contracts';

/** One CSV import of ASN: the stored file, its progress and its counts; the per-row report is in employee_import_entry. */
@Entity('employee_import')
@Check('employee_import_status_check', `status IN ('queued','running','completed','failed')`)
@Index('ix_employee_import_agency_created', ['agencyId', 'createdAt'])
export class EmployeeImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => AgencyEntity, { name: 'employee_import_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @ForeignKey(() => UserAccountEntity, { name: 'employee_import_created_by_fkey' })
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('text')
  fileName: string;

  /** Key of the uploaded file in storage. */
  @Column('text')
  storageKey: string;

  /** Set when an HR officer imports: rows may only land in this unit subtree. */
  @Column('text', { nullable: true })
  unitScopePath: string | null;

  @Column('text', { default: 'queued' })
  status: ImportStatus;

  @Column('int', { default: 0 }) totalRows: number;
  @Column('int', { default: 0 }) processedRows: number;
  @Column('int', { default: 0 }) createdCount: number;
  @Column('int', { default: 0 }) updatedCount: number;
  @Column('int', { default: 0 }) unchangedCount: number;
  @Column('int', { default: 0 }) failedCount: number;
  /** Saved rows with a warning (e.g. nip_atasan not found). Every entry is in employee_import_entry. */
  @Column('int', { default: 0 }) warningCount: number;

  @Column('text', { nullable: true })
  message: string | null;

  /** The same file-level failure in English (decision 0026). */
  @Column('text', { nullable: true })
  messageEn: string | null;

  /** Required columns missing from the header row and columns not recognised; null when the header was clean. */
  @Column('jsonb', { nullable: true })
  headerCheck: ImportHeaderCheck | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
