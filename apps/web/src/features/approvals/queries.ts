import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { approveEnrolment, listApprovals, rejectEnrolment, type ApprovalListParams } from './api';

export const approvalKeys = {
  all: ['approvals'] as const,
  list: (params: ApprovalListParams) => [...approvalKeys.all, 'list', params] as const,
};

export function useApprovals(params: ApprovalListParams) {
  return useQuery({
    queryKey: approvalKeys.list(params),
    queryFn: ({ signal }) => listApprovals(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Approve or reject one pending enrolment; the list refreshes afterwards. */
export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      decision === 'approve' ? approveEnrolment(id) : rejectEnrolment(id, reason),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}
