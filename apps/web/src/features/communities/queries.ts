import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCommunity,
  getCommunity,
  invite,
  joinCommunity,
  leaveCommunity,
  listCommunities,
  listMembers,
  listSessions,
  recordSession,
  setRole,
  type CommunityInput,
  type CommunityListParams,
  type SessionInput,
} from './api';

export const communityKeys = {
  all: ['communities'] as const,
  list: (p: CommunityListParams) => [...communityKeys.all, 'list', p] as const,
  one: (id: string) => [...communityKeys.all, 'one', id] as const,
  members: (id: string, page: number) => [...communityKeys.all, 'members', id, page] as const,
  sessions: (id: string, page: number) => [...communityKeys.all, 'sessions', id, page] as const,
};

export const useCommunities = (p: CommunityListParams) =>
  useQuery({
    queryKey: communityKeys.list(p),
    queryFn: ({ signal }) => listCommunities(p, signal),
    placeholderData: keepPreviousData,
  });

export const useCommunity = (id: string) =>
  useQuery({ queryKey: communityKeys.one(id), queryFn: ({ signal }) => getCommunity(id, signal) });

export const useMembers = (id: string, page: number, enabled: boolean) =>
  useQuery({
    queryKey: communityKeys.members(id, page),
    queryFn: ({ signal }) => listMembers(id, page, signal),
    enabled,
  });

export const useSessions = (id: string, page: number, enabled: boolean) =>
  useQuery({
    queryKey: communityKeys.sessions(id, page),
    queryFn: ({ signal }) => listSessions(id, page, signal),
    enabled,
  });

function useCommunityMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: communityKeys.all });
      await client.invalidateQueries({ queryKey: ['discussion'] });
    },
  });
}

export const useCreateCommunity = () => useCommunityMutation((input: CommunityInput) => createCommunity(input));
export const useJoin = () => useCommunityMutation((id: string) => joinCommunity(id));
export const useLeave = () => useCommunityMutation((id: string) => leaveCommunity(id));
export const useInvite = (id: string) => useCommunityMutation((nip: string) => invite(id, nip));
export const useSetRole = (id: string) =>
  useCommunityMutation((a: { employeeId: string; role: 'facilitator' | 'member' }) =>
    setRole(id, a.employeeId, a.role),
  );
export const useRecordSession = (id: string) => useCommunityMutation((input: SessionInput) => recordSession(id, input));
