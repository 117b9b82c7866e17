import type { CourseSnapshot, LessonProgressStatus, LessonSnapshot, QuizRole } from '@kompeten/shared-contracts';

/** What completion needs to know of one lesson's progress. */
export interface ProgressFacts {
  lessonId: string;
  status: LessonProgressStatus;
  passed: boolean | null;
  scorePercent: number | null;
  attended: boolean;
  /** Time the server credited on the lesson (docs/learning.md, "Time and video the server credits"). */
  timeSpentSeconds?: number;
}

const allLessons = (s: CourseSnapshot): LessonSnapshot[] => (s.modules ?? []).flatMap((m) => m.lessons ?? []);

/**
 * Lessons that count for completion and for the progress percentage: the rule's list, or with `"all"` every lesson
 * of the version except those the author marked optional (`required: false`).
 */
export function requiredLessonIds(s: CourseSnapshot): string[] {
  const lessons = allLessons(s);
  const rule = s.completionRule?.requiredLessons ?? 'all';
  if (rule === 'all') return lessons.filter((l) => l.required !== false).map((l) => l.id);
  const known = new Set(lessons.map((l) => l.id));
  return rule.filter((id) => known.has(id));
}

/** Quiz lessons of a role (pre_test, post_test), by the quiz settings snapshotted into the version. */
export function quizLessonIds(s: CourseSnapshot, role: QuizRole): string[] {
  return allLessons(s)
    .filter((l) => l.content.kind === 'quiz' && s.quizzes?.[l.content.quizId]?.settings?.role === role)
    .map((l) => l.id);
}

export function progressPercent(s: CourseSnapshot, facts: readonly ProgressFacts[]): number {
  const required = requiredLessonIds(s);
  if (required.length === 0) return 0;
  const done = new Set(facts.filter((f) => f.status === 'completed').map((f) => f.lessonId));
  return Math.round((required.filter((id) => done.has(id)).length / required.length) * 10000) / 100;
}

/**
 * Which parts of the version's completion rule (docs/learning.md, "Completion rule format") are not met yet;
 * an empty list means the course is complete.
 */
export function unmetConditions(s: CourseSnapshot, facts: readonly ProgressFacts[]): string[] {
  const rule = s.completionRule ?? { requiredLessons: 'all' };
  const byLesson = new Map(facts.map((f) => [f.lessonId, f]));
  const unmet: string[] = [];
  for (const id of requiredLessonIds(s)) if (byLesson.get(id)?.status !== 'completed') unmet.push(`lesson:${id}`);
  for (const id of rule.passQuizzes ?? []) if (byLesson.get(id)?.passed !== true) unmet.push(`quiz:${id}`);
  for (const id of rule.passAssignments ?? []) if (byLesson.get(id)?.passed !== true) unmet.push(`assignment:${id}`);
  if (rule.minPostTestPercent !== undefined && rule.minPostTestPercent !== null) {
    // A version without a post-test cannot be held to a post-test grade (publishing should refuse that rule).
    for (const id of quizLessonIds(s, 'post_test')) {
      const score = byLesson.get(id)?.scorePercent;
      if (score === null || score === undefined || score < rule.minPostTestPercent) unmet.push(`post_test:${id}`);
    }
  }
  if (rule.minLiveAttendance) {
    const liveIds = new Set(
      allLessons(s)
        .filter((l) => l.content.kind === 'live')
        .map((l) => l.id),
    );
    const attended = facts.filter((f) => f.attended && liveIds.has(f.lessonId)).length;
    if (attended < rule.minLiveAttendance) unmet.push(`live_attendance:${attended}/${rule.minLiveAttendance}`);
  }
  if (rule.minMinutes) {
    const spent = creditedSeconds(facts);
    if (spent < rule.minMinutes * 60) unmet.push(`min_time:${spent}/${rule.minMinutes * 60}`);
  }
  return unmet;
}

/** Seconds credited over the whole enrolment. */
export const creditedSeconds = (facts: readonly ProgressFacts[]): number =>
  facts.reduce((n, f) => n + (f.timeSpentSeconds ?? 0), 0);

/** A lesson's minimum credited time in seconds (0: none). */
export const lessonMinSeconds = (s: CourseSnapshot, lessonId: string): number =>
  (s.completionRule?.lessonMinMinutes?.[lessonId] ?? 0) * 60;
