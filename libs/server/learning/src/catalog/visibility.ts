import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@kompeten/server-core';

interface AgencyRow {
  id: string;
  parentId: string | null;
  level: string;
}

/** Where a caller stands for catalog visibility: its agencies, and the agencies whose `province` courses reach it. */
export interface Viewer {
  agencyIds: string[];
  provinceCourseAgencyIds: string[];
}

const TREE_TTL_MS = 30_000;

/**
 * Catalog visibility (docs/learning.md): `agency` — the course's own agency; `province` — the province of the course's
 * agency (the nearest `provinsi` at or above it; the agency itself if there is none) and every agency under it;
 * `national` — everyone. A caller belongs to the agencies of its role claims and of its ASN record.
 */
@Injectable()
export class CatalogVisibility {
  private tree: { at: number; nodes: AgencyRow[] } | null = null;

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  private async agencies(): Promise<AgencyRow[]> {
    if (this.tree && Date.now() - this.tree.at < TREE_TTL_MS) return this.tree.nodes;
    const rows: Array<{ id: string; parent_id: string | null; level: string }> = await this.db.query('SELECT id, parent_id, level FROM agency');
    this.tree = { at: Date.now(), nodes: rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level })) };
    return this.tree.nodes;
  }

  async viewer(principal: Principal): Promise<Viewer> {
    const own = new Set(principal.roles.map((r) => r.agencyId));
    if (principal.employeeId) {
      const [e] = await this.db.query('SELECT agency_id FROM employee WHERE id = $1', [principal.employeeId]);
      if (e) own.add(e.agency_id);
    }
    const nodes = await this.agencies();
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const chain = (id: string): AgencyRow[] => {
      const out: AgencyRow[] = [];
      for (let n = byId.get(id); n && out.length < 50; n = n.parentId ? byId.get(n.parentId) : undefined) out.push(n);
      return out;
    };
    // The caller sits under every agency of its chains; a course agency reaches it when that agency's province root is one of them.
    const above = new Set([...own].flatMap((id) => chain(id).map((n) => n.id)));
    const provinceRoot = (id: string) => chain(id).find((n) => n.level === 'provinsi')?.id ?? id;
    return { agencyIds: [...own], provinceCourseAgencyIds: nodes.filter((n) => above.has(provinceRoot(n.id))).map((n) => n.id) };
  }

  /** SQL condition (alias c) for courses visible to `viewer`; parameters appended to `params`. */
  static sql(viewer: Viewer, params: unknown[]): string {
    params.push(viewer.agencyIds);
    const own = `$${params.length}::uuid[]`;
    params.push(viewer.provinceCourseAgencyIds);
    const prov = `$${params.length}::uuid[]`;
    return `(c.visibility = 'national' OR (c.visibility = 'agency' AND c.agency_id = ANY(${own})) OR (c.visibility = 'province' AND c.agency_id = ANY(${prov})))`;
  }

  static sees(viewer: Viewer, course: { agencyId: string; visibility: string }): boolean {
    if (course.visibility === 'national') return true;
    if (course.visibility === 'agency') return viewer.agencyIds.includes(course.agencyId);
    return viewer.provinceCourseAgencyIds.includes(course.agencyId);
  }
}

/**
 * A course is live in the catalog while it has a published version and is not archived, even while its next revision
 * is a draft or in review. Enrolment takes learners by the same rule (`isLive` in the enrolment lib).
 */
export const LIVE_SQL = `c.current_version_id IS NOT NULL AND c.status <> 'archived'`;
