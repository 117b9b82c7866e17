import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { JpChannel, JpUnit } from '@kompeten/shared-contracts';
import { JpRuleSetEntity } from './jp-rule-set.entity';

/**
 * How one form of development (by SIASN jenis diklat code) earns JP under one rule version: the unit counted, JP per
 * unit (null: by minutes, through the rule set's minutes per JP of the delivery mode), the caps per activity and per
 * year, the evidence required, and the 10:20:70 channel it counts toward.
 */
@Entity('jp_rule')
@Check('jp_rule_channel_check', `channel IN ('formal','social','experiential')`)
@Check('jp_rule_unit_check', `unit IN ('hour','session','day','activity')`)
@Check(
  'jp_rule_amounts_check',
  `(jp_per_unit IS NULL OR jp_per_unit > 0) AND (cap_per_activity IS NULL OR cap_per_activity > 0) AND (cap_per_year IS NULL OR cap_per_year > 0)`,
)
@Check('jp_rule_evidence_check', `evidence IN ('none','certificate','document')`)
export class JpRuleEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => JpRuleSetEntity, { name: 'jp_rule_rule_set_id_fkey', onDelete: 'CASCADE' })
  ruleSetId: string;

  @PrimaryColumn('int')
  jenisDiklatId: number;

  @Column('text')
  channel: JpChannel;

  @Column('text')
  unit: JpUnit;

  @Column('numeric', { precision: 6, scale: 2, nullable: true })
  jpPerUnit: string | null;

  @Column('numeric', { precision: 6, scale: 2, nullable: true })
  capPerActivity: string | null;

  @Column('numeric', { precision: 6, scale: 2, nullable: true })
  capPerYear: string | null;

  /** 'none' | 'certificate' | 'document' — what a claim of this form must attach. */
  @Column('text')
  evidence: string;

  /** A form an agency does not recognise earns nothing under this version. */
  @Column('boolean', { default: true })
  enabled: boolean;
}
