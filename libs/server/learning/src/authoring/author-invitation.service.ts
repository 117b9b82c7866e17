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
import { actorOf } from './course.service';

interface InvitationRow {
  id: string;
  course_id: string;
  nip: string;
  employee_id: string | null;
  agency_id: string | null;
  status: CourseAuthorInvitationStatus;
  created_at: Date;
  decided_at: Date | null;
}

interface IncomingRow extends InvitationRow {
  course_title: string;
  course_agency_name: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  inviter_name: string | null;
  inviter_front: string | null;
  inviter_back: string | null;
  inviter_email: string | null;
}

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

const INCOMING_SELECT = `
  SELECT i.*, c.title AS course_title, ca.name AS course_agency_name, e.full_name, e.front_title, e.back_title,
         ie.full_name AS inviter_name, ie.front_title AS inviter_front, ie.back_title AS inviter_back, iu.email AS inviter_email
    FROM course_author_invitation i
    JOIN course c ON c.id = i.course_id
    JOIN organisation_agency ca ON ca.id = c.agency_id
    JOIN identity_employee e ON e.id = i.employee_id
    LEFT JOIN identity_user_account iu ON iu.id = i.invited_by
    LEFT JOIN identity_employee ie ON ie.id = iu.employee_id`;

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
      const [author]: unknown[] = await m.query(
        `SELECT 1 FROM course_author ca JOIN identity_employee e ON e.id = ca.employee_id WHERE ca.course_id = $1 AND e.nip = $2`,
        [courseId, nip],
      );
      if (author) throw conflict(ErrorCode.LEARNING_AUTHOR_EXISTS, 'Pegawai ini sudah menjadi penulis pelatihan');
      const employee = await findActiveEmployeeByNip(m, nip);
      const inserted: InvitationRow[] = await m.query(
        `INSERT INTO course_author_invitation (course_id, nip, employee_id, agency_id, invited_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (course_id, nip) WHERE status = 'pending' DO NOTHING RETURNING *`,
        [courseId, nip, employee?.id ?? null, employee?.agencyId ?? null, scope.principal.userId],
      );
      if (!inserted.length) {
        // Inviting again while one is pending answers the pending invitation.
        const [pending]: InvitationRow[] = await m.query(
          `SELECT * FROM course_author_invitation WHERE course_id = $1 AND nip = $2 AND status = 'pending'`,
          [courseId, nip],
        );
        return toInvitation(pending);
      }
      // The inviter's own agency log; never the invitee's, and never whether the NIP matched anyone.
      await recordAudit(m, actorOf(scope), {
        action: 'course_author_invitation.create',
        entityType: 'course',
        entityId: courseId,
        agencyId: access.course.agencyId,
        after: { invitationId: inserted[0].id, nip },
      });
      return toInvitation(inserted[0]);
    });
  }

  async listForCourse(
    scope: AccessScope,
    courseId: string,
    q: PageQueryDto & { status?: CourseAuthorInvitationStatus },
  ): Promise<Page<CourseAuthorInvitation>> {
    const access = await findCourseFor(this.db.manager, scope, courseId);
    if (!canSee(access)) throw notFound(ErrorCode.LEARNING_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
    const params: unknown[] = [courseId];
    let cond = 'course_id = $1';
    if (q.status) {
      params.push(q.status);
      cond += ` AND status = $${params.length}`;
    }
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total FROM course_author_invitation WHERE ${cond}`,
      params,
    );
    const rows: InvitationRow[] = await this.db.query(
      `SELECT * FROM course_author_invitation WHERE ${cond} ORDER BY created_at DESC, id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return toPage(rows.map(toInvitation), total, q);
  }

  // ---- the invitee's agency admin --------------------------------------------------------------

  /** Invitations of ASN of the agencies the caller administers (a province admin: its whole tree), newest first. */
  async listIncoming(
    scope: AccessScope,
    q: PageQueryDto & { status?: CourseAuthorInvitationStatus },
  ): Promise<Page<IncomingAuthorInvitation>> {
    if (!scope.global && scope.adminAgencyIds.size === 0) return toPage([], 0, q);
    const params: unknown[] = [q.status ?? 'pending'];
    let cond = 'i.status = $1';
    if (!scope.global) {
      params.push([...scope.adminAgencyIds]);
      cond += ` AND i.agency_id = ANY($${params.length}::uuid[])`;
    }
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total FROM course_author_invitation i WHERE i.employee_id IS NOT NULL AND ${cond}`,
      params,
    );
    const rows: IncomingRow[] = await this.db.query(
      `${INCOMING_SELECT} WHERE ${cond} ORDER BY i.created_at DESC, i.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
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
      const [inv]: InvitationRow[] = await m.query(`SELECT * FROM course_author_invitation WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
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
        await m.query(
          `INSERT INTO course_author (course_id, employee_id, role) VALUES ($1, $2, 'co_author') ON CONFLICT DO NOTHING`,
          [course.id, inv.employee_id],
        );
        await recordAudit(m, actorOf(scope), {
          action: 'course_author.add',
          entityType: 'course',
          entityId: course.id,
          agencyId: course.agencyId,
          after: { employeeId: inv.employee_id, role: 'co_author', invitationId: id },
        });
      }
      await m.query(
        `UPDATE course_author_invitation SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
        [id, decision, scope.principal.userId],
      );
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
    const [row]: IncomingRow[] = await m.query(`${INCOMING_SELECT} WHERE i.id = $1`, [id]);
    if (!row || !row.agency_id || !scope.canAdministerAgency(row.agency_id))
      throw notFound(ErrorCode.LEARNING_INVITATION_NOT_FOUND, NOT_FOUND);
    return row;
  }
}
