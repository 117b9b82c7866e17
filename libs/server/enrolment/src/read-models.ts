/**
 * The enrolment lib's published read model (decision 0016): the assessment lib's quiz start checks, inside its one
 * INSERT … SELECT (a hot path, decision 0009), that the enrolment is still active when the attempt is written. Its
 * name and columns are this lib's contract; it is created by migration 1797000000000 and listed here for
 * tools/scripts/table-ownership.mjs. Everything else about enrolments is read through EnrolmentAccess.
 */
export const ENROLMENT_READ_MODELS = {
  /** id, course_id, course_version_id, employee_id, agency_id, status */
  state: 'enrolment_state',
} as const;
