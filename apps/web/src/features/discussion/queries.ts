import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportResolution, ReportStatus } from '@kompeten/shared-contracts';
import {
  createReply,
  createThread,
  deletePost,
  getSpace,
  getThread,
  listReplies,
  listReports,
  listThreads,
  markRead,
  mentionCandidates,
  reportPost,
  resolveReport,
  setAnswer,
  setHidden,
  setThreadFlag,
  type SpaceRef,
  type ThreadInput,
} from './api';

export const discussionKeys = {
  all: ['discussion'] as const,
  space: (ref: SpaceRef) => [...discussionKeys.all, 'space', ref.kind, ref.id] as const,
  threads: (spaceId: string, page: number) => [...discussionKeys.all, 'threads', spaceId, page] as const,
  thread: (id: string) => [...discussionKeys.all, 'thread', id] as const,
  replies: (id: string, page: number) => [...discussionKeys.all, 'replies', id, page] as const,
  reports: (spaceId: string, status: ReportStatus, page: number) =>
    [...discussionKeys.all, 'reports', spaceId, status, page] as const,
  mentions: (spaceId: string, q: string) => [...discussionKeys.all, 'mentions', spaceId, q] as const,
};

export const useSpace = (ref: SpaceRef) =>
  useQuery({ queryKey: discussionKeys.space(ref), queryFn: ({ signal }) => getSpace(ref, signal) });

export const useThreads = (spaceId: string | undefined, page: number) =>
  useQuery({
    queryKey: discussionKeys.threads(spaceId ?? '', page),
    queryFn: ({ signal }) => listThreads(spaceId as string, page, signal),
    enabled: !!spaceId,
    placeholderData: keepPreviousData,
  });

export const useThread = (id: string) =>
  useQuery({ queryKey: discussionKeys.thread(id), queryFn: ({ signal }) => getThread(id, signal) });

export const useReplies = (id: string, page: number) =>
  useQuery({
    queryKey: discussionKeys.replies(id, page),
    queryFn: ({ signal }) => listReplies(id, page, signal),
    placeholderData: keepPreviousData,
  });

export const useReports = (spaceId: string, status: ReportStatus, page: number, enabled: boolean) =>
  useQuery({
    queryKey: discussionKeys.reports(spaceId, status, page),
    queryFn: ({ signal }) => listReports(spaceId, status, page, signal),
    enabled,
  });

export const useMentionCandidates = (spaceId: string, q: string) =>
  useQuery({
    queryKey: discussionKeys.mentions(spaceId, q),
    queryFn: ({ signal }) => mentionCandidates(spaceId, q, signal),
    enabled: q.trim().length >= 2,
  });

/** Every discussion change moves counts, lists and the thread: refetch what shows them. */
function useDiscussionMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: discussionKeys.all }) });
}

export const useCreateThread = (spaceId: string) =>
  useDiscussionMutation((input: ThreadInput) => createThread(spaceId, input));
export const useCreateReply = (threadId: string) =>
  useDiscussionMutation((input: { body: string; mentionIds: string[]; requestId: string }) =>
    createReply(threadId, input),
  );
export const useMarkRead = () => useDiscussionMutation((threadId: string) => markRead(threadId));
export const useThreadFlag = (threadId: string) =>
  useDiscussionMutation((a: { flag: 'pinned' | 'locked'; value: boolean }) => setThreadFlag(threadId, a.flag, a.value));
export const useSetAnswer = (threadId: string) =>
  useDiscussionMutation((postId: string | null) => setAnswer(threadId, postId));
export const useSetHidden = () =>
  useDiscussionMutation((a: { postId: string; value: boolean }) => setHidden(a.postId, a.value));
export const useDeletePost = () => useDiscussionMutation((postId: string) => deletePost(postId));
export const useReportPost = () =>
  useDiscussionMutation((a: { postId: string; reason: string }) => reportPost(a.postId, a.reason));
export const useResolveReport = () =>
  useDiscussionMutation((a: { reportId: string; resolution: ReportResolution }) =>
    resolveReport(a.reportId, a.resolution),
  );
