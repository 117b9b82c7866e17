import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type AudienceAssignment,
  type AudienceAssignmentResult,
  type AudiencePreview,
  type Page,
} from '@kompeten/shared-contracts';
import { forbidden, invalid, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import { courseAudience, findCourseFacts, isLive } from '@kompeten/server-learning';
import { AccessScope, AgencyTree, OrganisationService } from '@kompeten/server-organisation';
import { displayName, parseDateTimeWithOffset } from '@kompeten/shared-util';
import {
  applyAudienceAssignments,
  endAudienceAssignment,
  findSameLiveAssignment,
  listAudienceAssignments,
  lockAudienceAssignment,
  lockCourseAssignments,
  previewAudience,
  readAudienceAssignment,
  type AudienceAssignmentRow,
  type AudienceSpec,
} from './audience-store';
import type { AudienceTargetDto, CreateAudienceAssignmentDto } from './dto/audience.dto';
import { dueFields, requestedDue } from './due-date';
import { AudienceAssignmentEntity } from './entities/audience-assignment.entity';

/**
 * Live audience assignments (decision 0025): a course assigned to a work unit (with its sub-units) or a position in an
 * agency. The preview counts who it reaches before the caller confirms; creating it enrols them at once with the same
 * SQL condition (audience-store.ts), and enrolment's jobs enrol people who join later until it ends.
 */
@Injectable()
export class AudienceService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
  ) {}

  /**
   * The audience resolved against the caller's scope: a unit the caller manages in whole (agency admin, or an HR
   * officer whose subtree holds it), or a position in an agency it administers, and a live course that ASN of that
   * agency may see. Anything else answers 404 exactly as an unknown id.
   */
  private async resolve(m: EntityManager, scope: AccessScope, courseId: string, t: AudienceTargetDto) {
    if (!scope.global && scope.adminAgencyIds.size === 0 && scope.hrUnitScopes.length === 0)
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Hanya pengelola kepegawaian atau admin yang dapat menugaskan pelatihan',
      );
    let spec: AudienceSpec;
    if (t.kind === 'unit') {
      if (!t.unitId || t.positionName || t.agencyId)
        throw invalid(
          ErrorCode.ENROLMENT_INVALID_AUDIENCE,
          'Sasaran unit kerja: kirim unitId saja (tanpa positionName/agencyId)',
        );
      const unit = await this.org.findReadableUnit(scope, t.unitId, m).catch(() => null);
      if (!unit || !scope.canManageEmployeesAt(unit.agencyId, unit.path))
        throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan');
      spec = {
        agencyId: unit.agencyId,
        kind: 'unit',
        unitId: unit.id,
        unitPath: unit.path,
        includeSubUnits: t.includeSubUnits ?? true,
        positionName: null,
      };
    } else {
      if (!t.positionName || !t.agencyId || t.unitId)
        throw invalid(
          ErrorCode.ENROLMENT_INVALID_AUDIENCE,
          'Sasaran jabatan: kirim positionName dan agencyId (tanpa unitId)',
        );
      if (!scope.canAdministerAgency(t.agencyId))
        throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      spec = {
        agencyId: t.agencyId,
        kind: 'position',
        unitId: null,
        unitPath: null,
        includeSubUnits: false,
        positionName: t.positionName,
      };
    }
    const course = await findCourseFacts(m, courseId);
    if (!course || !isLive(course)) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
    const visible = courseAudience(course, await this.agencies.current());
    // A course the audience's agency may not see does not exist for this assignment (another agency's own course).
    if (visible !== null && !visible.includes(spec.agencyId))
      throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
    return { spec, course };
  }

  async preview(scope: AccessScope, courseId: string, t: AudienceTargetDto): Promise<AudiencePreview> {
    const m = this.db.manager;
    const { spec } = await this.resolve(m, scope, courseId, t);
    const row = await previewAudience(m, courseId, spec);
    return {
      reach: row.reach,
      newEnrolments: row.new_enrolments,
      alreadyEnrolled: row.reach - row.new_enrolments,
      sample: row.sample.map((s) => ({
        employeeId: s.id,
        name: displayName(s.full_name, s.front_title, s.back_title),
        nip: s.nip,
        unitName: s.unit_name,
      })),
    };
  }

  /**
   * Creates the assignment and enrols its members now (one statement). Repeating the same request (same audience, due
   * rule, flag and period, still live) answers the existing assignment with created: false and enrols nobody twice.
   */
  async create(
    scope: AccessScope,
    courseId: string,
    dto: CreateAudienceAssignmentDto,
  ): Promise<AudienceAssignmentResult> {
    if (dto.dueDate !== undefined && dto.dueDays !== undefined)
      throw invalid(ErrorCode.VALIDATION_FAILED, 'Kirim salah satu saja: dueDate (tanggal) atau dueDays (jumlah hari)');
    const startsAt = dto.startsAt ? instant(dto.startsAt) : null;
    const endsAt = dto.endsAt ? instant(dto.endsAt) : null;
    if (endsAt && endsAt <= (startsAt ?? new Date()))
      throw invalid(ErrorCode.VALIDATION_FAILED, 'endsAt harus setelah startsAt (dan setelah sekarang)');
    return this.db.transaction(async (m) => {
      const { spec, course } = await this.resolve(m, scope, courseId, dto.audience);
      const zone = await userTimeZone(m, scope.principal.userId);
      const due = requestedDue({ dueDate: dto.dueDate }, zone);
      const fields = {
        ...spec,
        mandatory: dto.mandatory ?? false,
        dueAt: due?.at ?? null,
        dueDays: dto.dueDays ?? null,
        startsAt,
        endsAt,
      };
      await lockCourseAssignments(m, courseId);
      const existing = await findSameLiveAssignment(m, courseId, fields);
      if (existing) return { assignment: await this.view(m, existing), created: false, enrolled: 0 };
      const saved = await m.getRepository(AudienceAssignmentEntity).save({
        courseId,
        agencyId: spec.agencyId,
        kind: spec.kind,
        unitId: spec.unitId,
        includeSubUnits: spec.includeSubUnits,
        positionName: spec.positionName,
        mandatory: fields.mandatory,
        dueAt: fields.dueAt,
        dueDays: fields.dueDays,
        dueTimeZone: fields.dueAt || fields.dueDays ? zone : null,
        ...(startsAt ? { startsAt } : {}),
        endsAt,
        createdBy: scope.principal.userId,
      });
      const enrolled = await applyAudienceAssignments(m, { assignmentId: saved.id });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'enrolment.audience-assign',
          entityType: 'course',
          entityId: courseId,
          agencyId: spec.agencyId,
          after: {
            assignmentId: saved.id,
            courseAgencyId: course.agencyId,
            kind: spec.kind,
            unitId: spec.unitId,
            includeSubUnits: spec.includeSubUnits,
            positionName: spec.positionName,
            mandatory: fields.mandatory,
            dueDays: fields.dueDays,
            ...dueFields(fields.dueAt, fields.dueAt ? zone : null),
            enrolled,
          },
        },
      );
      return { assignment: await this.view(m, saved.id), created: true, enrolled };
    });
  }

  async list(scope: AccessScope, courseId: string, q: PageQueryDto): Promise<Page<AudienceAssignment>> {
    const { total, rows } = await listAudienceAssignments(this.db.manager, scope, courseId, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(rows.map(toAudienceAssignment), total, q);
  }

  /** Ends the assignment now (idempotent): nobody new is enrolled by it; enrolments it made stay. */
  async end(scope: AccessScope, id: string): Promise<AudienceAssignment> {
    return this.db.transaction(async (m) => {
      const row = await lockAudienceAssignment(m, id);
      if (!row || !scope.canManageEmployeesAt(row.agency_id, row.unit_path))
        throw notFound(ErrorCode.ENROLMENT_AUDIENCE_NOT_FOUND, 'Penugasan tidak ditemukan');
      if (row.live) {
        await endAudienceAssignment(m, id);
        await recordAudit(
          m,
          { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
          {
            action: 'enrolment.audience-end',
            entityType: 'course',
            entityId: row.course_id,
            agencyId: row.agency_id,
            after: { assignmentId: id },
          },
        );
      }
      return this.view(m, id);
    });
  }

  private async view(m: EntityManager, id: string): Promise<AudienceAssignment> {
    return toAudienceAssignment((await readAudienceAssignment(m, id)) as AudienceAssignmentRow);
  }
}

function instant(s: string): Date {
  const parsed = parseDateTimeWithOffset(s);
  if (!parsed.ok)
    throw invalid(
      ErrorCode.VALIDATION_FAILED,
      'Tanggal-waktu harus ISO 8601 dengan offset, mis. 2027-01-01T00:00:00+08:00',
    );
  return parsed.instant;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toAudienceAssignment(r: AudienceAssignmentRow): AudienceAssignment {
  return {
    id: r.id,
    courseId: r.course_id,
    agencyId: r.agency_id,
    kind: r.kind,
    unitId: r.unit_id,
    unitName: r.unit_name,
    includeSubUnits: r.include_sub_units,
    positionName: r.position_name,
    mandatory: r.mandatory,
    ...dueFields(r.due_at, r.due_at ? r.due_time_zone : null),
    dueDays: r.due_days,
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: iso(r.ends_at),
    live: r.live,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    enrolledCount: r.enrolled_count,
  };
}
