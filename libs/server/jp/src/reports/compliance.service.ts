import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  JP_ANNUAL_TARGET,
  JP_BUCKETS,
  PPPK_JP_CEILING,
  type ComplianceChild,
  type ComplianceNode,
  type ComplianceSummary,
  type ComplianceTrend,
  type CompliancePerson,
  type JpEmployeeFilter,
  type Page,
} from '@kompeten/shared-contracts';
import { toPage } from '@kompeten/server-core';
import { AgencyTree, type AccessScope, type AgencyTreeIndex } from '@kompeten/server-organisation';
import { displayName, localDateOf } from '@kompeten/shared-util';
import {
  comparePositionKinds,
  compareRanks,
  groupOf,
  metricsOf,
  owedJp,
  round2,
  sumSources,
} from './compliance-metrics';
import {
  agencyNames,
  employeeName,
  findUnit,
  inReportTransaction,
  monthlyRow,
  peopleRows,
  SET,
  summaryRows,
  unitsFor,
  type PeopleQuery,
  type PersonSqlRow,
  type UnitRow,
} from './compliance-store';
import { groupMonthlyRow, groupSummaryRows, isTopNode, reportBuildOf, type TopNode } from './report-groups-store';
import { breadcrumbNodes, drillOf, pathIds, resolveNode, type NodeRequest, type ReportNode } from './report-node';

export interface ReportFilter extends NodeRequest {
  year?: number;
  employeeType?: JpEmployeeFilter;
}

/** A resolved request: the node (checked against the scope), the year and the type filter. */
export interface ResolvedReport {
  node: ReportNode;
  tree: AgencyTreeIndex;
  year: number;
  type: JpEmployeeFilter;
}

/** A child row of a node, before its numbers: `key` is the child key the grouped rows carry (null: direct/unassigned). */
export interface ChildDescriptor {
  key: string | null;
  id: string | null;
  kind: ComplianceChild['kind'];
  name: string;
  drill: ComplianceChild['drill'];
}

const ALL_NAME = 'Semua instansi';
const UNASSIGNED_NAME = 'Tanpa unit kerja';

/**
 * JP compliance for a caller's scope (issue 16, decision 0023): the summary of a node (totals, distribution, 10:20:70
 * mix, position kinds, ranks, the month trend and one row per child for the drill-down) and the people list with what
 * each still owes. The SQL is in compliance-store.ts; node and scope rules in report-node.ts.
 */
@Injectable()
export class ComplianceService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencyTree: AgencyTree,
  ) {}

  /** The node the filter asks for, checked against the scope (404 outside it), with the year (default: this local year). */
  async resolve(scope: AccessScope, f: ReportFilter): Promise<ResolvedReport> {
    const tree = await this.agencyTree.current();
    const unit = f.unitId ? await findUnit(this.db.manager, f.unitId) : null;
    const node = resolveNode(scope, tree, f, unit ? { id: unit.id, agencyId: unit.agency_id, path: unit.path } : null);
    const zoneAgency =
      node.level === 'all' || node.level === 'team' ? scope.principal.roles[0]?.agencyId : node.agencyId;
    const zone = (zoneAgency && tree.timeZoneOf(zoneAgency)) || 'Asia/Jakarta';
    const year = f.year ?? Number(localDateOf(new Date(), zone).slice(0, 4));
    return { node, tree, year, type: f.employeeType ?? 'all' };
  }

  /**
   * One report read in its report transaction: province and all-agencies levels from the report aggregate once their
   * year has been built (decision 0033; `asOf` is the build time), every other level — and a year never built — live.
   */
  private aggregateOrLive<T>(
    r: ResolvedReport,
    fromAggregate: (m: EntityManager, node: TopNode) => Promise<T>,
    live: (m: EntityManager) => Promise<T>,
  ): Promise<{ value: T; asOf: string | null }> {
    return inReportTransaction(this.db, async (m) => {
      const node = r.node;
      const built = isTopNode(node) ? await reportBuildOf(m, r.year) : null;
      if (!built || !isTopNode(node)) return { value: await live(m), asOf: null };
      return { value: await fromAggregate(m, node), asOf: built.toISOString() };
    });
  }

  async summary(scope: AccessScope, f: ReportFilter): Promise<ComplianceSummary> {
    const r = await this.resolve(scope, f);
    const { value: rows, asOf } = await this.aggregateOrLive(
      r,
      (m, node) => groupSummaryRows(m, node, r.tree, r.type, r.year),
      (m) => summaryRows(m, r.node, r.tree, r.type, r.year),
    );
    const totals = sumSources(rows.filter((x) => x.g === SET.child));
    const byChild = new Map(rows.filter((x) => x.g === SET.child).map((x) => [x.child, x]));
    const { crumbs, children: described } = await this.describe(scope, r, new Set(byChild.keys()));
    const children: ComplianceChild[] = described.map(({ key, ...d }) => ({ ...d, ...metricsOf(byChild.get(key)) }));
    return {
      year: r.year,
      employeeType: r.type,
      asOf,
      node: crumbs[crumbs.length - 1],
      breadcrumb: crumbs,
      targetJp: JP_ANNUAL_TARGET,
      pppkCeilingJp: PPPK_JP_CEILING,
      totals: metricsOf(totals),
      distribution: JP_BUCKETS.map((b, i) => ({
        bucket: b.key,
        count: rows.find((x) => x.g === SET.bucket && x.bucket === i)?.asn ?? 0,
      })),
      byPositionKind: rows
        .filter((x) => x.g === SET.positionKind)
        .sort((a, b) => comparePositionKinds(a.position_kind, b.position_kind))
        .map((x) => groupOf(x.position_kind, x)),
      byRank: rows
        .filter((x) => x.g === SET.rank)
        .sort((a, b) => compareRanks(a.rank, b.rank))
        .map((x) => groupOf(x.rank, x)),
      children,
    };
  }

  async trend(scope: AccessScope, f: ReportFilter): Promise<ComplianceTrend> {
    const r = await this.resolve(scope, f);
    const { value: row, asOf } = await this.aggregateOrLive(
      r,
      (m, node) => groupMonthlyRow(m, node, r.tree, r.type, r.year),
      (m) => monthlyRow(m, r.node, r.tree, r.type, r.year),
    );
    let cumulative = 0;
    return {
      year: r.year,
      employeeType: r.type,
      asOf,
      asnCount: row.asn,
      targetJp: JP_ANNUAL_TARGET,
      months: row.months.map((v, i) => {
        const jp = round2(Number(v ?? 0));
        cumulative = round2(cumulative + jp);
        return {
          month: i + 1,
          jp,
          cumulativeJp: cumulative,
          averageCumulativeJp: row.asn ? round2(cumulative / row.asn) : 0,
        };
      }),
    };
  }

  /**
   * Names of the breadcrumb and the node, and one descriptor per child row: every child agency or unit (those without
   * ASN too, so nothing is hidden), and the `direct` / `unassigned` rows when `present` holds their key (null).
   */
  async describe(
    scope: AccessScope,
    r: ResolvedReport,
    present: ReadonlySet<string | null>,
  ): Promise<{ crumbs: ComplianceSummary['breadcrumb']; children: ChildDescriptor[] }> {
    const m = this.db.manager;
    const { node, tree } = r;
    const chain = breadcrumbNodes(scope, tree, node);
    const childAgencies =
      node.level === 'all'
        ? tree.nodes.filter((n) => !n.parentId).map((n) => n.id)
        : node.level === 'province'
          ? tree.nodes.filter((n) => n.parentId === node.agencyId).map((n) => n.id)
          : [];
    const agencyIds = [
      ...new Set([
        ...chain.flatMap((c) => (c.level === 'all' || c.level === 'team' ? [] : [c.agencyId])),
        ...childAgencies,
      ]),
    ];
    const unitIds = node.level === 'unit' ? pathIds(node.path) : [];
    const childUnitsOf =
      node.level === 'agency'
        ? { agencyId: node.agencyId, parentId: null }
        : node.level === 'unit'
          ? { agencyId: node.agencyId, parentId: node.unitId }
          : null;
    const [agencies, units, boss] = await Promise.all([
      agencyNames(m, agencyIds),
      unitIds.length || childUnitsOf ? unitsFor(m, unitIds, childUnitsOf) : Promise.resolve([] as UnitRow[]),
      node.level === 'team' ? employeeName(m, node.employeeId) : Promise.resolve(null),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const nameOf = (n: ReportNode): string => {
      switch (n.level) {
        case 'all':
          return ALL_NAME;
        case 'team':
          return `Tim ${boss ? displayName(boss.full_name, boss.front_title, boss.back_title) : ''}`.trim();
        case 'unit':
          return unitName.get(n.unitId) ?? n.unitId;
        default:
          return agencies.get(n.agencyId) ?? n.agencyId;
      }
    };
    const describeNode = (n: ReportNode): ComplianceNode & { drill: ReturnType<typeof drillOf> } => ({
      level: n.level,
      id: n.level === 'unit' ? n.unitId : n.level === 'all' || n.level === 'team' ? null : n.agencyId,
      agencyId: n.level === 'all' || n.level === 'team' ? null : n.agencyId,
      name: nameOf(n),
      drill: drillOf(n),
    });
    const crumbs = chain.map(describeNode);
    const children: ChildDescriptor[] = [];
    if (node.level === 'all' || node.level === 'province') {
      if (node.level === 'province')
        children.push({
          key: node.agencyId,
          id: node.agencyId,
          kind: 'direct',
          name: nameOf(node),
          drill: drillOf({ level: 'agency', agencyId: node.agencyId }),
        });
      for (const id of childAgencies) {
        const child: ReportNode =
          tree.descendantsOrSelf(id).length > 1
            ? { level: 'province', agencyId: id }
            : { level: 'agency', agencyId: id };
        children.push({ key: id, id, kind: 'agency', name: agencies.get(id) ?? id, drill: drillOf(child) });
      }
    } else if (node.level === 'agency' || node.level === 'unit') {
      const parentId = node.level === 'unit' ? node.unitId : null;
      if (node.level === 'unit' && present.has(null))
        children.push({ key: null, id: node.unitId, kind: 'direct', name: nameOf(node), drill: null });
      for (const u of units.filter((x) => x.agency_id === node.agencyId && x.parent_id === parentId))
        children.push({
          key: u.id,
          id: u.id,
          kind: 'unit',
          name: u.name,
          drill: drillOf({ level: 'unit', agencyId: u.agency_id, unitId: u.id, path: u.path }),
        });
      if (node.level === 'agency' && present.has(null))
        children.push({ key: null, id: null, kind: 'unassigned', name: UNASSIGNED_NAME, drill: null });
    }
    const rank = (c: ChildDescriptor) => (c.kind === 'direct' ? 0 : c.kind === 'unassigned' ? 2 : 1);
    children.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'id'));
    return { crumbs, children };
  }

  toPerson(r: PersonSqlRow): CompliancePerson {
    const total = Number(r.total);
    return {
      employeeId: r.id,
      nip: r.nip,
      name: displayName(r.full_name, r.front_title, r.back_title),
      agencyName: r.agency_name,
      unitName: r.unit_name,
      employeeType: r.employee_type,
      positionName: r.position_name,
      positionKind: r.position_kind,
      rank: r.rank,
      totalJp: round2(total),
      formalJp: round2(Number(r.formal)),
      socialJp: round2(Number(r.social)),
      experientialJp: round2(Number(r.experiential)),
      owedJp: owedJp(total, JP_ANNUAL_TARGET),
      nonCompliant: r.employee_type === 'PNS' && total < JP_ANNUAL_TARGET,
      ceilingJp: r.employee_type === 'PPPK' ? PPPK_JP_CEILING : null,
    };
  }

  async peoplePage(
    r: ResolvedReport,
    q: Omit<PeopleQuery, 'year' | 'type'>,
    page: { page: number; pageSize: number },
  ): Promise<Page<CompliancePerson>> {
    const rows = await inReportTransaction(this.db, (m) =>
      peopleRows(
        m,
        r.node,
        r.tree,
        { ...q, year: r.year, type: r.type },
        page.pageSize,
        (page.page - 1) * page.pageSize,
      ),
    );
    const total = rows[0]?.matching ?? (page.page > 1 ? await this.count(r, q) : 0);
    return toPage(
      rows.map((x) => this.toPerson(x)),
      total,
      page,
    );
  }

  /** The count alone, for a page past the end (it has no row to carry it). */
  private async count(r: ResolvedReport, q: Omit<PeopleQuery, 'year' | 'type'>): Promise<number> {
    const [first] = await peopleRows(this.db.manager, r.node, r.tree, { ...q, year: r.year, type: r.type }, 1, 0);
    return first?.matching ?? 0;
  }

  async people(
    scope: AccessScope,
    f: ReportFilter & Omit<PeopleQuery, 'year' | 'type'> & { page: number; pageSize: number },
  ): Promise<Page<CompliancePerson>> {
    return this.peoplePage(await this.resolve(scope, f), f, f);
  }
}
