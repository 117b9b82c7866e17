import type { RouteObject } from 'react-router';

/** Learner pages: answering an attempt and its result. */
export const quizRoutes: RouteObject[] = [
  {
    path: 'kuis/:attemptId',
    lazy: async () => ({ Component: (await import('./components/QuizAttemptPage')).QuizAttemptPage }),
  },
  {
    path: 'kuis/:attemptId/hasil',
    lazy: async () => ({ Component: (await import('./components/AttemptResultPage')).AttemptResultPage }),
  },
];

/** Authoring sections of the course workspace (relative to /kursus/:courseId). */
export const quizAuthoringRoutes: RouteObject[] = [
  {
    path: 'bank-soal',
    lazy: async () => ({ Component: (await import('./components/QuestionBankPage')).QuestionBankPage }),
  },
  {
    path: 'kuis',
    lazy: async () => ({ Component: (await import('./components/QuizListPage')).QuizListPage }),
  },
  {
    path: 'kuis/:quizId',
    lazy: async () => ({ Component: (await import('./components/QuizSettingsPage')).QuizSettingsPage }),
  },
];
