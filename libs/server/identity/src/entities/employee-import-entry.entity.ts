import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { ImportEntryOutcome } from '@kompeten/shared-contracts';
import { EmployeeImportEntity } from './employee-import.entity';

/**
 * What happened to one data line of an import. Keyed by (import, line): a retried import (after a worker crash)
 * finds the lines it already recorded and leaves them, so every line is counted once.
 */
@Entity('employee_import_entry')
@Check('employee_import_entry_outcome_check', `outcome IN ('created','updated','unchanged','failed','saved')`)
export class EmployeeImportEntryEntity {
  @ForeignKey(() => EmployeeImportEntity, { name: 'employee_import_entry_import_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'employee_import_entry_pkey' })
  importId: string;

  /** Line number in the file (the header is line 1). */
  @PrimaryColumn('int', { primaryKeyConstraintName: 'employee_import_entry_pkey' })
  line: number;

  @Column('text', { nullable: true })
  nip: string | null;

  @Column('text')
  outcome: ImportEntryOutcome;

  /** Why a row was refused: a stable code (counts per reason) and the sentence shown to people. */
  @Column('text', { nullable: true })
  reasonCode: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  /** The CSV columns an update changed, e.g. {nama, golongan}. */
  @Column('text', { array: true, nullable: true })
  changedFields: string[] | null;

  /** A problem that did not stop the row from being saved (e.g. nip_atasan not found). */
  @Column('text', { nullable: true })
  warningCode: string | null;

  @Column('text', { nullable: true })
  warning: string | null;
}
