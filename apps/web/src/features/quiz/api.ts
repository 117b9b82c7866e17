import type {
  AnswerKey,
  AnswerResponse,
  AnswerSaved,
  AttemptReview,
  AttemptSummary,
  AttemptView,
  LessonAttempts,
  Page,
  Question,
  QuestionCategory,
  QuestionKind,
  QuestionOption,
  Quiz,
  QuizSettings,
  SavedAnswer,
} from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

const enc = encodeURIComponent;

// ---- question bank (authors) --------------------------------------------------------------------

export function listCategories(courseId: string, signal?: AbortSignal): Promise<QuestionCategory[]> {
  // The list may come paginated or as a plain array; the page is small either way.
  return request<QuestionCategory[] | Page<QuestionCategory>>(`/courses/${enc(courseId)}/question-categories`, {
    query: { pageSize: 100 },
    signal,
  }).then((res) => (Array.isArray(res) ? res : res.items));
}

export function createCategory(courseId: string, name: string): Promise<QuestionCategory> {
  return request<QuestionCategory>(`/courses/${enc(courseId)}/question-categories`, { method: 'POST', body: { name } });
}

export interface QuestionListParams {
  categoryId?: string;
  kind?: QuestionKind;
  page?: number;
  pageSize?: number;
}

export function listQuestions(
  courseId: string,
  params: QuestionListParams,
  signal?: AbortSignal,
): Promise<Page<Question>> {
  return request<Page<Question>>(`/courses/${enc(courseId)}/questions`, { query: { ...params }, signal });
}

export interface QuestionInput {
  kind: QuestionKind;
  categoryId: string | null;
  prompt: string;
  points: number;
  options: QuestionOption[];
  answerKey: AnswerKey;
  feedback: string | null;
}

export function createQuestion(courseId: string, input: QuestionInput): Promise<Question> {
  return request<Question>(`/courses/${enc(courseId)}/questions`, { method: 'POST', body: input });
}

export function updateQuestion(id: string, input: Partial<QuestionInput>): Promise<Question> {
  return request<Question>(`/questions/${enc(id)}`, { method: 'PATCH', body: input });
}

export function deleteQuestion(id: string): Promise<void> {
  return request<void>(`/questions/${enc(id)}`, { method: 'DELETE' });
}

// ---- quizzes (authors) --------------------------------------------------------------------------

export function listQuizzes(courseId: string, signal?: AbortSignal): Promise<Quiz[]> {
  return request<Quiz[] | Page<Quiz>>(`/courses/${enc(courseId)}/quizzes`, { query: { pageSize: 100 }, signal }).then(
    (res) => (Array.isArray(res) ? res : res.items),
  );
}

export function getQuiz(id: string, signal?: AbortSignal): Promise<Quiz> {
  return request<Quiz>(`/quizzes/${enc(id)}`, { signal });
}

export function createQuiz(courseId: string, title: string, settings?: Partial<QuizSettings>): Promise<Quiz> {
  return request<Quiz>(`/courses/${enc(courseId)}/quizzes`, { method: 'POST', body: { title, settings } });
}

export function updateQuiz(id: string, input: { title?: string; settings?: Partial<QuizSettings> }): Promise<Quiz> {
  return request<Quiz>(`/quizzes/${enc(id)}`, { method: 'PATCH', body: input });
}

// ---- attempts (learners) ------------------------------------------------------------------------

export function startAttempt(enrolmentId: string, lessonId: string): Promise<AttemptView> {
  return request<AttemptView>(`/enrolments/${enc(enrolmentId)}/lessons/${enc(lessonId)}/attempts`, { method: 'POST' });
}

export function getLessonAttempts(
  enrolmentId: string,
  lessonId: string,
  signal?: AbortSignal,
): Promise<LessonAttempts> {
  return request<LessonAttempts>(`/enrolments/${enc(enrolmentId)}/lessons/${enc(lessonId)}/attempts`, { signal });
}

export function getAttempt(id: string, signal?: AbortSignal): Promise<AttemptView> {
  return request<AttemptView>(`/attempts/${enc(id)}`, { signal });
}

export function saveAnswer(
  attemptId: string,
  questionId: string,
  response: AnswerResponse,
): Promise<SavedAnswer | AnswerSaved> {
  return request<SavedAnswer | AnswerSaved>(`/attempts/${enc(attemptId)}/answers/${enc(questionId)}`, {
    method: 'PUT',
    body: { response },
  });
}

export function saveAnswers(
  attemptId: string,
  answers: Array<{ questionId: string; response: AnswerResponse }>,
): Promise<AnswerSaved> {
  return request<AnswerSaved>(`/attempts/${enc(attemptId)}/answers`, { method: 'PUT', body: { answers } });
}

export function submitAttempt(id: string): Promise<AttemptSummary> {
  return request<AttemptSummary>(`/attempts/${enc(id)}/submit`, { method: 'POST' });
}

export function getAttemptReview(id: string, signal?: AbortSignal): Promise<AttemptReview> {
  return request<AttemptReview>(`/attempts/${enc(id)}/review`, { signal });
}
