import type { RouteObject } from 'react-router';

/** /penilaian: the author's courses, each with its grading queue and report. */
export const gradingRoutes: RouteObject[] = [
  {
    path: 'penilaian',
    lazy: async () => ({ Component: (await import('./components/GradingIndexPage')).GradingIndexPage }),
  },
];

/** Sections of the course workspace (relative to /kursus/:courseId). */
export const gradingCourseRoutes: RouteObject[] = [
  {
    path: 'penilaian',
    lazy: async () => ({ Component: (await import('./components/CourseGradingPage')).CourseGradingPage }),
  },
  {
    path: 'penilaian/percobaan/:attemptId',
    lazy: async () => ({ Component: (await import('./components/GradeAttemptPage')).GradeAttemptPage }),
  },
  {
    path: 'laporan',
    lazy: async () => ({ Component: (await import('./components/CourseReportPage')).CourseReportPage }),
  },
];
