import type { JpLedgerLine } from '@kompeten/shared-contracts';
import { jenisDiklatName } from '../labels';
import type { LedgerLineRow } from './ledger-store';

export function toLedgerLine(r: LedgerLineRow): JpLedgerLine {
  return {
    id: r.id,
    employeeId: r.employee_id,
    year: r.year,
    occurredOn: r.occurred_on,
    jp: Number(r.jp),
    jenisDiklatId: r.jenis_diklat_id,
    jenisDiklatName: jenisDiklatName(r.jenis_diklat_id),
    channel: r.channel,
    competencyKind: r.competency_kind,
    sourceType: r.source_type,
    sourceId: r.source_id,
    title: r.title,
    organiser: r.organiser,
    ruleSetId: r.rule_set_id,
    ruleSetEffectiveFrom: r.rule_set_effective_from,
    ruleSetAgencyName: r.rule_set_agency_name,
    calculation: r.calculation,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
