import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from '@kompeten/server-identity';

/**
 * Pre-aggregated JP per ASN and year, kept equal to the sum of the ledger in the same transaction as every ledger line
 * (the only writer is the ledger's append). Compliance reports over a province (60,000 ASN, 1,000,000 lines) read
 * this, joined with identity's `identity_employee` view for the current unit, type and position kind; a consistency
 * check compares it with the ledger.
 */
@Entity('jp_person_year')
// Covering index of the compliance reports (decision 0023): one year's rows with the numbers a summary sums, read
// index-only (the heap rows are wide: months and two jsonb maps). It starts with `year`, so it serves year lookups too.
@Index('ix_jp_person_year_report', ['year', 'employeeId', 'totalJp', 'formalJp', 'socialJp', 'experientialJp'])
export class JpPersonYearEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => EmployeeEntity, { name: 'jp_person_year_employee_id_fkey' })
  employeeId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('numeric', { precision: 8, scale: 2, default: 0 })
  totalJp: string;

  @Column('numeric', { precision: 8, scale: 2, default: 0 })
  formalJp: string;

  @Column('numeric', { precision: 8, scale: 2, default: 0 })
  socialJp: string;

  @Column('numeric', { precision: 8, scale: 2, default: 0 })
  experientialJp: string;

  /** JP per month of `occurred_on` (index 0 = January), for the month-by-month trend. */
  @Column('numeric', { array: true, default: () => `'{0,0,0,0,0,0,0,0,0,0,0,0}'` })
  monthlyJp: string[];

  /** JP per form of development: `{"16": 12.5, "9": 4}` (SIASN jenis diklat code → JP). */
  @Column('jsonb', { default: () => `'{}'` })
  byForm: Record<string, number>;

  /** JP per competency kind: `{"teknis": 10}`. */
  @Column('jsonb', { default: () => `'{}'` })
  byCompetencyKind: Record<string, number>;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
