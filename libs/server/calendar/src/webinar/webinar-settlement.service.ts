import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PRESENCE_CHECK_WINDOW_MINUTES } from '@kompeten/shared-contracts';
import { sessionMinutes } from './webinar-rules';
import { spansOf } from './webinar-join.service';
import {
  findWebinarClass,
  lockWebinarSession,
  markSettled,
  sessionEvidence,
  upsertWebinarAttendance,
  type AttendanceWrite,
} from './webinar-store';

const MIN = 60_000;

export type SettleOutcome = { status: 'settled'; learners: number; written: number } | { status: 'not_ended' | 'none' };

/**
 * Turns an ended webinar session's joins and answered presence checks into `class_attendance` rows (decisions 0036,
 * 0038) with the pure rule `sessionMinutes`. One transaction per session under its bookkeeping row's lock; the rows
 * are SET, never added to, so settling a session twice writes the same values (exactly once in effect).
 */
@Injectable()
export class WebinarSettlementService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async settle(classId: string, sessionIndex: number): Promise<SettleOutcome> {
    const cls = await findWebinarClass(this.db, classId);
    const span = cls && cls.mode === 'online' ? spansOf(cls.sessions)[sessionIndex] : undefined;
    if (!span) return { status: 'none' };
    // Answers are accepted until the last check closes: at most one answer window after the session's end.
    if (Date.now() < span.end + PRESENCE_CHECK_WINDOW_MINUTES * MIN) return { status: 'not_ended' };
    return this.db.transaction(async (m) => {
      await lockWebinarSession(m, classId, sessionIndex);
      const { checks, learners } = await sessionEvidence(m, classId, sessionIndex);
      const rows: AttendanceWrite[] = learners.map((l) => {
        const answered = new Set(l.answered);
        const a = sessionMinutes(span, {
          firstJoin: l.first_joined_at ? new Date(l.first_joined_at).getTime() : null,
          checks: checks.map((k) => ({ opensAt: new Date(k.opens_at).getTime(), answered: answered.has(k.id) })),
        });
        return {
          employeeId: l.employee_id,
          minutes: a.minutes,
          arrivedAt: a.arrivedAt === null ? null : new Date(a.arrivedAt),
          leftAt: a.leftAt === null ? null : new Date(a.leftAt),
          late: a.late,
          leftEarly: a.leftEarly,
        };
      });
      const written = await upsertWebinarAttendance(m, classId, sessionIndex, rows);
      await markSettled(m, classId, sessionIndex);
      return { status: 'settled' as const, learners: rows.length, written };
    });
  }
}
