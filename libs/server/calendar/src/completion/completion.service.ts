import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  OutboxEvent,
  type ClassCompletionRule,
  type ClassCompletionSummary,
  type FinaliseResult,
  type Page,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, recordAudit, toPage, writeOutbox } from '@kompeten/server-core';
import { courseCompletionsOf } from '@kompeten/server-enrolment';
import type { AccessScope } from '@kompeten/server-organisation';
import { AttendanceService, ruleOf } from '../attendance/attendance.service';
import { classRole } from '../attendance/attendance-access';
import { lockAttendanceClass } from '../attendance/attendance-store';
import { attendedMinutesOf, decideCompletion, scheduledMinutesOf, type CompletionRule } from './completion-rule';
import {
  asAttended,
  completedEmployees,
  finaliseCandidates,
  insertCompletion,
  listCompletions,
  markFinalised,
  saveCompletionRule,
} from './completion-store';

/**
 * Completion by attendance (decision 0037). Finalising a class evaluates every confirmed registrant under the class
 * row's lock with the pure rule `decideCompletion`, writes a `class_completion` and its `class.completed` event in one
 * transaction for each newly completed ASN, and never touches an earlier completion: running it again after the
 * trainer corrects the list completes whoever now qualifies, and writes nothing twice.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttendanceService) private readonly attendance: AttendanceService,
  ) {}

  async finalise(scope: AccessScope, classId: string): Promise<FinaliseResult> {
    await this.attendance.runnable(scope, classId);
    return this.db.transaction(async (m) => {
      // Lock order as registration's: the class row first, so a cancellation or a second finalisation waits.
      const cls = await lockAttendanceClass(m, classId);
      if (!cls || !classRole(scope, cls)) throw conflict(ErrorCode.CONCURRENT_CHANGE, 'Kelas berubah; kirim ulang');
      if (new Date(cls.ends_at).getTime() > Date.now())
        throw conflict(
          ErrorCode.CALENDAR_CLASS_NOT_ENDED,
          'Kelas baru dapat diselesaikan setelah sesi terakhirnya berakhir',
        );
      const candidates = await finaliseCandidates(m, classId);
      const done = await completedEmployees(m, classId);
      const courses = cls.course_id
        ? await courseCompletionsOf(
            m,
            cls.course_id,
            candidates.map((c) => c.employee_id),
          )
        : null;
      const rule: CompletionRule = {
        minAttendancePercent: cls.completion_min_attendance_percent,
        jpByMinutes: cls.completion_jp_by_minutes,
        minutesPerJp: cls.completion_minutes_per_jp,
      };
      const scheduled = scheduledMinutesOf(cls.sessions);
      let newly = 0;
      let shortOfAttendance = 0;
      let courseMissing = 0;
      for (const c of candidates) {
        if (done.has(c.employee_id)) continue;
        const attended = attendedMinutesOf(cls.sessions, asAttended(c));
        const course = courses ? courses.get(c.employee_id) : undefined;
        const decision = decideCompletion({
          rule,
          offeringJp: Number(cls.offering_jp),
          scheduledMinutes: scheduled,
          attendedMinutes: attended,
          course: courses ? (course ? 'completed' : 'missing') : 'not_required',
        });
        if (!decision.completed) {
          if (decision.reason === 'attendance') shortOfAttendance++;
          else courseMissing++;
          continue;
        }
        const id = await insertCompletion(m, {
          classId,
          employeeId: c.employee_id,
          registrationId: c.registration_id,
          scheduledMinutes: scheduled,
          attendedMinutes: attended,
          attendancePercent: decision.attendancePercent,
          jp: decision.jp,
          jpBasis: decision.jpBasis,
          minutesPerJp: decision.minutesPerJp,
          courseCompletionId: course?.id ?? null,
          finalisedBy: scope.principal.userId,
        });
        if (id) {
          await writeOutbox(m, OutboxEvent.ClassCompleted, id, { classCompletionId: id });
          newly++;
        }
      }
      const finalisedAt = await markFinalised(m, classId);
      const completed = done.size + newly;
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'calendar.class.finalise',
          entityType: 'training_class',
          entityId: classId,
          agencyId: cls.agency_id,
          after: { evaluated: candidates.length, completed, newlyCompleted: newly },
        },
      );
      return {
        classId,
        evaluated: candidates.length,
        completed,
        newlyCompleted: newly,
        shortOfAttendance,
        courseMissing,
        finalisedAt: finalisedAt.toISOString(),
      };
    });
  }

  /** The class's completion rule; admins of the organising agency only. Earlier completions keep what they say. */
  async setRule(scope: AccessScope, classId: string, rule: CompletionRule): Promise<ClassCompletionRule> {
    const { cls, role } = await this.attendance.runnable(scope, classId);
    if (role !== 'admin')
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Hanya admin instansi penyelenggara yang dapat mengubah aturan kelulusan',
      );
    await this.db.transaction(async (m) => {
      await saveCompletionRule(m, classId, rule);
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'calendar.class.completion-rule',
          entityType: 'training_class',
          entityId: classId,
          agencyId: cls.agency_id,
          before: ruleOf(cls),
          after: rule,
        },
      );
    });
    return { ...rule, requiresCourse: !!cls.course_id };
  }

  async list(
    scope: AccessScope,
    classId: string,
    q: { page: number; pageSize: number },
  ): Promise<Page<ClassCompletionSummary>> {
    await this.attendance.runnable(scope, classId);
    const { total, rows } = await listCompletions(this.db, classId, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => ({
        id: r.id,
        employeeId: r.employee_id,
        name: r.full_name,
        nip: r.nip,
        attendedMinutes: r.attended_minutes,
        scheduledMinutes: r.scheduled_minutes,
        attendancePercent: Number(r.attendance_percent),
        jp: Number(r.jp),
        jpBasis: r.jp_basis,
        completedAt: new Date(r.completed_at).toISOString(),
      })),
      total,
      q,
    );
  }
}
