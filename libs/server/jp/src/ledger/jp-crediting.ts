import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  JENIS_DIKLAT,
  type CompetencyKind,
  type JpRule,
  type JpSourceType,
} from '@kompeten/shared-contracts';
import { conflict } from '@kompeten/server-core';
import { UNIT_LABEL } from '../labels';
import { creditFor, type CreditBasis } from '../rules/rule-arithmetic';
import { RuleResolver } from '../rules/rule-resolution';
import { lockRulesShared } from '../rules/rules-store';
import { appendLedgerLine, creditOfSource, earnedInYear, lockPersonYear } from './ledger-store';

export interface CreditInput {
  employeeId: string;
  /** The ASN's agency now: its rules apply and its zone made `occurredOn` local. */
  agencyId: string;
  /** Local date the learning ended. */
  occurredOn: string;
  jenisDiklatId: number;
  competencyKind: CompetencyKind | null;
  sourceType: JpSourceType;
  sourceId: string;
  title: string;
  organiser: string | null;
  /** What is counted; a function when it depends on the rule in force (a community session: per session or per hour). */
  basis: CreditBasis | ((rule: JpRule) => CreditBasis);
  recordedBy: string | null;
}

export interface CreditOutcome {
  lineId: string;
  jp: number;
  ruleSetId: string | null;
  /** This call wrote the line (false: the source had been credited before). */
  created: boolean;
}

/** A form the version does not list earns nothing; it keeps the channel the national vocabulary gives it. */
function unlistedRule(jenisDiklatId: number): JpRule {
  const form = JENIS_DIKLAT.find((f) => f.id === jenisDiklatId);
  return {
    jenisDiklatId,
    channel: form?.channel ?? 'formal',
    unit: 'activity',
    jpPerUnit: null,
    capPerActivity: null,
    capPerYear: null,
    evidence: 'none',
    enabled: false,
  };
}

/**
 * Credits one source by the rules in force on the day it ended (decision 0022), once. Lock order: the rules lock
 * (shared: a new rule version waits for running credits), then the ASN-year lock (the per-year cap reads, then
 * writes), then the insert. A source credited before answers its line and writes nothing.
 */
@Injectable()
export class JpCrediting {
  constructor(@Inject(RuleResolver) private readonly rules: RuleResolver) {}

  async credit(m: EntityManager, input: CreditInput): Promise<CreditOutcome> {
    const before = await creditOfSource(m, input.sourceType, input.sourceId);
    if (before) return { lineId: before.id, jp: before.jp, ruleSetId: null, created: false };
    await lockRulesShared(m);
    const year = Number(input.occurredOn.slice(0, 4));
    await lockPersonYear(m, input.employeeId, year);
    const resolved = await this.rules.resolve(m, input.agencyId, input.occurredOn, input.jenisDiklatId);
    const rule = resolved.rule ?? unlistedRule(input.jenisDiklatId);
    const basis = typeof input.basis === 'function' ? input.basis(rule) : input.basis;
    if (basis.basis === 'quantity' && resolved.rule && rule.unit !== basis.unit) {
      throw conflict(
        ErrorCode.JP_CLAIM_UNIT_CHANGED,
        `Ketentuan JP yang berlaku pada ${input.occurredOn} menghitung bentuk ini per ${UNIT_LABEL[rule.unit]}, sedangkan klaim diajukan per ${UNIT_LABEL[basis.unit]}; tolak klaim ini agar ASN mengajukannya kembali`,
      );
    }
    const earned = await earnedInYear(m, input.employeeId, year, input.jenisDiklatId);
    const { jp, calculation } = creditFor(rule, basis, resolved.ruleSet.minutesPerJp, earned);
    const lineId = await appendLedgerLine(m, {
      employeeId: input.employeeId,
      agencyId: input.agencyId,
      year,
      occurredOn: input.occurredOn,
      jp,
      jenisDiklatId: input.jenisDiklatId,
      channel: rule.channel,
      competencyKind: input.competencyKind,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      title: input.title,
      organiser: input.organiser,
      ruleSetId: resolved.ruleSet.id,
      calculation,
      recordedBy: input.recordedBy,
    });
    if (lineId) return { lineId, jp, ruleSetId: resolved.ruleSet.id, created: true };
    // Another transaction credited the same source between our first look and the insert.
    const raced = await creditOfSource(m, input.sourceType, input.sourceId);
    if (!raced) throw new Error(`JP credit of ${input.sourceType} ${input.sourceId} neither inserted nor found`);
    return { lineId: raced.id, jp: raced.jp, ruleSetId: null, created: false };
  }
}
