import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type AttendanceClassSummary,
  type AttendanceListRow,
  type AttendanceQr,
  type AttendanceScanKind,
  type AttendanceSession,
  type ClassAttendanceOverview,
  type ClassCompletionRule,
  type MyClassAttendance,
  type Page,
  type ScanResult,
  type SessionAttendance,
} from '@kompeten/shared-contracts';
import {
  conflict,
  DomainError,
  forbidden,
  invalid,
  notFound,
  recordAudit,
  toPage,
  type Principal,
} from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { attendancePercent, attendedMinutesOf, scheduledMinutesOf } from '../completion/completion-rule';
import { completionOf } from '../completion/completion-store';
import { classRole } from './attendance-access';
import { marksProblem, presenceIn, scanOpen, sessionAt, type SessionSpan } from './attendance-rules';
import {
  attendanceOf,
  classCounts,
  confirmedAmong,
  confirmedRegistrationId,
  findAttendanceClass,
  insertScanIfNew,
  listRunClasses,
  listSessionAttendance,
  lockAttendance,
  newestRegistrationStatus,
  saveListMarks,
  sessionCounts,
  updateScan,
  type AttendanceClassRow,
  type AttendanceRow,
  type ListMark,
  type ListRow,
} from './attendance-store';
import { AttendanceTokens } from './attendance-tokens';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const classNotFound = () => notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
const invalidToken = () =>
  invalid(
    ErrorCode.CALENDAR_ATTENDANCE_TOKEN_INVALID,
    'Kode QR presensi tidak sah. Pindai kode yang sedang ditampilkan pengajar di kelas.',
  ).en('This attendance QR code is not valid. Scan the code the trainer is showing in class.');
const expiredToken = () =>
  new DomainError(
    'gone',
    ErrorCode.CALENDAR_ATTENDANCE_TOKEN_EXPIRED,
    'Kode QR presensi sudah kedaluwarsa. Pindai kode terbaru di layar pengajar.',
  ).en('This attendance QR code has expired. Scan the newest code on the trainer’s screen.');

export function toSessionAttendance(
  sessionIndex: number,
  r: Pick<AttendanceRow, 'status' | 'arrived_at' | 'left_at' | 'minutes' | 'late' | 'left_early' | 'source'> | null,
): SessionAttendance {
  return {
    sessionIndex,
    status: r?.status ?? null,
    arrivedAt: r ? iso(r.arrived_at) : null,
    leftAt: r ? iso(r.left_at) : null,
    minutes: r?.minutes ?? 0,
    late: r?.late ?? false,
    leftEarly: r?.left_early ?? false,
    source: r?.source ?? null,
  };
}

const toListRow =
  (sessionIndex: number) =>
  (r: ListRow): AttendanceListRow => ({
    registrationId: r.registration_id,
    employeeId: r.employee_id,
    name: r.full_name,
    nip: r.nip,
    attendance: toSessionAttendance(sessionIndex, r.attendance),
  });

export function ruleOf(c: AttendanceClassRow): ClassCompletionRule {
  return {
    minAttendancePercent: c.completion_min_attendance_percent,
    jpByMinutes: c.completion_jp_by_minutes,
    minutesPerJp: c.completion_minutes_per_jp,
    requiresCourse: !!c.course_id,
  };
}

/**
 * In-person attendance (decision 0037): the trainer's rotating QR code, the learner's scan, the trainer's list, and
 * each side's view. The trainer is an admin of the organising agency or an internal speaker of the class
 * (`classRole`); everyone else meets a 404.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttendanceTokens) private readonly tokens: AttendanceTokens,
  ) {}

  /** The class and the caller's role in it, or 404. */
  async runnable(scope: AccessScope, classId: string): Promise<{ cls: AttendanceClassRow; role: 'admin' | 'trainer' }> {
    const cls = await findAttendanceClass(this.db, classId);
    const role = cls ? classRole(scope, cls) : null;
    if (!cls || !role) throw classNotFound();
    return { cls, role };
  }

  private session(cls: AttendanceClassRow, index: number): SessionSpan {
    const s = sessionAt(cls.sessions, index);
    if (!s) throw notFound(ErrorCode.CALENDAR_SESSION_NOT_FOUND, 'Sesi kelas tidak ditemukan');
    return s;
  }

  /** The classes whose attendance the caller runs (trainer or admin), latest first. */
  async runs(scope: AccessScope, q: { page: number; pageSize: number }): Promise<Page<AttendanceClassSummary>> {
    const { total, rows } = await listRunClasses(
      this.db,
      {
        employeeId: scope.principal.employeeId ?? null,
        adminAgencyIds: [...scope.adminAgencyIds],
        everyAgency: scope.global,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return toPage(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        offeringTitle: r.offering_title,
        startDate: r.start_date,
        endDate: r.end_date,
        timeZone: r.time_zone,
        role: classRole(scope, r) ?? 'trainer',
        ended: new Date(r.ends_at).getTime() <= Date.now(),
        finalisedAt: iso(r.finalised_at),
      })),
      total,
      q,
    );
  }

  async qr(scope: AccessScope, classId: string, sessionIndex: number, kind: AttendanceScanKind): Promise<AttendanceQr> {
    const { cls } = await this.runnable(scope, classId);
    this.session(cls, sessionIndex);
    return this.tokens.qr(cls.id, sessionIndex, kind);
  }

  /**
   * A learner's scan: the token's signature, class and age; a confirmed registration; the session's scan window.
   * Arrival records present (late after the start's grace), once: a second scan answers the first. Leaving records
   * the leaving time once (left early before the end's grace); it needs an arrival first.
   */
  async scan(p: Principal, classId: string, token: string): Promise<ScanResult> {
    const now = new Date();
    const check = this.tokens.verify(token, now);
    if (!check.ok && check.reason !== 'expired') throw invalidToken();
    // A genuine code of another class is not this class's code, fresh or not.
    if (check.claims.classId !== classId) throw invalidToken();
    if (!check.ok) throw expiredToken();
    const { sessionIndex, kind } = check.claims;
    const cls = await findAttendanceClass(this.db, classId);
    if (!cls) throw classNotFound();
    const session = sessionAt(cls.sessions, sessionIndex);
    if (!session) throw invalidToken();
    if (!p.employeeId || !(await confirmedRegistrationId(this.db, classId, p.employeeId)))
      throw forbidden(
        ErrorCode.CALENDAR_NOT_REGISTERED,
        'Anda tidak tercatat sebagai peserta terkonfirmasi kelas ini, sehingga kehadiran tidak dapat dicatat.',
      );
    if (cls.status !== 'scheduled' || !scanOpen(session, now))
      throw conflict(ErrorCode.CALENDAR_ATTENDANCE_CLOSED, 'Presensi sesi ini tidak sedang dibuka.');
    const employeeId = p.employeeId;
    const { row, already } = await this.db.transaction(async (m) => {
      if (kind === 'in') {
        const first = presenceIn(session, now, null);
        const inserted = await insertScanIfNew(m, {
          classId,
          employeeId,
          sessionIndex,
          arrivedAt: now,
          minutes: first.minutes,
          late: first.late,
        });
        if (inserted) return { row: inserted, already: false };
        const existing = (await lockAttendance(m, classId, employeeId, sessionIndex)) as AttendanceRow;
        if (existing.status === 'present') return { row: existing, already: true };
        // Marked absent earlier, now scanning the live code in the room: present from now.
        return { row: await updateScan(m, existing.id, { arrivedAt: now, leftAt: null, ...first }), already: false };
      }
      const existing = await lockAttendance(m, classId, employeeId, sessionIndex);
      if (!existing || existing.status !== 'present')
        throw conflict(
          ErrorCode.CALENDAR_NOT_CHECKED_IN,
          'Kedatangan Anda pada sesi ini belum tercatat. Pindai dulu kode QR kedatangan.',
        );
      if (existing.left_at) return { row: existing, already: true };
      const arrivedAt = existing.arrived_at ? new Date(existing.arrived_at) : null;
      const leftAt = new Date(Math.min(now.getTime(), session.end.getTime()));
      return {
        row: await updateScan(m, existing.id, { arrivedAt, leftAt, ...presenceIn(session, arrivedAt, leftAt) }),
        already: false,
      };
    });
    return {
      classId,
      className: cls.name,
      offeringTitle: cls.offering_title,
      timeZone: cls.time_zone,
      kind,
      attendance: toSessionAttendance(sessionIndex, row),
      already,
    };
  }

  async overview(scope: AccessScope, classId: string): Promise<ClassAttendanceOverview> {
    const { cls, role } = await this.runnable(scope, classId);
    const [counts, totals] = await Promise.all([sessionCounts(this.db, classId), classCounts(this.db, classId)]);
    const byIndex = new Map(counts.map((c) => [c.session_index, c]));
    const sessions: AttendanceSession[] = cls.sessions.map(([start, end], i) => {
      const day = cls.schedule[i];
      const c = byIndex.get(i);
      return {
        index: i,
        date: day?.date ?? start.slice(0, 10),
        start: day?.start ?? '',
        end: day?.end ?? '',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(end).toISOString(),
        present: c?.present ?? 0,
        absent: c?.absent ?? 0,
        late: c?.late ?? 0,
        leftEarly: c?.left_early ?? 0,
      };
    });
    return {
      classId: cls.id,
      className: cls.name,
      offeringTitle: cls.offering_title,
      timeZone: cls.time_zone,
      venue: cls.venue,
      role,
      confirmed: totals.confirmed,
      sessions,
      rule: ruleOf(cls),
      ended: new Date(cls.ends_at).getTime() <= Date.now(),
      finalisedAt: iso(cls.finalised_at),
      completions: totals.completions,
    };
  }

  async list(
    scope: AccessScope,
    classId: string,
    sessionIndex: number,
    q: { page: number; pageSize: number },
  ): Promise<Page<AttendanceListRow>> {
    const { cls } = await this.runnable(scope, classId);
    this.session(cls, sessionIndex);
    const { total, rows } = await listSessionAttendance(this.db, classId, sessionIndex, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(rows.map(toListRow(sessionIndex)), total, q);
  }

  /**
   * The trainer's list for one session (PUT semantics): each mark replaces the ASN's row. Every ASN must hold a
   * confirmed registration in this class (else the whole request is 404 and nothing is saved). Present without times
   * counts the whole session; the times give the minutes; late and left early follow the times unless set.
   */
  async mark(
    scope: AccessScope,
    classId: string,
    sessionIndex: number,
    items: ReadonlyArray<{
      employeeId: string;
      status: 'present' | 'absent';
      arrivedAt?: string | null;
      leftAt?: string | null;
      late?: boolean;
      leftEarly?: boolean;
    }>,
  ): Promise<AttendanceListRow[]> {
    const { cls } = await this.runnable(scope, classId);
    const session = this.session(cls, sessionIndex);
    const ids = items.map((i) => i.employeeId);
    if (new Set(ids).size !== ids.length)
      throw invalid(ErrorCode.CALENDAR_INVALID_ATTENDANCE, 'Setiap peserta hanya boleh muncul sekali');
    const marks: ListMark[] = items.map((i) => {
      if (i.status === 'absent')
        return {
          employeeId: i.employeeId,
          status: 'absent',
          arrivedAt: null,
          leftAt: null,
          minutes: 0,
          late: false,
          leftEarly: false,
        };
      const arrivedAt = i.arrivedAt ? new Date(i.arrivedAt) : null;
      const leftAt = i.leftAt ? new Date(i.leftAt) : null;
      const problem = marksProblem(session, arrivedAt, leftAt);
      if (problem) throw invalid(ErrorCode.CALENDAR_INVALID_ATTENDANCE, problem);
      const p = presenceIn(session, arrivedAt, leftAt);
      return {
        employeeId: i.employeeId,
        status: 'present',
        arrivedAt,
        leftAt,
        minutes: p.minutes,
        late: i.late ?? p.late,
        leftEarly: i.leftEarly ?? p.leftEarly,
      };
    });
    await this.db.transaction(async (m) => {
      const confirmed = await confirmedAmong(m, classId, ids);
      if (ids.some((id) => !confirmed.has(id)))
        throw notFound(
          ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND,
          'Ada peserta yang tidak terdaftar (terkonfirmasi) di kelas ini',
        );
      await saveListMarks(m, classId, sessionIndex, scope.principal.userId, marks);
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'calendar.attendance.mark',
          entityType: 'training_class',
          entityId: classId,
          agencyId: cls.agency_id,
          after: {
            session: sessionIndex,
            present: marks.filter((x) => x.status === 'present').length,
            absent: marks.filter((x) => x.status === 'absent').length,
          },
        },
      );
    });
    const saved = await listSessionAttendance(this.db, classId, sessionIndex, { limit: ids.length, offset: 0 }, ids);
    return saved.rows.map(toListRow(sessionIndex));
  }

  /** The caller's own attendance and completion of a class they registered for (any status), else 404. */
  async mine(p: Principal, classId: string): Promise<MyClassAttendance> {
    const cls = await findAttendanceClass(this.db, classId);
    if (!cls || !p.employeeId || !(await newestRegistrationStatus(this.db, classId, p.employeeId)))
      throw classNotFound();
    const rows = await attendanceOf(this.db, classId, p.employeeId);
    const byIndex = new Map(rows.map((r) => [r.session_index, r]));
    const scheduled = scheduledMinutesOf(cls.sessions);
    const attended = attendedMinutesOf(
      cls.sessions,
      rows.map((r) => ({ sessionIndex: r.session_index, status: r.status, minutes: r.minutes })),
    );
    const done = await completionOf(this.db, classId, p.employeeId);
    return {
      classId: cls.id,
      className: cls.name,
      offeringTitle: cls.offering_title,
      timeZone: cls.time_zone,
      sessions: cls.sessions.map(([start, end], i) => ({
        ...toSessionAttendance(i, byIndex.get(i) ?? null),
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(end).toISOString(),
      })),
      rule: ruleOf(cls),
      attendedMinutes: attended,
      scheduledMinutes: scheduled,
      attendancePercent: attendancePercent(attended, scheduled),
      ended: new Date(cls.ends_at).getTime() <= Date.now(),
      finalisedAt: iso(cls.finalised_at),
      completion: done
        ? { id: done.id, jp: Number(done.jp), completedAt: new Date(done.completed_at).toISOString() }
        : null,
    };
  }
}
