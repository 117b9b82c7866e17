import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { ErrorCode, type ClassRegistration, type Page, type RegistrationAnswer } from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound, toPage, type Principal } from '@kompeten/server-core';
import { findActiveEmployee } from '@kompeten/server-identity';
import { AgencyTree, type AccessScope } from '@kompeten/server-organisation';
import { fillFromWaitlist } from './waitlist-promotion';
import type { RegistrationQueryDto } from '../dto/calendar.dto';
import { registrationRefusal } from './registration-rules';
import {
  approve,
  classAgencyId,
  findRegistration,
  isScheduleOverlap,
  leaveClass,
  listRegistrations,
  lockClass,
  readRegisterFacts,
  registrationStatus,
  takeSeatAndRegister,
} from './registration-store';
import { toRegistration } from './registration.mapper';

const REFUSALS = {
  registration_closed: () =>
    conflict(ErrorCode.CALENDAR_REGISTRATION_CLOSED, 'Pendaftaran kelas ini tidak sedang dibuka'),
  not_eligible: () => forbidden(ErrorCode.CALENDAR_NOT_ELIGIBLE, 'Kelas ini tidak terbuka untuk Anda'),
  schedule_conflict: () =>
    conflict(ErrorCode.CALENDAR_SCHEDULE_CONFLICT, 'Anda sudah terdaftar di kelas lain pada waktu yang sama'),
} as const;

const isLiveDuplicate = (e: unknown) =>
  e instanceof QueryFailedError &&
  (e.driverError as { code?: string; constraint?: string })?.constraint === 'uq_class_registration_live';

/**
 * Registration, nomination, cancellation, supervisor decisions and waitlist promotion (decision 0034). Every change
 * to a class's seats takes the class row's lock first; a registration is one read and one write statement. The read's
 * schedule check is the friendly answer; the exclusion constraint `class_registration_no_overlap` is the guard.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
  ) {}

  /** The caller registers themself. */
  async registerSelf(p: Principal, classId: string): Promise<RegistrationAnswer> {
    if (!p.employeeId) throw forbidden(ErrorCode.CALENDAR_NOT_ELIGIBLE, 'Hanya ASN yang dapat mendaftar kelas');
    return this.register(classId, p.employeeId, null);
  }

  /** An HR officer (or admin) registers an ASN whose record they manage. */
  async nominate(scope: AccessScope, classId: string, employeeId: string): Promise<RegistrationAnswer> {
    const e = await findActiveEmployee(this.db.manager, employeeId);
    if (!e || !scope.canManageEmployeesAt(e.agencyId, e.unitPath))
      throw notFound(ErrorCode.EMPLOYEE_NOT_FOUND, 'Pegawai tidak ditemukan');
    return this.register(classId, employeeId, scope.principal.userId);
  }

  private async register(classId: string, employeeId: string, nominatedBy: string | null): Promise<RegistrationAnswer> {
    const facts = await readRegisterFacts(this.db, classId, employeeId);
    const tree = await this.agencies.current();
    const inTree =
      !!facts?.employee_agency_id &&
      tree.ancestorsOrSelf(facts.employee_agency_id).some((a) => a.id === facts.class_agency_id);
    // A class outside the learner's province/agency tree does not exist for them.
    if (!facts || !inTree) throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
    if (facts.existing) {
      return { registration: toRegistration(facts.existing, { name: facts.employee_name }), alreadyRegistered: true };
    }
    const refusal = registrationRefusal({
      classStatus: facts.class_status,
      windowOpen: facts.window_open,
      employeeActive: !!facts.employee_active,
      inOrganisingTree: inTree,
      sessions: facts.sessions,
      heldSessions: facts.held,
    });
    if (refusal) throw REFUSALS[refusal]();
    let result: Awaited<ReturnType<typeof takeSeatAndRegister>>;
    try {
      result = await takeSeatAndRegister(this.db, {
        classId,
        employeeId,
        agencyId: facts.employee_agency_id as string,
        nominatedBy,
      });
    } catch (e) {
      const overlap = isScheduleOverlap(e);
      if (!overlap && !isLiveDuplicate(e)) throw e;
      // A concurrent request of the same ASN won — for this class (the unique index), or a seat in an overlapping
      // class (the exclusion constraint; for this class too, whichever of the two PostgreSQL checks first): the
      // statement rolled back whole, counters included. Answer the winner's registration in this class, else the
      // schedule conflict the read check would have given.
      const again = await readRegisterFacts(this.db, classId, employeeId);
      if (again?.existing)
        return { registration: toRegistration(again.existing, { name: again.employee_name }), alreadyRegistered: true };
      if (overlap) throw REFUSALS.schedule_conflict();
      throw conflict(ErrorCode.CONCURRENT_CHANGE, 'Pendaftaran sedang diubah oleh permintaan lain; kirim ulang');
    }
    if (!result.registration)
      throw conflict(ErrorCode.CALENDAR_CLASS_FULL, 'Kelas sudah penuh dan tidak memakai daftar tunggu');
    return {
      registration: toRegistration(result.registration, { name: facts.employee_name, position: result.position }),
      alreadyRegistered: false,
    };
  }

  /**
   * Cancels a live registration: the learner before the class's cancellation deadline, an admin of the organising
   * agency at any time. A freed seat promotes from the waitlist in the same transaction.
   */
  async cancel(scope: AccessScope, id: string): Promise<ClassRegistration> {
    const r = await findRegistration(this.db, id);
    const own = !!r && r.employee_id === scope.principal.employeeId;
    const admin = !!r && scope.canAdministerAgency(r.class_agency_id);
    if (!r || (!own && !admin))
      throw notFound(ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND, 'Pendaftaran tidak ditemukan');
    return this.db.transaction(async (m) => {
      const cls = await lockClass(m, r.class_id);
      if (!cls) throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
      if (!admin && cls.deadline_passed)
        throw conflict(ErrorCode.CALENDAR_CANNOT_CANCEL, 'Batas waktu pembatalan kelas ini sudah lewat');
      const current = { status: await registrationStatus(m, id) };
      if (!current.status || !['confirmed', 'pending_approval', 'waitlisted'].includes(current.status))
        throw conflict(ErrorCode.CALENDAR_CANNOT_CANCEL, 'Pendaftaran ini sudah tidak aktif');
      const row = await leaveClass(m, { id, from: current.status, to: 'cancelled', decidedBy: null, reason: null });
      if (!row) throw conflict(ErrorCode.CONCURRENT_CHANGE, 'Pendaftaran sedang diubah; kirim ulang');
      if (current.status !== 'waitlisted') await fillFromWaitlist(m, r.class_id);
      return toRegistration(row, { name: r.employee_name });
    });
  }

  /** The supervisor of the learner (atasan langsung on the ASN record) approves or refuses a pending registration. */
  async decide(
    scope: AccessScope,
    id: string,
    decision: 'approve' | 'reject',
    reason: string | null,
  ): Promise<ClassRegistration> {
    const r = await findRegistration(this.db, id);
    const mine = !!r && scope.isSupervisor && !!r.supervisor_id && r.supervisor_id === scope.principal.employeeId;
    if (!r || !mine) throw notFound(ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND, 'Pendaftaran tidak ditemukan');
    return this.db.transaction(async (m) => {
      await lockClass(m, r.class_id);
      const row =
        decision === 'approve'
          ? await approve(m, id, scope.principal.userId)
          : await leaveClass(m, {
              id,
              from: 'pending_approval',
              to: 'refused',
              decidedBy: scope.principal.userId,
              reason,
            });
      if (!row) throw conflict(ErrorCode.CALENDAR_NOT_PENDING, 'Pendaftaran ini tidak sedang menunggu persetujuan');
      if (decision === 'reject') await fillFromWaitlist(m, r.class_id);
      return toRegistration(row, { name: r.employee_name });
    });
  }

  async mine(p: Principal, q: RegistrationQueryDto): Promise<Page<ClassRegistration>> {
    if (!p.employeeId) return toPage([], 0, q);
    const { total, rows } = await listRegistrations(
      this.db,
      { employeeId: p.employeeId, status: q.status },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return toPage(
      rows.map((r) => toRegistration(r)),
      total,
      q,
    );
  }

  /** Pending registrations of the caller's direct reports. */
  async pendingForSupervisor(scope: AccessScope, q: RegistrationQueryDto): Promise<Page<ClassRegistration>> {
    if (!scope.isSupervisor || !scope.principal.employeeId) return toPage([], 0, q);
    const { total, rows } = await listRegistrations(
      this.db,
      { supervisorId: scope.principal.employeeId, status: 'pending_approval' },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return toPage(
      rows.map((r) => toRegistration(r)),
      total,
      q,
    );
  }

  /** A class's registrations, for admins of the organising agency. */
  async forClass(scope: AccessScope, classId: string, q: RegistrationQueryDto): Promise<Page<ClassRegistration>> {
    const agencyId = await classAgencyId(this.db, classId);
    if (!agencyId || !scope.canAdministerAgency(agencyId))
      throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
    const { total, rows } = await listRegistrations(
      this.db,
      { classId, status: q.status },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return toPage(
      rows.map((r) => toRegistration(r)),
      total,
      q,
    );
  }
}
