import type { EntityManager } from 'typeorm';
import type { Principal, RoleClaim } from '@kompeten/server-core';
import { resolveScope } from '@kompeten/server-organisation';
import {
  canEditContent,
  canManageAuthors,
  canReview,
  canSee,
  courseRolesOf,
  managesCourse,
  type AuthorRole,
} from './course-access';

const agencies = [
  { id: 'ntb', parentId: null },
  { id: 'mataram', parentId: 'ntb' },
  { id: 'bima', parentId: 'ntb' },
];
const scopeOf = (roles: RoleClaim[], employeeId: string | null = 'me') =>
  resolveScope({ userId: 'u', employeeId, roles, correlationId: null } as Principal, agencies, new Map());
const COURSE = { id: 'course-1', agencyId: 'mataram' };

const CALLERS: Array<[string, RoleClaim[]]> = [
  ['learner', [{ role: 'learner', agencyId: 'mataram', unitId: null }]],
  ['widyaiswara of the agency', [{ role: 'widyaiswara', agencyId: 'mataram', unitId: null }]],
  ['widyaiswara elsewhere', [{ role: 'widyaiswara', agencyId: 'bima', unitId: null }]],
  ['agency admin', [{ role: 'agency_admin', agencyId: 'mataram', unitId: null }]],
  ['province admin above it', [{ role: 'province_admin', agencyId: 'ntb', unitId: null }]],
  ['admin of another regency', [{ role: 'agency_admin', agencyId: 'bima', unitId: null }]],
];

/** A manager whose only statement is the author lookup, answering `role` (null: not an author). */
const authorLookup = (role: AuthorRole | null) => {
  const query = jest.fn(async () => (role ? [{ role }] : []));
  return { query, m: { query } as unknown as EntityManager };
};

describe('who may author, review and manage a course (one rule for learning, enrolment and assessment)', () => {
  it('authors edit; the owner and admins manage authors; widyaiswara and admins of the agency review; nobody reviews their own course', () => {
    const table = CALLERS.flatMap(([who, roles]) =>
      ([null, 'co_author', 'owner'] as const).map((author) => {
        const r = courseRolesOf(scopeOf(roles), COURSE, author);
        return `${who} / ${author ?? 'not an author'}: ${[canSee(r) && 'see', canEditContent(r) && 'edit', canReview(r) && 'review', canManageAuthors(r) && 'authors'].filter(Boolean).join(' ')}`;
      }),
    );
    expect(table).toEqual([
      'learner / not an author: ',
      'learner / co_author: see edit',
      'learner / owner: see edit authors',
      'widyaiswara of the agency / not an author: see review',
      'widyaiswara of the agency / co_author: see edit',
      'widyaiswara of the agency / owner: see edit authors',
      'widyaiswara elsewhere / not an author: ',
      'widyaiswara elsewhere / co_author: see edit',
      'widyaiswara elsewhere / owner: see edit authors',
      'agency admin / not an author: see edit review authors',
      'agency admin / co_author: see edit authors',
      'agency admin / owner: see edit authors',
      'province admin above it / not an author: see edit review authors',
      'province admin above it / co_author: see edit authors',
      'province admin above it / owner: see edit authors',
      'admin of another regency / not an author: ',
      'admin of another regency / co_author: see edit',
      'admin of another regency / owner: see edit authors',
    ]);
  });

  it('managesCourse (enrolment, assessment) is canEditContent, and reads the author row only when being an admin does not decide it', async () => {
    for (const [, roles] of CALLERS) {
      for (const author of [null, 'co_author', 'owner'] as const) {
        const scope = scopeOf(roles);
        const { m, query } = authorLookup(author);
        expect(await managesCourse(m, scope, COURSE)).toBe(canEditContent(courseRolesOf(scope, COURSE, author)));
        expect(query).toHaveBeenCalledTimes(scope.canAdministerAgency(COURSE.agencyId) ? 0 : 1);
      }
    }
  });

  it('an account without an ASN record is never an author', async () => {
    const { m, query } = authorLookup('owner');
    expect(
      await managesCourse(m, scopeOf([{ role: 'learner', agencyId: 'mataram', unitId: null }], null), COURSE),
    ).toBe(false);
    expect(query).not.toHaveBeenCalled();
  });
});
