import type {
  DiscussionPost,
  DiscussionReport,
  DiscussionSpace,
  DiscussionThreadSummary,
} from '@kompeten/shared-contracts';
import type { SpaceRow } from '../access/space-store';
import { canEditPost, visibleBody, type Standing } from '../access/space-rules';
import type { PostRow, ReportRow, ThreadRow } from './thread-store';

export function toSpace(
  space: SpaceRow,
  title: string,
  standing: Standing,
  counts: { thread_count: number; unread_count: number; open_reports: number },
): DiscussionSpace {
  return {
    id: space.id,
    kind: space.kind,
    targetId: space.target_id,
    title,
    canModerate: standing.moderator,
    threadCount: counts.thread_count,
    unreadCount: counts.unread_count,
    openReportCount: standing.moderator ? counts.open_reports : null,
  };
}

export function toThreadSummary(t: ThreadRow): DiscussionThreadSummary {
  return {
    id: t.id,
    spaceId: t.space_id,
    kind: t.kind,
    title: t.title,
    author: { userId: t.author_user_id, name: t.author_name },
    pinned: t.pinned,
    locked: t.locked,
    answered: t.answer_post_id !== null,
    replyCount: t.reply_count,
    unreadCount: t.unread_count,
    lastPostAt: t.last_post_at.toISOString(),
    createdAt: t.created_at.toISOString(),
  };
}

export function toPost(
  p: PostRow,
  viewer: { userId: string; moderator: boolean },
  thread: { locked: boolean; answer_post_id: string | null },
  now = new Date(),
): DiscussionPost {
  const state = {
    authorUserId: p.author_user_id,
    isOpening: p.is_opening,
    hidden: p.hidden_at !== null,
    deleted: p.deleted_at !== null,
    createdAt: p.created_at,
  };
  const body = visibleBody({ ...state, body: p.body }, viewer.moderator);
  return {
    id: p.id,
    threadId: p.thread_id,
    author: { userId: p.author_user_id, name: p.author_name },
    body,
    hidden: state.hidden,
    deleted: state.deleted,
    isOpening: p.is_opening,
    isAnswer: thread.answer_post_id === p.id,
    mentions: body === null ? [] : p.mentions,
    createdAt: p.created_at.toISOString(),
    editedAt: p.edited_at?.toISOString() ?? null,
    canEdit: canEditPost(state, thread, viewer.userId, now),
  };
}

export function toReport(r: ReportRow, post: DiscussionPost): DiscussionReport {
  return {
    id: r.id,
    post,
    threadId: r.thread_id,
    threadTitle: r.thread_title,
    reporter: { userId: r.reporter_user_id, name: r.reporter_name },
    reason: r.reason,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
  };
}
