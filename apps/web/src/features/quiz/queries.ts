import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuizSettings } from '@kompeten/shared-contracts';
import { catalogKeys } from '../catalog/queries';
import { learningKeys } from '../learning/queries';
import {
  createCategory,
  createQuestion,
  createQuiz,
  deleteQuestion,
  getAttempt,
  getAttemptReview,
  getLessonAttempts,
  getQuiz,
  listCategories,
  listQuestions,
  listQuizzes,
  startAttempt,
  submitAttempt,
  updateQuestion,
  updateQuiz,
  type QuestionInput,
  type QuestionListParams,
} from './api';

export const quizKeys = {
  all: ['quiz'] as const,
  categories: (courseId: string) => [...quizKeys.all, 'categories', courseId] as const,
  questions: (courseId: string) => [...quizKeys.all, 'questions', courseId] as const,
  questionList: (courseId: string, params: QuestionListParams) => [...quizKeys.questions(courseId), params] as const,
  quizzes: (courseId: string) => [...quizKeys.all, 'quizzes', courseId] as const,
  quiz: (id: string) => [...quizKeys.all, 'quiz', id] as const,
  lessonAttempts: (enrolmentId: string, lessonId: string) =>
    [...quizKeys.all, 'lesson-attempts', enrolmentId, lessonId] as const,
  attempt: (id: string) => [...quizKeys.all, 'attempt', id] as const,
  review: (id: string) => [...quizKeys.all, 'review', id] as const,
};

// ---- authoring ----------------------------------------------------------------------------------

export function useCategories(courseId: string | undefined) {
  return useQuery({
    queryKey: quizKeys.categories(courseId ?? ''),
    queryFn: ({ signal }) => listCategories(courseId as string, signal),
    enabled: !!courseId,
  });
}

export function useCreateCategory(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createCategory(courseId, name),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quizKeys.categories(courseId) }),
  });
}

export function useQuestions(courseId: string, params: QuestionListParams) {
  return useQuery({
    queryKey: quizKeys.questionList(courseId, params),
    queryFn: ({ signal }) => listQuestions(courseId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useQuestionMutations(courseId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: quizKeys.questions(courseId) });
    // Category counts change with the questions.
    void queryClient.invalidateQueries({ queryKey: quizKeys.categories(courseId) });
  };
  return {
    create: useMutation({ mutationFn: (input: QuestionInput) => createQuestion(courseId, input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Partial<QuestionInput> }) => updateQuestion(id, input),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => deleteQuestion(id), onSuccess }),
  };
}

export function useQuizzes(courseId: string | undefined) {
  return useQuery({
    queryKey: quizKeys.quizzes(courseId ?? ''),
    queryFn: ({ signal }) => listQuizzes(courseId as string, signal),
    enabled: !!courseId,
  });
}

export function useQuiz(id: string | undefined) {
  return useQuery({
    queryKey: quizKeys.quiz(id ?? ''),
    queryFn: ({ signal }) => getQuiz(id as string, signal),
    enabled: !!id,
  });
}

export function useCreateQuiz(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ title, settings }: { title: string; settings?: Partial<QuizSettings> }) =>
      createQuiz(courseId, title, settings),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quizKeys.quizzes(courseId) }),
  });
}

export function useUpdateQuiz(courseId: string, quizId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title?: string; settings?: Partial<QuizSettings> }) => updateQuiz(quizId, input),
    onSuccess: (quiz) => {
      queryClient.setQueryData(quizKeys.quiz(quizId), quiz);
      void queryClient.invalidateQueries({ queryKey: quizKeys.quizzes(courseId) });
    },
  });
}

// ---- learner ------------------------------------------------------------------------------------

export function useLessonAttempts(enrolmentId: string, lessonId: string) {
  return useQuery({
    queryKey: quizKeys.lessonAttempts(enrolmentId, lessonId),
    queryFn: ({ signal }) => getLessonAttempts(enrolmentId, lessonId, signal),
    staleTime: 0,
  });
}

export function useStartAttempt(enrolmentId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startAttempt(enrolmentId, lessonId),
    onSuccess: (attempt) => {
      queryClient.setQueryData(quizKeys.attempt(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: quizKeys.lessonAttempts(enrolmentId, lessonId) });
    },
  });
}

/** The attempt as the server sees it (deadline and serverNow included); never cached stale, it drives the clock. */
export function useAttempt(id: string | undefined, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: quizKeys.attempt(id ?? ''),
    queryFn: ({ signal }) => getAttempt(id as string, signal),
    enabled: !!id,
    staleTime: 0,
    refetchOnMount: 'always',
    // A submitted essay waits for a grader; an expired attempt waits for the worker.
    refetchInterval: (query) =>
      options.poll && query.state.data && query.state.data.status !== 'graded' ? 10_000 : false,
  });
}

export function useSubmitAttempt(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => submitAttempt(id),
    onSuccess: (summary) => {
      void queryClient.invalidateQueries({ queryKey: quizKeys.attempt(id) });
      void queryClient.invalidateQueries({ queryKey: quizKeys.lessonAttempts(summary.enrolmentId, summary.lessonId) });
      // A graded attempt completes the quiz lesson and may complete the course: the outline, the lesson, "my learning"
      // and the course page's enrolment status change with it.
      void queryClient.invalidateQueries({ queryKey: learningKeys.enrolment(summary.enrolmentId) });
      void queryClient.invalidateQueries({ queryKey: learningKeys.lesson(summary.enrolmentId, summary.lessonId) });
      void queryClient.invalidateQueries({ queryKey: learningKeys.mine() });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

export function useAttemptReview(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: quizKeys.review(id ?? ''),
    queryFn: ({ signal }) => getAttemptReview(id as string, signal),
    enabled: !!id && enabled,
  });
}
