import type { Enrolment, PendingApproval } from '@kompeten/shared-contracts';
import { displayName } from '@kompeten/shared-util';
import { dueFields } from './due-date';
import type { EnrolmentRow, PendingApprovalRow } from './enrolment-view-store';

/** Enrolment rows (enrolment-view-store.ts) as the API states them. */

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toEnrolment(r: EnrolmentRow): Enrolment {
  return {
    id: r.id,
    courseId: r.course_id,
    courseVersionId: r.course_version_id,
    versionNo: Number(r.version_no),
    courseTitle: r.course_title,
    jp: Number(r.jp),
    employeeId: r.employee_id,
    agencyId: r.agency_id,
    source: r.source,
    status: r.status,
    progressPercent: Number(r.progress_percent),
    ...dueFields(r.due_at, r.due_time_zone),
    overdue: r.overdue,
    mandatory: r.mandatory ?? false,
    lastActivityAt: iso(r.last_activity_at),
    completedAt: iso(r.completed_at),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function toPendingApproval(r: PendingApprovalRow): PendingApproval {
  return {
    ...toEnrolment(r),
    employeeName: displayName(r.full_name, r.front_title, r.back_title),
    nip: r.nip,
    unitName: r.unit_name,
  };
}
