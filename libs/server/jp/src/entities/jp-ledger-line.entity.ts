import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CompetencyKind, JpCalculation, JpChannel, JpSourceType } from '@kompeten/shared-contracts';
import { EmployeeEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';
import { JpRuleSetEntity } from './jp-rule-set.entity';

/**
 * The JP ledger: append-only. One credit per source (`uq_jp_ledger_source`: a retried or twice-delivered event finds
 * the line already there); a correction is a new line with the opposite JP that names the line it reverses (at most one
 * reversal per line), never an edit. `year` is the local year, in the zone of the ASN's agency, of the day the learning
 * ended (`occurred_on`, also local), so a completion at 23:30 WITA on 31 December counts for that year.
 */
@Entity('jp_ledger_line')
@Check('jp_ledger_line_channel_check', `channel IN ('formal','social','experiential')`)
@Check('jp_ledger_line_year_check', `year = extract(year FROM occurred_on)`)
@Index('uq_jp_ledger_source', ['sourceType', 'sourceId'], { unique: true, where: 'reverses_id IS NULL' })
@Index('ix_jp_ledger_employee_year', ['employeeId', 'year'])
export class JpLedgerLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => EmployeeEntity, { name: 'jp_ledger_line_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  /** The ASN's agency when the line was written (its zone fixed `year`). */
  @ForeignKey(() => AgencyEntity, { name: 'jp_ledger_line_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @Column('int')
  year: number;

  @Column('date')
  occurredOn: string;

  /** Signed: a reversal carries the opposite of the line it reverses. */
  @Column('numeric', { precision: 6, scale: 2 })
  jp: string;

  /** Form of development, as its SIASN jenis diklat code. */
  @Column('int')
  jenisDiklatId: number;

  @Column('text')
  channel: JpChannel;

  @Column('text', { nullable: true })
  competencyKind: CompetencyKind | null;

  @Column('text')
  sourceType: JpSourceType;

  @Column('uuid')
  sourceId: string;

  /** What was learned (course title, claim title) and who organised it, as credited. */
  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  organiser: string | null;

  @ForeignKey(() => JpRuleSetEntity, { name: 'jp_ledger_line_rule_set_id_fkey' })
  @Column('uuid')
  ruleSetId: string;

  @Index('uq_jp_ledger_reverses', { unique: true, where: 'reverses_id IS NOT NULL' })
  @ForeignKey(() => JpLedgerLineEntity, { name: 'jp_ledger_line_reverses_id_fkey' })
  @Column('uuid', { nullable: true })
  reversesId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  /** How the JP was computed (basis, unit, quantity, caps); null on reversals (migration 1797210000000). */
  @Column('jsonb', { nullable: true })
  calculation: JpCalculation | null;

  /** The account that wrote a correction or verified a claim; null for credits from events. */
  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
