import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AgencyEntity, WorkUnitEntity } from '@kompeten/server-organisation';
import type { EmployeeType, PositionKind } from '@kompeten/shared-contracts';

/** An ASN profile. The NIP is validated by its structure; birth date and gender come from it. */
@Entity('employee')
@Check('employee_nip_check', `nip ~ '^[0-9]{18}$'`)
@Check('employee_employee_type_check', `employee_type IN ('PNS','PPPK')`)
@Check('employee_position_kind_check', `position_kind IN ('struktural','fungsional','pelaksana')`)
@Check('employee_gender_check', `gender IN ('L','P')`)
@Index('ix_employee_agency_unit', ['agencyId', 'unitId'])
export class EmployeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_employee_nip', { unique: true })
  @Column('char', { length: 18 })
  nip: string;

  @ForeignKey(() => AgencyEntity, { name: 'employee_agency_id_fkey' })
  @Column('uuid')
  agencyId: string;

  @ForeignKey(() => WorkUnitEntity, { name: 'employee_unit_id_fkey' })
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
  @ForeignKey(() => EmployeeEntity, { name: 'employee_supervisor_id_fkey' })
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
