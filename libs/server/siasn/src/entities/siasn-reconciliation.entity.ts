import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';
import { SiasnPushEntity } from './siasn-push.entity';

/** One comparison of what an agency sent (acknowledged pushes) with what SIASN reports. */
@Entity('siasn_reconciliation_run')
@Check('siasn_reconciliation_run_status_check', `status IN ('requested','running','done','failed')`)
@Index('ix_siasn_reconciliation_run_agency', ['agencyId', 'requestedAt'])
@Index('uq_siasn_reconciliation_run_open', ['agencyId'], {
  unique: true,
  where: `status IN ('requested','running')`,
})
export class SiasnReconciliationRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'siasn_reconciliation_run_agency_id_fkey' })
  agencyId: string;

  @Column('text', { default: 'requested' })
  status: 'requested' | 'running' | 'done' | 'failed';

  @Column('uuid', { nullable: true })
  requestedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  requestedAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  /** A worker running it holds it until then; a dead worker's run is taken again after. */
  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Column('int', { default: 0 })
  checked: number;

  @Column('int', { default: 0 })
  differences: number;

  @Column('text', { nullable: true })
  error: string | null;
}

/** One difference a reconciliation found. */
@Entity('siasn_reconciliation_item')
@Check(
  'siasn_reconciliation_item_kind_check',
  `kind IN ('missing_at_siasn','different','record_id_mismatch','unreadable')`,
)
@Index('ix_siasn_reconciliation_item_run', ['runId'])
export class SiasnReconciliationItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => SiasnReconciliationRunEntity, {
    name: 'siasn_reconciliation_item_run_id_fkey',
    onDelete: 'CASCADE',
  })
  runId: string;

  @Column('uuid')
  @ForeignKey(() => SiasnPushEntity, { name: 'siasn_reconciliation_item_push_id_fkey' })
  pushId: string;

  @Column('text')
  nip: string;

  @Column('text')
  certificateNumber: string;

  @Column('text')
  kind: string;

  @Column('text')
  detail: string;
}
