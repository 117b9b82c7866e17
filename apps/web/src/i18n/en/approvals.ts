import type { Catalog } from '../id';

export const approvals: Catalog['approvals'] = {
  title: 'Approvals',
  intro: 'Course enrolments waiting for your approval as direct supervisor or admin.',
  empty: 'No enrolments are waiting for approval.',
  learner: 'ASN',
  unit: 'Work unit',
  course: 'Course',
  jp: 'JP',
  requestedAt: 'Requested',
  actions: 'Actions',
  approve: 'Approve',
  reject: 'Reject',
  approveNamed: 'Approve {{name}} for {{course}}',
  rejectNamed: 'Reject {{name}} for {{course}}',
  rejectTitle: 'Reject the enrolment?',
  rejectReason: 'Reason (optional)',
  rejectReasonHint: 'Told to the ASN in their notification.',
  rejectConfirm: 'The enrolment of {{name}} in "{{course}}" will be rejected.',
  approved: 'Enrolment of {{name}} in {{course}} approved.',
  rejected: 'Enrolment of {{name}} in {{course}} rejected.',
};
