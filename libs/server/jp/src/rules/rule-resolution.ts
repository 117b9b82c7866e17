import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JpRule } from '@kompeten/shared-contracts';
import { AgencyTree, type AgencyTreeIndex } from '@kompeten/server-organisation';
import { ruleFor, ruleSetsInForce, type RuleSetRow } from './rules-store';

/**
 * Whose rules apply to an ASN of an agency (decision 0022): the agency's own version in force on the day; else its
 * province's (the nearest `provinsi` above it, so a BPSDM can set rules for every regency and city that has none);
 * else the national defaults. The owners are listed most specific first.
 */
export function ruleOwnersFor(agencyId: string, tree: AgencyTreeIndex): Array<string | null> {
  const province = tree.provinceRootOf(agencyId);
  return province === agencyId ? [agencyId, null] : [agencyId, province, null];
}

/** The first owner of the chain that has a version in force (the national defaults always have one from 2000). */
export function pickInForce(owners: ReadonlyArray<string | null>, inForce: readonly RuleSetRow[]): RuleSetRow | null {
  for (const owner of owners) {
    const hit = inForce.find((s) => s.agencyId === owner);
    if (hit) return hit;
  }
  return null;
}

export interface ResolvedRule {
  ruleSet: RuleSetRow;
  /** The form's rule; null when the version does not list it (then it earns nothing). */
  rule: JpRule | null;
}

/** Where the agency hierarchy comes from: organisation's cached AgencyTree, or a tree read in a transaction (the seed). */
export type AgencyTreeSource = Pick<AgencyTree, 'current'>;

/** Resolves the rule version (and a form's rule) for an ASN's agency on a local day. */
@Injectable()
export class RuleResolver {
  constructor(@Inject(AgencyTree) private readonly agencies: AgencyTreeSource) {}

  async ruleSetFor(m: EntityManager, agencyId: string, on: string): Promise<RuleSetRow> {
    const owners = ruleOwnersFor(agencyId, await this.agencies.current());
    const set = pickInForce(
      owners,
      await ruleSetsInForce(
        m,
        owners.filter((o): o is string => o !== null),
        on,
      ),
    );
    // The national defaults are in force from 2000-01-01 (migration 1797200000000); a day before that is refused earlier.
    if (!set) throw new Error(`No JP rule version in force on ${on} for agency ${agencyId}`);
    return set;
  }

  async resolve(m: EntityManager, agencyId: string, on: string, jenisDiklatId: number): Promise<ResolvedRule> {
    const ruleSet = await this.ruleSetFor(m, agencyId, on);
    return { ruleSet, rule: await ruleFor(m, ruleSet.id, jenisDiklatId) };
  }

  /** The agencies and owners whose credits a new version of `agencyId` (null: national) would take over. */
  async replacedBy(agencyId: string | null): Promise<{ agencyIds: string[] | null; ownerIds: Array<string | null> }> {
    if (agencyId === null) return { agencyIds: null, ownerIds: [null] };
    const tree = await this.agencies.current();
    const isProvince = tree.get(agencyId)?.level === 'provinsi';
    return {
      agencyIds: isProvince ? tree.descendantsOrSelf(agencyId) : [agencyId],
      ownerIds: ruleOwnersFor(agencyId, tree),
    };
  }
}
