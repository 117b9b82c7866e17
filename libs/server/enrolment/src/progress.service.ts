import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type LessonSnapshot, type ProgressResult } from '@kompeten/shared-contracts';
import { conflict, invalid } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { lessonMinSeconds } from './completion-rule';
import type { ProgressUpdateDto } from './dto/enrolment.dto';
import { EnrolmentAccess } from './enrolment-access';
import { EnrolmentVersions } from './enrolment-versions';
import { ProgressRecorder } from './progress-recorder';
import { lockEnrolment, type ProgressChange } from './progress-store';

export const DEFAULT_COMPLETE_AT_RATIO = 0.9;

/**
 * The server's clock for learning records (docs/learning.md, "Time and video the server credits"). An event credits
 * at most the wall-clock seconds since the learner's previous event (any lesson of the enrolment), and at most
 * MAX_CREDIT_PER_EVENT; the web player reports every 30 s.
 */
export const MAX_CREDIT_PER_EVENT = 300;
/** A video's watched share may advance at most this many times faster than real time (the player's 1.25× speed). */
export const PLAYBACK_TOLERANCE = 1.25;
/** A video whose duration the author did not give is bounded as if it were this long (5 minutes). */
export const ASSUMED_VIDEO_SECONDS = 300;

/** Seconds an event may credit: what the player claims, bounded by the wall-clock since the last credited event. */
export function creditableSeconds(claimed: number | undefined, clockFrom: Date, clockNow: Date): number {
  const elapsed = Math.floor((clockNow.getTime() - clockFrom.getTime()) / 1000);
  return Math.max(0, Math.min(claimed ?? 0, MAX_CREDIT_PER_EVENT, elapsed));
}

const minutesText = (seconds: number) => `${Math.ceil(seconds / 60)} menit`;

/** Whether a player event completes a lesson of this kind (docs/learning.md, "What completes a lesson"). */
export function eventCompletes(
  lesson: LessonSnapshot,
  dto: Pick<ProgressUpdateDto, 'event' | 'watchedRatio'>,
): boolean {
  const c = lesson.content;
  switch (dto.event) {
    case 'opened':
      return c.kind === 'text' || c.kind === 'document' || c.kind === 'link';
    case 'downloaded':
      return c.kind === 'file' || c.kind === 'document';
    case 'video':
    case 'heartbeat':
      return (
        c.kind === 'video' &&
        dto.watchedRatio !== undefined &&
        dto.watchedRatio >= (c.completeAtRatio ?? DEFAULT_COMPLETE_AT_RATIO)
      );
  }
}

/** Player events on the learner's own lessons: time, video and completion as the server credits them. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(ProgressRecorder) private readonly recorder: ProgressRecorder,
  ) {}

  /**
   * A player event on the learner's own lesson. Safe to repeat: a completed lesson stays completed, the watched
   * share only grows, and completion is written at most once.
   */
  async recordEvent(
    scope: AccessScope,
    enrolmentId: string,
    lessonId: string,
    dto: ProgressUpdateDto,
  ): Promise<ProgressResult> {
    return this.db.transaction(async (m) => {
      await this.access.own(m, scope, enrolmentId);
      const en = await lockEnrolment(m, enrolmentId);
      if (en.status !== 'active' && en.status !== 'completed')
        throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini tidak aktif');
      const { lesson, version } = await this.versions.lesson(m, en.courseVersionId, lessonId);
      if (dto.event === 'video' && lesson.content.kind !== 'video')
        throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan video');
      if (dto.event === 'downloaded' && lesson.content.kind !== 'file' && lesson.content.kind !== 'document') {
        throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan berkas unduhan');
      }
      const c = lesson.content;
      const minSeconds = lessonMinSeconds(version.snapshot, lessonId);
      // With a minimum time, a heartbeat from an open text, document or link lesson completes it once the time is met.
      const readWhileOpen =
        minSeconds > 0 &&
        dto.event === 'heartbeat' &&
        (c.kind === 'text' || c.kind === 'document' || c.kind === 'link');
      const change: ProgressChange = {
        complete: c.kind !== 'video' && (eventCompletes(lesson, dto) || readWhileOpen),
        secondsSpent: creditableSeconds(dto.secondsSpent, en.clockFrom, en.clockNow),
        position: dto.position,
        clock: { from: en.clockFrom, now: en.clockNow },
        minSeconds,
        ...(c.kind === 'video'
          ? {
              watchedRatio: dto.watchedRatio,
              videoRatePerSecond: PLAYBACK_TOLERANCE / (c.durationSeconds ?? ASSUMED_VIDEO_SECONDS),
              completeAtRatio: c.completeAtRatio ?? DEFAULT_COMPLETE_AT_RATIO,
            }
          : {}),
      };
      const result = await this.recorder.apply(m, en, lessonId, change, true);
      const lessonLeft =
        result.lesson.status === 'completed' ? 0 : Math.max(0, minSeconds - result.lesson.timeSpentSeconds);
      const courseMin = (version.snapshot.completionRule?.minMinutes ?? 0) * 60;
      const courseLeft = result.completed ? 0 : Math.max(0, courseMin - result.creditedSeconds);
      const contentDone =
        change.complete || (c.kind === 'video' && (result.lesson.watchedRatio ?? 0) >= (change.completeAtRatio ?? 1));
      let notice: string | null = null;
      if (contentDone && lessonLeft > 0)
        notice = `Materi ini baru selesai setelah waktu belajar minimal ${minutesText(minSeconds)}; kurang ${minutesText(lessonLeft)} lagi.`;
      else if (!result.completed && courseLeft > 0 && result.enrolmentProgressPercent >= 100) {
        notice = `Pelatihan ini baru selesai setelah waktu belajar minimal ${minutesText(courseMin)}; kurang ${minutesText(courseLeft)} lagi.`;
      }
      const { creditedSeconds: _credited, ...out } = result;
      return { ...out, timeRemaining: { lessonSeconds: lessonLeft, courseSeconds: courseLeft }, notice };
    });
  }
}
