import type { Enrolment, Page, PendingApproval } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

const enc = encodeURIComponent;

export interface ApprovalListParams {
  page?: number;
  pageSize?: number;
}

/** Enrolments waiting for the caller: its direct reports (supervisor), or its agencies' learners (admins). */
export function listApprovals(params: ApprovalListParams, signal?: AbortSignal): Promise<Page<PendingApproval>> {
  return request<Page<PendingApproval>>('/approvals', { query: { ...params }, signal });
}

export function approveEnrolment(id: string): Promise<Enrolment> {
  return request<Enrolment>(`/enrolments/${enc(id)}/approve`, { method: 'POST' });
}

/** `reason` (optional) is told to the learner in their notification. */
export function rejectEnrolment(id: string, reason?: string): Promise<Enrolment> {
  return request<Enrolment>(`/enrolments/${enc(id)}/reject`, { method: 'POST', body: reason ? { reason } : {} });
}
