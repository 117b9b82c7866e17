import { ErrorCode } from './errors';

/** The languages the API answers in (decision 0026). Indonesian is the default. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The English sentence for every error code (decision 0026). Services throw with a specific sentence in Bahasa
 * Indonesia; a request in English gets this sentence for the same code instead, so every code has one (the compiler
 * refuses a new code without it).
 */
export const ERROR_MESSAGES_EN: Record<ErrorCode, string> = {
  [ErrorCode.VALIDATION_FAILED]: 'The request is not valid.',
  [ErrorCode.PAYLOAD_TOO_LARGE]: 'The request body is too large.',
  [ErrorCode.MALFORMED_JSON]: 'The request body is not valid JSON.',
  [ErrorCode.NOT_FOUND]: 'Not found.',
  [ErrorCode.RATE_LIMITED]: 'Too many requests. Try again in a moment.',
  [ErrorCode.CONCURRENT_CHANGE]: 'Someone changed the same data at the same time. Sending the request again is safe.',
  [ErrorCode.INTERNAL]: 'Something went wrong on the server.',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'The service is briefly unavailable. Try again shortly.',
  [ErrorCode.AUTH_INVALID_CREDENTIALS]: 'Wrong username or password.',
  [ErrorCode.AUTH_ACCOUNT_DISABLED]: 'This account is disabled.',
  [ErrorCode.AUTH_UNAUTHENTICATED]: 'Please sign in first (the session is missing or has ended).',
  [ErrorCode.AUTH_INVALID_REFRESH_TOKEN]: 'The session has ended. Please sign in again.',
  [ErrorCode.AUTH_FORBIDDEN]: 'You do not have permission for this action.',
  [ErrorCode.AUTH_WRONG_PASSWORD]: 'The current password is wrong.',
  [ErrorCode.AUTH_WEAK_PASSWORD]:
    'The password is too weak or too easy to guess. Choose a longer, less predictable one.',
  [ErrorCode.AUTH_LOGIN_THROTTLED]: 'Too many wrong passwords. Wait a while before trying again.',
  [ErrorCode.ACCOUNT_SETUP_LINK_NOT_FOUND]: 'This setup link does not exist.',
  [ErrorCode.ACCOUNT_SETUP_LINK_GONE]: 'This setup link was used, replaced by a newer one, or has expired.',
  [ErrorCode.ACCOUNT_RESET_REQUEST_NOT_FOUND]: 'This password reset request does not exist or was already handled.',
  [ErrorCode.ACCOUNT_RANK_FORBIDDEN]: 'Your role or scope does not cover every role this account holds.',
  [ErrorCode.ACCOUNT_NO_PENDING_EMAIL]: 'There is no new login email waiting for confirmation.',
  [ErrorCode.ACCOUNT_NOT_FOUND]: 'This ASN has no sign-in account yet.',
  [ErrorCode.EMPLOYEE_SELF_SUPERVISOR]: 'Nobody can appoint themself as supervisor or set their own supervisor.',
  [ErrorCode.ORG_AGENCY_NOT_FOUND]: 'Agency not found.',
  [ErrorCode.ORG_UNIT_NOT_FOUND]: 'Work unit not found.',
  [ErrorCode.ORG_DUPLICATE_CODE]: 'This code is already in use.',
  [ErrorCode.ORG_INVALID_PARENT]: 'The parent unit is not valid (another agency, or a loop in the tree).',
  [ErrorCode.EMPLOYEE_NOT_FOUND]: 'Employee not found.',
  [ErrorCode.EMPLOYEE_INVALID_NIP]: 'The NIP is not valid (18 digits with a real birth date, sex digit and serial).',
  [ErrorCode.EMPLOYEE_DUPLICATE_NIP]: 'An employee with this NIP already exists.',
  [ErrorCode.EMPLOYEE_DUPLICATE_EMAIL]: 'This email address is already in use.',
  [ErrorCode.EMPLOYEE_INVALID_SUPERVISOR]: 'The supervisor is not valid for this employee.',
  [ErrorCode.EMPLOYEE_INVALID_RANK]: 'This golongan does not exist for the employee type (PNS I/a–IV/e, PPPK I–XVII).',
  [ErrorCode.IMPORT_NOT_FOUND]: 'Import not found.',
  [ErrorCode.IMPORT_FILE_REQUIRED]: 'Choose a CSV file to upload.',
  [ErrorCode.IMPORT_BAD_FILE]: 'The file cannot be imported.',
  [ErrorCode.JP_REPORT_NO_SCOPE]: 'You hold no role that sees compliance reports.',
  [ErrorCode.JP_IP_ASN_NO_SCHEME]: 'No IP ASN scheme is in force for that year.',
  [ErrorCode.JP_IP_ASN_INVALID_SCHEME]: 'The rules or bands of this IP ASN scheme do not hold together.',
  [ErrorCode.JP_IP_ASN_SCHEME_EXISTS]: 'A scheme version with this name or effective date already exists.',
  [ErrorCode.ROLE_INVALID_SCOPE]: 'The scope of this role is not valid.',
  [ErrorCode.ROLE_NOT_FOUND]: 'Role assignment not found.',
  [ErrorCode.ASSESSMENT_COURSE_NOT_FOUND]: 'Course not found.',
  [ErrorCode.ASSESSMENT_CATEGORY_NOT_FOUND]: 'Question category not found.',
  [ErrorCode.ASSESSMENT_CATEGORY_IN_USE]: 'This category still holds questions.',
  [ErrorCode.ASSESSMENT_QUESTION_NOT_FOUND]: 'Question not found.',
  [ErrorCode.ASSESSMENT_INVALID_QUESTION]: 'The question is not valid.',
  [ErrorCode.ASSESSMENT_QUIZ_NOT_FOUND]: 'Quiz not found.',
  [ErrorCode.ASSESSMENT_INVALID_SETTINGS]: 'The quiz settings are not valid.',
  [ErrorCode.ASSESSMENT_LESSON_NOT_FOUND]: 'Lesson not found.',
  [ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND]: 'Attempt not found.',
  [ErrorCode.ASSESSMENT_QUIZ_NOT_OPEN]: 'This quiz is not open yet.',
  [ErrorCode.ASSESSMENT_QUIZ_CLOSED]: 'This quiz is closed.',
  [ErrorCode.ASSESSMENT_NO_ATTEMPTS_LEFT]: 'You have no attempts left.',
  [ErrorCode.ASSESSMENT_DEADLINE_PASSED]: 'The deadline has passed.',
  [ErrorCode.ASSESSMENT_ATTEMPT_CLOSED]: 'This attempt is already submitted.',
  [ErrorCode.ASSESSMENT_ATTEMPT_OPEN]: 'An attempt is still open.',
  [ErrorCode.ASSESSMENT_NOT_IN_ATTEMPT]: 'This question is not part of the attempt.',
  [ErrorCode.ASSESSMENT_INVALID_RESPONSE]: 'The answer is not valid for this question.',
  [ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED]: 'The review of this attempt is not available.',
  [ErrorCode.ASSESSMENT_NOT_GRADABLE]: 'This answer cannot be graded by hand.',
  [ErrorCode.ASSESSMENT_INVALID_SCORE]: 'The score is not valid.',
  [ErrorCode.ENROLMENT_COURSE_NOT_FOUND]: 'Course not found.',
  [ErrorCode.ENROLMENT_NOT_FOUND]: 'Enrolment not found.',
  [ErrorCode.ENROLMENT_LESSON_NOT_FOUND]: 'Lesson not found.',
  [ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND]: 'Submission not found.',
  [ErrorCode.ENROLMENT_ASSIGNED_ONLY]: 'This course is open only to assigned participants.',
  [ErrorCode.ENROLMENT_MANDATORY]: 'This course was assigned as mandatory; it cannot be withdrawn from.',
  [ErrorCode.ENROLMENT_AUDIENCE_NOT_FOUND]: 'Assignment not found.',
  [ErrorCode.ENROLMENT_INVALID_AUDIENCE]:
    'The audience is not valid: send a unitId for a work unit, or a positionName with its agencyId for a position.',
  [ErrorCode.ENROLMENT_PREREQUISITES_NOT_MET]: 'Complete the prerequisite courses first.',
  [ErrorCode.ENROLMENT_NOT_ACTIVE]: 'The enrolment is not active.',
  [ErrorCode.ENROLMENT_NOT_PENDING]: 'The registration is no longer waiting for a decision.',
  [ErrorCode.ENROLMENT_ALREADY_COMPLETED]: 'The course is already completed.',
  [ErrorCode.ENROLMENT_WRONG_LESSON_KIND]: 'This action does not fit the kind of lesson.',
  [ErrorCode.ENROLMENT_NO_TARGETS]: 'The assignment reaches nobody.',
  [ErrorCode.ENROLMENT_FILE_REQUIRED]: 'Choose a file to upload.',
  [ErrorCode.ENROLMENT_BAD_FILE]: 'The file cannot be accepted.',
  [ErrorCode.ENROLMENT_INVALID_SCORE]: 'The score is not valid.',
  [ErrorCode.LEARNING_COURSE_NOT_FOUND]: 'Course not found.',
  [ErrorCode.LEARNING_MODULE_NOT_FOUND]: 'Module not found.',
  [ErrorCode.LEARNING_LESSON_NOT_FOUND]: 'Lesson not found.',
  [ErrorCode.LEARNING_FILE_NOT_FOUND]: 'File not found.',
  [ErrorCode.LEARNING_INVALID_CONTENT]: 'The lesson content is not valid.',
  [ErrorCode.LEARNING_INVALID_OUTLINE]: 'The course outline is not valid.',
  [ErrorCode.LEARNING_INVALID_COURSE]: 'The course is not valid.',
  [ErrorCode.LEARNING_WRONG_STATUS]: 'This action is not possible in the course’s current status.',
  [ErrorCode.LEARNING_AUTHOR_CANNOT_REVIEW]: 'An author cannot review their own course.',
  [ErrorCode.LEARNING_AUTHOR_EXISTS]: 'This person is already an author of the course.',
  [ErrorCode.LEARNING_AUTHOR_NOT_FOUND]: 'Author not found.',
  [ErrorCode.LEARNING_FILE_REQUIRED]: 'Choose a file to upload.',
  [ErrorCode.LEARNING_BAD_FILE]: 'The file type is not accepted.',
  [ErrorCode.LEARNING_FILE_TOO_LARGE]: 'The file is too large.',
  [ErrorCode.LEARNING_QUIZ_PORT_MISSING]: 'Quizzes are not available on this server.',
  [ErrorCode.LEARNING_EDITOR_CANNOT_PUBLISH]: 'An editor cannot publish the course.',
  [ErrorCode.LEARNING_AUTHORS_FROZEN]: 'The authors cannot change while the course is under review.',
  [ErrorCode.LEARNING_INVITATION_NOT_FOUND]: 'Invitation not found.',
  [ErrorCode.LEARNING_INVITATION_DECIDED]: 'This invitation was already answered.',
  [ErrorCode.JP_NO_EMPLOYEE]: 'This account is not linked to an ASN.',
  [ErrorCode.JP_EMPLOYEE_NOT_FOUND]: 'Employee not found.',
  [ErrorCode.JP_LINE_NOT_FOUND]: 'JP ledger line not found.',
  [ErrorCode.JP_ALREADY_REVERSED]: 'This line was already reversed.',
  [ErrorCode.JP_REVERSAL_NOT_REVERSIBLE]: 'A reversal cannot itself be reversed.',
  [ErrorCode.JP_RULE_SET_NOT_FOUND]: 'JP rule set not found.',
  [ErrorCode.JP_INVALID_RULES]: 'The JP rules are not valid.',
  [ErrorCode.JP_RULE_SET_EXISTS]: 'Another version already starts on that day.',
  [ErrorCode.JP_EFFECTIVE_DATE_TOO_EARLY]:
    'The effective date would change credits already written under earlier rules.',
  [ErrorCode.JP_CLAIM_NOT_FOUND]: 'Claim not found.',
  [ErrorCode.JP_INVALID_CLAIM]: 'The claim is not valid.',
  [ErrorCode.JP_FORM_NOT_RECOGNISED]: 'This form of development earns no JP under the rules in force.',
  [ErrorCode.JP_EVIDENCE_REQUIRED]: 'Attach the evidence (certificate or letter).',
  [ErrorCode.JP_BAD_EVIDENCE]: 'The evidence file cannot be accepted.',
  [ErrorCode.JP_DUPLICATE_CLAIM]: 'This learning was already claimed.',
  [ErrorCode.JP_CLAIM_DECIDED]: 'This claim was already decided.',
  [ErrorCode.JP_CLAIM_UNIT_CHANGED]: 'The rule in force now counts another unit; submit the claim again.',
  [ErrorCode.JP_OWN_CLAIM]: 'Nobody verifies their own claim.',
  [ErrorCode.JP_EVIDENCE_NOT_FOUND]: 'Evidence not found.',
  [ErrorCode.LEARNING_VIDEO_URL_UNPLAYABLE]:
    'This video URL can be neither played nor embedded. Use a video file or a YouTube or Vimeo link.',
  [ErrorCode.LEARNING_NOTHING_TO_REVIEW]: 'The published course has no changes to review.',
  [ErrorCode.CERTIFICATE_NOT_FOUND]: 'Certificate not found.',
  [ErrorCode.CERTIFICATE_INVALID_TEMPLATE]: 'The certificate template is not valid.',
  [ErrorCode.CERTIFICATE_BAD_LOGO]: 'The logo must be a PNG or JPEG image of at most 512 KB.',
  [ErrorCode.CERTIFICATE_LOGO_NOT_FOUND]: 'That logo was not uploaded; upload it again.',
  [ErrorCode.CERTIFICATE_NOT_ADMIN]: 'You do not administer this agency’s certificates.',
  [ErrorCode.CERTIFICATE_AGENCY_NOT_FOUND]: 'Agency not found.',
  [ErrorCode.CERTIFICATE_ALREADY_REVOKED]: 'This certificate was already revoked.',
  [ErrorCode.CERTIFICATE_CANNOT_REISSUE]: 'This certificate cannot be re-issued: it was already replaced.',
  [ErrorCode.CERTIFICATE_NOT_A_PDF]: 'The file is not a PDF.',
  [ErrorCode.CERTIFICATE_KEY_NOT_FOUND]: 'Key not found.',
  [ErrorCode.NOTIFICATION_NOT_FOUND]: 'Notification not found.',
  [ErrorCode.CALENDAR_OFFERING_NOT_FOUND]: 'Training offering not found.',
  [ErrorCode.CALENDAR_CLASS_NOT_FOUND]: 'Class not found.',
  [ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND]: 'Registration not found.',
  [ErrorCode.CALENDAR_INVALID_CLASS]: 'The class cannot be saved as sent.',
  [ErrorCode.CALENDAR_COURSE_NOT_FOUND]: 'The linked e-learning course was not found or is not published.',
  [ErrorCode.CALENDAR_REGISTRATION_CLOSED]: 'Registration for this class is not open.',
  [ErrorCode.CALENDAR_SCHEDULE_CONFLICT]: 'You already hold a seat in a class at the same time.',
  [ErrorCode.CALENDAR_NOT_ELIGIBLE]: 'This class is not open to you.',
  [ErrorCode.CALENDAR_CLASS_FULL]: 'The class is full and keeps no waitlist.',
  [ErrorCode.CALENDAR_CANNOT_CANCEL]: 'This registration can no longer be cancelled.',
  [ErrorCode.CALENDAR_NOT_PENDING]: 'This registration is not waiting for a decision.',
  [ErrorCode.CALENDAR_ATTENDANCE_TOKEN_INVALID]:
    'This attendance QR code is not valid. Scan the code the trainer is showing now.',
  [ErrorCode.CALENDAR_ATTENDANCE_TOKEN_EXPIRED]:
    'This attendance QR code has expired. Scan the newest code on the trainer’s screen.',
  [ErrorCode.CALENDAR_ATTENDANCE_CLOSED]: 'Attendance for this session is not open now.',
  [ErrorCode.CALENDAR_NOT_REGISTERED]: 'You do not hold a confirmed registration in this class.',
  [ErrorCode.CALENDAR_NOT_CHECKED_IN]: 'Your arrival in this session is not recorded yet; scan the arrival code first.',
  [ErrorCode.CALENDAR_SESSION_NOT_FOUND]: 'The class has no such session.',
  [ErrorCode.CALENDAR_INVALID_ATTENDANCE]: 'The attendance cannot be saved as sent.',
  [ErrorCode.CALENDAR_CLASS_NOT_ENDED]: 'The class can be finalised only after its last session has ended.',
  [ErrorCode.CALENDAR_COMPLETION_NOT_FOUND]: 'Class completion not found.',
  [ErrorCode.SIASN_PUSH_NOT_FOUND]: 'SIASN push not found.',
  [ErrorCode.SIASN_PUSH_NOT_RESENDABLE]: 'Only parked or failed SIASN pushes can be sent again.',
  [ErrorCode.SIASN_CREDENTIALS_KEY_MISSING]:
    'SIASN_CREDENTIALS_KEY is not set on the server, so agency SIASN credentials cannot be stored.',
  [ErrorCode.SIASN_INVALID_CREDENTIALS]: 'The SIASN credentials are not valid.',
  [ErrorCode.SIASN_NOT_CONFIGURED]: 'SIASN is not configured for this agency.',
  [ErrorCode.SIASN_RECONCILIATION_RUNNING]: 'A SIASN reconciliation of this agency is already waiting or running.',
};

/** `true` when the string names a known error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES_EN, code);
}

/**
 * The language of a request: the first of `id`/`en` in Accept-Language by preference (q-values honoured), else the
 * caller's stored choice, else Indonesian.
 */
export function pickLanguage(acceptLanguage: string | undefined | null, stored?: Language | null): Language {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => (t.lang === 'id' || t.lang === 'en') && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  if (tags.length > 0) return tags[0].lang as Language;
  return stored ?? 'id';
}
