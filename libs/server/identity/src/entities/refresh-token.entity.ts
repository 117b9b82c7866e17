import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from './user-account.entity';

/**
 * A refresh token, stored as a SHA-256 hash. Rotation: each use revokes it and issues a successor in the
 * same family; presenting a revoked token again (a stolen copy) revokes the whole family.
 */
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_refresh_token_user')
  @ForeignKey(() => UserAccountEntity, { name: 'refresh_token_user_id_fkey', onDelete: 'CASCADE' })
  @Column('uuid')
  userId: string;

  @Index('ix_refresh_token_family')
  @Column('uuid')
  familyId: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('text', { nullable: true })
  revokedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
