import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EmployeeType, PositionKind } from '@kompeten/shared-contracts';

/** An ASN profile. The NIP is validated by its structure; birth date and gender come from it. */
@Entity('employee')
@Index('ix_employee_agency_unit', ['agencyId', 'unitId'])
export class EmployeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_employee_nip', { unique: true })
  @Column('char', { length: 18 })
  nip: string;

  @Column('uuid')
  agencyId: string;

  @Column('uuid', { nullable: true })
  unitId: string | null;

  @Column('text')
  employeeType: EmployeeType;

  @Column('text')
  fullName: string;

  @Column('text', { nullable: true })
  frontTitle: string | null;

  @Column('text', { nullable: true })
  backTitle: string | null;

  @Column('text', { nullable: true })
  positionName: string | null;

  @Column('text', { nullable: true })
  positionKind: PositionKind | null;

  /** Golongan/pangkat, e.g. "III/a". */
  @Column('text', { nullable: true })
  rank: string | null;

  @Index('ix_employee_supervisor')
  @Column('uuid', { nullable: true })
  supervisorId: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('date')
  birthDate: string;

  @Column('char', { length: 1 })
  gender: 'L' | 'P';

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
