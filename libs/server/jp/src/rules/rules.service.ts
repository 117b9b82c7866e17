import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type JpRule, type JpRuleSet, type JpRulesInForce, type Page } from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, recordAudit, toPage } from '@kompeten/server-core';
import { employeeAgencyId } from '@kompeten/server-identity';
import { AgencyTree, type AccessScope } from '@kompeten/server-organisation';
import { localDateOf } from '@kompeten/shared-util';
import type { CreateRuleSetDto, RuleSetQueryDto } from '../dto/jp.dto';
import { RuleResolver } from './rule-resolution';
import { ruleSetProblems } from './rule-validation';
import {
  findRuleSet,
  insertRuleSet,
  lastCreditReplacedFrom,
  lineCounts,
  listRuleSets,
  lockRulesExclusive,
  rulesOf,
  ruleSetExists,
  type RuleSetRow,
} from './rules-store';

const ruleSetNotFound = () => notFound(ErrorCode.JP_RULE_SET_NOT_FOUND, 'Versi ketentuan JP tidak ditemukan');

/**
 * Recognition rules as data (DOMAIN.md §3, decision 0022): versions of the national defaults (platform admin) and of
 * an agency (its admins), each in force from its effective date until the owner's next version. A version is never
 * changed; a change is a new version. Everyone may read the versions that apply to them.
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
    @Inject(RuleResolver) private readonly resolver: RuleResolver,
  ) {}

  /** The caller's own agency: its ASN record's, else the first agency it holds a role in; null for a platform admin. */
  private async ownAgency(m: EntityManager, scope: AccessScope): Promise<string | null> {
    const p = scope.principal;
    const fromRecord = p.employeeId ? await employeeAgencyId(m, p.employeeId) : null;
    if (fromRecord) return fromRecord;
    return p.roles.find((r) => r.role !== 'platform_admin')?.agencyId ?? null;
  }

  /** The agencies whose versions a reader of `agencyId` sees: the agency and its province (the resolution chain). */
  private async chainOf(agencyId: string): Promise<string[]> {
    const tree = await this.agencies.current();
    const province = tree.provinceRootOf(agencyId);
    return province === agencyId ? [agencyId] : [agencyId, province];
  }

  private async withRules(m: EntityManager, sets: RuleSetRow[]): Promise<JpRuleSet[]> {
    const ids = sets.map((s) => s.id);
    const [rules, counts] = await Promise.all([rulesOf(m, ids), lineCounts(m, ids)]);
    return sets.map((s) => ({
      id: s.id,
      agencyId: s.agencyId,
      agencyName: s.agencyName,
      effectiveFrom: s.effectiveFrom,
      minutesPerJp: s.minutesPerJp,
      claimVerifier: s.claimVerifier,
      note: s.note,
      createdAt: new Date(s.createdAt).toISOString(),
      lineCount: counts.get(s.id) ?? 0,
      rules: rules.get(s.id) ?? [],
    }));
  }

  /** National versions and those of an agency (default the caller's) and its province, national first, newest first. */
  async list(scope: AccessScope, q: RuleSetQueryDto): Promise<Page<JpRuleSet>> {
    const m = this.db.manager;
    const agencyId = q.agencyId ?? (await this.ownAgency(m, scope));
    if (agencyId && !scope.canReadAgency(agencyId) && !(await this.isAncestorOfOwn(m, scope, agencyId)))
      throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    const agencyIds = agencyId ? await this.chainOf(agencyId) : [];
    const { total, rows } = await listRuleSets(m, agencyIds, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return toPage(await this.withRules(m, rows), total, q);
  }

  /** A reader may see the versions of the province whose rules reach its own agency. */
  private async isAncestorOfOwn(m: EntityManager, scope: AccessScope, agencyId: string): Promise<boolean> {
    const own = await this.ownAgency(m, scope);
    return own !== null && (await this.chainOf(own)).includes(agencyId);
  }

  async get(scope: AccessScope, id: string): Promise<JpRuleSet> {
    const m = this.db.manager;
    const set = await findRuleSet(m, id);
    if (!set) throw ruleSetNotFound();
    if (set.agencyId && !scope.canReadAgency(set.agencyId) && !(await this.isAncestorOfOwn(m, scope, set.agencyId)))
      throw ruleSetNotFound();
    return (await this.withRules(m, [set]))[0];
  }

  /** The version that applies to the caller's ASN record on a local day (default today in its agency's zone). */
  async inForceForMe(scope: AccessScope, on: string | undefined): Promise<JpRulesInForce> {
    const m = this.db.manager;
    const employeeId = scope.principal.employeeId;
    const agencyId = employeeId ? await employeeAgencyId(m, employeeId) : null;
    if (!agencyId) throw notFound(ErrorCode.JP_NO_EMPLOYEE, 'Akun ini tidak memiliki data ASN');
    const zone = (await this.agencies.current()).timeZoneOf(agencyId) ?? 'Asia/Jakarta';
    const day = on ?? localDateOf(new Date(), zone);
    if (day < '2000-01-01') throw invalid(ErrorCode.VALIDATION_FAILED, 'Tanggal paling awal 2000-01-01');
    const set = await this.resolver.ruleSetFor(m, agencyId, day);
    return { on: day, ruleSet: (await this.withRules(m, [set]))[0] };
  }

  async create(scope: AccessScope, dto: CreateRuleSetDto): Promise<JpRuleSet> {
    const agencyId = dto.agencyId ?? null;
    if (agencyId === null) {
      if (!scope.global)
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya admin platform yang dapat mengubah ketentuan JP nasional');
    } else if (!scope.canAdministerAgency(agencyId)) {
      if (!scope.canReadAgency(agencyId)) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya admin instansi yang dapat mengubah ketentuan JP instansinya');
    }
    if (dto.effectiveFrom < '2000-01-02')
      throw invalid(ErrorCode.JP_INVALID_RULES, 'Tanggal berlaku paling awal 2000-01-02 (setelah ketentuan bawaan)');
    const rules: JpRule[] = [...dto.rules]
      .map((r) => ({
        jenisDiklatId: r.jenisDiklatId,
        channel: r.channel,
        unit: r.unit,
        jpPerUnit: r.jpPerUnit ?? null,
        capPerActivity: r.capPerActivity ?? null,
        capPerYear: r.capPerYear ?? null,
        evidence: r.evidence,
        enabled: r.enabled,
      }))
      .sort((a, b) => a.jenisDiklatId - b.jenisDiklatId);
    const problems = ruleSetProblems(rules);
    if (problems.length)
      throw invalid(ErrorCode.JP_INVALID_RULES, `Ketentuan JP tidak valid: ${problems.join('; ')}`, problems);
    const replaced = await this.resolver.replacedBy(agencyId);
    return this.db.transaction(async (m) => {
      // Exclusive against running credits (they hold it shared): the check below sees every credit it must.
      await lockRulesExclusive(m);
      if (await ruleSetExists(m, agencyId, dto.effectiveFrom))
        throw conflict(
          ErrorCode.JP_RULE_SET_EXISTS,
          `Sudah ada versi ketentuan yang berlaku mulai ${dto.effectiveFrom}; pilih tanggal lain`,
        );
      const last = await lastCreditReplacedFrom(m, { ...replaced, from: dto.effectiveFrom });
      if (last)
        throw conflict(
          ErrorCode.JP_EFFECTIVE_DATE_TOO_EARLY,
          `Tanggal berlaku harus setelah ${last}: JP sampai tanggal itu sudah dikreditkan dengan ketentuan yang akan digantikan, dan ketentuan baru tidak mengubah kredit yang sudah ada`,
          { lastCreditedOn: last },
        );
      const id = await insertRuleSet(m, {
        agencyId,
        effectiveFrom: dto.effectiveFrom,
        minutesPerJp: {
          classroom: dto.minutesPerJp.classroom,
          online: dto.minutesPerJp.online,
          blended: dto.minutesPerJp.blended,
          self_paced: dto.minutesPerJp.self_paced,
        },
        claimVerifier: dto.claimVerifier,
        note: dto.note?.trim() || null,
        createdBy: scope.principal.userId,
        rules,
      });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'jp_rule_set.create',
          entityType: 'jp_rule_set',
          entityId: id,
          agencyId,
          after: {
            effectiveFrom: dto.effectiveFrom,
            minutesPerJp: dto.minutesPerJp,
            claimVerifier: dto.claimVerifier,
            rules,
          },
        },
      );
      const saved = await findRuleSet(m, id);
      if (!saved) throw new Error(`Rule set ${id} not found after insert`);
      return (await this.withRules(m, [saved]))[0];
    });
  }
}
