import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type CourseAuthorInvitation,
  type CourseAuthorInvitationStatus,
  type IncomingAuthorInvitation,
  type Page,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { findActiveEmployeeByNip } from '@kompeten/server-identity';
import type { AccessScope } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import { canManageAuthors, canSee, findCourseFor, requireAuthorsOpen } from '../course-access';
import { CourseEntity } from '../entities/course.entity';
import {
  insertCoAuthor,
  insertInvitation,
  isAuthorByNip,
  lockInvitation,
  markInvitationDecided,
  pageCourseInvitations,
  pageIncomingInvitations,
  selectIncoming,
  selectPendingInvitation,
  type IncomingRow,
  type InvitationRow,
} from './author-invitation-store';
import { actorOf } from './course.service';

const toInvitation = (r: InvitationRow): CourseAuthorInvitation => ({
  id: r.id,
  courseId: r.course_id,
  nip: r.nip,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
});

const toIncoming = (r: IncomingRow): IncomingAuthorInvitation => ({
  ...toInvitation(r),
  courseTitle: r.course_title,
  courseAgencyName: r.course_agency_name,
  employeeId: r.employee_id as string,
  employeeName: displayName(r.full_name, r.front_title, r.back_title),
  invitedByName: r.inviter_name ? displayName(r.inviter_name, r.inviter_front, r.inviter_back) : r.inviter_email,
});

const NOT_FOUND = 'Undangan tidak ditemukan';

/**
 * Cross-agency co-authoring (issue 12, decision 0013). A course's owner (or an admin of its agency) invites an ASN by
 * NIP; the invitation is pending and tells the inviter nothing beyond the NIP it typed (an unknown NIP makes an
 * invitation nobody ever sees). The invitee's agency admin, or an admin above it, accepts or declines; only then is
 * the ASN a co-author.
 */
@Injectable()
export class AuthorInvitationService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  // ---- the inviting course ---------------------------------------------------------------------

  async invite(scope: AccessScope, courseId: string, nip: string): Promise<CourseAuthorInvitation> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, courseId, true);
      if (!canManageAuthors(access))
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          'Hanya pemilik pelatihan atau admin instansinya yang dapat mengundang penulis',
        );
      if (access.course.status === 'archived')
        throw conflict(ErrorCode.LEARNING_WRONG_STATUS, 'Pelatihan sudah diarsipkan');
      // The authors (with their NIPs) are already visible to the inviter, so saying "already an author" reveals nothing.
      if (await isAuthorByNip(m, courseId, nip))
        throw conflict(ErrorCode.LEARNING_AUTHOR_EXISTS, 'Pegawai ini sudah menjadi penulis pelatihan');
      const employee = await findActiveEmployeeByNip(m, nip);
      const inserted = await insertInvitation(m, {
        courseId,
        nip,
        employeeId: employee?.id ?? null,
        agencyId: employee?.agencyId ?? null,
        invitedBy: scope.principal.userId,
      });
      // Inviting again while one is pending answers the pending invitation.
      if (!inserted) return toInvitation(await selectPendingInvitation(m, courseId, nip));
      // The inviter's own agency log; never the invitee's, and never whether the NIP matched anyone.
      await recordAudit(m, actorOf(scope), {
        action: 'course_author_invitation.create',
        entityType: 'course',
        entityId: courseId,
        agencyId: access.course.agencyId,
        after: { invitationId: inserted.id, nip },
      });
      return toInvitation(inserted);
    });
  }

  async listForCourse(
    scope: AccessScope,
    courseId: string,
    q: PageQueryDto & { status?: CourseAuthorInvitationStatus },
  ): Promise<Page<CourseAuthorInvitation>> {
    const access = await findCourseFor(this.db.manager, scope, courseId);
    if (!canSee(access)) throw notFound(ErrorCode.LEARNING_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
    const { total, rows } = await pageCourseInvitations(this.db, courseId, q.status, q);
    return toPage(rows.map(toInvitation), total, q);
  }

  // ---- the invitee's agency admin --------------------------------------------------------------

  /** Invitations of ASN of the agencies the caller administers (a province admin: its whole tree), newest first. */
  async listIncoming(
    scope: AccessScope,
    q: PageQueryDto & { status?: CourseAuthorInvitationStatus },
  ): Promise<Page<IncomingAuthorInvitation>> {
    if (!scope.global && scope.adminAgencyIds.size === 0) return toPage([], 0, q);
    const agencyIds = scope.global ? null : [...scope.adminAgencyIds];
    const { total, rows } = await pageIncomingInvitations(this.db, q.status ?? 'pending', agencyIds, q);
    return toPage(rows.map(toIncoming), total, q);
  }

  /** Accepts: the ASN becomes a co-author. Accepting again answers the same invitation. */
  async accept(scope: AccessScope, id: string): Promise<IncomingAuthorInvitation> {
    return this.decide(scope, id, 'accepted');
  }

  async decline(scope: AccessScope, id: string): Promise<IncomingAuthorInvitation> {
    return this.decide(scope, id, 'declined');
  }

  private async decide(
    scope: AccessScope,
    id: string,
    decision: 'accepted' | 'declined',
  ): Promise<IncomingAuthorInvitation> {
    return this.db.transaction(async (m) => {
      const first = await this.incoming(m, scope, id);
      // Lock order as every author change: the course row first, then the invitation.
      const course = await m
        .getRepository(CourseEntity)
        .findOneOrFail({ where: { id: first.course_id }, lock: { mode: 'pessimistic_write' } });
      const inv = await lockInvitation(m, id);
      if (inv.status === decision) return toIncoming(await this.incoming(m, scope, id));
      if (inv.status !== 'pending') {
        throw conflict(
          ErrorCode.LEARNING_INVITATION_DECIDED,
          inv.status === 'accepted' ? 'Undangan ini sudah diterima' : 'Undangan ini sudah ditolak',
        );
      }
      if (decision === 'accepted') {
        if (course.status === 'archived') throw conflict(ErrorCode.LEARNING_WRONG_STATUS, 'Pelatihan sudah diarsipkan');
        requireAuthorsOpen(course);
        await insertCoAuthor(m, course.id, inv.employee_id);
        await recordAudit(m, actorOf(scope), {
          action: 'course_author.add',
          entityType: 'course',
          entityId: course.id,
          agencyId: course.agencyId,
          after: { employeeId: inv.employee_id, role: 'co_author', invitationId: id },
        });
      }
      await markInvitationDecided(m, id, decision, scope.principal.userId);
      await recordAudit(m, actorOf(scope), {
        action: `course_author_invitation.${decision === 'accepted' ? 'accept' : 'decline'}`,
        entityType: 'course_author_invitation',
        entityId: id,
        agencyId: inv.agency_id,
        before: { status: 'pending' },
        after: { status: decision, courseId: course.id, employeeId: inv.employee_id },
      });
      return toIncoming(await this.incoming(m, scope, id));
    });
  }

  /** The invitation for an admin of the invitee's agency (or an admin above it); everyone else gets a 404. */
  private async incoming(m: EntityManager, scope: AccessScope, id: string): Promise<IncomingRow> {
    const row = await selectIncoming(m, id);
    if (!row || !row.agency_id || !scope.canAdministerAgency(row.agency_id))
      throw notFound(ErrorCode.LEARNING_INVITATION_NOT_FOUND, NOT_FOUND);
    return row;
  }
}
