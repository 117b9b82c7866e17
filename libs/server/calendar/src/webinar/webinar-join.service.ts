import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  JOIN_OPENS_MINUTES_BEFORE,
  PRESENCE_CHECK_MAX_ATTEMPTS,
  type LearnerWebinarView,
  type WebinarJoin,
  type WebinarSession,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound, type Principal } from '@kompeten/server-core';
import { employeeAgencyId } from '@kompeten/server-identity';
import { AgencyTree } from '@kompeten/server-organisation';
import { RegistrationService } from '../registration/registration.service';
import type { Session } from '../registration/registration-rules';
import { joinableSession, type SessionSpan } from './webinar-rules';
import { findWebinarClass, readLearnerState, recordJoin, type JoinRow } from './webinar-store';

const MIN = 60_000;
const iso = (d: Date | string) => new Date(d).toISOString();
export const spansOf = (sessions: readonly Session[]): SessionSpan[] =>
  sessions.map(([s, e]) => ({ start: Date.parse(s), end: Date.parse(e) }));
export const sessionsView = (sessions: readonly Session[]): WebinarSession[] =>
  sessions.map(([s, e], index) => ({
    index,
    startsAt: iso(s),
    endsAt: iso(e),
    joinOpensAt: new Date(Date.parse(s) - JOIN_OPENS_MINUTES_BEFORE * MIN).toISOString(),
  }));

const classNotFound = () => notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
const notWebinar = () =>
  conflict(ErrorCode.CALENDAR_NOT_WEBINAR, 'Kelas ini bukan kelas daring: tidak ada ruang webinar untuk digabungi');

/**
 * Joining a webinar through Kompeten's link and the learner's webinar page (decision 0038). The join is one statement
 * on the hot path; only a learner without a registration takes the slower path that may register them first.
 */
@Injectable()
export class WebinarJoinService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
    @Inject(RegistrationService) private readonly registrations: RegistrationService,
  ) {}

  /**
   * Records the caller's join of the session whose window is open and answers the meeting URL. A learner with no
   * registration of an unlimited webinar that needs no approval is registered first, by the registration rules
   * (window, eligibility, schedule conflicts); everyone else needs a confirmed registration.
   */
  async join(p: Principal, classId: string): Promise<WebinarJoin> {
    if (!p.employeeId) throw forbidden(ErrorCode.CALENDAR_NOT_REGISTERED, 'Hanya ASN yang dapat bergabung ke webinar');
    const row = await recordJoin(this.db, classId, p.employeeId);
    if (!row) throw classNotFound();
    if (row.first_joined_at) return this.answer(row, false);
    if (row.registration_status === null) {
      // Not registered: the class exists for the learner only inside the organising agency's tree.
      if (!(await this.inTree(p.employeeId, row.agency_id))) throw classNotFound();
      this.refuseClosed(row);
      if (row.seats !== null || row.requires_approval)
        throw forbidden(
          ErrorCode.CALENDAR_NOT_REGISTERED,
          'Anda belum terdaftar di kelas ini; daftar terlebih dahulu sebelum bergabung',
        );
      await this.registrations.registerSelf(p, classId);
      const again = await recordJoin(this.db, classId, p.employeeId);
      if (again?.first_joined_at) return this.answer(again, true);
      if (again) this.refuseClosed(again);
      throw conflict(ErrorCode.CONCURRENT_CHANGE, 'Pendaftaran sedang diproses; coba bergabung lagi');
    }
    this.refuseClosed(row);
    throw forbidden(
      ErrorCode.CALENDAR_NOT_REGISTERED,
      row.registration_status === 'waitlisted'
        ? 'Anda masih di daftar tunggu kelas ini'
        : 'Pendaftaran Anda belum disetujui atasan',
    );
  }

  /** Refuses a join to a class that is not a scheduled online class, or outside every session's join window. */
  private refuseClosed(row: JoinRow): void {
    if (row.mode !== 'online') throw notWebinar();
    if (row.class_status !== 'scheduled')
      throw conflict(ErrorCode.CALENDAR_JOIN_NOT_OPEN, 'Kelas ini dibatalkan').en('This class was cancelled.');
    if (row.session_index === null) {
      const now = Date.now();
      const next = spansOf(row.sessions).find((s) => s.end > now);
      throw conflict(
        ErrorCode.CALENDAR_JOIN_NOT_OPEN,
        next
          ? `Ruang webinar dibuka ${JOIN_OPENS_MINUTES_BEFORE} menit sebelum sesi dimulai`
          : 'Semua sesi kelas ini sudah selesai',
        { nextSessionJoinOpensAt: next ? new Date(next.start - JOIN_OPENS_MINUTES_BEFORE * MIN).toISOString() : null },
      );
    }
  }

  private answer(row: JoinRow, autoRegistered: boolean): WebinarJoin {
    return {
      meetingUrl: row.meeting_url as string,
      sessionIndex: row.session_index as number,
      sessionStartsAt: iso(row.starts_at as Date),
      sessionEndsAt: iso(row.ends_at as Date),
      firstJoinedAt: iso(row.first_joined_at as Date),
      joinCount: row.join_count as number,
      autoRegistered,
    };
  }

  private async inTree(employeeId: string, classAgencyId: string): Promise<boolean> {
    const home = await employeeAgencyId(this.db.manager, employeeId);
    return !!home && (await this.agencies.current()).ancestorsOrSelf(home).some((a) => a.id === classAgencyId);
  }

  /** The learner's webinar page (polled): sessions, whether they may join now, and the presence check open now. */
  async learnerView(p: Principal, classId: string): Promise<LearnerWebinarView> {
    const cls = await findWebinarClass(this.db, classId);
    if (!cls || !p.employeeId) throw classNotFound();
    const state = await readLearnerState(this.db, classId, p.employeeId);
    if (!state.registration_status && !(await this.inTree(p.employeeId, cls.agency_id))) throw classNotFound();
    if (cls.mode !== 'online') throw notWebinar();
    const current = joinableSession(spansOf(cls.sessions), Date.now());
    const confirmed = state.registration_status === 'confirmed';
    return {
      classId,
      className: cls.name,
      offeringTitle: cls.offering_title,
      timeZone: cls.time_zone,
      registrationStatus: state.registration_status,
      canAutoRegister:
        !state.registration_status &&
        cls.status === 'scheduled' &&
        cls.seats === null &&
        !cls.requires_approval &&
        cls.registration_open,
      sessions: sessionsView(cls.sessions),
      currentSession: current,
      joinedCurrentSession: current !== null && state.joined_sessions.includes(current),
      openCheck:
        confirmed && state.check_id
          ? {
              id: state.check_id,
              sessionIndex: state.check_session_index as number,
              opensAt: iso(state.check_opens_at as Date),
              closesAt: iso(state.check_closes_at as Date),
              answered: state.answered_at !== null,
              attemptsLeft: state.answered_at ? 0 : Math.max(0, PRESENCE_CHECK_MAX_ATTEMPTS - (state.attempts ?? 0)),
            }
          : null,
    };
  }
}
