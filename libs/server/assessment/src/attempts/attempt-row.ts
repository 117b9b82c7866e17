import type { AttemptStatus } from '@kompeten/shared-contracts';
import type { AttemptDraw, QuizAttemptEntity } from '../entities/quiz-attempt.entity';

/** A quiz_attempt row as raw SQL returns it (snake_case; numeric as text): the columns of attempt-store's ATTEMPT_COLUMNS. */
export interface AttemptRow {
  id: string;
  quiz_id: string;
  course_version_id: string;
  enrolment_id: string;
  lesson_id: string;
  employee_id: string;
  attempt_no: number;
  status: AttemptStatus;
  started_at: Date;
  deadline_at: Date | null;
  submitted_at: Date | null;
  draw: AttemptDraw;
  score: string | null;
  max_score: string;
  percent: string | null;
  passed: boolean | null;
  graded_at: Date | null;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** A raw quiz_attempt row in the entity's shape, so hand-written SQL on the hot paths and the repository agree. */
export function attemptFromRow(r: AttemptRow): QuizAttemptEntity {
  return {
    id: r.id,
    quizId: r.quiz_id,
    courseVersionId: r.course_version_id,
    enrolmentId: r.enrolment_id,
    lessonId: r.lesson_id,
    employeeId: r.employee_id,
    attemptNo: Number(r.attempt_no),
    status: r.status,
    startedAt: new Date(r.started_at),
    deadlineAt: r.deadline_at ? new Date(r.deadline_at) : null,
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
    draw: r.draw,
    score: num(r.score),
    maxScore: Number(r.max_score),
    percent: num(r.percent),
    passed: r.passed,
    gradedAt: r.graded_at ? new Date(r.graded_at) : null,
  };
}
