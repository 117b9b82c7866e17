import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode, type AssignmentResult, type Enrolment, type EnrolmentDetail, type EnrolmentStatus, type OutlineModule, type Page, type PendingApproval,
} from '@kompeten/shared-contracts';
import { conflict, DomainError, forbidden, invalid, notFound, preparedQuery, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import { AccessScope, OrganisationService } from '@kompeten/server-organisation';
import { isLive, loadCourse, PROVINCE_TREE_CTES, visibleAgencyIds, type CourseRow } from './course-access';
import type { AssignCourseDto, MyEnrolmentQueryDto } from './dto/enrolment.dto';
import { dueFields, overdueFilterSql, requestedDue } from './due-date';
import { EnrolmentAccess } from './enrolment-access';
import { ENROLMENT_SELECT, enrolmentViewOf, loadEnrolmentRow, toEnrolment, toPendingApproval, type EnrolmentRow } from './enrolment.mapper';
import { emptyProgress, toLessonProgress } from './progress-store';
import { VersionSnapshots } from './version-snapshots';

/** Statuses in which a learner holds a place in the course; enrolling again changes nothing. */
const HOLDING: readonly EnrolmentStatus[] = ['pending_approval', 'active', 'completed'];

@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(VersionSnapshots) private readonly versions: VersionSnapshots,
  ) {}

  private actor(scope: AccessScope) {
    return { userId: scope.principal.userId, correlationId: scope.principal.correlationId };
  }

  // ---- self-enrolment ----------------------------------------------------------------------

  /**
   * Self-enrolment. Open courses start at once; `approval` courses wait for the supervisor; `assigned_only` refuses.
   * Repeating it returns the same enrolment (created: false); after a withdrawal or rejection it asks again.
   */
  async enrol(scope: AccessScope, courseId: string): Promise<{ enrolment: Enrolment; created: boolean }> {
    const employeeId = scope.principal.employeeId;
    if (!employeeId) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya ASN yang dapat mendaftar pelatihan');
    // No transaction held across round trips: one statement reads everything the decision needs, one writes it (and
    // answers the view from RETURNING). A write that finds the row changed by a concurrent request (the unique
    // (course, learner) pair, or a status moved meanwhile) starts over and sees it.
    for (let round = 0; round < 3; round++) {
      const [r]: Array<{
        learner_agency_id: string; course_id: string | null; course_agency_id: string; enrolment_mode: CourseRow['enrolmentMode']; course_status: string;
        current_version_id: string | null; visible: boolean | null; existing: EnrolmentRow | null; missing: string[];
      }> = await preparedQuery(
        this.db,
        `WITH RECURSIVE c AS (
           SELECT id, agency_id, visibility, enrolment_mode, coalesce(prerequisite_course_ids, '{}') AS prerequisite_course_ids, status, current_version_id
             FROM course WHERE id = $2
         ), ${PROVINCE_TREE_CTES}
         SELECT e.agency_id AS learner_agency_id, c.id AS course_id, c.agency_id AS course_agency_id, c.enrolment_mode, c.status AS course_status,
                c.current_version_id,
                CASE c.visibility WHEN 'national' THEN true WHEN 'agency' THEN c.agency_id = e.agency_id ELSE e.agency_id IN (SELECT id FROM down) END AS visible,
                (SELECT row_to_json(x) FROM (${ENROLMENT_SELECT} WHERE en.course_id = $2 AND en.employee_id = $1) x) AS existing,
                ARRAY(SELECT p.id::text FROM unnest(c.prerequisite_course_ids) AS p(id)
                       WHERE NOT EXISTS (SELECT 1 FROM course_completion cc WHERE cc.course_id = p.id AND cc.employee_id = $1)) AS missing
           FROM employee e LEFT JOIN c ON true
          WHERE e.id = $1 AND e.active`,
        [employeeId, courseId],
      );
      if (!r) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Data ASN Anda tidak aktif');
      if (!r.course_id || !isLive({ status: r.course_status, currentVersionId: r.current_version_id }) || !r.visible) {
        throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
      }
      const existing = r.existing;
      if (existing && HOLDING.includes(existing.status)) return { enrolment: toEnrolment(existing), created: false };
      if (r.enrolment_mode === 'assigned_only' && existing?.source !== 'assigned') {
        throw forbidden(ErrorCode.ENROLMENT_ASSIGNED_ONLY, 'Pelatihan ini hanya untuk peserta yang ditugaskan');
      }
      if (r.missing.length) {
        throw new DomainError('forbidden', ErrorCode.ENROLMENT_PREREQUISITES_NOT_MET, 'Selesaikan dahulu pelatihan prasyarat', { missingCourseIds: r.missing });
      }
      const status: EnrolmentStatus = r.enrolment_mode === 'approval' && existing?.source !== 'assigned' ? 'pending_approval' : 'active';
      if (existing) {
        // Again after a withdrawal or rejection: only if nobody moved it meanwhile.
        const [row] = await preparedQuery<EnrolmentRow>(
        this.db,
          `WITH en AS (
             UPDATE enrolment SET status = $2, decided_by = NULL, decided_at = NULL, updated_at = now() WHERE id = $1 AND status = $3 RETURNING *
           ) ${enrolmentViewOf('en')}`,
          [existing.id, status, existing.status],
        );
        if (row) return { enrolment: toEnrolment(row), created: false };
        continue;
      }
      const [row] = await preparedQuery<EnrolmentRow>(
        this.db,
        `WITH en AS (
           INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status)
           VALUES ($1, $2, $3, $4, 'self', $5)
           ON CONFLICT (course_id, employee_id) DO NOTHING RETURNING *
         ) ${enrolmentViewOf('en')}`,
        [courseId, r.current_version_id, employeeId, r.learner_agency_id, status],
      );
      if (row) return { enrolment: toEnrolment(row), created: true };
      // A concurrent request of the same learner won the insert: the next round answers with its enrolment.
    }
    throw conflict(ErrorCode.CONCURRENT_CHANGE, 'Pendaftaran sedang diubah oleh permintaan lain; kirim ulang permintaan ini');
  }

  private async view(m: EntityManager, id: string): Promise<Enrolment> {
    return toEnrolment((await loadEnrolmentRow(m, id)) as EnrolmentRow);
  }

  // ---- assignment --------------------------------------------------------------------------

  /**
   * Assigns a course to named ASN, a unit subtree and/or a position, within the caller's scope (agency admin: its
   * agencies; HR officer: its unit subtree), in one INSERT … SELECT … ON CONFLICT DO NOTHING: a few thousand learners
   * are one statement. Every id in the body is resolved through the caller's scope as path ids are (issue 12): a
   * course it cannot assign, a named ASN or a unit it does not manage answers 404 and writes nothing. Members of a
   * unit outside the caller's subtree, inactive ASN and ASN who may not see the course are skipped.
   */
  async assign(scope: AccessScope, courseId: string, dto: AssignCourseDto): Promise<AssignmentResult> {
    if (!scope.global && scope.adminAgencyIds.size === 0 && scope.hrUnitScopes.length === 0) {
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya pengelola kepegawaian atau admin yang dapat menugaskan pelatihan');
    }
    if (!dto.employeeIds?.length && !dto.unitId && !dto.positionName) {
      throw invalid(ErrorCode.ENROLMENT_NO_TARGETS, 'Pilih peserta: employeeIds, unitId atau positionName');
    }
    return this.db.transaction(async (m) => {
      // A due date is a local day of the agency that sets it: the assigner's (decision 0015).
      const due = requestedDue(dto, await userTimeZone(m, scope.principal.userId));
      const course = await loadCourse(m, courseId);
      if (!course || !isLive(course)) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
      const visible = await visibleAgencyIds(m, course);
      const managed = managedAgencyIds(scope);
      // A course none of the caller's ASN may see does not exist for it (another agency's agency-only course).
      if (!scope.global && !scope.canAdministerAgency(course.agencyId) && visible !== null && !visible.some((a) => managed.includes(a))) {
        throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
      }
      let unitPath: string | null = null;
      if (dto.unitId) {
        const unit = await this.org.findReadableUnit(scope, dto.unitId, m).catch(() => null);
        // The unit must hold ASN the caller manages: inside its scope, or above its HR subtree.
        const overlaps = unit && (scope.canManageEmployeesAt(unit.agencyId, unit.path)
          || scope.hrUnitScopes.some((h) => h.agencyId === unit.agencyId && h.unitPath !== null && h.unitPath.startsWith(unit.path)));
        if (!unit || !overlaps) throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan');
        unitPath = unit.path;
      }

      const params: unknown[] = [];
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const namedIds = [...new Set(dto.employeeIds ?? [])];
      if (namedIds.length) {
        const inScope = manageableSql(scope, p);
        // Named ASN the caller does not manage answer exactly as unknown ids: 404, nothing written, nothing revealed.
        const [{ n }] = await m.query(
          `SELECT count(*)::int AS n FROM unnest(${p(namedIds)}::uuid[]) AS x(id)
             LEFT JOIN employee e ON e.id = x.id LEFT JOIN work_unit u ON u.id = e.unit_id
            WHERE e.id IS NULL OR NOT ${inScope}`,
          params,
        );
        if (n > 0) throw notFound(ErrorCode.EMPLOYEE_NOT_FOUND, 'Pegawai tidak ditemukan');
        params.length = 0;
      }
      const inScopeSql = manageableSql(scope, p);
      const filters: string[] = [];
      if (unitPath) filters.push(`u.path LIKE ${p(`${unitPath}%`)}`);
      if (dto.positionName) filters.push(`lower(e.position_name) = lower(${p(dto.positionName)})`);
      // A position alone selects within the caller's scope; a unit selects the unit (out-of-scope members are skipped).
      if (dto.positionName && !unitPath) filters.push(inScopeSql);
      const chosen = [
        ...(namedIds.length ? [`e.id = ANY(${p(namedIds)}::uuid[])`] : []),
        ...(filters.length ? [`(${filters.join(' AND ')})`] : []),
      ].join(' OR ');
      const visibleSql = visible === null ? 'TRUE' : `e.agency_id = ANY(${p(visible)}::uuid[])`;
      const [counts] = await m.query(
        `WITH candidate AS (
            SELECT e.id, e.agency_id, (e.active AND ${inScopeSql} AND ${visibleSql}) AS ok
              FROM employee e LEFT JOIN work_unit u ON u.id = e.unit_id
             WHERE ${chosen}
         ), inserted AS (
            INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, assigned_by, due_at, due_time_zone, status)
            SELECT ${p(courseId)}, ${p(course.currentVersionId)}, c.id, c.agency_id, 'assigned', ${p(scope.principal.userId)},
                   ${p(due?.at.toISOString() ?? null)}::timestamptz, ${p(due?.zone ?? null)}::text, 'active'
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
      const result: AssignmentResult = {
        enrolled: counts.enrolled,
        alreadyEnrolled: counts.in_scope - counts.enrolled,
        skippedOutOfScope: counts.candidates - counts.in_scope,
      };
      // Nothing in the caller's scope: nothing happened, nothing is logged. Otherwise the entry goes to the log of the
      // learners' agency, the caller's own tenant (never that of another agency whose national course was assigned).
      if (counts.in_scope > 0) {
        const ownsCourse = scope.global || managed.includes(course.agencyId);
        await recordAudit(m, this.actor(scope), {
          action: 'enrolment.assign', entityType: 'course', entityId: courseId,
          agencyId: ownsCourse ? course.agencyId : (counts.learner_agency_id ?? managed[0] ?? null),
          after: { ...result, unitId: dto.unitId ?? null, positionName: dto.positionName ?? null, namedCount: namedIds.length, ...dueFields(due?.at ?? null, due?.zone ?? null) },
        });
      }
      return result;
    });
  }

  // ---- reading -----------------------------------------------------------------------------

  /** "My learning": the caller's enrolments, active and pending first, then by due date and latest activity. */
  async listMine(scope: AccessScope, q: MyEnrolmentQueryDto): Promise<Page<Enrolment>> {
    const employeeId = scope.principal.employeeId;
    if (!employeeId) return toPage([], 0, q);
    const where = ['en.employee_id = $1'];
    const params: unknown[] = [employeeId];
    if (q.status) {
      params.push(q.status);
      where.push(`en.status = $${params.length}`);
    }
    if (q.overdue !== undefined) where.push(overdueFilterSql('en', q.overdue));
    const cond = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM enrolment en WHERE ${cond}`, params);
    const rows = await this.db.query(
      `${ENROLMENT_SELECT} WHERE ${cond}
       ORDER BY CASE en.status WHEN 'active' THEN 0 WHEN 'pending_approval' THEN 1 WHEN 'completed' THEN 2 ELSE 3 END,
                en.due_at ASC NULLS LAST, coalesce(en.last_activity_at, en.created_at) DESC, en.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return toPage(rows.map(toEnrolment), total, q);
  }

  /** The version's outline with the learner's progress per lesson and where to resume. */
  async detail(scope: AccessScope, id: string): Promise<EnrolmentDetail> {
    const m = this.db.manager;
    const { row } = await this.access.readable(m, scope, id);
    const version = await this.versions.get(m, row.course_version_id);
    const progress = new Map(row.progress.map((r) => [r.lesson_id, toLessonProgress(r)]));
    const required = version.requiredLessonIds;
    const modules: OutlineModule[] = (version.snapshot.modules ?? []).map((mod) => ({
      id: mod.id,
      title: mod.title,
      lessons: (mod.lessons ?? []).map((l) => ({
        id: l.id, title: l.title, kind: l.content.kind, required: required.has(l.id), progress: progress.get(l.id) ?? emptyProgress(l.id),
      })),
    }));
    const flat = modules.flatMap((mod) => mod.lessons.map((l) => ({ moduleId: mod.id, lesson: l })));
    const next = flat.find((x) => x.lesson.required && x.lesson.progress.status !== 'completed') ?? flat.find((x) => x.lesson.progress.status !== 'completed');
    return { ...toEnrolment(row), modules, resume: next ? { moduleId: next.moduleId, lessonId: next.lesson.id } : null };
  }

  // ---- withdrawal and approval -------------------------------------------------------------

  async withdraw(scope: AccessScope, id: string): Promise<Enrolment> {
    return this.db.transaction(async (m) => {
      const row = await this.access.own(m, scope, id);
      const [locked] = await m.query(`SELECT status FROM enrolment WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.status === 'withdrawn') return toEnrolment(row);
      if (locked.status === 'completed') throw conflict(ErrorCode.ENROLMENT_ALREADY_COMPLETED, 'Pelatihan yang sudah selesai tidak dapat dibatalkan');
      if (locked.status === 'rejected') throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini sudah ditolak');
      await m.query(`UPDATE enrolment SET status = 'withdrawn', updated_at = now() WHERE id = $1`, [id]);
      return this.view(m, id);
    });
  }

  /** Enrolments waiting for the caller: its direct reports (atasan langsung), and for admins their agencies' learners. */
  async listApprovals(scope: AccessScope, q: PageQueryDto): Promise<Page<PendingApproval>> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const who: string[] = [];
    if (scope.global) who.push('TRUE');
    if (scope.adminAgencyIds.size) who.push(`en.agency_id = ANY(${p([...scope.adminAgencyIds])}::uuid[])`);
    // As for approving (issue 12): being named someone's supervisor is not enough; the supervisor role must be held in their agency.
    const supervisorAgencies = [...new Set(scope.principal.roles.filter((r) => r.role === 'supervisor').map((r) => r.agencyId))];
    if (scope.principal.employeeId && supervisorAgencies.length) {
      who.push(`(e.supervisor_id = ${p(scope.principal.employeeId)} AND e.agency_id = ANY(${p(supervisorAgencies)}::uuid[]))`);
    }
    if (!who.length) return toPage([], 0, q);
    const from = `FROM enrolment en JOIN employee e ON e.id = en.employee_id WHERE en.status = 'pending_approval' AND (${who.join(' OR ')})`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.db.query(
      `SELECT x.*, e.full_name, e.front_title, e.back_title, e.nip, u.name AS unit_name
         FROM (${ENROLMENT_SELECT} WHERE en.id IN (SELECT en.id ${from} ORDER BY en.created_at, en.id LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)})) x
         JOIN employee e ON e.id = x.employee_id LEFT JOIN work_unit u ON u.id = e.unit_id
        ORDER BY x.created_at, x.id`,
      params,
    );
    return toPage(rows.map(toPendingApproval), total, q);
  }

  /** Approves or rejects a pending enrolment (the learner's supervisor, or an admin of the learner's agency). Repeating the same decision is harmless. */
  async decide(scope: AccessScope, id: string, decision: 'approve' | 'reject'): Promise<Enrolment> {
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT en.id, en.status, en.agency_id, e.supervisor_id, e.agency_id AS employee_agency_id, u.path AS unit_path
           FROM enrolment en JOIN employee e ON e.id = en.employee_id LEFT JOIN work_unit u ON u.id = e.unit_id
          WHERE en.id = $1 FOR UPDATE OF en`,
        [id],
      );
      // The learner's supervisor AND a holder of the supervisor role where the learner works (issue 12): being named
      // someone's supervisor on their record is not enough.
      const supervises = !!row && !!scope.principal.employeeId && row.supervisor_id === scope.principal.employeeId && scope.holdsSupervisorRoleFor(row.employee_agency_id, row.unit_path);
      if (!row || !(supervises || scope.canAdministerAgency(row.agency_id))) throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, 'Pendaftaran tidak ditemukan');
      const target: EnrolmentStatus = decision === 'approve' ? 'active' : 'rejected';
      if (row.status === target) return this.view(m, id);
      if (row.status !== 'pending_approval') throw conflict(ErrorCode.ENROLMENT_NOT_PENDING, 'Pendaftaran ini tidak sedang menunggu persetujuan');
      await m.query(`UPDATE enrolment SET status = $2, decided_by = $3, decided_at = now(), updated_at = now() WHERE id = $1`, [id, target, scope.principal.userId]);
      await recordAudit(m, this.actor(scope), { action: `enrolment.${decision}`, entityType: 'enrolment', entityId: id, agencyId: row.agency_id, before: { status: row.status }, after: { status: target } });
      return this.view(m, id);
    });
  }
}

/** Employees (alias e, unit alias u) the caller may assign: its administered agencies and HR unit subtrees. */
/** Agencies whose ASN the caller manages in whole or in part (admin agencies, HR officer agencies). */
function managedAgencyIds(scope: AccessScope): string[] {
  return [...new Set([...scope.adminAgencyIds, ...scope.hrUnitScopes.map((h) => h.agencyId)])];
}

function manageableSql(scope: AccessScope, p: (v: unknown) => string): string {
  if (scope.global) return 'TRUE';
  const parts: string[] = [];
  if (scope.adminAgencyIds.size) parts.push(`e.agency_id = ANY(${p([...scope.adminAgencyIds])}::uuid[])`);
  for (const s of scope.hrUnitScopes) {
    parts.push(s.unitPath ? `(e.agency_id = ${p(s.agencyId)} AND u.path LIKE ${p(`${s.unitPath}%`)})` : `e.agency_id = ${p(s.agencyId)}`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
