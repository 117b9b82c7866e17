/**
 * Queues, job names and their payloads. Payloads carry ids only: a handler re-reads the row.
 * BullMQ job ids may not contain ':'; ids are built by `jobId()` in the worker's enqueue.
 */
export const QueueName = {
  Events: 'events',
  Imports: 'imports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  EmployeeImportRun: 'employee-import.run',
  CourseCompletionRecorded: 'course-completion.recorded',
  QuizAttemptsCloseExpired: 'quiz-attempts.close-expired',
  CourseVersionPublished: 'course-version.published',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export type JobItem =
  | { name: typeof JobName.EmployeeImportRun; queue: typeof QueueName.Imports; data: { importId: string } }
  /** A course completion was written; certificates, JP credit and the SIASN push attach here. */
  | { name: typeof JobName.CourseCompletionRecorded; queue: typeof QueueName.Events; data: { completionId: string } }
  /** Scheduled every 30 s: closes and grades every open quiz attempt whose deadline has passed. */
  | { name: typeof JobName.QuizAttemptsCloseExpired; queue: typeof QueueName.Events; data: Record<string, never> }
  /** A course version was published; with `requiresUpgrade` the active and pending enrolments move to it. */
  | { name: typeof JobName.CourseVersionPublished; queue: typeof QueueName.Events; data: { courseId: string; versionId: string; requiresUpgrade: boolean } };

export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>['data'];

/** Which queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.EmployeeImportRun]: QueueName.Imports,
  [JobName.CourseCompletionRecorded]: QueueName.Events,
  [JobName.QuizAttemptsCloseExpired]: QueueName.Events,
  [JobName.CourseVersionPublished]: QueueName.Events,
};

/** Outbox event types; each maps to exactly one job. */
export const OutboxEvent = {
  EmployeeImportRequested: 'employee-import.requested',
  CourseCompleted: 'course.completed',
  CoursePublished: 'course.published',
} as const;
export type OutboxEvent = (typeof OutboxEvent)[keyof typeof OutboxEvent];

export const EVENT_JOB: Record<OutboxEvent, JobName> = {
  [OutboxEvent.EmployeeImportRequested]: JobName.EmployeeImportRun,
  [OutboxEvent.CourseCompleted]: JobName.CourseCompletionRecorded,
  [OutboxEvent.CoursePublished]: JobName.CourseVersionPublished,
};
