import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  PRESENCE_CHECK_MAX_ATTEMPTS,
  type HostPresenceCheck,
  type HostWebinarView,
  type Page,
  type PresenceAnswer,
  type WebinarParticipant,
} from '@kompeten/shared-contracts';
import { conflict, DomainError, forbidden, invalid, notFound, toPage, type Principal } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { checkCode, joinableSession, planCheckMoments, runningSession } from './webinar-rules';
import { sessionsView, spansOf } from './webinar-join.service';
import {
  answerCheck,
  findAnswer,
  findWebinarClass,
  listParticipants,
  lockWebinarSession,
  openCheckNow,
  planSession,
  sessionChecks,
  webinarCounts,
  type CheckRow,
  type WebinarClassRow,
} from './webinar-store';

const iso = (d: Date | string) => new Date(d).toISOString();
const classNotFound = () => notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
const code = () => checkCode((max) => randomInt(max));

const toHostCheck = (k: CheckRow): HostPresenceCheck => ({
  id: k.id,
  sessionIndex: k.session_index,
  code: k.code,
  origin: k.origin,
  opensAt: iso(k.opens_at),
  closesAt: iso(k.closes_at),
  answered: k.answered,
});

/**
 * Presence checks of webinar sessions (decision 0038): planned at random moments of each session (by the worker's
 * job, or when the host opens the page), opened by the host at will, shown to the host with their codes, answered by
 * learners once each.
 */
@Injectable()
export class PresenceCheckService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  /**
   * The host of a class: an internal speaker (speakers[].employeeId is the caller's ASN record) or an admin of the
   * organising agency. Anyone else is told the class does not exist.
   */
  private async hostClass(scope: AccessScope, classId: string): Promise<WebinarClassRow> {
    const cls = await findWebinarClass(this.db, classId);
    const me = scope.principal.employeeId;
    const host =
      !!cls && (scope.canAdministerAgency(cls.agency_id) || (!!me && cls.speakers.some((s) => s.employeeId === me)));
    if (!cls || !host) throw classNotFound();
    if (cls.mode !== 'online')
      throw conflict(ErrorCode.CALENDAR_NOT_WEBINAR, 'Kelas ini bukan kelas daring: tidak memakai cek kehadiran');
    return cls;
  }

  /** Plans a session's random checks if nobody has yet (idempotent: one planner wins the session row). */
  async ensurePlanned(classId: string, sessionIndex: number, session: { start: number; end: number }): Promise<void> {
    const moments = planCheckMoments(session, Date.now());
    await planSession(this.db, {
      classId,
      sessionIndex,
      moments: moments.map((t) => new Date(t)),
      codes: moments.map(() => code()),
    });
  }

  async hostView(scope: AccessScope, classId: string): Promise<HostWebinarView> {
    const cls = await this.hostClass(scope, classId);
    const spans = spansOf(cls.sessions);
    const now = Date.now();
    const current = joinableSession(spans, now);
    if (current !== null) await this.ensurePlanned(classId, current, spans[current]);
    // The session shown: the current one, else the last that started, else the first.
    const started = spans.filter((s) => s.start <= now).length - 1;
    const shown = current ?? Math.max(0, started);
    const [checks, counts] = await Promise.all([
      sessionChecks(this.db, classId, shown),
      webinarCounts(this.db, classId, shown),
    ]);
    const open = checks.find((k) => Date.parse(iso(k.opens_at)) <= now && now < Date.parse(iso(k.closes_at)));
    return {
      classId,
      className: cls.name,
      offeringTitle: cls.offering_title,
      timeZone: cls.time_zone,
      sessions: sessionsView(cls.sessions),
      currentSession: current,
      registered: counts.registered,
      joined: counts.joined,
      openCheck: open ? toHostCheck(open) : null,
      checks: checks.map(toHostCheck),
    };
  }

  /** "Cek kehadiran sekarang": opens a check in the running session, or answers the one already open. */
  async openNow(scope: AccessScope, classId: string): Promise<{ check: HostPresenceCheck; created: boolean }> {
    const cls = await this.hostClass(scope, classId);
    const spans = spansOf(cls.sessions);
    const running = cls.status === 'scheduled' ? runningSession(spans, Date.now()) : null;
    if (running === null)
      throw conflict(ErrorCode.CALENDAR_NO_SESSION_NOW, 'Cek kehadiran hanya dapat dibuka saat sesi berlangsung');
    await this.ensurePlanned(classId, running, spans[running]);
    const opened = await this.db.transaction(async (m) => {
      await lockWebinarSession(m, classId, running);
      return openCheckNow(m, {
        classId,
        sessionIndex: running,
        code: code(),
        openedBy: scope.principal.userId,
      });
    });
    const check = (await sessionChecks(this.db, classId, running)).find((k) => k.id === opened.id) as CheckRow;
    return { check: toHostCheck(check), created: opened.created };
  }

  /**
   * A learner answers a check with the code shown in the meeting. Right once → recorded (a repeat answers the same
   * record); wrong → 400 with the attempts left; after the last allowed wrong code, or outside the check's window,
   * refused.
   */
  async answer(p: Principal, classId: string, checkId: string, answer: string): Promise<PresenceAnswer> {
    if (!p.employeeId) throw forbidden(ErrorCode.CALENDAR_NOT_REGISTERED, 'Hanya peserta kelas yang menjawab cek');
    const r = await answerCheck(this.db, { classId, checkId, employeeId: p.employeeId, code: answer.trim() });
    if (!r.check_found) throw notFound(ErrorCode.CALENDAR_CHECK_NOT_FOUND, 'Cek kehadiran tidak ditemukan');
    if (!r.registered) throw forbidden(ErrorCode.CALENDAR_NOT_REGISTERED, 'Anda bukan peserta terkonfirmasi kelas ini');
    let answeredAt = r.answered_at;
    let attempts = r.attempts;
    if (!r.attempted && !r.existed && r.open) {
      // A concurrent request of the same learner wrote the row after this statement's snapshot: read it as it is.
      const now = await findAnswer(this.db, checkId, p.employeeId);
      answeredAt = now?.answered_at ?? null;
      attempts = now?.attempts ?? 0;
    }
    if (answeredAt) return { checkId, answeredAt: iso(answeredAt), alreadyAnswered: !r.changed };
    if (!r.open)
      throw conflict(
        ErrorCode.CALENDAR_CHECK_CLOSED,
        'Waktu menjawab cek kehadiran ini sudah habis atau belum dimulai',
      );
    const left = Math.max(0, PRESENCE_CHECK_MAX_ATTEMPTS - (attempts ?? 0));
    if (!r.attempted)
      throw conflict(ErrorCode.CALENDAR_CHECK_NO_ATTEMPTS, 'Kesempatan menjawab cek kehadiran ini sudah habis', {
        attemptsLeft: 0,
      });
    throw new DomainError(
      'validation',
      ErrorCode.CALENDAR_CHECK_WRONG_CODE,
      left ? `Kode salah. Sisa kesempatan: ${left}` : 'Kode salah. Kesempatan menjawab cek kehadiran ini sudah habis',
      { attemptsLeft: left },
    ).en(left ? `Wrong code. Attempts left: ${left}.` : 'Wrong code. No attempts left for this presence check.');
  }

  /** The people of a session (joined or answered) for the host or an admin, paginated. */
  async participants(
    scope: AccessScope,
    classId: string,
    q: { sessionIndex: number; page: number; pageSize: number },
  ): Promise<Page<WebinarParticipant>> {
    const cls = await this.hostClass(scope, classId);
    if (q.sessionIndex >= cls.sessions.length)
      throw invalid(ErrorCode.VALIDATION_FAILED, `Kelas ini hanya memiliki ${cls.sessions.length} sesi`);
    const { total, rows } = await listParticipants(this.db, classId, q.sessionIndex, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => ({
        employeeId: r.employee_id,
        employeeName: r.employee_name,
        nip: r.nip,
        sessionIndex: q.sessionIndex,
        firstJoinedAt: r.first_joined_at ? iso(r.first_joined_at) : null,
        joinCount: r.join_count,
        answeredChecks: r.answered_checks,
      })),
      total,
      q,
    );
  }
}
