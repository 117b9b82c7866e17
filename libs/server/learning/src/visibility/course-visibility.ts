import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CourseVisibility } from '@kompeten/shared-contracts';
import type { Principal } from '@kompeten/server-core';
import { employeeAgencyId } from '@kompeten/server-identity';
import { AgencyTree, type AgencyTreeIndex } from '@kompeten/server-organisation';

/**
 * Who can see a course — the one definition (docs/learning.md, decision 0016), used by the catalog, self-enrolment,
 * assignment and course files. A course is offered to ASN by the agency of their ASN record, the agency their
 * enrolment is counted in: `agency` — ASN of the course's own agency; `province` — ASN of the province of the course's
 * agency (the nearest `provinsi` at or above it; the agency itself if there is none) and of every agency under it;
 * `national` — every ASN. Roles do not widen it: an admin or widyaiswara reaches courses it manages through the
 * authoring rules (course-access.ts), and an account without an ASN record sees national courses only.
 */
export interface VisibleCourse {
  agencyId: string;
  visibility: CourseVisibility;
}

/** Whether an ASN of `viewerAgencyId` (null: no ASN record) may see the course. */
export function courseVisibleTo(course: VisibleCourse, viewerAgencyId: string | null, tree: AgencyTreeIndex): boolean {
  if (course.visibility === 'national') return true;
  if (!viewerAgencyId) return false;
  if (course.visibility === 'agency') return course.agencyId === viewerAgencyId;
  const province = tree.provinceRootOf(course.agencyId);
  return tree.ancestorsOrSelf(viewerAgencyId).some((n) => n.id === province);
}

/** The agencies whose ASN may see the course, or null for every agency (the same rule, for assigning learners). */
export function courseAudience(course: VisibleCourse, tree: AgencyTreeIndex): string[] | null {
  if (course.visibility === 'national') return null;
  if (course.visibility === 'agency') return [course.agencyId];
  return tree.descendantsOrSelf(tree.provinceRootOf(course.agencyId));
}

/** A viewer as a filter over many courses: its agency, and the course agencies whose `province` courses reach it. */
export interface Viewer {
  agencyId: string | null;
  provinceCourseAgencyIds: string[];
}

export function viewerOf(viewerAgencyId: string | null, tree: AgencyTreeIndex): Viewer {
  if (!viewerAgencyId) return { agencyId: null, provinceCourseAgencyIds: [] };
  const above = new Set(tree.ancestorsOrSelf(viewerAgencyId).map((n) => n.id));
  return {
    agencyId: viewerAgencyId,
    provinceCourseAgencyIds: tree.nodes.filter((n) => above.has(tree.provinceRootOf(n.id))).map((n) => n.id),
  };
}

/** What `visibleCoursesSql` (course-visibility-store.ts) decides, in code (both unit-tested against `courseVisibleTo`). */
export function viewerSees(viewer: Viewer, course: VisibleCourse): boolean {
  if (course.visibility === 'national') return true;
  if (course.visibility === 'agency') return viewer.agencyId === course.agencyId;
  return viewer.provinceCourseAgencyIds.includes(course.agencyId);
}

/** The rule as a SQL condition over courses (alias c), kept with the statements in course-visibility-store.ts. */
export { visibleCoursesSql } from './course-visibility-store';

/** The rule for a signed-in caller: its ASN record's agency, judged on the one cached agency tree. */
@Injectable()
export class CourseVisibilityService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
  ) {}

  async viewer(principal: Principal): Promise<Viewer> {
    const agencyId = principal.employeeId ? await employeeAgencyId(this.db.manager, principal.employeeId) : null;
    return viewerOf(agencyId, await this.agencies.current());
  }
}
