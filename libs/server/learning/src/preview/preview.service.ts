import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CoursePreview,
  PreviewQuiz,
  QuestionSnapshot,
  QuizSnapshot,
  CourseSnapshot,
} from '@kompeten/shared-contracts';
import { DomainError } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { canReview, findCourseFor } from '../course-access';
import { CourseModuleEntity } from '../entities/course-module.entity';
import { CourseVersionEntity } from '../entities/course-version.entity';
import { LessonEntity } from '../entities/lesson.entity';
import { QUIZ_SNAPSHOT_PORT, type QuizSnapshotPort } from '../quiz-snapshot.port';
import { buildSnapshot, quizIdsOf } from '../workflow/snapshot';

/** Lessons the completion rule requires, as the player marks them (enrolment's `requiredLessonIds`, same rule). */
function requiredIds(s: CourseSnapshot): Set<string> {
  const lessons = s.modules.flatMap((m) => m.lessons);
  const rule = s.completionRule?.requiredLessons ?? 'all';
  return new Set(rule === 'all' ? lessons.filter((l) => l.required !== false).map((l) => l.id) : rule);
}

/** Questions per attempt: the draw's counts, or the whole pool (as the player states it). */
function questionsPerAttempt(quiz: QuizSnapshot): number {
  const pool = quiz.questions.length;
  const drawn = quiz.settings.draw.length ? quiz.settings.draw.reduce((n, d) => n + d.count, 0) : pool;
  return Math.min(drawn, pool || drawn);
}

const toPreviewQuestion = (q: QuestionSnapshot) => ({
  id: q.id,
  categoryId: q.categoryId,
  kind: q.kind,
  prompt: q.prompt,
  points: q.points,
  options: q.options,
  answerKey: (q.key ?? null) as PreviewQuiz['questions'][number]['answerKey'],
  feedback: q.feedback ?? null,
});

/**
 * "See what learners will see" (issue 15): the draft — which is the version under review while the course is in
 * review — built exactly as publishing would build its snapshot, for the people who may author or review the course
 * (`findCourseFor`, the one course-access rule: anyone else gets the same 404 as for an unknown course). Reads only:
 * nothing about the caller is recorded. Quizzes come through the assessment lib's QUIZ_SNAPSHOT_PORT with their
 * answer keys; a quiz that is not ready to publish is shown with the reason instead of failing the whole preview.
 */
@Injectable()
export class CoursePreviewService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Optional() @Inject(QUIZ_SNAPSHOT_PORT) private readonly quizzes?: QuizSnapshotPort,
  ) {}

  async preview(scope: AccessScope, courseId: string): Promise<CoursePreview> {
    // One snapshot of the draft: modules, lessons and quizzes as of the same moment.
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const access = await findCourseFor(m, scope, courseId);
      const c = access.course;
      const modules = await m.getRepository(CourseModuleEntity).findBy({ courseId });
      const lessons = await m.getRepository(LessonEntity).findBy({ courseId });
      const quizzes = await this.quizPreviews(m, courseId, quizIdsOf(lessons));
      const snapshot = buildSnapshot(c, 0, modules, lessons, {});
      const required = requiredIds(snapshot);
      const current = c.currentVersionId
        ? await m
            .getRepository(CourseVersionEntity)
            .findOne({ where: { id: c.currentVersionId }, select: { versionNo: true } })
        : null;
      return {
        courseId: c.id,
        title: c.title,
        description: c.description,
        objectives: c.objectives,
        jp: Number(c.jp),
        status: c.status,
        currentVersionNo: current?.versionNo ?? null,
        completionRule: c.completionRule,
        modules: snapshot.modules.map((mod) => ({
          id: mod.id,
          title: mod.title,
          lessons: mod.lessons.map((l) => ({
            id: l.id,
            title: l.title,
            kind: l.content.kind,
            required: required.has(l.id),
            content: l.content,
          })),
        })),
        quizzes,
        viewer: { isAuthor: access.isAuthor, isReviewer: access.isReviewer, canReview: canReview(access) },
      };
    });
  }

  private async quizPreviews(
    m: EntityManager,
    courseId: string,
    quizIds: string[],
  ): Promise<Record<string, PreviewQuiz>> {
    const out: Record<string, PreviewQuiz> = {};
    for (const id of quizIds) {
      let problem: string | null = null;
      let quiz: QuizSnapshot | undefined;
      if (!this.quizzes) problem = 'Modul penilaian tidak terpasang, sehingga kuis tidak dapat ditampilkan';
      else {
        try {
          quiz = (await this.quizzes.snapshot(m, courseId, [id]))[id];
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          problem = e.message;
          // The port refuses a quiz that cannot be published yet; its questions are still worth seeing.
          quiz = await this.quizzes.preview?.(m, courseId, id);
        }
      }
      out[id] = quiz
        ? {
            id,
            title: quiz.title,
            settings: quiz.settings,
            questionsPerAttempt: questionsPerAttempt(quiz),
            questions: quiz.questions.map(toPreviewQuestion),
            problem,
          }
        : {
            id,
            title: '',
            settings: {
              role: 'quiz',
              draw: [],
              shuffleOptions: false,
              timeLimitSeconds: null,
              opensAt: null,
              closesAt: null,
              maxAttempts: null,
              passPercent: 0,
              gradingMethod: 'highest',
              reviewPolicy: 'never',
            },
            questionsPerAttempt: 0,
            questions: [],
            problem: problem ?? 'Kuis tidak ditemukan di pelatihan ini',
          };
    }
    return out;
  }
}
