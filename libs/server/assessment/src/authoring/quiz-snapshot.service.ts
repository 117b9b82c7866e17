import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { ErrorCode, type QuestionSnapshot, type QuizRole, type QuizSnapshot } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { QuestionEntity } from '../entities/question.entity';
import { QuizEntity } from '../entities/quiz.entity';
import { DEFAULT_QUIZ_SETTINGS } from './quiz-settings';

/**
 * Snapshots quizzes when a course is published (the learning domain's QUIZ_SNAPSHOT_PORT): each quiz's settings and
 * the full pool of its questions, with keys. Refuses a quiz whose draw asks for more questions than its bank holds.
 */
@Injectable()
export class QuizSnapshotService {
  async snapshot(manager: EntityManager, courseId: string, quizIds: string[]): Promise<Record<string, QuizSnapshot>> {
    const ids = [...new Set(quizIds)];
    if (ids.length === 0) return {};
    const quizzes = await manager.getRepository(QuizEntity).findBy({ id: In(ids), courseId });
    const missing = ids.filter((id) => !quizzes.some((q) => q.id === id));
    if (missing.length)
      throw invalid(ErrorCode.ASSESSMENT_QUIZ_NOT_FOUND, `Kuis ${missing.join(', ')} tidak ada di kursus ini`, missing);
    const bank = await this.bank(manager, courseId);
    const out: Record<string, QuizSnapshot> = {};
    const problems: string[] = [];
    for (const quiz of quizzes) {
      const { snapshot, problems: own } = freeze(quiz, bank);
      problems.push(...own);
      out[quiz.id] = snapshot;
    }
    if (problems.length)
      throw invalid(
        ErrorCode.ASSESSMENT_INVALID_SETTINGS,
        `Kuis belum siap diterbitkan: ${problems.join('; ')}`,
        problems,
      );
    return out;
  }

  /** One quiz as `snapshot` freezes it, ready or not (the course preview shows it beside the reason). */
  async preview(manager: EntityManager, courseId: string, quizId: string): Promise<QuizSnapshot | undefined> {
    const quiz = await manager.getRepository(QuizEntity).findOneBy({ id: quizId, courseId });
    return quiz ? freeze(quiz, await this.bank(manager, courseId)).snapshot : undefined;
  }

  async roles(manager: EntityManager, courseId: string, quizIds: string[]): Promise<Record<string, QuizRole>> {
    if (quizIds.length === 0) return {};
    const quizzes = await manager.getRepository(QuizEntity).findBy({ id: In([...new Set(quizIds)]), courseId });
    return Object.fromEntries(quizzes.map((q) => [q.id, { ...DEFAULT_QUIZ_SETTINGS, ...q.settings }.role]));
  }

  private bank(manager: EntityManager, courseId: string): Promise<QuestionEntity[]> {
    return manager
      .getRepository(QuestionEntity)
      .find({ where: { courseId, archived: false }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

/** A quiz's settings and its pool of the bank, with what keeps it from being published. */
function freeze(quiz: QuizEntity, bank: QuestionEntity[]): { snapshot: QuizSnapshot; problems: string[] } {
  const settings = { ...DEFAULT_QUIZ_SETTINGS, ...quiz.settings };
  const pool = settings.draw.length
    ? bank.filter((q) => settings.draw.some((d) => d.categoryId === q.categoryId))
    : bank;
  const problems: string[] = [];
  for (const d of settings.draw) {
    const available = pool.filter((q) => q.categoryId === d.categoryId).length;
    if (d.count > available)
      problems.push(
        `kuis "${quiz.title}": pengundian ${d.count} soal dari kategori ${d.categoryId ?? '(tanpa kategori)'}, tersedia ${available}`,
      );
  }
  if (pool.length === 0) problems.push(`kuis "${quiz.title}" belum punya soal`);
  return { snapshot: { id: quiz.id, title: quiz.title, settings, questions: pool.map(toQuestionSnapshot) }, problems };
}

export function toQuestionSnapshot(q: QuestionEntity): QuestionSnapshot {
  return {
    id: q.id,
    categoryId: q.categoryId,
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    options: q.options,
    key: q.answerKey ?? null,
    ...(q.feedback ? { feedback: q.feedback } : {}),
  };
}
