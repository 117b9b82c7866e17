import type { AttemptSummary, Question, Quiz } from '@kompeten/shared-contracts';
import type { QuestionEntity } from './entities/question.entity';
import type { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import type { QuizEntity } from './entities/quiz.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toQuestion(q: QuestionEntity): Question {
  return {
    id: q.id,
    courseId: q.courseId,
    categoryId: q.categoryId,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    answerKey: q.answerKey ?? null,
    points: q.points,
    feedback: q.feedback,
    archived: q.archived,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

export function toQuiz(q: QuizEntity): Quiz {
  return {
    id: q.id,
    courseId: q.courseId,
    title: q.title,
    settings: q.settings,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

export function toAttemptSummary(a: QuizAttemptEntity): AttemptSummary {
  return {
    id: a.id,
    quizId: a.quizId,
    lessonId: a.lessonId,
    enrolmentId: a.enrolmentId,
    attemptNo: a.attemptNo,
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: iso(a.deadlineAt),
    submittedAt: iso(a.submittedAt),
    score: a.score,
    maxScore: a.maxScore,
    percent: a.percent,
    passed: a.passed,
    gradedAt: iso(a.gradedAt),
  };
}
