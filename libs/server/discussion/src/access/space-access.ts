import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type DiscussionSpaceKind } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { confirmedRegistrantsAmong, findClassDiscussionFacts } from '@kompeten/server-calendar';
import { courseEnrolmentStatuses, findCourseEnrolment } from '@kompeten/server-enrolment';
import { employeeAgencyId } from '@kompeten/server-identity';
import {
  courseAuthorIds,
  courseVisibleTo,
  findCourseFacts,
  findCourseWithRoles,
  isLive,
} from '@kompeten/server-learning';
import { AgencyTree, type AccessScope } from '@kompeten/server-organisation';
import { activeMembersAmong, communityHost, membershipOf } from '../community/community-store';
import { activeEmployees, courseTitle, ensureSpace, findSpace, type SpaceRow } from './space-store';
import {
  classStanding,
  communityStanding,
  courseStanding,
  DISCUSSING_ENROLMENTS,
  NO_STANDING,
  type Standing,
} from './space-rules';

export const spaceNotFound = () => notFound(ErrorCode.DISCUSSION_NOT_FOUND, 'Diskusi tidak ditemukan');

/** A space with the caller's standing in it and the name of what it belongs to. */
export interface SpaceAccessResult {
  space: SpaceRow;
  standing: Standing;
  title: string;
}

/**
 * Who stands where in a discussion space (decision 0039): the facts from each target's owner (learning's course roles
 * and visibility, enrolment's statuses, the calendar's class facts, this lib's members), decided by space-rules.ts.
 * A caller who cannot read a space gets a 404, as for an unknown id.
 */
@Injectable()
export class SpaceAccess {
  constructor(@Inject(AgencyTree) private readonly agencies: AgencyTree) {}

  /** The caller's standing towards a target, and its title; null when the target does not exist. */
  async standingTowards(
    m: EntityManager,
    scope: AccessScope,
    kind: DiscussionSpaceKind,
    targetId: string,
  ): Promise<{ standing: Standing; title: string } | null> {
    const employeeId = scope.principal.employeeId;
    if (kind === 'course') {
      const found = await findCourseWithRoles(m, scope, targetId);
      if (!found) return null;
      const enrolment = employeeId ? await findCourseEnrolment(m, targetId, employeeId) : null;
      const agencyId = employeeId ? await employeeAgencyId(m, employeeId) : null;
      const standing = courseStanding({
        isAuthor: found.roles.isAuthor,
        isAdmin: found.roles.isAdmin,
        enrolment: enrolment?.status ?? null,
        live: isLive(found.course),
        visible: courseVisibleTo(found.course, agencyId, await this.agencies.current()),
      });
      return { standing, title: await courseTitle(m, targetId) };
    }
    if (kind === 'class') {
      const facts = await findClassDiscussionFacts(m, targetId);
      if (!facts) return null;
      const confirmed = employeeId ? await confirmedRegistrantsAmong(m, targetId, [employeeId]) : new Set<string>();
      const standing = classStanding({
        adminOfOrganiser: scope.canAdministerAgency(facts.agencyId),
        speaker: !!employeeId && facts.speakerEmployeeIds.includes(employeeId),
        confirmed: !!employeeId && confirmed.has(employeeId),
      });
      return { standing, title: `${facts.offeringTitle} — ${facts.name}` };
    }
    const host = await communityHost(m, targetId);
    if (!host) return null;
    const standing = communityStanding({
      adminOfHost: scope.canAdministerAgency(host.agency_id),
      membership: await membershipOf(m, targetId, employeeId),
    });
    return { standing, title: host.name };
  }

  /** The space of a course or class, made on first use, for a caller who may read it; else a 404. */
  async spaceOf(
    m: EntityManager,
    scope: AccessScope,
    kind: DiscussionSpaceKind,
    targetId: string,
  ): Promise<SpaceAccessResult> {
    const towards = await this.standingTowards(m, scope, kind, targetId);
    if (!towards?.standing.reader) throw spaceNotFound();
    return { space: await ensureSpace(m, kind, targetId), ...towards };
  }

  /** A space by id for a caller who may read it; else a 404. */
  async readable(m: EntityManager, scope: AccessScope, spaceId: string): Promise<SpaceAccessResult> {
    const space = await findSpace(m, spaceId);
    const towards = space ? await this.standingTowards(m, scope, space.kind, space.target_id) : null;
    if (!space || !towards?.standing.reader) throw spaceNotFound();
    return { space, ...towards };
  }

  /** The standing of someone in a space they may not read (NO_STANDING) — for answers that need no 404. */
  async standingIn(m: EntityManager, scope: AccessScope, space: SpaceRow): Promise<Standing> {
    return (await this.standingTowards(m, scope, space.kind, space.target_id))?.standing ?? NO_STANDING;
  }

  /**
   * Which of the given ASN may read the space (active ASN only): whom a post may mention. Admins reading by their
   * role alone are not among them (they have no place in the space to be called to).
   */
  async readersAmong(m: EntityManager, space: SpaceRow, employeeIds: readonly string[]): Promise<Set<string>> {
    const people = await activeEmployees(m, employeeIds);
    const ids = people.map((p) => p.id);
    if (ids.length === 0) return new Set();
    if (space.kind === 'community') return activeMembersAmong(m, space.target_id, ids);
    if (space.kind === 'class') {
      const facts = await findClassDiscussionFacts(m, space.target_id);
      if (!facts) return new Set();
      const confirmed = await confirmedRegistrantsAmong(m, space.target_id, ids);
      return new Set(ids.filter((id) => confirmed.has(id) || facts.speakerEmployeeIds.includes(id)));
    }
    const course = await findCourseFacts(m, space.target_id);
    if (!course) return new Set();
    const authors = new Set(await courseAuthorIds(m, space.target_id));
    const statuses = await courseEnrolmentStatuses(m, space.target_id, ids);
    const tree = await this.agencies.current();
    return new Set(
      people
        .filter((p) => {
          const status = statuses.get(p.id);
          return (
            authors.has(p.id) ||
            (status !== undefined && DISCUSSING_ENROLMENTS.includes(status)) ||
            (isLive(course) && courseVisibleTo(course, p.agency_id, tree))
          );
        })
        .map((p) => p.id),
    );
  }

  /** The people a space names by role (authors, speakers): offered first by the mention picker. */
  async namedPeople(m: EntityManager, space: SpaceRow): Promise<string[]> {
    if (space.kind === 'course') return courseAuthorIds(m, space.target_id);
    if (space.kind === 'class') return (await findClassDiscussionFacts(m, space.target_id))?.speakerEmployeeIds ?? [];
    return [];
  }
}
