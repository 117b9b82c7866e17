import type { DataSource } from 'typeorm';
import { overdueSql } from '../enrolment-view-store';

export interface OverdueRow {
  id: string;
  course_id: string;
  course_title: string;
  employee_id: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  nip: string;
  due_at: Date;
}

/**
 * Assigned enrolments past their due date (the overdue rule of enrolment-view-store.ts) whose learner belongs to one
 * of `agencyIds` (null: every agency), most overdue first. Reads the learner through identity's published view.
 */
export async function pageOverdueAssignments(
  db: DataSource,
  agencyIds: string[] | null,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: OverdueRow[] }> {
  const params: unknown[] = [];
  const where = [`en.source = 'assigned'`, overdueSql('en')];
  if (agencyIds) {
    params.push(agencyIds);
    where.push(`en.agency_id = ANY($${params.length}::uuid[])`);
  }
  const cond = where.join(' AND ');
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM enrolment en WHERE ${cond}`,
    params,
  );
  const rows: OverdueRow[] = await db.query(
    `SELECT en.id, en.course_id, v.title AS course_title, en.employee_id, e.full_name, e.front_title, e.back_title, e.nip, en.due_at
       FROM enrolment en
       JOIN learning_course_version v ON v.id = en.course_version_id
       JOIN identity_employee e ON e.id = en.employee_id
      WHERE ${cond}
      ORDER BY en.due_at, en.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}
