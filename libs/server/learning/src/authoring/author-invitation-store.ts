import type { DataSource, EntityManager } from 'typeorm';
import type { CourseAuthorInvitationStatus } from '@kompeten/shared-contracts';

/**
 * Hand-written SQL for cross-agency co-author invitations (this lib's `course_author_invitation`, decision 0013): the
 * invitation rows, the incoming list with course, agency and people's names (organisation's and identity's published
 * views), and the co-author row an accepted invitation writes. Who may see or decide one is author-invitation.service.ts.
 */

export interface InvitationRow {
  id: string;
  course_id: string;
  nip: string;
  employee_id: string | null;
  agency_id: string | null;
  status: CourseAuthorInvitationStatus;
  created_at: Date;
  decided_at: Date | null;
}

/** An invitation as the invitee's agency admin sees it: with the course, its agency, the invitee and the inviter. */
export interface IncomingRow extends InvitationRow {
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

/** Invitations of a known ASN (inner join on the invitee) with their names; the inviter may have no ASN record. */
const INCOMING_SELECT = `
  SELECT i.*, c.title AS course_title, ca.name AS course_agency_name, e.full_name, e.front_title, e.back_title,
         ie.full_name AS inviter_name, ie.front_title AS inviter_front, ie.back_title AS inviter_back, iu.email AS inviter_email
    FROM course_author_invitation i
    JOIN course c ON c.id = i.course_id
    JOIN organisation_agency ca ON ca.id = c.agency_id
    JOIN identity_employee e ON e.id = i.employee_id
    LEFT JOIN identity_user_account iu ON iu.id = i.invited_by
    LEFT JOIN identity_employee ie ON ie.id = iu.employee_id`;

type Page = { page: number; pageSize: number };

// ---- the inviting course -----------------------------------------------------------------------

/** Whether the ASN with this NIP already authors the course (by NIP, as the inviter typed it). */
export async function isAuthorByNip(m: EntityManager, courseId: string, nip: string): Promise<boolean> {
  const [author]: unknown[] = await m.query(
    `SELECT 1 FROM course_author ca JOIN identity_employee e ON e.id = ca.employee_id WHERE ca.course_id = $1 AND e.nip = $2`,
    [courseId, nip],
  );
  return !!author;
}

/**
 * A new pending invitation; none when one is already pending for the course and NIP (the partial unique index
 * decides, so a repeated or concurrent invite never makes two).
 */
export async function insertInvitation(
  m: EntityManager,
  i: { courseId: string; nip: string; employeeId: string | null; agencyId: string | null; invitedBy: string },
): Promise<InvitationRow | undefined> {
  const inserted: InvitationRow[] = await m.query(
    `INSERT INTO course_author_invitation (course_id, nip, employee_id, agency_id, invited_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (course_id, nip) WHERE status = 'pending' DO NOTHING RETURNING *`,
    [i.courseId, i.nip, i.employeeId, i.agencyId, i.invitedBy],
  );
  return inserted[0];
}

/** The pending invitation for the course and NIP (the one `insertInvitation` found in its way). */
export async function selectPendingInvitation(m: EntityManager, courseId: string, nip: string): Promise<InvitationRow> {
  const [pending]: InvitationRow[] = await m.query(
    `SELECT * FROM course_author_invitation WHERE course_id = $1 AND nip = $2 AND status = 'pending'`,
    [courseId, nip],
  );
  return pending;
}

/** A page of a course's invitations, newest first, optionally of one status. */
export async function pageCourseInvitations(
  db: DataSource,
  courseId: string,
  status: CourseAuthorInvitationStatus | undefined,
  q: Page,
): Promise<{ total: number; rows: InvitationRow[] }> {
  const params: unknown[] = [courseId];
  let cond = 'course_id = $1';
  if (status) {
    params.push(status);
    cond += ` AND status = $${params.length}`;
  }
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM course_author_invitation WHERE ${cond}`,
    params,
  );
  const rows: InvitationRow[] = await db.query(
    `SELECT * FROM course_author_invitation WHERE ${cond} ORDER BY created_at DESC, id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { total, rows };
}

// ---- the invitee's agency admin ----------------------------------------------------------------

/**
 * A page of invitations of one status to ASN of `agencyIds` (null: every agency), newest first. The count skips
 * invitations of an unknown NIP, as the page's inner join does.
 */
export async function pageIncomingInvitations(
  db: DataSource,
  status: CourseAuthorInvitationStatus,
  agencyIds: string[] | null,
  q: Page,
): Promise<{ total: number; rows: IncomingRow[] }> {
  const params: unknown[] = [status];
  let cond = 'i.status = $1';
  if (agencyIds) {
    params.push(agencyIds);
    cond += ` AND i.agency_id = ANY($${params.length}::uuid[])`;
  }
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM course_author_invitation i WHERE i.employee_id IS NOT NULL AND ${cond}`,
    params,
  );
  const rows: IncomingRow[] = await db.query(
    `${INCOMING_SELECT} WHERE ${cond} ORDER BY i.created_at DESC, i.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { total, rows };
}

/** One invitation with its names, or none (also none for an invitation of an unknown NIP). */
export async function selectIncoming(m: EntityManager, id: string): Promise<IncomingRow | undefined> {
  const [row]: IncomingRow[] = await m.query(`${INCOMING_SELECT} WHERE i.id = $1`, [id]);
  return row;
}

/** The invitation, row-locked: taken after the course row lock (the lock order of every author change). */
export async function lockInvitation(m: EntityManager, id: string): Promise<InvitationRow> {
  const [inv]: InvitationRow[] = await m.query(`SELECT * FROM course_author_invitation WHERE id = $1 FOR UPDATE`, [id]);
  return inv;
}

/** The accepted invitee becomes a co-author; already an author (added directly meanwhile) is a no-op. */
export async function insertCoAuthor(m: EntityManager, courseId: string, employeeId: string | null): Promise<void> {
  await m.query(
    `INSERT INTO course_author (course_id, employee_id, role) VALUES ($1, $2, 'co_author') ON CONFLICT DO NOTHING`,
    [courseId, employeeId],
  );
}

/** Records the decision on the locked invitation. */
export async function markInvitationDecided(
  m: EntityManager,
  id: string,
  decision: 'accepted' | 'declined',
  decidedBy: string,
): Promise<void> {
  await m.query(`UPDATE course_author_invitation SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [
    id,
    decision,
    decidedBy,
  ]);
}
