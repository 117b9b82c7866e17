/**
 * The identity lib's published read models (decision 0016): views another lib may join where one statement must read
 * ASN or accounts with its own rows (a learner's agency in self-enrolment, names in grading lists and reports, the
 * supervisor in approvals). Their names and columns are this lib's contract; they are created by migration
 * 1797000000000 and listed here for tools/scripts/table-ownership.mjs. Contact data and birth dates are not in them.
 */
export const IDENTITY_READ_MODELS = {
  /**
   * id, agency_id, unit_id, nip, employee_type, full_name, front_title, back_title, position_name, supervisor_id, active,
   * position_kind, rank (the last two added by migration 1797250000000 for the JP compliance reports, which group by them)
   */
  employee: 'identity_employee',
  /** id, employee_id, email (the login email of an account; an admin account may have no employee) */
  userAccount: 'identity_user_account',
} as const;
