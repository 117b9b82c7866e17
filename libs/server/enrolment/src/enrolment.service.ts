import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type AssignmentResult,
  OutboxEvent,
  type Enrolment,
  type EnrolmentDetail,
  type EnrolmentStatus,
  type OutlineModule,
  type Page,
  type PendingApproval,
} from '@kompeten/shared-contracts';
import {
  conflict,
  DomainError,
  forbidden,
  invalid,
  notFound,
  recordAudit,
  toPage,
  type PageQueryDto,
  writeOutbox,
} from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import { courseAudience, courseVisibleTo, findCourseFacts, isLive } from '@kompeten/server-learning';
import { AccessScope, AgencyTree, OrganisationService } from '@kompeten/server-organisation';
import type { AssignCourseDto, MyEnrolmentQueryDto } from './dto/enrolment.dto';
import { dueFields, requestedDue } from './due-date';
import { EnrolmentAccess } from './enrolment-access';
import {
  assignLearners,
  countUnmanaged,
  insertSelfEnrolment,
  listLearnerEnrolments,
  listPendingApprovals,
  lockEnrolmentStatus,
  lockForDecision,
  markWithdrawn,
  readEnrolDecision,
  recordDecision,
  reopenEnrolment,
} from './enrolment-store';
import { EnrolmentVersions } from './enrolment-versions';
import { toEnrolment, toPendingApproval } from './enrolment.mapper';
import { loadEnrolmentRow, type EnrolmentRow } from './enrolment-view-store';
import { emptyProgress, toLessonProgress } from './progress-store';

/** Statuses in which a learner holds a place in the course; enrolling again changes nothing. */
const HOLDING: readonly EnrolmentStatus[] = ['pending_approval', 'active', 'completed'];

@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
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
    // (course, learner) pair, or a status moved meanwhile) starts over and sees it. Visibility is the learning lib's
    // rule on the cached agency tree (the scope of this request has just read it), so it costs no statement.
    const tree = await this.agencies.current();
    for (let round = 0; round < 3; round++) {
      const r = await readEnrolDecision(this.db, employeeId, courseId);
      if (!r) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Data ASN Anda tidak aktif');
      if (
        !r.course_id ||
        !isLive({ status: r.course_status, currentVersionId: r.current_version_id }) ||
        !courseVisibleTo({ agencyId: r.course_agency_id, visibility: r.visibility }, r.learner_agency_id, tree)
      ) {
        throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
      }
      const existing = r.existing;
      if (existing && HOLDING.includes(existing.status)) return { enrolment: toEnrolment(existing), created: false };
      if (r.enrolment_mode === 'assigned_only' && existing?.source !== 'assigned') {
        throw forbidden(ErrorCode.ENROLMENT_ASSIGNED_ONLY, 'Pelatihan ini hanya untuk peserta yang ditugaskan');
      }
      if (r.missing.length) {
        throw new DomainError(
          'forbidden',
          ErrorCode.ENROLMENT_PREREQUISITES_NOT_MET,
          'Selesaikan dahulu pelatihan prasyarat',
          { missingCourseIds: r.missing },
        );
      }
      const status: EnrolmentStatus =
        r.enrolment_mode === 'approval' && existing?.source !== 'assigned' ? 'pending_approval' : 'active';
      if (existing) {
        // Again after a withdrawal or rejection: only if nobody moved it meanwhile.
        const row = await reopenEnrolment(this.db, existing.id, status, existing.status);
        if (row) return { enrolment: toEnrolment(row), created: false };
        continue;
      }
      const row = await insertSelfEnrolment(this.db, {
        courseId,
        versionId: r.current_version_id,
        employeeId,
        agencyId: r.learner_agency_id,
        status,
      });
      if (row) return { enrolment: toEnrolment(row), created: true };
      // A concurrent request of the same learner won the insert: the next round answers with its enrolment.
    }
    throw conflict(
      ErrorCode.CONCURRENT_CHANGE,
      'Pendaftaran sedang diubah oleh permintaan lain; kirim ulang permintaan ini',
    );
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
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Hanya pengelola kepegawaian atau admin yang dapat menugaskan pelatihan',
      );
    }
    if (!dto.employeeIds?.length && !dto.unitId && !dto.positionName) {
      throw invalid(ErrorCode.ENROLMENT_NO_TARGETS, 'Pilih peserta: employeeIds, unitId atau positionName');
    }
    return this.db.transaction(async (m) => {
      // A due date is a local day of the agency that sets it: the assigner's (decision 0015).
      const due = requestedDue(dto, await userTimeZone(m, scope.principal.userId));
      const course = await findCourseFacts(m, courseId);
      if (!course || !isLive(course)) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
      const visible = courseAudience(course, await this.agencies.current());
      const managed = managedAgencyIds(scope);
      // A course none of the caller's ASN may see does not exist for it (another agency's agency-only course).
      if (
        !scope.global &&
        !scope.canAdministerAgency(course.agencyId) &&
        visible !== null &&
        !visible.some((a) => managed.includes(a))
      ) {
        throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
      }
      let unitPath: string | null = null;
      if (dto.unitId) {
        const unit = await this.org.findReadableUnit(scope, dto.unitId, m).catch(() => null);
        // The unit must hold ASN the caller manages: inside its scope, or above its HR subtree.
        const overlaps =
          unit &&
          (scope.canManageEmployeesAt(unit.agencyId, unit.path) ||
            scope.hrUnitScopes.some(
              (h) => h.agencyId === unit.agencyId && h.unitPath !== null && h.unitPath.startsWith(unit.path),
            ));
        if (!unit || !overlaps) throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan');
        unitPath = unit.path;
      }

      const namedIds = [...new Set(dto.employeeIds ?? [])];
      // Named ASN the caller does not manage answer exactly as unknown ids: 404, nothing written, nothing revealed.
      if (namedIds.length && (await countUnmanaged(m, scope, namedIds)) > 0)
        throw notFound(ErrorCode.EMPLOYEE_NOT_FOUND, 'Pegawai tidak ditemukan');
      const counts = await assignLearners(m, scope, {
        courseId,
        versionId: course.currentVersionId,
        assignedBy: scope.principal.userId,
        due: due ?? null,
        employeeIds: namedIds,
        unitPath,
        positionName: dto.positionName ?? null,
        audience: visible,
      });
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
          action: 'enrolment.assign',
          entityType: 'course',
          entityId: courseId,
          agencyId: ownsCourse ? course.agencyId : (counts.learner_agency_id ?? managed[0] ?? null),
          touchedAgencyIds: [counts.learner_agency_id],
          after: {
            ...result,
            unitId: dto.unitId ?? null,
            positionName: dto.positionName ?? null,
            namedCount: namedIds.length,
            ...dueFields(due?.at ?? null, due?.zone ?? null),
          },
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
    const { total, rows } = await listLearnerEnrolments(
      this.db,
      employeeId,
      { status: q.status, overdue: q.overdue },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
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
        id: l.id,
        title: l.title,
        kind: l.content.kind,
        required: required.has(l.id),
        progress: progress.get(l.id) ?? emptyProgress(l.id),
      })),
    }));
    const flat = modules.flatMap((mod) => mod.lessons.map((l) => ({ moduleId: mod.id, lesson: l })));
    const next =
      flat.find((x) => x.lesson.required && x.lesson.progress.status !== 'completed') ??
      flat.find((x) => x.lesson.progress.status !== 'completed');
    return {
      ...toEnrolment(row),
      modules,
      resume: next ? { moduleId: next.moduleId, lessonId: next.lesson.id } : null,
    };
  }

  // ---- withdrawal and approval -------------------------------------------------------------

  async withdraw(scope: AccessScope, id: string): Promise<Enrolment> {
    return this.db.transaction(async (m) => {
      const row = await this.access.own(m, scope, id);
      const locked = await lockEnrolmentStatus(m, id);
      if (locked === 'withdrawn') return toEnrolment(row);
      if (locked === 'completed')
        throw conflict(ErrorCode.ENROLMENT_ALREADY_COMPLETED, 'Pelatihan yang sudah selesai tidak dapat dibatalkan');
      if (locked === 'rejected') throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini sudah ditolak');
      // A mandatory assignment (decision 0025) binds the learner: only its assigner can change it.
      if (row.mandatory)
        throw forbidden(
          ErrorCode.ENROLMENT_MANDATORY,
          'Pelatihan ini wajib: Anda ditugaskan mengikutinya dan tidak dapat mengundurkan diri',
        );
      await markWithdrawn(m, id);
      return this.view(m, id);
    });
  }

  /** Enrolments waiting for the caller: its direct reports (atasan langsung), and for admins their agencies' learners. */
  async listApprovals(scope: AccessScope, q: PageQueryDto): Promise<Page<PendingApproval>> {
    // As for approving (issue 12): being named someone's supervisor is not enough; the supervisor role must be held in their agency.
    const supervisorAgencies = [
      ...new Set(scope.principal.roles.filter((r) => r.role === 'supervisor').map((r) => r.agencyId)),
    ];
    const { total, rows } = await listPendingApprovals(
      this.db,
      {
        all: scope.global,
        adminAgencyIds: [...scope.adminAgencyIds],
        supervisor:
          scope.principal.employeeId && supervisorAgencies.length
            ? { employeeId: scope.principal.employeeId, agencyIds: supervisorAgencies }
            : null,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return toPage(rows.map(toPendingApproval), total, q);
  }

  /** Approves or rejects a pending enrolment (the learner's supervisor, or an admin of the learner's agency). Repeating the same decision is harmless. */
  async decide(
    scope: AccessScope,
    id: string,
    decision: 'approve' | 'reject',
    reason: string | null = null,
  ): Promise<Enrolment> {
    return this.db.transaction(async (m) => {
      const row = await lockForDecision(m, id);
      // The learner's supervisor AND a holder of the supervisor role where the learner works (issue 12): being named
      // someone's supervisor on their record is not enough.
      const supervises =
        !!row &&
        !!scope.principal.employeeId &&
        row.supervisor_id === scope.principal.employeeId &&
        scope.holdsSupervisorRoleFor(row.employee_agency_id, row.unit_path);
      if (!row || !(supervises || scope.canAdministerAgency(row.agency_id)))
        throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, 'Pendaftaran tidak ditemukan');
      const target: EnrolmentStatus = decision === 'approve' ? 'active' : 'rejected';
      if (row.status === target) return this.view(m, id);
      if (row.status !== 'pending_approval')
        throw conflict(ErrorCode.ENROLMENT_NOT_PENDING, 'Pendaftaran ini tidak sedang menunggu persetujuan');
      await recordDecision(m, id, target, scope.principal.userId, decision === 'reject' ? reason : null);
      // The learner is told by the worker (notifications); one event per decision, since a rejected learner may ask again.
      const decisionId = randomUUID();
      await writeOutbox(m, OutboxEvent.EnrolmentDecided, decisionId, {
        enrolmentId: id,
        decisionId,
        outcome: decision === 'approve' ? 'approved' : 'rejected',
      });
      await recordAudit(m, this.actor(scope), {
        action: `enrolment.${decision}`,
        entityType: 'enrolment',
        entityId: id,
        agencyId: row.agency_id,
        before: { status: row.status },
        after: { status: target, ...(decision === 'reject' && reason ? { reason } : {}) },
      });
      return this.view(m, id);
    });
  }
}

/** Agencies whose ASN the caller manages in whole or in part (admin agencies, HR officer agencies). */
function managedAgencyIds(scope: AccessScope): string[] {
  return [...new Set([...scope.adminAgencyIds, ...scope.hrUnitScopes.map((h) => h.agencyId)])];
}
