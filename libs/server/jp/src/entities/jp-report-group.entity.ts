import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';

/**
 * The province-level report aggregate (decision 0033): active ASN of a year grouped by what a province or
 * all-agencies summary groups by — agency, type, position kind, rank, JP bucket and above the PPPK ceiling — with
 * their count and JP sums. A province of 60,000 ASN becomes about two thousand rows, so its summary sums those instead
 * of 60,000 people. Rebuilt whole per year by an idempotent job (`rebuildReportGroups`) every minute; the summary says
 * when (`asOf`). Agency, unit and team levels stay live. An absent position kind or rank is stored as ''.
 */
@Entity('jp_report_group')
export class JpReportGroupEntity {
  @PrimaryColumn('int')
  year: number;

  @PrimaryColumn('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'jp_report_group_agency_id_fkey', onDelete: 'CASCADE' })
  agencyId: string;

  @PrimaryColumn('text')
  employeeType: string;

  @PrimaryColumn('text')
  positionKind: string;

  @PrimaryColumn('text')
  rank: string;

  @PrimaryColumn('smallint')
  bucket: number;

  @PrimaryColumn('boolean')
  above: boolean;

  @Column('int')
  asn: number;

  @Column('numeric')
  totalJp: string;

  @Column('numeric')
  formalJp: string;

  @Column('numeric')
  socialJp: string;

  @Column('numeric')
  experientialJp: string;

  /** JP per month over the group (index 0 = January). */
  @Column('numeric', { array: true })
  monthlyJp: string[];
}

/** When the aggregate of a year was last built, from which snapshot size, and how long it took. */
@Entity('jp_report_build')
export class JpReportBuildEntity {
  @PrimaryColumn('int')
  year: number;

  @Column('timestamptz')
  builtAt: Date;

  @Column('int')
  asn: number;

  @Column('int')
  groups: number;

  @Column('int')
  durationMs: number;
}
