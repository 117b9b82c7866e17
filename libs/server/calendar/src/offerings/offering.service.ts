import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type AgencyTimeZone,
  type Page,
  type TrainingClass,
  type TrainingOffering,
} from '@kompeten/shared-contracts';
import { forbidden, invalid, notFound, recordAudit, toPage } from '@kompeten/server-core';
import { employeeAgencyId } from '@kompeten/server-identity';
import { findCourseFacts, isLive } from '@kompeten/server-learning';
import { AgencyTree, findAgencyFacts, type AccessScope } from '@kompeten/server-organisation';
import type { ClassQueryDto, CreateClassDto, CreateOfferingDto } from '../dto/calendar.dto';
import { quotaProblem, sessionsOf } from '../registration/registration-rules';
import { resolveSpeakers } from './speakers';
import {
  findClass,
  findOffering,
  insertClass,
  insertOffering,
  listClasses,
  listOfferings,
  type ClassRow,
  type OfferingRow,
} from './offering-store';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toOffering(r: OfferingRow): TrainingOffering {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    title: r.title,
    description: r.description,
    jenisDiklatId: r.jenis_diklat_id,
    jp: Number(r.jp),
    competencyKind: r.competency_kind,
    courseId: r.course_id,
    classCount: r.class_count,
    createdAt: iso(r.created_at) as string,
  };
}

export function toClass(r: ClassRow): TrainingClass {
  return {
    id: r.id,
    offeringId: r.offering_id,
    offeringTitle: r.offering_title,
    agencyId: r.agency_id,
    name: r.name,
    timeZone: r.time_zone as AgencyTimeZone,
    startDate: r.start_date,
    endDate: r.end_date,
    schedule: r.schedule,
    mode: r.mode,
    venue: r.venue,
    meetingUrl: r.meeting_url,
    speakers: r.speakers,
    seats: r.seats,
    taken: r.taken,
    waiting: Number(r.waitlist_seq) - Number(r.waitlist_gone),
    registrationOpensAt: iso(r.registration_opens_at) as string,
    registrationClosesAt: iso(r.registration_closes_at) as string,
    cancellationDeadline: iso(r.cancellation_deadline) as string,
    requiresApproval: r.requires_approval,
    waitlist: r.waitlist,
    quotaReleaseAt: iso(r.quota_release_at),
    quotas: r.quotas.map((q) => ({ agencyId: q.agency_id, agencyName: q.agency_name, seats: q.seats, taken: q.taken })),
    jp: Number(r.jp),
    jenisDiklatId: r.jenis_diklat_id,
    competencyKind: r.competency_kind,
    status: r.status,
    sequence: r.sequence,
    updatedAt: iso(r.updated_at) as string,
    cancelledAt: iso(r.cancelled_at),
    cancellationReason: r.cancellation_reason,
  };
}

/** Offerings and their classes: created by admins of the organising agency, listed for admins and learners. */
@Injectable()
export class OfferingService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
  ) {}

  private actor(scope: AccessScope) {
    return { userId: scope.principal.userId, correlationId: scope.principal.correlationId };
  }

  async createOffering(scope: AccessScope, dto: CreateOfferingDto): Promise<TrainingOffering> {
    if (!scope.canAdministerAgency(dto.agencyId))
      throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    return this.db.transaction(async (m) => {
      // A platform admin administers every agency, including ids that name none: those are a 404 too.
      if (!(await findAgencyFacts(m, dto.agencyId)))
        throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      if (dto.courseId) {
        const course = await findCourseFacts(m, dto.courseId);
        if (!course || !isLive(course))
          throw notFound(ErrorCode.CALENDAR_COURSE_NOT_FOUND, 'Pelatihan e-learning yang ditautkan tidak ditemukan');
      }
      const id = await insertOffering(m, {
        agencyId: dto.agencyId,
        title: dto.title,
        description: dto.description ?? null,
        jenisDiklatId: dto.jenisDiklatId,
        jp: dto.jp,
        competencyKind: dto.competencyKind,
        courseId: dto.courseId ?? null,
        createdBy: scope.principal.userId,
      });
      await recordAudit(m, this.actor(scope), {
        action: 'calendar.offering.create',
        entityType: 'training_offering',
        entityId: id,
        agencyId: dto.agencyId,
        after: { title: dto.title, jp: dto.jp, jenisDiklatId: dto.jenisDiklatId },
      });
      return toOffering((await findOffering(m, id)) as OfferingRow);
    });
  }

  private administered(scope: AccessScope): string[] | null {
    if (scope.global) return null;
    if (!scope.adminAgencyIds.size)
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya admin instansi yang dapat melihat ini');
    return [...scope.adminAgencyIds];
  }

  async listOfferings(scope: AccessScope, q: { page: number; pageSize: number }): Promise<Page<TrainingOffering>> {
    const { total, rows } = await listOfferings(this.db, this.administered(scope), {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(rows.map(toOffering), total, { page: q.page, pageSize: q.pageSize });
  }

  async getOffering(scope: AccessScope, id: string): Promise<TrainingOffering> {
    const row = await findOffering(this.db, id);
    if (!row || !scope.canAdministerAgency(row.agency_id))
      throw notFound(ErrorCode.CALENDAR_OFFERING_NOT_FOUND, 'Pelatihan tidak ditemukan');
    return toOffering(row);
  }

  async createClass(scope: AccessScope, offeringId: string, dto: CreateClassDto): Promise<TrainingClass> {
    const offering = await findOffering(this.db, offeringId);
    if (!offering || !scope.canAdministerAgency(offering.agency_id))
      throw notFound(ErrorCode.CALENDAR_OFFERING_NOT_FOUND, 'Pelatihan tidak ditemukan');
    const tree = await this.agencies.current();
    const zone = tree.timeZoneOf(offering.agency_id) ?? 'Asia/Jakarta';
    const bad = (message: string) => invalid(ErrorCode.CALENDAR_INVALID_CLASS, message);
    const s = sessionsOf(dto.schedule, zone);
    if ('problem' in s) throw bad(s.problem);
    const seats = dto.seats ?? null;
    const quotas = dto.quotas ?? [];
    const problem = quotaProblem(seats, quotas);
    if (problem) throw bad(problem);
    // Quotas go to agencies of the organising agency's tree (a province class reserves seats for its regencies).
    const reachable = new Set(tree.descendantsOrSelf(offering.agency_id));
    if (quotas.some((q) => !reachable.has(q.agencyId)))
      throw notFound(
        ErrorCode.ORG_AGENCY_NOT_FOUND,
        'Instansi pada kuota tidak ditemukan di bawah instansi penyelenggara',
      );
    if (dto.mode !== 'classroom' && !dto.meetingUrl) throw bad('kelas daring atau blended memerlukan meetingUrl');
    if (dto.mode !== 'online' && !dto.venue) throw bad('kelas klasikal atau blended memerlukan venue');
    const opens = new Date(dto.registrationOpensAt);
    const closes = new Date(dto.registrationClosesAt);
    const cancelBy = new Date(dto.cancellationDeadline);
    const release = dto.quotaReleaseAt ? new Date(dto.quotaReleaseAt) : null;
    const startsAt = new Date(s.sessions[0][0]);
    if (opens >= closes) throw bad('registrationOpensAt harus sebelum registrationClosesAt');
    if (closes > startsAt) throw bad('pendaftaran harus ditutup paling lambat saat kelas dimulai');
    if (cancelBy > startsAt) throw bad('batas pembatalan harus paling lambat saat kelas dimulai');
    if (release && (release < opens || release > startsAt))
      throw bad('quotaReleaseAt harus di antara pembukaan pendaftaran dan mulainya kelas');
    if (release && !quotas.length) throw bad('quotaReleaseAt hanya berlaku bila ada kuota instansi');
    const days = [...dto.schedule].sort((a, b) => a.date.localeCompare(b.date));
    return this.db.transaction(async (m) => {
      const id = await insertClass(
        m,
        {
          offeringId,
          agencyId: offering.agency_id,
          name: dto.name,
          timeZone: zone,
          startDate: days[0].date,
          endDate: days[days.length - 1].date,
          schedule: days.map((d) => ({ date: d.date, start: d.start, end: d.end })),
          sessions: s.sessions,
          mode: dto.mode,
          venue: dto.venue ?? null,
          meetingUrl: dto.meetingUrl ?? null,
          speakers: await resolveSpeakers(m, dto.speakers ?? []),
          seats,
          quotaSeats: quotas.reduce((n, q) => n + q.seats, 0),
          registrationOpensAt: opens,
          registrationClosesAt: closes,
          cancellationDeadline: cancelBy,
          quotaReleaseAt: release,
          requiresApproval: dto.requiresApproval ?? false,
          waitlist: dto.waitlist ?? true,
        },
        quotas,
      );
      await recordAudit(m, this.actor(scope), {
        action: 'calendar.class.create',
        entityType: 'training_class',
        entityId: id,
        agencyId: offering.agency_id,
        touchedAgencyIds: quotas.map((q) => q.agencyId),
        after: { name: dto.name, seats, quotas: quotas.length },
      });
      return toClass((await findClass(m, id)) as ClassRow);
    });
  }

  /**
   * Classes: an admin sees its agencies' classes (and may filter by offering); a learner sees the classes organised by
   * its agency or an agency above it (a province class is open to its regencies).
   */
  async listClasses(scope: AccessScope, q: ClassQueryDto & { offeringId?: string }): Promise<Page<TrainingClass>> {
    const own = scope.principal.employeeId ? await this.learnerAgencies(scope) : [];
    const admin = scope.global ? null : [...scope.adminAgencyIds];
    let agencyIds: string[] | null = admin === null ? null : [...new Set([...admin, ...own])];
    if (q.agencyId) {
      if (agencyIds !== null && !agencyIds.includes(q.agencyId)) return toPage([], 0, q);
      agencyIds = [q.agencyId];
    }
    const { total, rows } = await listClasses(
      this.db,
      {
        agencyIds,
        offeringId: q.offeringId,
        open: q.open,
        mode: q.mode,
        competencyKind: q.competencyKind,
        jenisDiklatId: q.jenisDiklatId,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return toPage(rows.map(toClass), total, q);
  }

  private async learnerAgencies(scope: AccessScope): Promise<string[]> {
    const home = scope.principal.employeeId
      ? await employeeAgencyId(this.db.manager, scope.principal.employeeId)
      : null;
    return home ? (await this.agencies.current()).ancestorsOrSelf(home).map((a) => a.id) : [];
  }

  async getClass(scope: AccessScope, id: string): Promise<TrainingClass> {
    const row = await findClass(this.db, id);
    const visible =
      !!row &&
      (scope.canAdministerAgency(row.agency_id) || (await this.learnerAgencies(scope)).includes(row.agency_id));
    if (!row || !visible) throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
    return toClass(row);
  }
}
