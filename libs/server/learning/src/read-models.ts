/**
 * The learning lib's published read models (decision 0016): views the enrolment and assessment libs join where one
 * statement must read a course or version with their own rows — self-enrolment and the course page (hot paths,
 * decision 0009), enrolment lists and the version upgrade. Their names and columns are this lib's contract; they are
 * created by migration 1797000000000 and listed here for tools/scripts/table-ownership.mjs. A version's content is
 * read through PublishedVersions (one cache), who may author or manage a course through course-access.ts, and who
 * may see one through visibility/course-visibility.ts.
 */
export const LEARNING_READ_MODELS = {
  /** id, agency_id, visibility, enrolment_mode, prerequisite_course_ids, status, current_version_id */
  course: 'learning_course',
  /** id, course_id, version_no, title, jp: the published versions (immutable) */
  courseVersion: 'learning_course_version',
} as const;
