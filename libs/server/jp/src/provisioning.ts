import type { EntityManager } from 'typeorm';
import type { AgencyLevel, AgencyTimeZone, CompetencyKind, DeliveryMode } from '@kompeten/shared-contracts';
import { AgencyTreeIndex } from '@kompeten/server-organisation';
import { activityKey, certificateKey } from './claims/claim-keys';
import { insertClaim, markVerified } from './claims/claims-store';
import { JpCrediting } from './ledger/jp-crediting';
import { RuleResolver } from './rules/rule-resolution';

/**
 * Claims written for the demo seed (apps/api/src/seed) inside its transaction, the way the claim workflow writes them:
 * a verified claim credits the ledger through the one writer (`appendLedgerLine`, by the rules in force on its end
 * date), so the aggregate matches the ledger. Seeded claims carry no evidence file.
 */
export interface ProvisionedClaim {
  employeeId: string;
  agencyId: string;
  jenisDiklatId: number;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  quantity: number;
  deliveryMode?: DeliveryMode;
  competencyKind?: CompetencyKind | null;
  certificateNumber?: string | null;
  /** `verified`: the ledger is credited, as if `decidedBy` had verified it; `pending`: waits in the queue. */
  status: 'pending' | 'verified';
  decidedBy?: string | null;
}

/** The agency hierarchy as this transaction sees it (agencies the seed has just written included). */
async function treeIn(m: EntityManager): Promise<AgencyTreeIndex> {
  const rows: Array<{ id: string; parent_id: string | null; level: AgencyLevel; time_zone: AgencyTimeZone }> =
    await m.query('SELECT id, parent_id, level, time_zone FROM organisation_agency');
  return new AgencyTreeIndex(
    rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, timeZone: r.time_zone })),
  );
}

/** Writes claims (pending or verified and credited); answers their ids in order. */
export async function provisionClaims(m: EntityManager, claims: readonly ProvisionedClaim[]): Promise<string[]> {
  const tree = await treeIn(m);
  const resolver = new RuleResolver({ current: async () => tree });
  const crediting = new JpCrediting(resolver);
  const ids: string[] = [];
  for (const c of claims) {
    const resolved = await resolver.resolve(m, c.agencyId, c.endDate, c.jenisDiklatId);
    if (!resolved.rule) throw new Error(`No JP rule for jenis diklat ${c.jenisDiklatId}`);
    const id = await insertClaim(m, {
      employeeId: c.employeeId,
      agencyId: c.agencyId,
      jenisDiklatId: c.jenisDiklatId,
      title: c.title,
      organiser: c.organiser,
      startDate: c.startDate,
      endDate: c.endDate,
      unit: resolved.rule.unit,
      quantity: c.quantity,
      deliveryMode: c.deliveryMode ?? 'classroom',
      competencyKind: c.competencyKind ?? null,
      certificateNumber: c.certificateNumber ?? null,
      certificateKey: certificateKey(c.certificateNumber),
      activityKey: activityKey(c.organiser, c.title, c.startDate, c.endDate),
      evidence: null,
      verifier: resolved.ruleSet.claimVerifier,
    });
    if (c.status === 'verified') {
      const credit = await crediting.credit(m, {
        employeeId: c.employeeId,
        agencyId: c.agencyId,
        occurredOn: c.endDate,
        jenisDiklatId: c.jenisDiklatId,
        competencyKind: c.competencyKind ?? null,
        sourceType: 'external_claim',
        sourceId: id,
        title: c.title,
        organiser: c.organiser,
        basis: {
          basis: 'quantity',
          unit: resolved.rule.unit,
          quantity: c.quantity,
          deliveryMode: c.deliveryMode ?? 'classroom',
        },
        recordedBy: c.decidedBy ?? null,
      });
      await markVerified(m, id, { decidedBy: c.decidedBy ?? null, ledgerLineId: credit.lineId, creditedJp: credit.jp });
    }
    ids.push(id);
  }
  return ids;
}
