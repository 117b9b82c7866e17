import type { Viewer } from './course-visibility';

/**
 * The visibility rule (course-visibility.ts) as a SQL condition, for the statements that filter many courses at once:
 * the catalog and prerequisite checks. `viewerSees` in course-visibility.ts decides the same in code; the unit tests
 * hold both to `courseVisibleTo` on every agency pair.
 */

/** The rule as a SQL condition over courses (alias c: agency_id, visibility); parameters appended to `params`. */
export function visibleCoursesSql(viewer: Viewer, params: unknown[]): string {
  params.push(viewer.agencyId);
  const own = `$${params.length}::uuid`;
  params.push(viewer.provinceCourseAgencyIds);
  const prov = `$${params.length}::uuid[]`;
  return `(c.visibility = 'national' OR (c.visibility = 'agency' AND c.agency_id = ${own}) OR (c.visibility = 'province' AND c.agency_id = ANY(${prov})))`;
}
