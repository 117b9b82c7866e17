import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CompetencyKind, DeliveryMode, JpClaimStatus, JpClaimVerifier, JpUnit } from '@kompeten/shared-contracts';
import { EmployeeEntity } from '@kompeten/server-identity';
import { AgencyEntity } from '@kompeten/server-organisation';
import { JpLedgerLineEntity } from './jp-ledger-line.entity';

/**
 * Development done outside Kompeten, claimed by the ASN (issue 16, docs/jp.md): a form of development, organiser,
 * dates, a quantity in the unit of the rule in force on the end date, and evidence checked by content. The verifier
 * (HR officer or supervisor, by the agency's rules at submission) verifies it — which credits the ledger once, by the
 * rules in force on the end date — or rejects it with a reason. Duplicates among claims that are not rejected are
 * refused by two partial unique indexes on normalised keys (the same certificate number, or the same organiser, title
 * and dates).
 */
@Entity('jp_claim')
@Check('jp_claim_status_check', `status IN ('pending','verified','rejected')`)
@Check('jp_claim_verifier_check', `verifier IN ('hr_officer','supervisor')`)
@Check('jp_claim_unit_check', `unit IN ('hour','session','day','activity')`)
@Check('jp_claim_delivery_mode_check', `delivery_mode IN ('classroom','online','blended','self_paced')`)
@Check('jp_claim_dates_check', `end_date >= start_date`)
@Check('jp_claim_quantity_check', `quantity > 0`)
@Check('jp_claim_jenis_diklat_id_check', `jenis_diklat_id BETWEEN 1 AND 25`)
@Index('uq_jp_claim_certificate', ['employeeId', 'certificateKey'], {
  unique: true,
  where: `certificate_key IS NOT NULL AND status <> 'rejected'`,
})
@Index('uq_jp_claim_activity', ['employeeId', 'activityKey'], { unique: true, where: `status <> 'rejected'` })
@Index('ix_jp_claim_status_created', ['status', 'createdAt'])
@Index('ix_jp_claim_employee_created', ['employeeId', 'createdAt'])
export class JpClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => EmployeeEntity, { name: 'jp_claim_employee_id_fkey' })
  @Column('uuid')
  employeeId: string;

  /** The claimant's agency when the claim was made. */
  @ForeignKey(() => AgencyEntity, { name: 'jp_claim_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  /** Form of development, as its SIASN jenis diklat code. */
  @Column('int')
  jenisDiklatId: number;

  @Column('text')
  title: string;

  @Column('text')
  organiser: string;

  @Column('date')
  startDate: string;

  /** The local day the learning ended: the rules in force on it credit the claim, and its year is the JP year. */
  @Column('date')
  endDate: string;

  @Column('text')
  unit: JpUnit;

  @Column('numeric', { precision: 6, scale: 2 })
  quantity: string;

  @Column('text')
  deliveryMode: DeliveryMode;

  @Column('text', { nullable: true })
  competencyKind: CompetencyKind | null;

  @Column('text', { nullable: true })
  certificateNumber: string | null;

  /** The certificate number normalised (case, spaces): what duplicates are found by. */
  @Column('text', { nullable: true })
  certificateKey: string | null;

  /** Organiser, title, start and end normalised into one key. */
  @Column('text')
  activityKey: string;

  /** Storage key of the evidence file (PDF, JPEG or PNG, checked by content); null when none was needed. */
  @Column('text', { nullable: true })
  evidenceKey: string | null;

  @Column('text', { nullable: true })
  evidenceName: string | null;

  @Column('text', { nullable: true })
  evidenceMime: string | null;

  @Column('int', { nullable: true })
  evidenceSize: number | null;

  @Column('text', { default: 'pending' })
  status: JpClaimStatus;

  @Column('text')
  verifier: JpClaimVerifier;

  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  decisionReason: string | null;

  @ForeignKey(() => JpLedgerLineEntity, { name: 'jp_claim_ledger_line_id_fkey' })
  @Column('uuid', { nullable: true })
  ledgerLineId: string | null;

  @Column('numeric', { precision: 6, scale: 2, nullable: true })
  creditedJp: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
