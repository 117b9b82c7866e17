import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';
import type { AgencyNode } from '../access-scope';
import { readAgencyNodes } from './agency-tree-store';

export interface AgencyTreeNode extends AgencyNode {
  level: AgencyLevel;
  timeZone: AgencyTimeZone;
}

/** Deeper than any real hierarchy (national → province → regency/city); bounds a walk over a corrupted parent chain. */
const MAX_DEPTH = 50;

/** The agency hierarchy in memory (a few hundred rows at most): lookups by id, ancestors, subtrees, provinces. */
export class AgencyTreeIndex {
  private readonly byId: ReadonlyMap<string, AgencyTreeNode>;
  private readonly children = new Map<string, string[]>();

  constructor(readonly nodes: readonly AgencyTreeNode[]) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes)
      if (n.parentId) this.children.set(n.parentId, [...(this.children.get(n.parentId) ?? []), n.id]);
  }

  get(id: string): AgencyTreeNode | undefined {
    return this.byId.get(id);
  }

  /** The agency, its parent, … up to the root (empty for an unknown id). */
  ancestorsOrSelf(id: string): AgencyTreeNode[] {
    const out: AgencyTreeNode[] = [];
    for (let n = this.byId.get(id); n && out.length < MAX_DEPTH; n = n.parentId ? this.byId.get(n.parentId) : undefined)
      out.push(n);
    return out;
  }

  /** The agency and every agency under it. */
  descendantsOrSelf(id: string): string[] {
    const out: string[] = [];
    const queue = [id];
    while (queue.length && out.length <= this.nodes.length) {
      const next = queue.shift() as string;
      out.push(next);
      queue.push(...(this.children.get(next) ?? []));
    }
    return out;
  }

  /** The nearest `provinsi` at or above the agency; the agency itself when there is none (a national agency). */
  provinceRootOf(id: string): string {
    return this.ancestorsOrSelf(id).find((n) => n.level === 'provinsi')?.id ?? id;
  }

  timeZoneOf(id: string): AgencyTimeZone | null {
    return this.byId.get(id)?.timeZone ?? null;
  }
}

/**
 * Agencies change rarely (an admin adds a regency), and the changes made in this process invalidate the cache at once;
 * a change made by another process (the seed, a second API instance) is seen within this time.
 */
export const AGENCY_TREE_TTL_MS = 30_000;

/**
 * The one cached agency tree of the process: access scopes, course visibility and local time zones read it.
 * OrganisationService invalidates it after every committed change of an agency.
 */
@Injectable()
export class AgencyTree {
  private cached: { at: number; index: AgencyTreeIndex } | null = null;
  private generation = 0;

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async current(): Promise<AgencyTreeIndex> {
    if (this.cached && Date.now() - this.cached.at < AGENCY_TREE_TTL_MS) return this.cached.index;
    const generation = this.generation;
    const rows = await readAgencyNodes(this.db);
    const index = new AgencyTreeIndex(
      rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, timeZone: r.time_zone })),
    );
    // A change committed while this read was running may be missing from it: keep it for this caller only.
    if (generation === this.generation) this.cached = { at: Date.now(), index };
    return index;
  }

  /** After an agency was created or changed (once its transaction committed). */
  invalidate(): void {
    this.generation++;
    this.cached = null;
  }
}
