import type { EntityManager } from 'typeorm';
import type { AgencyTimeZone, AudienceKind } from '@kompeten/shared-contracts';
import type { AccessScope } from '@kompeten/server-organisation';

/**
 * Hand-written SQL for live audience assignments (decision 0025). Who belongs to an audience is one SQL condition,
 * `memberSql`, used by the preview, by the enrolments at creation, and by the worker's jobs and sweep, so the count a
 * caller sees before confirming is the count the same statement then enrols. ASN and units come from identity's and
 * organisation's published views, courses from learning's (decision 0016).
 */

/**
 * SQL: the employee `e` (unit `u`) is a member of the audience `l` (columns kind, agency_id, unit_id, unit_path,
 * include_sub_units, position_name). Inactive ASN never are.
 */
const memberSql = `e.active AND e.agency_id = l.agency_id AND CASE WHEN l.kind = 'unit'
    THEN (e.unit_id = l.unit_id OR (l.include_sub_units AND u.path LIKE l.unit_path || '%'))
    ELSE lower(e.position_name) = lower(l.position_name) END`;

/** The audience of a preview or a new assignment, resolved (the unit's path read from the unit). */
export interface AudienceSpec {
  agencyId: string;
  kind: AudienceKind;
  unitId: string | null;
  unitPath: string | null;
  includeSubUnits: boolean;
  positionName: string | null;
}

export interface PreviewRow {
  reach: number;
  new_enrolments: number;
  sample: Array<{
    id: string;
    nip: string;
    full_name: string;
    front_title: string | null;
    back_title: string | null;
    unit_name: string | null;
  }>;
}

/** The audience's active members now, how many of them are not yet enrolled in the course, and the first five by name. */
export async function previewAudience(m: EntityManager, courseId: string, a: AudienceSpec): Promise<PreviewRow> {
  const [row]: PreviewRow[] = await m.query(
    `WITH l AS (
       SELECT $2::text AS kind, $3::uuid AS agency_id, $4::uuid AS unit_id, $5::text AS unit_path, $6::boolean AS include_sub_units, $7::text AS position_name
     ), member AS (
       SELECT e.id, e.nip, e.full_name, e.front_title, e.back_title, u.name AS unit_name,
              EXISTS (SELECT 1 FROM enrolment en WHERE en.course_id = $1 AND en.employee_id = e.id) AS enrolled
         FROM l JOIN identity_employee e ON true LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
        WHERE ${memberSql}
     )
     SELECT (SELECT count(*) FROM member)::int AS reach,
            (SELECT count(*) FROM member WHERE NOT enrolled)::int AS new_enrolments,
            (SELECT coalesce(json_agg(x), '[]'::json) FROM (
               SELECT id, nip, full_name, front_title, back_title, unit_name FROM member ORDER BY full_name, nip LIMIT 5) x) AS sample`,
    [courseId, a.kind, a.agencyId, a.unitId, a.unitPath, a.includeSubUnits, a.positionName],
  );
  return row;
}

/** Which live assignments to apply, and to whom. */
export interface ApplyFilter {
  assignmentId?: string;
  /** Only this ASN (a placement change). */
  employeeId?: string;
  /** Only assignments of this agency (an import finished). */
  agencyId?: string;
}

/**
 * Enrols the members of every live assignment (started, not ended, its course published and not archived) that the
 * filter names, in one INSERT … SELECT … ON CONFLICT DO NOTHING: the unique (course, learner) pair makes it
 * idempotent, so a repeated job, a sweep and a concurrent job enrol each person once. Where two live assignments of
 * one course reach a person, the mandatory one (then the older) wins. A due rule in days counts from today's local
 * day in the creator's zone and ends at 23:59:59 there (decision 0015). Answers the enrolments created.
 */
export async function applyAudienceAssignments(m: EntityManager, f: ApplyFilter): Promise<number> {
  const params: unknown[] = [];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const where = ['a.starts_at <= now()', '(a.ends_at IS NULL OR a.ends_at > now())'];
  if (f.assignmentId) where.push(`a.id = ${p(f.assignmentId)}::uuid`);
  if (f.agencyId) where.push(`a.agency_id = ${p(f.agencyId)}::uuid`);
  const onlyEmployee = f.employeeId ? `AND e.id = ${p(f.employeeId)}::uuid` : '';
  const rows: Array<{ id: string }> = await m.query(
    `WITH l AS (
       SELECT a.id, a.course_id, a.kind, a.agency_id, a.unit_id, au.path AS unit_path, a.include_sub_units, a.position_name,
              a.mandatory, a.due_at, a.due_days, a.due_time_zone, a.created_by, a.created_at, c.current_version_id
         FROM audience_assignment a
         JOIN learning_course c ON c.id = a.course_id AND c.current_version_id IS NOT NULL AND c.status <> 'archived'
         LEFT JOIN organisation_work_unit au ON au.id = a.unit_id
        WHERE ${where.join(' AND ')}
     ), pick AS (
       SELECT DISTINCT ON (l.course_id, e.id) l.id AS assignment_id, l.course_id, l.current_version_id, e.id AS employee_id,
              e.agency_id, l.created_by, l.mandatory, l.due_at, l.due_days, l.due_time_zone
         FROM l JOIN identity_employee e ON e.agency_id = l.agency_id LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
        WHERE ${memberSql} ${onlyEmployee}
        ORDER BY l.course_id, e.id, l.mandatory DESC, l.created_at, l.id
     )
     INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, assigned_by, due_at, due_time_zone,
                            status, mandatory, audience_assignment_id)
     SELECT course_id, current_version_id, employee_id, agency_id, 'assigned', created_by,
            coalesce(due_at, CASE WHEN due_days IS NOT NULL THEN
              (date_trunc('day', now() AT TIME ZONE due_time_zone) + (due_days + 1) * interval '1 day' - interval '1 second') AT TIME ZONE due_time_zone END),
            CASE WHEN due_at IS NULL AND due_days IS NULL THEN NULL ELSE due_time_zone END,
            'active', mandatory, assignment_id
       FROM pick
     ON CONFLICT (course_id, employee_id) DO NOTHING
     RETURNING id`,
    params,
  );
  return rows.length;
}

/** One assignment as the API states it (unit and creator names, enrolments made so far). */
export interface AudienceAssignmentRow {
  id: string;
  course_id: string;
  agency_id: string;
  kind: AudienceKind;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  include_sub_units: boolean;
  position_name: string | null;
  mandatory: boolean;
  due_at: Date | null;
  due_time_zone: AgencyTimeZone | null;
  due_days: number | null;
  starts_at: Date;
  ends_at: Date | null;
  live: boolean;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
  enrolled_count: number;
}

const ASSIGNMENT_SELECT = `
  SELECT a.id, a.course_id, a.agency_id, a.kind, a.unit_id, au.name AS unit_name, au.path AS unit_path, a.include_sub_units,
         a.position_name, a.mandatory, a.due_at, a.due_time_zone, a.due_days, a.starts_at, a.ends_at,
         (a.ends_at IS NULL OR a.ends_at > now()) AS live, a.created_by,
         coalesce(ce.full_name, ua.email) AS created_by_name, a.created_at,
         (SELECT count(*) FROM enrolment en WHERE en.audience_assignment_id = a.id)::int AS enrolled_count
    FROM audience_assignment a
    LEFT JOIN organisation_work_unit au ON au.id = a.unit_id
    LEFT JOIN identity_user_account ua ON ua.id = a.created_by
    LEFT JOIN identity_employee ce ON ce.id = ua.employee_id`;

export async function readAudienceAssignment(m: EntityManager, id: string): Promise<AudienceAssignmentRow | undefined> {
  const [row]: AudienceAssignmentRow[] = await m.query(`${ASSIGNMENT_SELECT} WHERE a.id = $1`, [id]);
  return row;
}

/** Locks an assignment for a change (ending it). */
export async function lockAudienceAssignment(
  m: EntityManager,
  id: string,
): Promise<{ id: string; agency_id: string; course_id: string; unit_path: string | null; live: boolean } | undefined> {
  const [row] = await m.query(
    `SELECT a.id, a.agency_id, a.course_id, au.path AS unit_path, (a.ends_at IS NULL OR a.ends_at > now()) AS live
       FROM audience_assignment a LEFT JOIN organisation_work_unit au ON au.id = a.unit_id
      WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  return row;
}

/** Ends an assignment now: no new enrolments from then on; those it made stay. */
export async function endAudienceAssignment(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE audience_assignment SET ends_at = greatest(now(), starts_at) WHERE id = $1 AND (ends_at IS NULL OR ends_at > now())`,
    [id],
  );
}

/** Serialises creates of audience assignments of one course (in the caller's transaction), so a repeat finds the first. */
export async function lockCourseAssignments(m: EntityManager, courseId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('audience_assignment:' || $1))`, [courseId]);
}

/** A live assignment of the course with the same audience, due rule and flag (a repeated create), or none. */
export async function findSameLiveAssignment(
  m: EntityManager,
  courseId: string,
  a: AudienceSpec & {
    mandatory: boolean;
    dueAt: Date | null;
    dueDays: number | null;
    startsAt: Date | null;
    endsAt: Date | null;
  },
): Promise<string | undefined> {
  const [row]: Array<{ id: string }> = await m.query(
    `SELECT id FROM audience_assignment
      WHERE course_id = $1 AND agency_id = $2 AND kind = $3 AND unit_id IS NOT DISTINCT FROM $4::uuid
        AND include_sub_units = $5 AND lower(position_name) IS NOT DISTINCT FROM lower($6::text) AND mandatory = $7
        AND due_at IS NOT DISTINCT FROM $8::timestamptz AND due_days IS NOT DISTINCT FROM $9::int
        AND ($10::timestamptz IS NULL OR starts_at = $10::timestamptz) AND ends_at IS NOT DISTINCT FROM $11::timestamptz
        AND (ends_at IS NULL OR ends_at > now())
      ORDER BY created_at LIMIT 1`,
    [
      courseId,
      a.agencyId,
      a.kind,
      a.unitId,
      a.includeSubUnits,
      a.positionName,
      a.mandatory,
      a.dueAt?.toISOString() ?? null,
      a.dueDays,
      a.startsAt?.toISOString() ?? null,
      a.endsAt?.toISOString() ?? null,
    ],
  );
  return row?.id;
}

/**
 * The course's assignments the caller manages (its agencies; an HR officer's unit subtree), live first, newest first.
 */
export async function listAudienceAssignments(
  m: EntityManager,
  scope: AccessScope,
  courseId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: AudienceAssignmentRow[] }> {
  const params: unknown[] = [courseId];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const parts: string[] = [];
  if (scope.global) parts.push('TRUE');
  if (scope.adminAgencyIds.size) parts.push(`a.agency_id = ANY(${p([...scope.adminAgencyIds])}::uuid[])`);
  for (const s of scope.hrUnitScopes)
    parts.push(
      s.unitPath
        ? `(a.agency_id = ${p(s.agencyId)}::uuid AND au.path LIKE ${p(`${s.unitPath}%`)})`
        : `a.agency_id = ${p(s.agencyId)}::uuid`,
    );
  const cond = `a.course_id = $1 AND ${parts.length ? `(${parts.join(' OR ')})` : 'FALSE'}`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM audience_assignment a LEFT JOIN organisation_work_unit au ON au.id = a.unit_id WHERE ${cond}`,
    params,
  );
  const rows: AudienceAssignmentRow[] = await m.query(
    `${ASSIGNMENT_SELECT} WHERE ${cond}
      ORDER BY (a.ends_at IS NULL OR a.ends_at > now()) DESC, a.created_at DESC, a.id
      LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}`,
    params,
  );
  return { total, rows };
}
