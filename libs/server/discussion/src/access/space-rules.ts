import type { CommunityMemberStatus, CommunityRole, EnrolmentStatus, ThreadKind } from '@kompeten/shared-contracts';

/**
 * Who may read, post in and moderate a discussion space, and what they may do with threads and posts (decision
 * 0039). Pure: the facts come from the owners' readers (learning's course rules, enrolment's statuses, the calendar's
 * class facts, this lib's community members); these functions decide.
 */
export interface Standing {
  /** May read and post (threads of kind discussion or question, replies, reports). */
  reader: boolean;
  /** May post announcements, pin, lock, hide and work the report queue. */
  moderator: boolean;
}

export const NO_STANDING: Standing = { reader: false, moderator: false };

/** Enrolments whose learners take part in a course's discussion: studying it or having completed it. */
export const DISCUSSING_ENROLMENTS: readonly EnrolmentStatus[] = ['active', 'completed'];

/**
 * A course: its authors and the admins of its agency moderate; a learner enrolled (active or completed) reads, and so
 * does anyone the course is offered to while it is live (learning's `courseVisibleTo`, the one rule of who can see a
 * course) — the discussion is part of the course page they can open.
 */
export function courseStanding(f: {
  isAuthor: boolean;
  isAdmin: boolean;
  enrolment: EnrolmentStatus | null;
  live: boolean;
  visible: boolean;
}): Standing {
  const moderator = f.isAuthor || f.isAdmin;
  const enrolled = f.enrolment !== null && DISCUSSING_ENROLMENTS.includes(f.enrolment);
  return { moderator, reader: moderator || enrolled || (f.live && f.visible) };
}

/** A class: its internal speakers and the admins of the organising agency moderate; confirmed registrants read. */
export function classStanding(f: { adminOfOrganiser: boolean; speaker: boolean; confirmed: boolean }): Standing {
  const moderator = f.adminOfOrganiser || f.speaker;
  return { moderator, reader: moderator || f.confirmed };
}

/** A community: its active facilitators and the admins of its host agency moderate; active members read. */
export function communityStanding(f: {
  adminOfHost: boolean;
  membership: { role: CommunityRole; status: CommunityMemberStatus } | null;
}): Standing {
  const active = f.membership?.status === 'active';
  const moderator = f.adminOfHost || (active && f.membership?.role === 'facilitator');
  return { moderator, reader: moderator || active };
}

/** Announcements are the moderators' (the widyaiswara's notices); any reader opens a discussion or asks a question. */
export function canStartThread(kind: ThreadKind, s: Standing): boolean {
  return kind === 'announcement' ? s.moderator : s.reader;
}

/** An author edits their post for a day after writing it, while it is shown and its thread is open. */
export const EDIT_WINDOW_MS = 24 * 3600_000;

export interface PostState {
  authorUserId: string;
  isOpening: boolean;
  hidden: boolean;
  deleted: boolean;
  createdAt: Date;
}

export function canEditPost(post: PostState, thread: { locked: boolean }, userId: string, now: Date): boolean {
  return (
    post.authorUserId === userId &&
    !post.hidden &&
    !post.deleted &&
    !thread.locked &&
    now.getTime() - post.createdAt.getTime() <= EDIT_WINDOW_MS
  );
}

/** An author deletes (soft-hides) their own post at any time, unless a moderator hid it first. */
export function canDeletePost(post: PostState, userId: string): boolean {
  return post.authorUserId === userId && !post.deleted && !post.hidden;
}

/** The asker or a moderator marks one shown reply of a question as its answer. */
export function canMarkAnswer(
  thread: { kind: ThreadKind; authorUserId: string },
  viewer: { userId: string; moderator: boolean },
): boolean {
  return thread.kind === 'question' && (viewer.moderator || thread.authorUserId === viewer.userId);
}

export function isAnswerable(post: Pick<PostState, 'isOpening' | 'hidden' | 'deleted'>): boolean {
  return !post.isOpening && !post.hidden && !post.deleted;
}

/** What a viewer sees of a post's text: nothing of a hidden or deleted post, except a moderator of a hidden one. */
export function visibleBody(post: Pick<PostState, 'hidden' | 'deleted'> & { body: string }, moderator: boolean) {
  if (post.deleted) return null;
  if (post.hidden && !moderator) return null;
  return post.body;
}

/** At most this many people are mentioned in one post. */
export const MAX_MENTIONS = 20;

/** The mention list as sent by the editor: unique ids, the caller not mentioning themself. */
export function mentionList(ids: readonly string[] | undefined, selfEmployeeId: string | null): string[] {
  const unique = [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
  return unique.filter((id) => id !== selfEmployeeId?.toLowerCase());
}

/**
 * Unread posts of a thread for a reader: others' shown posts after the highest seq they read. Mirrors the SQL in
 * discussion-store.ts (`UNREAD_SQL`), kept here to test the rule.
 */
export function unreadCount(
  posts: ReadonlyArray<{ seq: number; authorUserId: string; hidden: boolean; deleted: boolean }>,
  readSeq: number | null,
  userId: string,
): number {
  return posts.filter((p) => p.seq > (readSeq ?? 0) && p.authorUserId !== userId && !p.hidden && !p.deleted).length;
}
