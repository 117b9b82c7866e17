import type {
  Community,
  CommunityJoinPolicy,
  CommunityMember,
  CommunitySession,
  CommunitySessionMode,
  Page,
} from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

const enc = encodeURIComponent;

export interface CommunityListParams {
  q?: string;
  mine?: boolean;
  page: number;
}

export function listCommunities(params: CommunityListParams, signal?: AbortSignal): Promise<Page<Community>> {
  return request<Page<Community>>('/communities', {
    query: { q: params.q || undefined, mine: params.mine || undefined, page: params.page, pageSize: 20 },
    signal,
  });
}

export function getCommunity(id: string, signal?: AbortSignal): Promise<Community> {
  return request<Community>(`/communities/${enc(id)}`, { signal });
}

export interface CommunityInput {
  name: string;
  topic: string;
  description: string;
  agencyId: string;
  joinPolicy: CommunityJoinPolicy;
}

export function createCommunity(input: CommunityInput): Promise<Community> {
  return request<Community>('/communities', { method: 'POST', body: input });
}

export function joinCommunity(id: string): Promise<Community> {
  return request<Community>(`/communities/${enc(id)}/join`, { method: 'POST' });
}

export function leaveCommunity(id: string): Promise<Community> {
  return request<Community>(`/communities/${enc(id)}/leave`, { method: 'POST' });
}

export function listMembers(id: string, page: number, signal?: AbortSignal): Promise<Page<CommunityMember>> {
  return request<Page<CommunityMember>>(`/communities/${enc(id)}/members`, {
    query: { page, pageSize: 100 },
    signal,
  });
}

export function invite(id: string, nip: string): Promise<CommunityMember> {
  return request<CommunityMember>(`/communities/${enc(id)}/invitations`, { method: 'POST', body: { nip } });
}

export function setRole(id: string, employeeId: string, role: 'facilitator' | 'member'): Promise<CommunityMember> {
  return request<CommunityMember>(`/communities/${enc(id)}/members/${enc(employeeId)}/role`, {
    method: 'PUT',
    body: { role },
  });
}

export function listSessions(id: string, page: number, signal?: AbortSignal): Promise<Page<CommunitySession>> {
  return request<Page<CommunitySession>>(`/communities/${enc(id)}/sessions`, { query: { page, pageSize: 20 }, signal });
}

export interface SessionInput {
  title: string;
  heldOn: string;
  durationMinutes: number;
  mode: CommunitySessionMode;
  attendeeIds: string[];
  requestId: string;
}

export function recordSession(id: string, input: SessionInput): Promise<CommunitySession> {
  return request<CommunitySession>(`/communities/${enc(id)}/sessions`, { method: 'POST', body: input });
}
