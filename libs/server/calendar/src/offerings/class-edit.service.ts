import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type AgencyTimeZone,
  type ClassDay,
  type ClassEditAnswer,
  type ClassEditConflict,
  type ClassSpeaker,
  type TrainingClass,
} from '@kompeten/shared-contracts';
import { conflict, invalid, notFound, recordAudit } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { sessionsOf, type Session } from '../registration/registration-rules';
import { inSavepoint, isScheduleOverlap } from '../registration/registration-store';
import type { CancelClassDto, UpdateClassDto } from './class-edit.dto';
import {
  cancelClass,
  lockEditableClass,
  moveHeldSessions,
  registrantOverlaps,
  updateClass,
  type ClassChanges,
  type EditableClassRow,
} from './class-edit-store';
import { classAgencyIdOf, findClass, type ClassRow } from './offering-store';
import { toClass } from './offering.service';
import { resolveSpeakers } from './speakers';

/** The most double-bookings one refusal lists. */
const MAX_CONFLICTS = 200;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Class edits and cancellation by admins of the organising agency (decision 0040). Both lock the class row first
 * (the lock order of decision 0034: class, quota, registration) and bump the class's SEQUENCE, so calendar apps
 * replace the events they hold. A schedule change that would double-book a registrant holding a seat (confirmed or
 * pending approval) is refused (decision 0034, "Conflicts guarded by the database"): the exclusion constraint on
 * `class_registration.held_sessions` decides, in the edit's transaction.
 */
@Injectable()
export class ClassEditService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  private actor(scope: AccessScope) {
    return { userId: scope.principal.userId, correlationId: scope.principal.correlationId };
  }

  private async administered(scope: AccessScope, id: string): Promise<void> {
    const agencyId = await classAgencyIdOf(this.db, id);
    if (!agencyId || !scope.canAdministerAgency(agencyId))
      throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
  }

  /** The edited class as a whole, or the first problem in words (the rules of class creation). */
  private merged(row: EditableClassRow, dto: UpdateClassDto, speakers: ClassSpeaker[] | null): ClassChanges {
    const bad = (message: string) => invalid(ErrorCode.CALENDAR_INVALID_CLASS, message);
    let sessions: Session[] = row.sessions;
    const schedule = dto.schedule
      ? dto.schedule.map((d) => ({ date: d.date, start: d.start, end: d.end }))
      : row.schedule;
    if (dto.schedule) {
      const s = sessionsOf(schedule, row.time_zone as AgencyTimeZone);
      if ('problem' in s) throw bad(s.problem);
      sessions = s.sessions;
    }
    const venue = dto.venue === undefined ? row.venue : dto.venue || null;
    const meetingUrl = dto.meetingUrl === undefined ? row.meeting_url : dto.meetingUrl || null;
    if (row.mode !== 'classroom' && !meetingUrl) throw bad('kelas daring atau blended memerlukan meetingUrl');
    if (row.mode !== 'online' && !venue) throw bad('kelas klasikal atau blended memerlukan venue');
    const closes = dto.registrationClosesAt ? new Date(dto.registrationClosesAt) : new Date(row.registration_closes_at);
    const cancelBy = dto.cancellationDeadline
      ? new Date(dto.cancellationDeadline)
      : new Date(row.cancellation_deadline);
    const startsAt = new Date(sessions[0][0]);
    const opens = new Date(row.registration_opens_at);
    if (opens >= closes) throw bad('registrationClosesAt harus setelah pembukaan pendaftaran');
    if (closes > startsAt) throw bad('pendaftaran harus ditutup paling lambat saat kelas dimulai');
    if (cancelBy > startsAt) throw bad('batas pembatalan harus paling lambat saat kelas dimulai');
    if (row.quota_release_at && new Date(row.quota_release_at) > startsAt)
      throw bad('kelas tidak boleh dimulai sebelum tanggal pelepasan kuota (quotaReleaseAt)');
    return {
      name: dto.name ?? row.name,
      schedule,
      sessions,
      venue,
      meetingUrl,
      speakers: speakers ?? row.speakers,
      registrationClosesAt: closes,
      cancellationDeadline: cancelBy,
    };
  }

  /**
   * Edits a class that is neither cancelled nor over; its schedule only before it starts (attendance is kept per
   * session index). Sending what is already there changes nothing (no SEQUENCE bump): a retried PATCH is harmless.
   */
  async update(scope: AccessScope, id: string, dto: UpdateClassDto): Promise<ClassEditAnswer> {
    await this.administered(scope, id);
    return this.db.transaction(async (m) => {
      const row = await lockEditableClass(m, id);
      if (!row) throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
      if (row.status === 'cancelled' || row.ended)
        throw conflict(
          ErrorCode.CALENDAR_CLASS_NOT_EDITABLE,
          'Kelas yang dibatalkan atau sudah selesai tidak dapat diubah',
        );
      const next = this.merged(row, dto, dto.speakers ? await resolveSpeakers(m, dto.speakers) : null);
      // jsonb reorders object keys: compare days and speakers field by field, in one order.
      const days = (d: ClassDay[]) =>
        [...d].sort((a, b) => a.date.localeCompare(b.date)).map((x) => ({ date: x.date, start: x.start, end: x.end }));
      const people = (p: ClassSpeaker[]) =>
        p.map((x) => ({ employeeId: x.employeeId, name: x.name, institution: x.institution, role: x.role }));
      const before = {
        name: row.name,
        schedule: days(row.schedule),
        venue: row.venue,
        meetingUrl: row.meeting_url,
        speakers: people(row.speakers),
        registrationClosesAt: new Date(row.registration_closes_at).toISOString(),
        cancellationDeadline: new Date(row.cancellation_deadline).toISOString(),
      };
      const after: typeof before = {
        name: next.name,
        schedule: days(next.schedule),
        venue: next.venue,
        meetingUrl: next.meetingUrl,
        speakers: people(next.speakers),
        registrationClosesAt: next.registrationClosesAt.toISOString(),
        cancellationDeadline: next.cancellationDeadline.toISOString(),
      };
      const changed = (Object.keys(before) as Array<keyof typeof before>).filter((k) => !same(before[k], after[k]));
      if (changed.includes('schedule') && row.started)
        throw conflict(ErrorCode.CALENDAR_CLASS_NOT_EDITABLE, 'Jadwal kelas yang sudah dimulai tidak dapat diubah');
      let sequence = row.sequence;
      if (changed.length) {
        sequence = await updateClass(m, id, next);
        if (changed.includes('schedule')) await this.moveSeats(m, id, next.sessions);
        await recordAudit(m, this.actor(scope), {
          action: 'calendar.class.update',
          entityType: 'training_class',
          entityId: id,
          agencyId: row.agency_id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: { name: next.name, ...Object.fromEntries(changed.map((k) => [k, after[k]])) },
        });
      }
      return { class: toClass((await findClass(m, id)) as ClassRow), sequence };
    });
  }

  /**
   * Moves the class's seat holders onto the new sessions (in a savepoint of the edit's transaction). When that would
   * give someone two overlapping seats, the constraint refuses it and so does the edit: 409 SCHEDULE_CONFLICT naming
   * how many registrants, with the first of them and their other class in `details`; the caller's transaction rolls
   * back, so nothing changes.
   */
  private async moveSeats(m: Parameters<typeof moveHeldSessions>[0], id: string, sessions: Session[]): Promise<void> {
    const moved = await inSavepoint(
      m,
      'class_schedule_move',
      () => moveHeldSessions(m, id).then(() => true),
      isScheduleOverlap,
      false,
    );
    if (moved) return;
    const { registrants, rows } = await registrantOverlaps(m, id, sessions, MAX_CONFLICTS);
    const details: ClassEditConflict[] = rows.map((r) => ({
      registrationId: r.registration_id,
      employeeId: r.employee_id,
      employeeName: r.employee_name,
      otherClassId: r.other_class_id,
      otherClassTitle: r.other_class_title,
    }));
    const who = registrants
      ? `${registrants} peserta yang sudah memegang kursi akan terdaftar di dua kelas yang waktunya bentrok`
      : 'peserta yang sudah memegang kursi akan terdaftar di dua kelas yang waktunya bentrok';
    throw conflict(
      ErrorCode.CALENDAR_SCHEDULE_CONFLICT,
      `Jadwal baru tidak disimpan: ${who}. Pilih waktu lain, atau peserta membatalkan salah satu kelas lebih dulu`,
      details,
    );
  }

  /**
   * Cancels a class that is not over: nobody can register any more, its live registrations are closed as cancelled by
   * the organiser (they stay in "my calendar" and the feeds as cancelled), its seats are given back. Cancelling a
   * cancelled class answers it as it is (a retry).
   */
  async cancel(scope: AccessScope, id: string, dto: CancelClassDto): Promise<TrainingClass> {
    await this.administered(scope, id);
    return this.db.transaction(async (m) => {
      const row = await lockEditableClass(m, id);
      if (!row) throw notFound(ErrorCode.CALENDAR_CLASS_NOT_FOUND, 'Kelas tidak ditemukan');
      if (row.status !== 'cancelled') {
        if (row.ended)
          throw conflict(ErrorCode.CALENDAR_CLASS_NOT_EDITABLE, 'Kelas yang sudah selesai tidak dapat dibatalkan');
        const done = await cancelClass(m, id, { userId: scope.principal.userId, reason: dto.reason });
        await recordAudit(m, this.actor(scope), {
          action: 'calendar.class.cancel',
          entityType: 'training_class',
          entityId: id,
          agencyId: row.agency_id,
          before: { name: row.name, status: 'scheduled' },
          after: { name: row.name, status: 'cancelled', reason: dto.reason, registrationsClosed: done.closed },
        });
      }
      return toClass((await findClass(m, id)) as ClassRow);
    });
  }
}
