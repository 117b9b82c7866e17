import type { DataSource, EntityManager } from 'typeorm';
import type {
  AgencyTimeZone,
  CourseStatus,
  CourseVisibility,
  EnrolmentMode,
  EnrolmentStatus,
} from '@kompeten/shared-contracts';
import { preparedQuery, returnedRows } from '@kompeten/server-core';
import { LIVE_SQL } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import {
  ENROLMENT_SELECT,
  enrolmentViewOf,
  overdueFilterSql,
  type EnrolmentRow,
  type PendingApprovalRow,
} from './enrolment-view-store';

/**
 * Hand-written SQL for enrolments: self-enrolment (a hot path, decision 0009: one read, one write, prepared), the
 * one-statement assignment, "my learning", withdrawal and approvals. Other libs' rows come through their published
 * views (decision 0016).
 */

/** Everything self-enrolment decides on, in one statement. */
export interface EnrolDecisionRow {
  learner_agency_id: string;
  course_id: string | null;
  course_agency_id: string;
  visibility: CourseVisibility;
  enrolment_mode: EnrolmentMode;
  course_status: CourseStatus;
  current_version_id: string | null;
  existing: EnrolmentRow | null;
  missing: string[];
}

/** The active learner (none when inactive or unknown), the course, the learner's enrolment in it and the prerequisites not completed. */
export async function readEnrolDecision(
  db: DataSource,
  employeeId: string,
  courseId: string,
): Promise<EnrolDecisionRow | undefined> {
  const [r] = await preparedQuery<EnrolDecisionRow>(
    db,
    `WITH c AS (
       SELECT id, agency_id, visibility, enrolment_mode, prerequisite_course_ids, status, current_version_id FROM learning_course WHERE id = $2
     )
     SELECT e.agency_id AS learner_agency_id, c.id AS course_id, c.agency_id AS course_agency_id, c.visibility, c.enrolment_mode,
            c.status AS course_status, c.current_version_id,
            (SELECT row_to_json(x) FROM (${ENROLMENT_SELECT} WHERE en.course_id = $2 AND en.employee_id = $1) x) AS existing,
            ARRAY(SELECT p.id::text FROM unnest(c.prerequisite_course_ids) AS p(id)
                   WHERE NOT EXISTS (SELECT 1 FROM course_completion cc WHERE cc.course_id = p.id AND cc.employee_id = $1)) AS missing
       FROM identity_employee e LEFT JOIN c ON true
      WHERE e.id = $1 AND e.active`,
    [employeeId, courseId],
  );
  return r;
}

/** Asks again after a withdrawal or rejection: only if nobody moved the enrolment from `fromStatus` meanwhile. */
export async function reopenEnrolment(
  db: DataSource,
  id: string,
  status: EnrolmentStatus,
  fromStatus: EnrolmentStatus,
): Promise<EnrolmentRow | undefined> {
  const [row] = await preparedQuery<EnrolmentRow>(
    db,
    `WITH en AS (
       UPDATE enrolment SET status = $2, decided_by = NULL, decided_at = NULL, updated_at = now() WHERE id = $1 AND status = $3 RETURNING *
     ) ${enrolmentViewOf('en')}`,
    [id, status, fromStatus],
  );
  return row;
}

/** A new self-enrolment; none when a concurrent request of the same learner won the insert. */
export async function insertSelfEnrolment(
  db: DataSource,
  e: { courseId: string; versionId: string | null; employeeId: string; agencyId: string; status: EnrolmentStatus },
): Promise<EnrolmentRow | undefined> {
  const [row] = await preparedQuery<EnrolmentRow>(
    db,
    `WITH en AS (
       INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status)
       VALUES ($1, $2, $3, $4, 'self', $5)
       ON CONFLICT (course_id, employee_id) DO NOTHING RETURNING *
     ) ${enrolmentViewOf('en')}`,
    [e.courseId, e.versionId, e.employeeId, e.agencyId, e.status],
  );
  return row;
}

type Param = (v: unknown) => string;

/** Employees (alias e, unit alias u) the caller may assign: its administered agencies and HR unit subtrees. */
function manageableSql(scope: AccessScope, p: Param): string {
  if (scope.global) return 'TRUE';
  const parts: string[] = [];
  if (scope.adminAgencyIds.size) parts.push(`e.agency_id = ANY(${p([...scope.adminAgencyIds])}::uuid[])`);
  for (const s of scope.hrUnitScopes) {
    parts.push(
      s.unitPath
        ? `(e.agency_id = ${p(s.agencyId)} AND u.path LIKE ${p(`${s.unitPath}%`)})`
        : `e.agency_id = ${p(s.agencyId)}`,
    );
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

function parameters(): { params: unknown[]; p: Param } {
  const params: unknown[] = [];
  return { params, p: (v) => (params.push(v), `$${params.length}`) };
}

/** How many of the named ASN do not exist or are outside what the caller manages. */
export async function countUnmanaged(
  m: EntityManager,
  scope: AccessScope,
  employeeIds: readonly string[],
): Promise<number> {
  const { params, p } = parameters();
  const inScope = manageableSql(scope, p);
  const [{ n }]: Array<{ n: number }> = await m.query(
    `SELECT count(*)::int AS n FROM unnest(${p(employeeIds)}::uuid[]) AS x(id)
       LEFT JOIN identity_employee e ON e.id = x.id LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      WHERE e.id IS NULL OR NOT ${inScope}`,
    params,
  );
  return n;
}

export interface AssignTargets {
  courseId: string;
  versionId: string;
  assignedBy: string;
  /** The due instant and the zone of the local day it ends (decision 0015), or null. */
  due: { at: Date; zone: AgencyTimeZone } | null;
  employeeIds: readonly string[];
  /** A unit subtree (its path), or null. */
  unitPath: string | null;
  positionName: string | null;
  /** The agencies whose ASN may see the course (null: every agency). */
  audience: readonly string[] | null;
}

/**
 * One INSERT … SELECT … ON CONFLICT DO NOTHING for every chosen learner: active, managed by the caller and in the
 * course's audience; the others are counted as skipped.
 */
export async function assignLearners(
  m: EntityManager,
  scope: AccessScope,
  t: AssignTargets,
): Promise<{ candidates: number; in_scope: number; enrolled: number; learner_agency_id: string | null }> {
  const { params, p } = parameters();
  const inScopeSql = manageableSql(scope, p);
  const filters: string[] = [];
  if (t.unitPath) filters.push(`u.path LIKE ${p(`${t.unitPath}%`)}`);
  if (t.positionName) filters.push(`lower(e.position_name) = lower(${p(t.positionName)})`);
  // A position alone selects within the caller's scope; a unit selects the unit (out-of-scope members are skipped).
  if (t.positionName && !t.unitPath) filters.push(inScopeSql);
  const chosen = [
    ...(t.employeeIds.length ? [`e.id = ANY(${p(t.employeeIds)}::uuid[])`] : []),
    ...(filters.length ? [`(${filters.join(' AND ')})`] : []),
  ].join(' OR ');
  const visibleSql = t.audience === null ? 'TRUE' : `e.agency_id = ANY(${p(t.audience)}::uuid[])`;
  const [counts]: Array<{ candidates: number; in_scope: number; enrolled: number; learner_agency_id: string | null }> =
    await m.query(
      `WITH candidate AS (
        SELECT e.id, e.agency_id, (e.active AND ${inScopeSql} AND ${visibleSql}) AS ok
          FROM identity_employee e LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
         WHERE ${chosen}
     ), inserted AS (
        INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, assigned_by, due_at, due_time_zone, status)
        SELECT ${p(t.courseId)}, ${p(t.versionId)}, c.id, c.agency_id, 'assigned', ${p(t.assignedBy)},
               ${p(t.due?.at.toISOString() ?? null)}::timestamptz, ${p(t.due?.zone ?? null)}::text, 'active'
          FROM candidate c WHERE c.ok
        ON CONFLICT (course_id, employee_id) DO NOTHING
        RETURNING 1
     )
     SELECT (SELECT count(*) FROM candidate)::int AS candidates,
            (SELECT count(*) FROM candidate WHERE ok)::int AS in_scope,
            (SELECT count(*) FROM inserted)::int AS enrolled,
            (SELECT CASE WHEN count(DISTINCT agency_id) = 1 THEN min(agency_id::text) END FROM candidate WHERE ok) AS learner_agency_id`,
      params,
    );
  return counts;
}

/**
 * "My learning": active and pending first, then by due date, the most recently completed and the latest activity;
 * optionally only (not) overdue ones.
 */
export async function listLearnerEnrolments(
  db: DataSource,
  employeeId: string,
  filter: { status?: EnrolmentStatus; overdue?: boolean },
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: EnrolmentRow[] }> {
  const where = ['en.employee_id = $1'];
  const params: unknown[] = [employeeId];
  if (filter.status) {
    params.push(filter.status);
    where.push(`en.status = $${params.length}`);
  }
  if (filter.overdue !== undefined) where.push(overdueFilterSql('en', filter.overdue));
  const cond = where.join(' AND ');
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM enrolment en WHERE ${cond}`,
    params,
  );
  const rows: EnrolmentRow[] = await db.query(
    `${ENROLMENT_SELECT} WHERE ${cond}
     ORDER BY CASE en.status WHEN 'active' THEN 0 WHEN 'pending_approval' THEN 1 WHEN 'completed' THEN 2 ELSE 3 END,
              en.due_at ASC NULLS LAST, en.completed_at DESC NULLS LAST,
              coalesce(en.last_activity_at, en.created_at) DESC, en.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}

/** Locks an enrolment row for a status change in the caller's transaction. */
export async function lockEnrolmentStatus(m: EntityManager, id: string): Promise<EnrolmentStatus | undefined> {
  const [locked]: Array<{ status: EnrolmentStatus }> = await m.query(
    `SELECT status FROM enrolment WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return locked?.status;
}

export async function markWithdrawn(m: EntityManager, id: string): Promise<void> {
  await m.query(`UPDATE enrolment SET status = 'withdrawn', updated_at = now() WHERE id = $1`, [id]);
}

/**
 * Pending enrolments for an approver, oldest first: every one for a platform admin, its agencies' for an admin, and
 * its direct reports' where it holds the supervisor role.
 */
export async function listPendingApprovals(
  db: DataSource,
  who: {
    all: boolean;
    adminAgencyIds: readonly string[];
    supervisor: { employeeId: string; agencyIds: readonly string[] } | null;
  },
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: PendingApprovalRow[] }> {
  const { params, p } = parameters();
  const conditions: string[] = [];
  if (who.all) conditions.push('TRUE');
  if (who.adminAgencyIds.length) conditions.push(`en.agency_id = ANY(${p(who.adminAgencyIds)}::uuid[])`);
  if (who.supervisor)
    conditions.push(
      `(e.supervisor_id = ${p(who.supervisor.employeeId)} AND e.agency_id = ANY(${p(who.supervisor.agencyIds)}::uuid[]))`,
    );
  if (!conditions.length) return { total: 0, rows: [] };
  const from = `FROM enrolment en JOIN identity_employee e ON e.id = en.employee_id WHERE en.status = 'pending_approval' AND (${conditions.join(' OR ')})`;
  const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total ${from}`, params);
  const rows: PendingApprovalRow[] = await db.query(
    `SELECT x.*, e.full_name, e.front_title, e.back_title, e.nip, u.name AS unit_name
       FROM (${ENROLMENT_SELECT} WHERE en.id IN (SELECT en.id ${from} ORDER BY en.created_at, en.id LIMIT ${p(page.limit)} OFFSET ${p(page.offset)})) x
       JOIN identity_employee e ON e.id = x.employee_id LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      ORDER BY x.created_at, x.id`,
    params,
  );
  return { total, rows };
}

/** A pending enrolment locked for a decision, with where its learner works and who supervises them. */
export interface DecisionRow {
  id: string;
  status: EnrolmentStatus;
  agency_id: string;
  supervisor_id: string | null;
  employee_agency_id: string;
  unit_path: string | null;
}

export async function lockForDecision(m: EntityManager, id: string): Promise<DecisionRow | undefined> {
  const [row]: DecisionRow[] = await m.query(
    `SELECT en.id, en.status, en.agency_id, e.supervisor_id, e.agency_id AS employee_agency_id, u.path AS unit_path
       FROM enrolment en JOIN identity_employee e ON e.id = en.employee_id LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      WHERE en.id = $1 FOR UPDATE OF en`,
    [id],
  );
  return row;
}

export async function recordDecision(
  m: EntityManager,
  id: string,
  status: EnrolmentStatus,
  decidedBy: string,
  reason: string | null = null,
): Promise<void> {
  await m.query(
    `UPDATE enrolment SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, updated_at = now()
      WHERE id = $1`,
    [id, status, decidedBy, reason],
  );
}

export interface LearnerEnrolmentRef {
  enrolmentId: string;
  courseVersionId: string;
  courseId: string;
}

/** The learner's own enrolment (only an active one with `activeOnly`), or none. Prepared: quiz start reads it (decision 0009). */
export async function findLearnerEnrolment(
  m: EntityManager,
  enrolmentId: string,
  employeeId: string,
  activeOnly: boolean,
): Promise<LearnerEnrolmentRef | null> {
  const [row] = await preparedQuery<{ id: string; course_version_id: string; course_id: string }>(
    m,
    activeOnly
      ? `SELECT id, course_version_id, course_id FROM enrolment WHERE id = $1 AND employee_id = $2 AND status = 'active'`
      : `SELECT id, course_version_id, course_id FROM enrolment WHERE id = $1 AND employee_id = $2`,
    [enrolmentId, employeeId],
  );
  return row ? { enrolmentId: row.id, courseVersionId: row.course_version_id, courseId: row.course_id } : null;
}

/** The learner's enrolment in a course (status and version), or none. */
export async function findCourseEnrolment(
  m: EntityManager,
  courseId: string,
  employeeId: string,
): Promise<{ status: EnrolmentStatus; courseVersionId: string } | null> {
  const [row]: Array<{ status: EnrolmentStatus; course_version_id: string }> = await m.query(
    'SELECT status, course_version_id FROM enrolment WHERE course_id = $1 AND employee_id = $2',
    [courseId, employeeId],
  );
  return row ? { status: row.status, courseVersionId: row.course_version_id } : null;
}

/**
 * Moves a course's active and pending enrolments on versions older than `versionNo` to the version, recomputing their
 * progress over its required lessons; answers the ids moved. Rows are locked in id order first (as attendance does),
 * so concurrent multi-row lockers cannot deadlock with this.
 */
export async function moveEnrolmentsToVersion(
  m: EntityManager,
  v: { courseId: string; versionId: string; versionNo: number; requiredLessonIds: readonly string[] },
): Promise<string[]> {
  const result: unknown = await m.query(
    `WITH candidate AS (
        SELECT en.id FROM enrolment en JOIN learning_course_version old ON old.id = en.course_version_id
         WHERE en.course_id = $1 AND en.status IN ('active', 'pending_approval') AND old.version_no < $3
         ORDER BY en.id
         FOR UPDATE OF en
     )
     UPDATE enrolment en
        SET course_version_id = $2,
            progress_percent = CASE WHEN cardinality($4::text[]) = 0 THEN 0 ELSE round(
              100.0 * (SELECT count(*) FROM lesson_progress lp
                        WHERE lp.enrolment_id = en.id AND lp.status = 'completed' AND lp.lesson_id::text = ANY($4::text[]))
                    / cardinality($4::text[]), 2) END,
            updated_at = now()
       FROM candidate c
      WHERE en.id = c.id
  RETURNING en.id`,
    [v.courseId, v.versionId, v.versionNo, v.requiredLessonIds],
  );
  return returnedRows<{ id: string }>(result).map((r) => r.id);
}

/**
 * Enrols an ASN in a course because a training-calendar class linked to it confirmed them (decision 0034; called by the
 * calendar's `calendar.enrol-linked-course` job, never by calendar writing this table): active, source `assigned` with
 * no assigning account, on the course's current version, in the learner's own agency. An existing enrolment of any
 * status is left exactly as it is (the unique course + learner pair), so a job run twice enrols once.
 */
export async function enrolForConfirmedClass(
  m: DataSource | EntityManager,
  e: { courseId: string; employeeId: string },
): Promise<'created' | 'exists' | 'course_not_live' | 'employee_inactive'> {
  const [r]: Array<{ live: number; employee: number; created: number }> = await m.query(
    `WITH c AS (SELECT id, current_version_id FROM learning_course c WHERE c.id = $1 AND ${LIVE_SQL}),
          e AS (SELECT id, agency_id FROM identity_employee WHERE id = $2 AND active),
          ins AS (
            INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status)
            SELECT c.id, c.current_version_id, e.id, e.agency_id, 'assigned', 'active' FROM c, e
            ON CONFLICT (course_id, employee_id) DO NOTHING RETURNING id)
     SELECT (SELECT count(*) FROM c)::int AS live, (SELECT count(*) FROM e)::int AS employee,
            (SELECT count(*) FROM ins)::int AS created`,
    [e.courseId, e.employeeId],
  );
  if (!r.live) return 'course_not_live';
  if (!r.employee) return 'employee_inactive';
  return r.created ? 'created' : 'exists';
}

/** A due date of a learner's unsettled enrolment, for the training calendar's "my calendar" and feed (decision 0040). */
export interface LearnerDueDate {
  enrolmentId: string;
  courseId: string;
  courseTitle: string;
  /** The last second that still counts (due-date.ts). */
  dueAt: Date;
  dueTimeZone: AgencyTimeZone;
  overdue: boolean;
  mandatory: boolean;
}

/**
 * The due dates of a learner's active or pending enrolments falling in [from, to) (instants), soonest first, at most
 * `limit`: the calendar lib's reader (it never reads the enrolment table itself). Settled enrolments (completed,
 * withdrawn, rejected) have no due date left to keep.
 */
export async function learnerDueDates(
  db: DataSource | EntityManager,
  employeeId: string,
  window: { from: Date; to: Date },
  limit: number,
): Promise<LearnerDueDate[]> {
  const rows: EnrolmentRow[] = await db.query(
    `${ENROLMENT_SELECT}
      WHERE en.employee_id = $1 AND en.status IN ('active','pending_approval') AND en.due_at IS NOT NULL
        AND en.due_at >= $2 AND en.due_at < $3
      ORDER BY en.due_at, en.id LIMIT $4`,
    [employeeId, window.from, window.to, limit],
  );
  return rows.map((r) => ({
    enrolmentId: r.id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    dueAt: new Date(r.due_at as Date),
    dueTimeZone: (r.due_time_zone ?? 'Asia/Jakarta') as AgencyTimeZone,
    overdue: r.overdue,
    mandatory: r.mandatory,
  }));
}

/** The enrolment status in a course of each of the given employees who has one (for the discussion lib, decision 0039). */
export async function courseEnrolmentStatuses(
  m: EntityManager,
  courseId: string,
  employeeIds: readonly string[],
): Promise<Map<string, EnrolmentStatus>> {
  if (employeeIds.length === 0) return new Map();
  const rows: Array<{ employee_id: string; status: EnrolmentStatus }> = await m.query(
    'SELECT employee_id, status FROM enrolment WHERE course_id = $1 AND employee_id = ANY($2::uuid[])',
    [courseId, employeeIds],
  );
  return new Map(rows.map((r) => [r.employee_id, r.status]));
}
