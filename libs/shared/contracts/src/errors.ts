/** Stable error codes in DOMAIN.REASON form. The HTTP status is decided by the global filter. */
export const ErrorCode = {
  VALIDATION_FAILED: 'REQUEST.VALIDATION_FAILED',
  PAYLOAD_TOO_LARGE: 'REQUEST.PAYLOAD_TOO_LARGE',
  MALFORMED_JSON: 'REQUEST.MALFORMED_JSON',
  NOT_FOUND: 'REQUEST.NOT_FOUND',
  RATE_LIMITED: 'REQUEST.RATE_LIMITED',
  /** A retry-safe write kept losing races with other requests for the same row; sending it again is safe. */
  CONCURRENT_CHANGE: 'REQUEST.CONCURRENT_CHANGE',
  INTERNAL: 'SERVER.INTERNAL',
  /** A dependency every request needs (Redis: session check, rate limit) did not answer; retry shortly. */
  SERVICE_UNAVAILABLE: 'SERVER.UNAVAILABLE',

  AUTH_INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  AUTH_ACCOUNT_DISABLED: 'AUTH.ACCOUNT_DISABLED',
  AUTH_UNAUTHENTICATED: 'AUTH.UNAUTHENTICATED',
  AUTH_INVALID_REFRESH_TOKEN: 'AUTH.INVALID_REFRESH_TOKEN',
  AUTH_FORBIDDEN: 'AUTH.FORBIDDEN',
  AUTH_WRONG_PASSWORD: 'AUTH.WRONG_PASSWORD',
  AUTH_WEAK_PASSWORD: 'AUTH.WEAK_PASSWORD',
  /** Too many wrong passwords for this username or from this address (login and change-password); identical for unknown names. */
  AUTH_LOGIN_THROTTLED: 'AUTH.LOGIN_THROTTLED',

  // issue 12 — accounts: setup links, confirmed email changes, management ranks
  /** No setup link with this token. */
  ACCOUNT_SETUP_LINK_NOT_FOUND: 'ACCOUNT.SETUP_LINK_NOT_FOUND',
  /** The setup link was used, replaced by a newer one, or expired. */
  ACCOUNT_SETUP_LINK_GONE: 'ACCOUNT.SETUP_LINK_GONE',
  /** The caller's rank or scope does not cover every role the account holds (decision 0012). */
  ACCOUNT_RANK_FORBIDDEN: 'ACCOUNT.RANK_FORBIDDEN',
  /** There is no pending login email to confirm. */
  ACCOUNT_NO_PENDING_EMAIL: 'ACCOUNT.NO_PENDING_EMAIL',
  /** The ASN has no sign-in account yet. */
  ACCOUNT_NOT_FOUND: 'ACCOUNT.NOT_FOUND',
  /** No pending "forgot password" request with this id among the ASN the caller manages (issue 15). */
  ACCOUNT_RESET_REQUEST_NOT_FOUND: 'ACCOUNT.RESET_REQUEST_NOT_FOUND',
  /** Nobody appoints themself as a supervisor or sets their own supervisor. */
  EMPLOYEE_SELF_SUPERVISOR: 'EMPLOYEE.SELF_SUPERVISOR',

  ORG_AGENCY_NOT_FOUND: 'ORGANISATION.AGENCY_NOT_FOUND',
  ORG_UNIT_NOT_FOUND: 'ORGANISATION.UNIT_NOT_FOUND',
  ORG_DUPLICATE_CODE: 'ORGANISATION.DUPLICATE_CODE',
  ORG_INVALID_PARENT: 'ORGANISATION.INVALID_PARENT',

  EMPLOYEE_NOT_FOUND: 'EMPLOYEE.NOT_FOUND',
  EMPLOYEE_INVALID_NIP: 'EMPLOYEE.INVALID_NIP',
  EMPLOYEE_DUPLICATE_NIP: 'EMPLOYEE.DUPLICATE_NIP',
  EMPLOYEE_DUPLICATE_EMAIL: 'EMPLOYEE.DUPLICATE_EMAIL',
  EMPLOYEE_INVALID_SUPERVISOR: 'EMPLOYEE.INVALID_SUPERVISOR',
  /** The golongan does not exist for the employee type (PNS I/a–IV/e, PPPK I–XVII). */
  EMPLOYEE_INVALID_RANK: 'EMPLOYEE.INVALID_RANK',

  IMPORT_NOT_FOUND: 'IMPORT.NOT_FOUND',
  IMPORT_FILE_REQUIRED: 'IMPORT.FILE_REQUIRED',
  IMPORT_BAD_FILE: 'IMPORT.BAD_FILE',

  // issue 16 — JP compliance reports and the IP ASN estimate (decision 0023)
  /** The caller holds no role that sees compliance reports (supervisor, HR officer, admins). */
  JP_REPORT_NO_SCOPE: 'JP.REPORT_NO_SCOPE',
  /** No IP ASN scheme version is in force for the year asked. */
  JP_IP_ASN_NO_SCHEME: 'JP.IP_ASN_NO_SCHEME',
  /** An IP ASN scheme version whose rules or bands do not hold together. */
  JP_IP_ASN_INVALID_SCHEME: 'JP.IP_ASN_INVALID_SCHEME',
  /** A scheme version with this name or effective date exists already. */
  JP_IP_ASN_SCHEME_EXISTS: 'JP.IP_ASN_SCHEME_EXISTS',

  ROLE_INVALID_SCOPE: 'ROLE.INVALID_SCOPE',
  ROLE_NOT_FOUND: 'ROLE.NOT_FOUND',
  ASSESSMENT_COURSE_NOT_FOUND: 'ASSESSMENT.COURSE_NOT_FOUND',
  ASSESSMENT_CATEGORY_NOT_FOUND: 'ASSESSMENT.CATEGORY_NOT_FOUND',
  ASSESSMENT_CATEGORY_IN_USE: 'ASSESSMENT.CATEGORY_IN_USE',
  ASSESSMENT_QUESTION_NOT_FOUND: 'ASSESSMENT.QUESTION_NOT_FOUND',
  ASSESSMENT_INVALID_QUESTION: 'ASSESSMENT.INVALID_QUESTION',
  ASSESSMENT_QUIZ_NOT_FOUND: 'ASSESSMENT.QUIZ_NOT_FOUND',
  ASSESSMENT_INVALID_SETTINGS: 'ASSESSMENT.INVALID_SETTINGS',
  ASSESSMENT_LESSON_NOT_FOUND: 'ASSESSMENT.LESSON_NOT_FOUND',
  ASSESSMENT_ATTEMPT_NOT_FOUND: 'ASSESSMENT.ATTEMPT_NOT_FOUND',
  ASSESSMENT_QUIZ_NOT_OPEN: 'ASSESSMENT.QUIZ_NOT_OPEN',
  ASSESSMENT_QUIZ_CLOSED: 'ASSESSMENT.QUIZ_CLOSED',
  ASSESSMENT_NO_ATTEMPTS_LEFT: 'ASSESSMENT.NO_ATTEMPTS_LEFT',
  ASSESSMENT_DEADLINE_PASSED: 'ASSESSMENT.DEADLINE_PASSED',
  ASSESSMENT_ATTEMPT_CLOSED: 'ASSESSMENT.ATTEMPT_CLOSED',
  ASSESSMENT_ATTEMPT_OPEN: 'ASSESSMENT.ATTEMPT_OPEN',
  ASSESSMENT_NOT_IN_ATTEMPT: 'ASSESSMENT.NOT_IN_ATTEMPT',
  ASSESSMENT_INVALID_RESPONSE: 'ASSESSMENT.INVALID_RESPONSE',
  ASSESSMENT_REVIEW_NOT_ALLOWED: 'ASSESSMENT.REVIEW_NOT_ALLOWED',
  ASSESSMENT_NOT_GRADABLE: 'ASSESSMENT.NOT_GRADABLE',
  ASSESSMENT_INVALID_SCORE: 'ASSESSMENT.INVALID_SCORE',
  ENROLMENT_COURSE_NOT_FOUND: 'ENROLMENT.COURSE_NOT_FOUND',
  ENROLMENT_NOT_FOUND: 'ENROLMENT.NOT_FOUND',
  ENROLMENT_LESSON_NOT_FOUND: 'ENROLMENT.LESSON_NOT_FOUND',
  ENROLMENT_SUBMISSION_NOT_FOUND: 'ENROLMENT.SUBMISSION_NOT_FOUND',
  ENROLMENT_ASSIGNED_ONLY: 'ENROLMENT.ASSIGNED_ONLY',
  ENROLMENT_PREREQUISITES_NOT_MET: 'ENROLMENT.PREREQUISITES_NOT_MET',
  ENROLMENT_NOT_ACTIVE: 'ENROLMENT.NOT_ACTIVE',
  ENROLMENT_NOT_PENDING: 'ENROLMENT.NOT_PENDING',
  ENROLMENT_ALREADY_COMPLETED: 'ENROLMENT.ALREADY_COMPLETED',
  ENROLMENT_WRONG_LESSON_KIND: 'ENROLMENT.WRONG_LESSON_KIND',
  ENROLMENT_NO_TARGETS: 'ENROLMENT.NO_TARGETS',
  ENROLMENT_FILE_REQUIRED: 'ENROLMENT.FILE_REQUIRED',
  ENROLMENT_BAD_FILE: 'ENROLMENT.BAD_FILE',
  ENROLMENT_INVALID_SCORE: 'ENROLMENT.INVALID_SCORE',
  ENROLMENT_MANDATORY: 'ENROLMENT.MANDATORY',
  ENROLMENT_AUDIENCE_NOT_FOUND: 'ENROLMENT.AUDIENCE_NOT_FOUND',
  ENROLMENT_INVALID_AUDIENCE: 'ENROLMENT.INVALID_AUDIENCE',
  LEARNING_COURSE_NOT_FOUND: 'LEARNING.COURSE_NOT_FOUND',
  LEARNING_MODULE_NOT_FOUND: 'LEARNING.MODULE_NOT_FOUND',
  LEARNING_LESSON_NOT_FOUND: 'LEARNING.LESSON_NOT_FOUND',
  LEARNING_FILE_NOT_FOUND: 'LEARNING.FILE_NOT_FOUND',
  LEARNING_INVALID_CONTENT: 'LEARNING.INVALID_CONTENT',
  LEARNING_INVALID_OUTLINE: 'LEARNING.INVALID_OUTLINE',
  LEARNING_INVALID_COURSE: 'LEARNING.INVALID_COURSE',
  LEARNING_WRONG_STATUS: 'LEARNING.WRONG_STATUS',
  LEARNING_AUTHOR_CANNOT_REVIEW: 'LEARNING.AUTHOR_CANNOT_REVIEW',
  LEARNING_AUTHOR_EXISTS: 'LEARNING.AUTHOR_EXISTS',
  LEARNING_AUTHOR_NOT_FOUND: 'LEARNING.AUTHOR_NOT_FOUND',
  LEARNING_FILE_REQUIRED: 'LEARNING.FILE_REQUIRED',
  LEARNING_BAD_FILE: 'LEARNING.BAD_FILE',
  LEARNING_FILE_TOO_LARGE: 'LEARNING.FILE_TOO_LARGE',
  LEARNING_QUIZ_PORT_MISSING: 'LEARNING.QUIZ_PORT_MISSING',
  // ---- issue 12: tenants (body ids, co-author invitations, four eyes) ----
  LEARNING_EDITOR_CANNOT_PUBLISH: 'LEARNING.EDITOR_CANNOT_PUBLISH',
  LEARNING_AUTHORS_FROZEN: 'LEARNING.AUTHORS_FROZEN',
  LEARNING_INVITATION_NOT_FOUND: 'LEARNING.INVITATION_NOT_FOUND',
  LEARNING_INVITATION_DECIDED: 'LEARNING.INVITATION_DECIDED',
  // ---- issue 16: the JP ledger, recognition rules and external-learning claims ----
  JP_NO_EMPLOYEE: 'JP.NO_EMPLOYEE',
  JP_EMPLOYEE_NOT_FOUND: 'JP.EMPLOYEE_NOT_FOUND',
  JP_LINE_NOT_FOUND: 'JP.LINE_NOT_FOUND',
  /** The line was reversed already (a line is reversed at most once). */
  JP_ALREADY_REVERSED: 'JP.ALREADY_REVERSED',
  /** A reversal is itself never reversed: the original credit stays reversed. */
  JP_REVERSAL_NOT_REVERSIBLE: 'JP.REVERSAL_NOT_REVERSIBLE',
  JP_RULE_SET_NOT_FOUND: 'JP.RULE_SET_NOT_FOUND',
  JP_INVALID_RULES: 'JP.INVALID_RULES',
  /** Another version of the same owner starts on that day. */
  JP_RULE_SET_EXISTS: 'JP.RULE_SET_EXISTS',
  /** The effective date would change credits already written under the rules it replaces. */
  JP_EFFECTIVE_DATE_TOO_EARLY: 'JP.EFFECTIVE_DATE_TOO_EARLY',
  JP_CLAIM_NOT_FOUND: 'JP.CLAIM_NOT_FOUND',
  JP_INVALID_CLAIM: 'JP.INVALID_CLAIM',
  /** The form of development earns no JP under the rules in force (disabled by the agency). */
  JP_FORM_NOT_RECOGNISED: 'JP.FORM_NOT_RECOGNISED',
  JP_EVIDENCE_REQUIRED: 'JP.EVIDENCE_REQUIRED',
  JP_BAD_EVIDENCE: 'JP.BAD_EVIDENCE',
  /** The same certificate number, or the same organiser, title and dates, was claimed already. */
  JP_DUPLICATE_CLAIM: 'JP.DUPLICATE_CLAIM',
  /** The claim was decided the other way already. */
  JP_CLAIM_DECIDED: 'JP.CLAIM_DECIDED',
  /** The rule in force on the end date counts another unit than the claim (a version changed it after submission). */
  JP_CLAIM_UNIT_CHANGED: 'JP.CLAIM_UNIT_CHANGED',
  JP_OWN_CLAIM: 'JP.OWN_CLAIM',
  JP_EVIDENCE_NOT_FOUND: 'JP.EVIDENCE_NOT_FOUND',
  // ---- issue 15: authoring ----
  /** A video lesson's URL can be neither played (a video file) nor embedded (YouTube, Vimeo); the message says why. */
  LEARNING_VIDEO_URL_UNPLAYABLE: 'LEARNING.VIDEO_URL_UNPLAYABLE',
  /** A published course with no change since its current version: there is nothing to review. */
  LEARNING_NOTHING_TO_REVIEW: 'LEARNING.NOTHING_TO_REVIEW',
  // ---- issue 17: certificates ----
  CERTIFICATE_NOT_FOUND: 'CERTIFICATE.NOT_FOUND',
  /** A template with problems (the details list them in Indonesian). */
  CERTIFICATE_INVALID_TEMPLATE: 'CERTIFICATE.INVALID_TEMPLATE',
  /** A logo that is not a PNG or JPEG by its content, or larger than 512 KB. */
  CERTIFICATE_BAD_LOGO: 'CERTIFICATE.BAD_LOGO',
  CERTIFICATE_LOGO_NOT_FOUND: 'CERTIFICATE.LOGO_NOT_FOUND',
  /** The caller administers neither the agency nor the certificate's agency. */
  CERTIFICATE_NOT_ADMIN: 'CERTIFICATE.NOT_ADMIN',
  CERTIFICATE_AGENCY_NOT_FOUND: 'CERTIFICATE.AGENCY_NOT_FOUND',
  CERTIFICATE_ALREADY_REVOKED: 'CERTIFICATE.ALREADY_REVOKED',
  /** A re-issue of a certificate that was already replaced, or whose source cannot be issued again. */
  CERTIFICATE_CANNOT_REISSUE: 'CERTIFICATE.CANNOT_REISSUE',
  /** The file sent for checking is not a PDF. */
  CERTIFICATE_NOT_A_PDF: 'CERTIFICATE.NOT_A_PDF',
  CERTIFICATE_KEY_NOT_FOUND: 'CERTIFICATE.KEY_NOT_FOUND',
  // ---- issue 17: notifications ----
  NOTIFICATION_NOT_FOUND: 'NOTIFICATION.NOT_FOUND',
  // ---- issue 18: the training calendar (classes, quotas, registration) ----
  CALENDAR_OFFERING_NOT_FOUND: 'CALENDAR.OFFERING_NOT_FOUND',
  CALENDAR_CLASS_NOT_FOUND: 'CALENDAR.CLASS_NOT_FOUND',
  CALENDAR_REGISTRATION_NOT_FOUND: 'CALENDAR.REGISTRATION_NOT_FOUND',
  /** The class's fields contradict each other (dates, window, quotas above seats…); the message says which. */
  CALENDAR_INVALID_CLASS: 'CALENDAR.INVALID_CLASS',
  /** The linked e-learning course does not exist or is not live. */
  CALENDAR_COURSE_NOT_FOUND: 'CALENDAR.COURSE_NOT_FOUND',
  /** Registration is not open now (before the window opens, after it closes, or the class was cancelled). */
  CALENDAR_REGISTRATION_CLOSED: 'CALENDAR.REGISTRATION_CLOSED',
  /** The ASN holds a seat in another class whose sessions overlap this one's. */
  CALENDAR_SCHEDULE_CONFLICT: 'CALENDAR.SCHEDULE_CONFLICT',
  /** The ASN is not an active ASN of the organising agency's tree. */
  CALENDAR_NOT_ELIGIBLE: 'CALENDAR.NOT_ELIGIBLE',
  /** No seat left and the class keeps no waitlist. */
  CALENDAR_CLASS_FULL: 'CALENDAR.CLASS_FULL',
  /** The cancellation deadline has passed, or the registration is no longer live. */
  CALENDAR_CANNOT_CANCEL: 'CALENDAR.CANNOT_CANCEL',
  /** The registration is not waiting for a decision (decided or cancelled already). */
  CALENDAR_NOT_PENDING: 'CALENDAR.NOT_PENDING',
  /** The class was cancelled or is over (or, for a schedule change, has started): it cannot be changed. */
  CALENDAR_CLASS_NOT_EDITABLE: 'CALENDAR.CLASS_NOT_EDITABLE',
  /** A calendar window longer than allowed, or ending before it starts. */
  CALENDAR_RANGE_TOO_LONG: 'CALENDAR.RANGE_TOO_LONG',
  /** No live calendar feed with this token (never issued, or revoked). */
  CALENDAR_FEED_NOT_FOUND: 'CALENDAR.FEED_NOT_FOUND',
  // ---- issue 18: webinars (joins and presence checks, decision 0038) ----
  /** Joining and presence checks are for online classes only. */
  CALENDAR_NOT_WEBINAR: 'CALENDAR.NOT_WEBINAR',
  /** No session's join window (15 minutes before its start until its end) is open now. */
  CALENDAR_JOIN_NOT_OPEN: 'CALENDAR.JOIN_NOT_OPEN',
  /** The learner holds no confirmed registration in the class (scanning attendance, joining, answering a check). */
  CALENDAR_NOT_REGISTERED: 'CALENDAR.NOT_REGISTERED',
  /** A class speaker named by NIP or id is not an active ASN. */
  CALENDAR_SPEAKER_NOT_FOUND: 'CALENDAR.SPEAKER_NOT_FOUND',
  CALENDAR_CHECK_NOT_FOUND: 'CALENDAR.CHECK_NOT_FOUND',
  /** The presence check is not open for answers (not yet, or its window has passed). */
  CALENDAR_CHECK_CLOSED: 'CALENDAR.CHECK_CLOSED',
  /** The code sent is not the presence check's code. */
  CALENDAR_CHECK_WRONG_CODE: 'CALENDAR.CHECK_WRONG_CODE',
  /** Too many wrong codes for this presence check. */
  CALENDAR_CHECK_NO_ATTEMPTS: 'CALENDAR.CHECK_NO_ATTEMPTS',
  /** A presence check can be opened only while a session is running. */
  CALENDAR_NO_SESSION_NOW: 'CALENDAR.NO_SESSION_NOW',
  // ---- issue 18: discussions and communities of practice (decision 0039) ----
  /** The space, thread or post does not exist, or the caller cannot read it. */
  DISCUSSION_NOT_FOUND: 'DISCUSSION.NOT_FOUND',
  /** Only moderators may do this (announcements, pin, lock, hide, the report queue). */
  DISCUSSION_MODERATORS_ONLY: 'DISCUSSION.MODERATORS_ONLY',
  /** The thread is locked: no replies or edits. */
  DISCUSSION_THREAD_LOCKED: 'DISCUSSION.THREAD_LOCKED',
  /** Only a question can have an answer, and only one of its visible replies, marked by the asker or a moderator. */
  DISCUSSION_CANNOT_MARK_ANSWER: 'DISCUSSION.CANNOT_MARK_ANSWER',
  /** The post can no longer be edited or deleted by its author (not theirs, hidden, deleted or past the edit window). */
  DISCUSSION_CANNOT_EDIT: 'DISCUSSION.CANNOT_EDIT',
  /** A person mentioned cannot read this space. */
  DISCUSSION_MENTION_NOT_READER: 'DISCUSSION.MENTION_NOT_READER',
  /** The text is empty once sanitised. */
  DISCUSSION_EMPTY_POST: 'DISCUSSION.EMPTY_POST',
  /** A request id sent again for a different post. */
  DISCUSSION_REQUEST_REUSED: 'DISCUSSION.REQUEST_REUSED',
  /** The report was resolved already. */
  DISCUSSION_REPORT_RESOLVED: 'DISCUSSION.REPORT_RESOLVED',
  COMMUNITY_NOT_FOUND: 'COMMUNITY.NOT_FOUND',
  /** Only facilitators (and admins of the community's agency) may do this. */
  COMMUNITY_FACILITATORS_ONLY: 'COMMUNITY.FACILITATORS_ONLY',
  /** The community takes members by invitation only. */
  COMMUNITY_INVITE_ONLY: 'COMMUNITY.INVITE_ONLY',
  /** Communities are created and joined by ASN (an account with an ASN record). */
  COMMUNITY_ASN_ONLY: 'COMMUNITY.ASN_ONLY',
  /** No active ASN with this NIP. */
  COMMUNITY_PERSON_NOT_FOUND: 'COMMUNITY.PERSON_NOT_FOUND',
  /** An attendee of a session is not an active member of the community. */
  COMMUNITY_NOT_A_MEMBER: 'COMMUNITY.NOT_A_MEMBER',
  /** The last facilitator cannot leave the community. */
  COMMUNITY_LAST_FACILITATOR: 'COMMUNITY.LAST_FACILITATOR',
  /** A session date in the future or a duration out of range. */
  COMMUNITY_INVALID_SESSION: 'COMMUNITY.INVALID_SESSION',
  // ---- issue 18: class attendance and completion (decision 0037) ----
  /** The attendance QR code is not one Kompeten signed for this class (forged, damaged, or of another class). */
  CALENDAR_ATTENDANCE_TOKEN_INVALID: 'CALENDAR.ATTENDANCE_TOKEN_INVALID',
  /** The attendance QR code was signed but its time is over: scan the code on the trainer's screen now. */
  CALENDAR_ATTENDANCE_TOKEN_EXPIRED: 'CALENDAR.ATTENDANCE_TOKEN_EXPIRED',
  /** Scanning is only open around the session (from an hour before it starts until an hour after it ends). */
  CALENDAR_ATTENDANCE_CLOSED: 'CALENDAR.ATTENDANCE_CLOSED',
  /** A check-out scan before any arrival was recorded for the session. */
  CALENDAR_NOT_CHECKED_IN: 'CALENDAR.NOT_CHECKED_IN',
  /** The class has no session with this index. */
  CALENDAR_SESSION_NOT_FOUND: 'CALENDAR.SESSION_NOT_FOUND',
  /** Attendance marks that contradict the session (times outside it, leaving before arriving). */
  CALENDAR_INVALID_ATTENDANCE: 'CALENDAR.INVALID_ATTENDANCE',
  /** A class is finalised only after its last session has ended. */
  CALENDAR_CLASS_NOT_ENDED: 'CALENDAR.CLASS_NOT_ENDED',
  CALENDAR_COMPLETION_NOT_FOUND: 'CALENDAR.COMPLETION_NOT_FOUND',
  // ---- issue 17: SIASN push ----
  SIASN_PUSH_NOT_FOUND: 'SIASN.PUSH_NOT_FOUND',
  /** Only parked or failed pushes are sent again (an acknowledged one is already in SIASN). */
  SIASN_PUSH_NOT_RESENDABLE: 'SIASN.PUSH_NOT_RESENDABLE',
  /** SIASN_CREDENTIALS_KEY is not set, so per-agency credentials cannot be stored or read. */
  SIASN_CREDENTIALS_KEY_MISSING: 'SIASN.CREDENTIALS_KEY_MISSING',
  SIASN_INVALID_CREDENTIALS: 'SIASN.INVALID_CREDENTIALS',
  SIASN_NOT_CONFIGURED: 'SIASN.NOT_CONFIGURED',
  SIASN_RECONCILIATION_RUNNING: 'SIASN.RECONCILIATION_RUNNING',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Body of every error response. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId: string;
  details?: unknown;
}
