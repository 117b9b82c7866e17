import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, with the state before and after. Written in the same transaction as the change. */
@Entity('audit_log')
@Index('ix_audit_log_agency_created', ['agencyId', 'createdAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('uuid', { nullable: true })
  agencyId: string | null;

  /** Agencies whose people the write touched besides `agencyId` (their admins see the entry too). */
  @Column('uuid', { array: true, default: () => "'{}'" })
  touchedAgencyIds: string[];

  @Column('jsonb', { nullable: true })
  before: unknown;

  @Column('jsonb', { nullable: true })
  after: unknown;

  @Column('text', { nullable: true })
  correlationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
