import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type PlayerLesson, type PlayerLessonContent, type QuizSnapshot } from '@kompeten/shared-contracts';
import { conflict } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { EnrolmentAccess } from './enrolment-access';
import { EnrolmentVersions } from './enrolment-versions';
import { DEFAULT_COMPLETE_AT_RATIO } from './progress.service';
import { emptyProgress, toLessonProgress } from './progress-store';
import { latestSubmissions, toSubmission } from './submission-store';

/** The player: one lesson of the version the learner takes, with their progress on it. */
@Injectable()
export class PlayerService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
  ) {}

  /** One lesson for the player, from the version snapshot. Quiz lessons show the quiz's settings only, never questions or keys. */
  async lesson(scope: AccessScope, enrolmentId: string, lessonId: string): Promise<PlayerLesson> {
    const m = this.db.manager;
    const { row, own } = await this.access.readable(m, scope, enrolmentId);
    if (own && row.status !== 'active' && row.status !== 'completed')
      throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini belum atau tidak lagi aktif');
    const { version, module, lesson, index } = await this.versions.lesson(m, row.course_version_id, lessonId);
    const progress = row.progress.find((r) => r.lesson_id === lessonId);
    let content: PlayerLessonContent;
    const c = lesson.content;
    switch (c.kind) {
      case 'quiz': {
        const quiz: QuizSnapshot | undefined = version.snapshot.quizzes?.[c.quizId];
        const pool = quiz?.questions?.length ?? 0;
        const drawn = quiz?.settings?.draw?.length ? quiz.settings.draw.reduce((n, d) => n + d.count, 0) : pool;
        content = {
          kind: 'quiz',
          quiz: {
            quizId: c.quizId,
            title: quiz?.title ?? lesson.title,
            role: quiz?.settings?.role ?? 'quiz',
            questionCount: Math.min(drawn, pool || drawn),
            timeLimitSeconds: quiz?.settings?.timeLimitSeconds ?? null,
            opensAt: quiz?.settings?.opensAt ?? null,
            closesAt: quiz?.settings?.closesAt ?? null,
            maxAttempts: quiz?.settings?.maxAttempts ?? null,
            passPercent: quiz?.settings?.passPercent ?? 0,
          },
        };
        break;
      }
      case 'assignment': {
        const [latest, ...earlier] = await latestSubmissions(m, enrolmentId, lessonId);
        content = {
          kind: 'assignment',
          instructions: c.instructions,
          maxScore: c.maxScore,
          passScore: c.passScore,
          submission: latest ? toSubmission(latest) : null,
          history: earlier.map(toSubmission),
        };
        break;
      }
      case 'video':
        content = {
          kind: 'video',
          fileId: c.fileId ?? null,
          url: c.url ?? null,
          durationSeconds: c.durationSeconds ?? null,
          completeAtRatio: c.completeAtRatio ?? DEFAULT_COMPLETE_AT_RATIO,
        };
        break;
      default:
        content = c;
    }
    const prev = version.lessons[index - 1]?.lesson.id ?? null;
    const next = version.lessons[index + 1]?.lesson.id ?? null;
    return {
      enrolmentId,
      moduleId: module.id,
      lessonId: lesson.id,
      title: lesson.title,
      kind: c.kind,
      required: version.requiredLessonIds.has(lesson.id),
      content,
      progress: progress ? toLessonProgress(progress) : emptyProgress(lessonId),
      previousLessonId: prev,
      nextLessonId: next,
    };
  }
}
