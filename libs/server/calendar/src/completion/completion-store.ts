import type { DataSource, EntityManager } from 'typeorm';
import type { ClassJpBasis } from '@kompeten/shared-contracts';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import type { AttendedSession, CompletionRule } from './completion-rule';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
type Db = DataSource | EntityManager;

export interface FinaliseCandidate {
  registration_id: string;
  employee_id: string;
  attendance: Array<{ session_index: number; status: 'present' | 'absent'; minutes: number }>;
}

/** Confirmed registrants of the class with their attendance rows (run under the class lock). */
export async function finaliseCandidates(m: EntityManager, classId: string): Promise<FinaliseCandidate[]> {
  return m.query(
    `SELECT r.id AS registration_id, r.employee_id,
            coalesce((SELECT json_agg(json_build_object('session_index', a.session_index, 'status', a.status,
                                                        'minutes', a.minutes) ORDER BY a.session_index)
                        FROM class_attendance a WHERE a.class_id = r.class_id AND a.employee_id = r.employee_id),
                     '[]') AS attendance
       FROM class_registration r WHERE r.class_id = $1 AND r.status = 'confirmed' ORDER BY r.id`,
    [classId],
  );
}

export const asAttended = (c: FinaliseCandidate): AttendedSession[] =>
  c.attendance.map((a) => ({ sessionIndex: a.session_index, status: a.status, minutes: a.minutes }));

/** ASN of the class who completed it already (an earlier finalisation). */
export async function completedEmployees(m: EntityManager, classId: string): Promise<Set<string>> {
  const rows: Array<{ employee_id: string }> = await m.query(
    `SELECT employee_id FROM class_completion WHERE class_id = $1`,
    [classId],
  );
  return new Set(rows.map((r) => r.employee_id));
}

/** A completion, once per class and ASN: the id when this call wrote it, null when one existed. */
export async function insertCompletion(
  m: EntityManager,
  c: {
    classId: string;
    employeeId: string;
    registrationId: string;
    scheduledMinutes: number;
    attendedMinutes: number;
    attendancePercent: number;
    jp: number;
    jpBasis: ClassJpBasis;
    minutesPerJp: number | null;
    courseCompletionId: string | null;
    finalisedBy: string;
  },
): Promise<string | null> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO class_completion (class_id, employee_id, registration_id, scheduled_minutes, attended_minutes,
                                   attendance_percent, jp, jp_basis, minutes_per_jp, course_completion_id, finalised_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (class_id, employee_id) DO NOTHING RETURNING id`,
    [
      c.classId,
      c.employeeId,
      c.registrationId,
      c.scheduledMinutes,
      c.attendedMinutes,
      c.attendancePercent,
      c.jp,
      c.jpBasis,
      c.minutesPerJp,
      c.courseCompletionId,
      c.finalisedBy,
    ],
  );
  return row?.id ?? null;
}

export async function markFinalised(m: EntityManager, classId: string): Promise<Date> {
  const [[row]]: [[{ finalised_at: Date }], number] = await m.query(
    `UPDATE training_class SET finalised_at = now() WHERE id = $1 RETURNING finalised_at`,
    [classId],
  );
  return new Date(row.finalised_at);
}

export async function saveCompletionRule(m: EntityManager, classId: string, rule: CompletionRule): Promise<void> {
  await m.query(
    `UPDATE training_class SET completion_min_attendance_percent = $2, completion_jp_by_minutes = $3,
            completion_minutes_per_jp = $4 WHERE id = $1`,
    [classId, rule.minAttendancePercent, rule.jpByMinutes, rule.minutesPerJp],
  );
}

export interface CompletionListRow {
  id: string;
  employee_id: string;
  full_name: string;
  nip: string;
  scheduled_minutes: number;
  attended_minutes: number;
  attendance_percent: string;
  jp: string;
  jp_basis: ClassJpBasis;
  completed_at: Date;
}

export async function listCompletions(
  db: Db,
  classId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: CompletionListRow[] }> {
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM class_completion WHERE class_id = $1`, [
    classId,
  ]);
  const rows = await db.query(
    `SELECT k.id, k.employee_id, e.full_name, e.nip, k.scheduled_minutes, k.attended_minutes, k.attendance_percent,
            k.jp, k.jp_basis, k.completed_at
       FROM class_completion k JOIN ${EMPLOYEE} e ON e.id = k.employee_id
      WHERE k.class_id = $1 ORDER BY e.full_name, k.id LIMIT $2 OFFSET $3`,
    [classId, page.limit, page.offset],
  );
  return { total, rows };
}

/** The ASN's completion of the class, or undefined. */
export async function completionOf(
  db: Db,
  classId: string,
  employeeId: string,
): Promise<{ id: string; jp: string; completed_at: Date } | undefined> {
  const [row] = await db.query(
    `SELECT id, jp, completed_at FROM class_completion WHERE class_id = $1 AND employee_id = $2`,
    [classId, employeeId],
  );
  return row;
}
