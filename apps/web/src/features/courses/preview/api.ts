import type { CoursePreview, PlayerLesson, PlayerLessonContent, PreviewLesson } from '@kompeten/shared-contracts';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../../shared/api';
import { courseKeys } from '../queries';

/** The draft (or the version under review) as learners will see it; authors and reviewers only (404 for others). */
export function getCoursePreview(courseId: string, signal?: AbortSignal): Promise<CoursePreview> {
  return request<CoursePreview>(`/courses/${encodeURIComponent(courseId)}/preview`, { signal });
}

export function useCoursePreview(courseId: string) {
  return useQuery({
    queryKey: [...courseKeys.detail(courseId), 'preview'] as const,
    queryFn: ({ signal }) => getCoursePreview(courseId, signal),
    // The draft changes while authors work on it: a preview opened again shows the latest.
    staleTime: 0,
  });
}

/**
 * A lesson of the preview in the shape the learner's player renders (LessonBody): no enrolment and no progress, so
 * nothing is sent anywhere. Quiz and assignment lessons are rendered by the preview itself (they need an enrolment).
 */
export function asPlayerLesson(
  lesson: PreviewLesson,
  moduleId: string,
  neighbours: { previous: string | null; next: string | null },
): PlayerLesson | null {
  const c = lesson.content;
  let content: PlayerLessonContent;
  switch (c.kind) {
    case 'video':
      content = {
        kind: 'video',
        fileId: c.fileId ?? null,
        url: c.url ?? null,
        durationSeconds: c.durationSeconds ?? null,
        completeAtRatio: c.completeAtRatio,
      };
      break;
    case 'quiz':
    case 'assignment':
      return null;
    default:
      content = c;
  }
  return {
    enrolmentId: 'preview',
    moduleId,
    lessonId: lesson.id,
    title: lesson.title,
    kind: lesson.kind,
    required: lesson.required,
    content,
    progress: {
      lessonId: lesson.id,
      status: 'not_started',
      timeSpentSeconds: 0,
      position: null,
      watchedRatio: null,
      scorePercent: null,
      passed: null,
      attended: false,
      completedAt: null,
    },
    previousLessonId: neighbours.previous,
    nextLessonId: neighbours.next,
  };
}
