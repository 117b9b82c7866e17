import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryMode, JpClaimVerifier } from '@kompeten/shared-contracts';
import { AgencyEntity } from '@kompeten/server-organisation';

/**
 * One version of the JP recognition rules (DOMAIN.md §3): the national defaults (`agency_id` null, set by a platform
 * admin) or an agency's own version, in force from `effective_from` (a local date in the agency's zone) until the next
 * version of the same owner. A credit uses the version in force on the day the learning ended, and keeps its id, so a
 * rule change affects only credits after its effective date. Versions are never edited once a line uses them.
 */
@Entity('jp_rule_set')
@Check('jp_rule_set_claim_verifier_check', `claim_verifier IN ('hr_officer','supervisor')`)
@Index('uq_jp_rule_set_agency_from', ['agencyId', 'effectiveFrom'], { unique: true, where: 'agency_id IS NOT NULL' })
@Index('uq_jp_rule_set_national_from', ['effectiveFrom'], { unique: true, where: 'agency_id IS NULL' })
export class JpRuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null: the national defaults. */
  @ForeignKey(() => AgencyEntity, { name: 'jp_rule_set_agency_id_fkey' })
  @Column('uuid', { nullable: true })
  agencyId: string | null;

  @Column('date')
  effectiveFrom: string;

  /** Minutes per JP per delivery mode (default 45 each). */
  @Column('jsonb')
  minutesPerJp: Record<DeliveryMode, number>;

  /** Who verifies the external-learning claims of ASN whose rules these are (migration 1797210000000). */
  @Column('text', { default: 'hr_officer' })
  claimVerifier: JpClaimVerifier;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
