import type { CourseSnapshot, QuizSnapshot } from '@kompeten/shared-contracts';
import type { CourseModuleEntity } from '../entities/course-module.entity';
import type { CourseEntity } from '../entities/course.entity';
import type { LessonEntity } from '../entities/lesson.entity';

/** Quiz ids used by the quiz lessons of a draft, in outline order. */
export function quizIdsOf(lessons: LessonEntity[]): string[] {
  return [...new Set(lessons.flatMap((l) => (l.content.kind === 'quiz' ? [l.content.quizId] : [])))];
}

/** The whole course as published (docs/learning.md): modules and lessons in order with their content, rule, JP, quizzes. */
export function buildSnapshot(
  course: CourseEntity,
  versionNo: number,
  modules: CourseModuleEntity[],
  lessons: LessonEntity[],
  quizzes: Record<string, QuizSnapshot>,
): CourseSnapshot {
  const byPosition = <T extends { position: number; createdAt: Date }>(a: T, b: T) =>
    a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();
  return {
    courseId: course.id,
    versionNo,
    title: course.title,
    description: course.description,
    jp: Number(course.jp),
    jenisDiklatId: course.jenisDiklatId,
    ...(course.latihanStrukturalId != null ? { latihanStrukturalId: course.latihanStrukturalId } : {}),
    modules: [...modules].sort(byPosition).map((m) => ({
      id: m.id,
      title: m.title,
      lessons: lessons
        .filter((l) => l.moduleId === m.id)
        .sort(byPosition)
        .map((l) => ({ id: l.id, title: l.title, required: l.required, content: l.content })),
    })),
    completionRule: course.completionRule,
    quizzes,
  };
}
