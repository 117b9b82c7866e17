import type { EntityManager } from 'typeorm';
import type { Enrolment, EnrolmentSource, EnrolmentStatus, PendingApproval } from '@kompeten/shared-contracts';
import { displayName } from '@kompeten/shared-util';

export interface EnrolmentRow {
  id: string; course_id: string; course_version_id: string; version_no: number; course_title: string; jp: string | number;
  employee_id: string; agency_id: string; source: EnrolmentSource; status: EnrolmentStatus; progress_percent: string;
  due_at: Date | null; last_activity_at: Date | null; completed_at: Date | null; created_at: Date;
  course_agency_id: string;
}

/** The enrolment view: the course title and JP are those of the version taken. */
export const ENROLMENT_SELECT = `
  SELECT en.id, en.course_id, en.course_version_id, v.version_no, v.title AS course_title,
         coalesce(v.jp, (v.snapshot->>'jp')::numeric, 0) AS jp, en.employee_id, en.agency_id, en.source, en.status,
         en.progress_percent, en.due_at, en.last_activity_at, en.completed_at, en.created_at, c.agency_id AS course_agency_id
    FROM enrolment en
    JOIN course_version v ON v.id = en.course_version_id
    JOIN course c ON c.id = en.course_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toEnrolment(r: EnrolmentRow): Enrolment {
  return {
    id: r.id, courseId: r.course_id, courseVersionId: r.course_version_id, versionNo: Number(r.version_no), courseTitle: r.course_title,
    jp: Number(r.jp), employeeId: r.employee_id, agencyId: r.agency_id, source: r.source, status: r.status,
    progressPercent: Number(r.progress_percent), dueAt: iso(r.due_at), lastActivityAt: iso(r.last_activity_at),
    completedAt: iso(r.completed_at), createdAt: new Date(r.created_at).toISOString(),
  };
}

export function toPendingApproval(r: EnrolmentRow & { full_name: string; front_title: string | null; back_title: string | null; nip: string; unit_name: string | null }): PendingApproval {
  return { ...toEnrolment(r), employeeName: displayName(r.full_name, r.front_title, r.back_title), nip: r.nip, unitName: r.unit_name };
}

export async function loadEnrolmentRow(m: EntityManager, id: string): Promise<EnrolmentRow | null> {
  const [row] = await m.query(`${ENROLMENT_SELECT} WHERE en.id = $1`, [id]);
  return row ?? null;
}
