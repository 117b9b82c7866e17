import type { Enrolment } from '@kompeten/shared-contracts';

/** What the learner's button on an enrolment says: nothing yet started is "Mulai", never "Lanjutkan". */
export type EnrolmentAction = 'start' | 'continue' | 'review' | null;

export function enrolmentAction(e: Pick<Enrolment, 'status' | 'progressPercent' | 'lastActivityAt'>): EnrolmentAction {
  if (e.status === 'completed') return 'review';
  if (e.status !== 'active') return null;
  return e.progressPercent <= 0 && !e.lastActivityAt ? 'start' : 'continue';
}

/**
 * The "Pembelajaran saya" tab to open when none is asked for: the tab of the learner's first enrolment in the server's
 * order (active, then waiting for approval, then completed, then the rest), so it always has content; "all" otherwise.
 */
export function defaultTab(
  first: Pick<Enrolment, 'status'> | undefined,
): 'active' | 'pending_approval' | 'completed' | 'all' {
  if (!first) return 'active';
  return first.status === 'active' || first.status === 'pending_approval' || first.status === 'completed'
    ? first.status
    : 'all';
}
