import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  POSITION_KINDS,
  type IpAsnAggregate,
  type IpAsnBand,
  type IpAsnEstimate,
  type IpAsnOfficialScore,
  type IpAsnPerson,
  type IpAsnScheme,
  type IpAsnSchemeRules,
  type IpAsnSummary,
  type Page,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, toPage } from '@kompeten/server-core';
import { AgencyTree, type AccessScope } from '@kompeten/server-organisation';
import { displayName, localDateOf } from '@kompeten/shared-util';
import { ComplianceService, type ReportFilter } from '../reports/compliance.service';
import { categoryOf, estimateCompetency, matchRows, schemeProblems, type InputSum } from './ip-asn-score';
import {
  evidenceLines,
  findEmployee,
  insertScheme,
  listSchemes,
  nodePeople,
  officialScores,
  ruleSums,
  schemeInForce,
  type IpAsnPersonRow,
  type OfficialRow,
  type SchemeRow,
} from './ip-asn-store';

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;
const EVIDENCE_PER_INPUT = 20;

export function toScheme(r: SchemeRow): IpAsnScheme {
  return {
    id: r.id,
    version: r.version,
    effectiveFrom: r.effective_from,
    legalBasis: r.legal_basis,
    rules: r.rules,
    bands: r.bands,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

function toOfficial(r: OfficialRow, bands: readonly IpAsnBand[]): IpAsnOfficialScore {
  const total = Number(r.total_score);
  return {
    year: r.year,
    totalScore: total,
    competencyScore: r.competency_score === null ? null : Number(r.competency_score),
    source: r.source,
    retrievedAt: new Date(r.retrieved_at).toISOString(),
    category: categoryOf(total, bands),
  };
}

/** One ASN scored: their row, the estimate and the official score where known. */
interface Scored {
  person: IpAsnPersonRow;
  points: number | null;
  percent: number | null;
  inputs: Record<string, number>;
  met: Record<string, boolean>;
  official: IpAsnOfficialScore | null;
}

/**
 * The IP ASN competency dimension per ASN, per unit and per agency (DOMAIN.md §4, decision 0023): estimated from the
 * ledger under the scheme version in force, with the inputs and the points each earned, the official score beside it
 * where known. The bands of the whole IP ASN (0–100) are applied to official scores only: an estimate of one dimension
 * (at most 40) is shown as points and percent of its maximum, never as a band of the whole index.
 */
@Injectable()
export class IpAsnService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(AgencyTree) private readonly tree: AgencyTree,
  ) {}

  async schemes(): Promise<IpAsnScheme[]> {
    return (await listSchemes(this.db.manager)).map(toScheme);
  }

  private async scheme(year: number): Promise<SchemeRow> {
    const s = await schemeInForce(this.db.manager, year);
    if (!s) throw notFound(ErrorCode.JP_IP_ASN_NO_SCHEME, `Belum ada skema IP ASN yang berlaku untuk tahun ${year}`);
    return s;
  }

  /** A new scheme version (platform admins): BKN's reformulation is data, in force from its date. */
  async createScheme(
    scope: AccessScope,
    dto: {
      version: string;
      effectiveFrom: string;
      legalBasis: string;
      rules: IpAsnSchemeRules;
      bands: IpAsnBand[];
      note?: string | null;
    },
  ): Promise<IpAsnScheme> {
    if (!scope.global)
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya admin platform yang dapat menambah skema IP ASN');
    const problems = schemeProblems(dto.rules, dto.bands);
    if (problems.length)
      throw invalid(ErrorCode.JP_IP_ASN_INVALID_SCHEME, `Skema IP ASN tidak valid: ${problems[0]}`, { problems });
    const row = await insertScheme(this.db.manager, {
      ...dto,
      note: dto.note ?? null,
      createdBy: scope.principal.userId,
    });
    if (!row)
      throw conflict(
        ErrorCode.JP_IP_ASN_SCHEME_EXISTS,
        'Versi atau tanggal berlaku skema ini sudah ada; buat versi baru dengan nama dan tanggal lain',
      );
    return toScheme(row);
  }

  /** Scores every ASN of `people` for the year (one statement for the sums, one for official scores). */
  private async score(people: IpAsnPersonRow[], year: number, scheme: SchemeRow): Promise<Scored[]> {
    const ids = people.filter((p) => p.position_kind).map((p) => p.id);
    const rows = matchRows(scheme.rules, year);
    const [sums, officials] = await Promise.all([
      ruleSums(this.db.manager, ids, year, rows),
      officialScores(
        this.db.manager,
        people.map((p) => p.id),
        year,
      ),
    ]);
    const byPerson = new Map<string, Map<string, InputSum>>();
    for (const s of sums) {
      let m = byPerson.get(s.employee_id);
      if (!m) byPerson.set(s.employee_id, (m = new Map()));
      m.set(s.rule_key, { jp: Number(s.jp), lines: s.lines });
    }
    const official = new Map(officials.map((o) => [o.employee_id, toOfficial(o, scheme.bands)]));
    return people.map((person) => {
      const e = estimateCompetency(scheme.rules, person.position_kind, year, byPerson.get(person.id) ?? new Map());
      return {
        person,
        points: e.points,
        percent: e.percent,
        inputs: Object.fromEntries(e.inputs.map((i) => [i.key, i.pointsEarned])),
        met: Object.fromEntries(e.inputs.map((i) => [i.key, i.met])),
        official: official.get(person.id) ?? null,
      };
    });
  }

  private aggregate(scored: Scored[], scheme: SchemeRow): IpAsnAggregate {
    const estimated = scored.filter((s) => s.points !== null);
    const officials = scored.map((s) => s.official).filter((o): o is IpAsnOfficialScore => o !== null);
    const bands = [...scheme.bands].sort((a, b) => b.min - a.min);
    return {
      asnCount: scored.length,
      estimatedCount: estimated.length,
      averagePoints: estimated.length
        ? round2(estimated.reduce((s, x) => s + (x.points as number), 0) / estimated.length)
        : null,
      averagePercent: estimated.length
        ? Math.round((estimated.reduce((s, x) => s + (x.percent as number), 0) / estimated.length) * 10) / 10
        : null,
      inputs: POSITION_KINDS.flatMap((jobKind) => {
        const eligible = estimated.filter((s) => s.person.position_kind === jobKind);
        return scheme.rules.jobKinds[jobKind].map((rule) => ({
          jobKind,
          key: rule.key,
          label: rule.label,
          points: rule.points,
          eligible: eligible.length,
          met: eligible.filter((s) => s.met[rule.key]).length,
        }));
      }),
      officialCount: officials.length,
      officialAverage: officials.length
        ? round2(officials.reduce((s, o) => s + o.totalScore, 0) / officials.length)
        : null,
      officialBands: bands.map((b) => ({
        label: b.label,
        count: officials.filter((o) => o.category === b.label).length,
      })),
    };
  }

  async summary(scope: AccessScope, f: ReportFilter): Promise<IpAsnSummary> {
    const r = await this.compliance.resolve(scope, f);
    const scheme = await this.scheme(r.year);
    const people = await nodePeople(this.db.manager, r.node, r.tree, r.type);
    const scored = await this.score(people, r.year, scheme);
    const byChild = new Map<string | null, Scored[]>();
    for (const s of scored) byChild.set(s.person.child, [...(byChild.get(s.person.child) ?? []), s]);
    const { crumbs, children } = await this.compliance.describe(scope, r, new Set(byChild.keys()));
    return {
      year: r.year,
      employeeType: r.type,
      node: crumbs[crumbs.length - 1],
      breadcrumb: crumbs,
      scheme: toScheme(scheme),
      totals: this.aggregate(scored, scheme),
      children: children.map(({ key, ...d }) => ({ ...d, ...this.aggregate(byChild.get(key) ?? [], scheme) })),
    };
  }

  async people(
    scope: AccessScope,
    f: ReportFilter & { q?: string; page: number; pageSize: number },
  ): Promise<Page<IpAsnPerson>> {
    const r = await this.compliance.resolve(scope, f);
    const scheme = await this.scheme(r.year);
    let people = await nodePeople(this.db.manager, r.node, r.tree, r.type);
    const q = f.q?.trim().toLowerCase();
    if (q) people = people.filter((p) => p.full_name.toLowerCase().includes(q) || p.nip.startsWith(q));
    // Lowest estimate first (who needs development most); ASN without a job kind last.
    const all = await this.score(people, r.year, scheme);
    all.sort((a, b) => (a.points ?? Infinity) - (b.points ?? Infinity));
    const page = all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
    return toPage(
      page.map((s) => ({
        employeeId: s.person.id,
        nip: s.person.nip,
        name: displayName(s.person.full_name, s.person.front_title, s.person.back_title),
        unitName: s.person.unit_name,
        employeeType: s.person.employee_type,
        jobKind: s.person.position_kind,
        points: s.points,
        percent: s.percent,
        inputs: s.inputs,
        officialTotal: s.official?.totalScore ?? null,
        officialCompetency: s.official?.competencyScore ?? null,
        officialCategory: s.official?.category ?? null,
      })),
      all.length,
      f,
    );
  }

  /** One ASN's estimate with every input, the lines behind it and the official score where known (404 outside scope). */
  async employee(scope: AccessScope, employeeId: string, year?: number): Promise<IpAsnEstimate> {
    const e = await findEmployee(this.db.manager, employeeId);
    if (
      !e ||
      !scope.canReadEmployee({ id: e.id, agencyId: e.agency_id, unitPath: e.unit_path, supervisorId: e.supervisor_id })
    )
      throw notFound(ErrorCode.EMPLOYEE_NOT_FOUND, 'ASN tidak ditemukan');
    const zone = (await this.tree.current()).timeZoneOf(e.agency_id) ?? 'Asia/Jakarta';
    const y = year ?? Number(localDateOf(new Date(), zone).slice(0, 4));
    const scheme = await this.scheme(y);
    const rows = matchRows(scheme.rules, y);
    const [sums, lines, officials] = await Promise.all([
      ruleSums(this.db.manager, [e.id], y, rows),
      evidenceLines(this.db.manager, e.id, y, rows),
      officialScores(this.db.manager, [e.id], y),
    ]);
    const byRule = new Map<string, InputSum>(
      sums.map((s) => [
        s.rule_key,
        {
          jp: Number(s.jp),
          lines: s.lines,
          evidence: lines
            .filter((l) => l.rule_key === s.rule_key)
            .slice(0, EVIDENCE_PER_INPUT)
            .map((l) => ({
              title: l.title,
              occurredOn: l.occurred_on,
              year: l.year,
              jp: Number(l.jp),
              jenisDiklatId: l.jenis_diklat_id,
            })),
        },
      ]),
    );
    const est = estimateCompetency(scheme.rules, e.position_kind, y, byRule);
    return {
      employeeId: e.id,
      nip: e.nip,
      name: displayName(e.full_name, e.front_title, e.back_title),
      employeeType: e.employee_type,
      jobKind: e.position_kind,
      year: y,
      scheme: { id: scheme.id, version: scheme.version },
      points: est.points,
      maxPoints: est.maxPoints,
      percent: est.percent,
      inputs: est.inputs,
      official: officials[0] ? toOfficial(officials[0], scheme.bands) : null,
    };
  }
}
