/**
 * Queues, job names and their payloads. Payloads carry ids only: a handler re-reads the row.
 * BullMQ job ids may not contain ':'; ids are built by `jobId()` in libs/server/core (outbox).
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
  JpCreditCourseCompletion: 'jp.credit-course-completion',
  AudienceEnrolEmployee: 'audience-assignments.enrol-employee',
  AudienceApplyImport: 'audience-assignments.apply-import',
  AudienceSweep: 'audience-assignments.sweep',
  JpRebuildReportGroups: 'jp.rebuild-report-groups',
  CertificateIssueCourseCompletion: 'certificate.issue-course-completion',
  NotifyCertificateIssued: 'notification.certificate-issued',
  NotifyEnrolmentDecided: 'notification.enrolment-decided',
  NotifyJpClaimDecided: 'notification.jp-claim-decided',
  NotifySetupLinkIssued: 'notification.setup-link-issued',
  EmailSweep: 'notification.email-sweep',
  CalendarPromoteReleasedQuotas: 'calendar.promote-released-quotas',
  CalendarEnrolLinkedCourse: 'calendar.enrol-linked-course',
  CalendarPlanPresenceChecks: 'calendar.plan-presence-checks',
  CalendarSettleWebinarSessions: 'calendar.settle-webinar-sessions',
  JpCreditClassCompletion: 'jp.credit-class-completion',
  CertificateIssueClassCompletion: 'certificate.issue-class-completion',
  SiasnPushCertificate: 'siasn.push-certificate',
  SiasnSweep: 'siasn.sweep',
  SiasnReconcileDaily: 'siasn.reconcile-daily',
  NotifyDiscussionPosted: 'notification.discussion-posted',
  JpCreditCommunitySession: 'jp.credit-community-session',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export type JobItem =
  | { name: typeof JobName.EmployeeImportRun; queue: typeof QueueName.Imports; data: { importId: string } }
  /** A course completion was written; certificates, JP credit and the SIASN push attach here. */
  | { name: typeof JobName.CourseCompletionRecorded; queue: typeof QueueName.Events; data: { completionId: string } }
  /** Scheduled every 30 s: closes and grades every open quiz attempt whose deadline has passed. */
  | { name: typeof JobName.QuizAttemptsCloseExpired; queue: typeof QueueName.Events; data: Record<string, never> }
  /** A course version was published; with `requiresUpgrade` the active and pending enrolments move to it. */
  | {
      name: typeof JobName.CourseVersionPublished;
      queue: typeof QueueName.Events;
      data: { courseId: string; versionId: string; requiresUpgrade: boolean };
    }
  /** A course completion credits its JP to the ledger (once per completion, whatever the retries). */
  | { name: typeof JobName.JpCreditCourseCompletion; queue: typeof QueueName.Events; data: { completionId: string } }
  /** An ASN was created, moved unit, changed position or became active: live audience assignments enrol them (decision 0025). */
  | {
      name: typeof JobName.AudienceEnrolEmployee;
      queue: typeof QueueName.Events;
      data: { employeeId: string; changeId: string };
    }
  /** An employee import finished: every live audience assignment of its agency is applied again (decision 0025). */
  | { name: typeof JobName.AudienceApplyImport; queue: typeof QueueName.Events; data: { importId: string } }
  /** Scheduled: every live audience assignment is applied again, so no missed event loses an enrolment. */
  | { name: typeof JobName.AudienceSweep; queue: typeof QueueName.Events; data: Record<string, never> }
  /** Scheduled every minute: the province-level JP report aggregate of the current years is rebuilt (decision 0033). */
  | { name: typeof JobName.JpRebuildReportGroups; queue: typeof QueueName.Events; data: Record<string, never> }
  /** A course completion gets its certificate (once per completion, whatever the retries; decision 0030). */
  | {
      name: typeof JobName.CertificateIssueCourseCompletion;
      queue: typeof QueueName.Events;
      data: { completionId: string };
    }
  /** A certificate was issued: the learner gets an in-app notification and (if they want it) an email. */
  | { name: typeof JobName.NotifyCertificateIssued; queue: typeof QueueName.Events; data: { certificateId: string } }
  /** An enrolment request was approved or rejected (`decisionId`: one per decision, so a second request is a second notice). */
  | {
      name: typeof JobName.NotifyEnrolmentDecided;
      queue: typeof QueueName.Events;
      data: { enrolmentId: string; decisionId: string; outcome: 'approved' | 'rejected' };
    }
  /** A JP claim was verified or rejected: the claimant is told (with the reason when rejected). */
  | { name: typeof JobName.NotifyJpClaimDecided; queue: typeof QueueName.Events; data: { claimId: string } }
  /** A password setup link was issued: it is emailed to the person (the token is minted when the email is sent). */
  | { name: typeof JobName.NotifySetupLinkIssued; queue: typeof QueueName.Events; data: { setupLinkId: string } }
  /** Scheduled: emails pending or failed and due are sent again (back-off); the record of delivery is `email_delivery`. */
  | { name: typeof JobName.EmailSweep; queue: typeof QueueName.Events; data: Record<string, never> }
  /** Scheduled every minute: classes past their quota release date promote waiters into the seats now open to all (decision 0034). */
  | {
      name: typeof JobName.CalendarPromoteReleasedQuotas;
      queue: typeof QueueName.Events;
      data: Record<string, never>;
    }
  /** A class registration was confirmed: the learner is enrolled in the offering's linked e-learning course, if any. */
  | {
      name: typeof JobName.CalendarEnrolLinkedCourse;
      queue: typeof QueueName.Events;
      data: { registrationId: string };
    }
  /** Scheduled every minute: webinar sessions starting soon get their random presence checks (decision 0038). */
  | {
      name: typeof JobName.CalendarPlanPresenceChecks;
      queue: typeof QueueName.Events;
      data: Record<string, never>;
    }
  /** Scheduled every minute: ended webinar sessions turn joins and answered checks into class attendance (decision 0038). */
  | {
      name: typeof JobName.CalendarSettleWebinarSessions;
      queue: typeof QueueName.Events;
      data: Record<string, never>;
    }
  /** A class completion credits its JP to the ledger (once per class completion; decision 0037). */
  | {
      name: typeof JobName.JpCreditClassCompletion;
      queue: typeof QueueName.Events;
      data: { classCompletionId: string };
    }
  /** A class completion gets its certificate (once per class completion; decision 0037). */
  | {
      name: typeof JobName.CertificateIssueClassCompletion;
      queue: typeof QueueName.Events;
      data: { classCompletionId: string };
    }
  /** A certificate was issued: its SIASN push is created once and a first delivery attempted (docs/siasn.md). */
  | { name: typeof JobName.SiasnPushCertificate; queue: typeof QueueName.Events; data: { certificateId: string } }
  /** Scheduled every 15 s: every due SIASN push, document upload and requested reconciliation is driven again. */
  | { name: typeof JobName.SiasnSweep; queue: typeof QueueName.Events; data: Record<string, never> }
  /** Scheduled daily: a reconciliation is requested for every agency with acknowledged SIASN pushes. */
  | { name: typeof JobName.SiasnReconcileDaily; queue: typeof QueueName.Events; data: Record<string, never> }
  /** A discussion post mentioned people or replied to a thread: they are told in the app and (if they want it) by email. */
  | { name: typeof JobName.NotifyDiscussionPosted; queue: typeof QueueName.Events; data: { postId: string } }
  /** A community-of-practice session was recorded: each attendee's participation is credited once (jenis 23). */
  | { name: typeof JobName.JpCreditCommunitySession; queue: typeof QueueName.Events; data: { sessionId: string } };

export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>['data'];

/** Which queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.EmployeeImportRun]: QueueName.Imports,
  [JobName.CourseCompletionRecorded]: QueueName.Events,
  [JobName.QuizAttemptsCloseExpired]: QueueName.Events,
  [JobName.CourseVersionPublished]: QueueName.Events,
  [JobName.JpCreditCourseCompletion]: QueueName.Events,
  [JobName.AudienceEnrolEmployee]: QueueName.Events,
  [JobName.AudienceApplyImport]: QueueName.Events,
  [JobName.AudienceSweep]: QueueName.Events,
  [JobName.JpRebuildReportGroups]: QueueName.Events,
  [JobName.CertificateIssueCourseCompletion]: QueueName.Events,
  [JobName.NotifyCertificateIssued]: QueueName.Events,
  [JobName.NotifyEnrolmentDecided]: QueueName.Events,
  [JobName.NotifyJpClaimDecided]: QueueName.Events,
  [JobName.NotifySetupLinkIssued]: QueueName.Events,
  [JobName.EmailSweep]: QueueName.Events,
  [JobName.CalendarPromoteReleasedQuotas]: QueueName.Events,
  [JobName.CalendarEnrolLinkedCourse]: QueueName.Events,
  [JobName.CalendarPlanPresenceChecks]: QueueName.Events,
  [JobName.CalendarSettleWebinarSessions]: QueueName.Events,
  [JobName.JpCreditClassCompletion]: QueueName.Events,
  [JobName.CertificateIssueClassCompletion]: QueueName.Events,
  [JobName.SiasnPushCertificate]: QueueName.Events,
  [JobName.SiasnSweep]: QueueName.Events,
  [JobName.SiasnReconcileDaily]: QueueName.Events,
  [JobName.NotifyDiscussionPosted]: QueueName.Events,
  [JobName.JpCreditCommunitySession]: QueueName.Events,
};

/** Outbox event types. Each fans out to its consumers (`EVENT_CONSUMERS`). */
export const OutboxEvent = {
  EmployeeImportRequested: 'employee-import.requested',
  CourseCompleted: 'course.completed',
  CoursePublished: 'course.published',
  EmployeePlacementChanged: 'employee.placement-changed',
  EmployeeImportCompleted: 'employee-import.completed',
  /** A certificate was issued (written in the issuing transaction); the SIASN push and the notification attach here. */
  CertificateIssued: 'certificate.issued',
  /** A pending enrolment was approved or rejected (written with the decision). */
  EnrolmentDecided: 'enrolment.decided',
  /** A JP claim was verified or rejected (written with the decision). */
  JpClaimDecided: 'jp-claim.decided',
  /** A one-time password setup link was issued (written with the link; the payload never carries the token). */
  SetupLinkIssued: 'account.setup-link-issued',
  /** A class registration became confirmed (at registration, by approval or by promotion from the waitlist). */
  ClassRegistrationConfirmed: 'class-registration.confirmed',
  /** A discussion post with mentions, or a reply (written with the post; decision 0039). */
  DiscussionPosted: 'discussion.posted',
  /** A community-of-practice session was recorded with its attendees (written with the session). */
  CommunitySessionRecorded: 'community.session-recorded',
  /** An ASN completed a class by attendance (written with the class completion when the class is finalised). */
  ClassCompleted: 'class.completed',
} as const;
export type OutboxEvent = (typeof OutboxEvent)[keyof typeof OutboxEvent];

/**
 * The payload of each event; every consumer of the event receives it as its job data. The event's `aggregateId` is
 * the entity its jobs act on (job ids are `<jobName>.<aggregateId>`), so an event that may happen twice for one entity
 * must name something that differs each time (e.g. the version, not the course).
 */
export interface OutboxPayloads {
  [OutboxEvent.EmployeeImportRequested]: { importId: string };
  [OutboxEvent.CourseCompleted]: { completionId: string };
  [OutboxEvent.CoursePublished]: { courseId: string; versionId: string; requiresUpgrade: boolean };
  /** `aggregateId` is `changeId` (one per change), so a second move of one ASN is a second job. */
  [OutboxEvent.EmployeePlacementChanged]: { employeeId: string; changeId: string };
  [OutboxEvent.EmployeeImportCompleted]: { importId: string };
  [OutboxEvent.CertificateIssued]: { certificateId: string };
  /** `aggregateId` is `decisionId`: a learner may ask again after a rejection, and each decision is told once. */
  [OutboxEvent.EnrolmentDecided]: { enrolmentId: string; decisionId: string; outcome: 'approved' | 'rejected' };
  [OutboxEvent.JpClaimDecided]: { claimId: string };
  [OutboxEvent.SetupLinkIssued]: { setupLinkId: string };
  /** `aggregateId` is the registration (a registration is confirmed at most once; a new registration is a new row). */
  [OutboxEvent.ClassRegistrationConfirmed]: { registrationId: string };
  /** `aggregateId` is the post (written once, when the post is created). */
  [OutboxEvent.DiscussionPosted]: { postId: string };
  /** `aggregateId` is the session (recorded once; its attendees are fixed). */
  [OutboxEvent.CommunitySessionRecorded]: { sessionId: string };
  /** `aggregateId` is the class completion (one per class and ASN, written once). */
  [OutboxEvent.ClassCompleted]: { classCompletionId: string };
}
export type OutboxPayloadOf<E extends OutboxEvent> = OutboxPayloads[E];

/** The jobs whose payload an event can carry: only those may consume it. */
export type ConsumerOf<E extends OutboxEvent> = {
  [N in JobName]: OutboxPayloads[E] extends JobOf<N> ? N : never;
}[JobName];

/**
 * Who consumes each event: one job per consumer, each with its own id, retries and delivery record, so one consumer's
 * failure never retries, blocks or re-runs another. Adding a consumer (JP credit, certificate, SIASN push) is one entry
 * here plus its handler in the owning domain lib. An event with no consumers is parked by the relay.
 */
export const EVENT_CONSUMERS: { readonly [E in OutboxEvent]: readonly ConsumerOf<E>[] } = {
  [OutboxEvent.EmployeeImportRequested]: [JobName.EmployeeImportRun],
  [OutboxEvent.CourseCompleted]: [
    JobName.CourseCompletionRecorded,
    JobName.JpCreditCourseCompletion,
    JobName.CertificateIssueCourseCompletion,
  ],
  [OutboxEvent.CoursePublished]: [JobName.CourseVersionPublished],
  [OutboxEvent.EmployeePlacementChanged]: [JobName.AudienceEnrolEmployee],
  [OutboxEvent.EmployeeImportCompleted]: [JobName.AudienceApplyImport],
  [OutboxEvent.CertificateIssued]: [JobName.SiasnPushCertificate, JobName.NotifyCertificateIssued],
  [OutboxEvent.EnrolmentDecided]: [JobName.NotifyEnrolmentDecided],
  [OutboxEvent.JpClaimDecided]: [JobName.NotifyJpClaimDecided],
  [OutboxEvent.SetupLinkIssued]: [JobName.NotifySetupLinkIssued],
  [OutboxEvent.ClassRegistrationConfirmed]: [JobName.CalendarEnrolLinkedCourse],
  [OutboxEvent.DiscussionPosted]: [JobName.NotifyDiscussionPosted],
  [OutboxEvent.CommunitySessionRecorded]: [JobName.JpCreditCommunitySession],
  [OutboxEvent.ClassCompleted]: [JobName.JpCreditClassCompletion, JobName.CertificateIssueClassCompletion],
};
