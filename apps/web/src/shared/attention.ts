import { useQuery } from '@tanstack/react-query';
import type { AdminAttention, Me, Role } from '@kompeten/shared-contracts';
import { request } from './api';
import { hasAnyRole } from './auth/auth-context';

/** Who gets the attention panel (and the review badge): admins, HR officers and widyaiswara. */
export const ATTENTION_ROLES: readonly Role[] = [
  'widyaiswara',
  'hr_officer',
  'agency_admin',
  'province_admin',
  'platform_admin',
];

export const attentionKeys = { all: ['attention'] as const };

export function getAttention(signal?: AbortSignal): Promise<AdminAttention> {
  return request<AdminAttention>('/attention', { query: { pageSize: 5 }, signal });
}

/** What needs attention (GET /api/attention), shared by the dashboard panel and the menu's review badge. */
export function useAttention(me: Me | null) {
  return useQuery({
    queryKey: attentionKeys.all,
    queryFn: ({ signal }) => getAttention(signal),
    enabled: hasAnyRole(me, ATTENTION_ROLES),
    staleTime: 60_000,
  });
}
