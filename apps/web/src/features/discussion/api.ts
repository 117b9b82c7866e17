import type {
  DiscussionPost,
  DiscussionReport,
  DiscussionSpace,
  DiscussionThread,
  DiscussionThreadSummary,
  MentionCandidate,
  Page,
  ReportResolution,
  ReportStatus,
  ThreadKind,
} from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

const enc = encodeURIComponent;

/** Where a discussion lives: a course, a class, or a space by id (a community's). */
export type SpaceRef = { kind: 'course' | 'class'; id: string } | { kind: 'space'; id: string };

export function getSpace(ref: SpaceRef, signal?: AbortSignal): Promise<DiscussionSpace> {
  const path =
    ref.kind === 'course'
      ? `/discussions/courses/${enc(ref.id)}`
      : ref.kind === 'class'
        ? `/discussions/classes/${enc(ref.id)}`
        : `/discussions/spaces/${enc(ref.id)}`;
  return request<DiscussionSpace>(path, { signal });
}

export function listThreads(spaceId: string, page: number, signal?: AbortSignal) {
  return request<Page<DiscussionThreadSummary>>(`/discussions/spaces/${enc(spaceId)}/threads`, {
    query: { page, pageSize: 20 },
    signal,
  });
}

export interface ThreadInput {
  kind: ThreadKind;
  title: string;
  body: string;
  mentionIds: string[];
  requestId: string;
}

export function createThread(spaceId: string, input: ThreadInput): Promise<DiscussionThread> {
  return request<DiscussionThread>(`/discussions/spaces/${enc(spaceId)}/threads`, { method: 'POST', body: input });
}

export function getThread(threadId: string, signal?: AbortSignal): Promise<DiscussionThread> {
  return request<DiscussionThread>(`/discussions/threads/${enc(threadId)}`, { signal });
}

export function listReplies(threadId: string, page: number, signal?: AbortSignal) {
  return request<Page<DiscussionPost>>(`/discussions/threads/${enc(threadId)}/replies`, {
    query: { page, pageSize: 50 },
    signal,
  });
}

export function createReply(
  threadId: string,
  input: { body: string; mentionIds: string[]; requestId: string },
): Promise<DiscussionPost> {
  return request<DiscussionPost>(`/discussions/threads/${enc(threadId)}/replies`, { method: 'POST', body: input });
}

export function markRead(threadId: string): Promise<void> {
  return request<void>(`/discussions/threads/${enc(threadId)}/read`, { method: 'POST' });
}

export function setThreadFlag(threadId: string, flag: 'pinned' | 'locked', value: boolean) {
  return request<DiscussionThread>(`/discussions/threads/${enc(threadId)}/${flag}`, { method: 'PUT', body: { value } });
}

export function setAnswer(threadId: string, postId: string | null) {
  return request<DiscussionThread>(`/discussions/threads/${enc(threadId)}/answer`, { method: 'PUT', body: { postId } });
}

export function setHidden(postId: string, value: boolean) {
  return request<DiscussionPost>(`/discussions/posts/${enc(postId)}/hidden`, { method: 'PUT', body: { value } });
}

export function deletePost(postId: string) {
  return request<DiscussionPost>(`/discussions/posts/${enc(postId)}`, { method: 'DELETE' });
}

export function reportPost(postId: string, reason: string) {
  return request<{ id: string }>(`/discussions/posts/${enc(postId)}/reports`, { method: 'POST', body: { reason } });
}

export function listReports(spaceId: string, status: ReportStatus, page: number, signal?: AbortSignal) {
  return request<Page<DiscussionReport>>(`/discussions/spaces/${enc(spaceId)}/reports`, {
    query: { status, page, pageSize: 20 },
    signal,
  });
}

export function resolveReport(reportId: string, resolution: ReportResolution) {
  return request<DiscussionReport>(`/discussions/reports/${enc(reportId)}`, { method: 'PUT', body: { resolution } });
}

export function mentionCandidates(spaceId: string, q: string, signal?: AbortSignal) {
  return request<MentionCandidate[]>(`/discussions/spaces/${enc(spaceId)}/mentions`, { query: { q }, signal });
}
