import type { Page } from './api';
import type { AgencyTimeZone } from './enums';

/**
 * Discussions and communities of practice (issue 18, decision 0039). A space belongs to a course, a training-calendar
 * class or a community; it holds threads whose posts are sanitised rich text.
 */
export const DISCUSSION_SPACE_KINDS = ['course', 'class', 'community'] as const;
export type DiscussionSpaceKind = (typeof DISCUSSION_SPACE_KINDS)[number];

/** An announcement is written by a moderator and pinned; a question can have one reply marked as its answer. */
export const THREAD_KINDS = ['discussion', 'question', 'announcement'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export const REPORT_STATUSES = ['open', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** How a moderator closes a report: hide the post, or keep it (dismiss). */
export const REPORT_RESOLUTIONS = ['hidden', 'dismissed'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/** Who may join a community: anyone (open) or those a facilitator invited. */
export const COMMUNITY_JOIN_POLICIES = ['open', 'invite'] as const;
export type CommunityJoinPolicy = (typeof COMMUNITY_JOIN_POLICIES)[number];

export const COMMUNITY_ROLES = ['facilitator', 'member'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

export const COMMUNITY_MEMBER_STATUSES = ['invited', 'active'] as const;
export type CommunityMemberStatus = (typeof COMMUNITY_MEMBER_STATUSES)[number];

export const COMMUNITY_SESSION_MODES = ['classroom', 'online'] as const;
export type CommunitySessionMode = (typeof COMMUNITY_SESSION_MODES)[number];

export interface DiscussionSpace {
  id: string;
  kind: DiscussionSpaceKind;
  /** The course, class or community the space belongs to. */
  targetId: string;
  /** The course's, class's or community's name. */
  title: string;
  /** The caller may pin, lock, hide, post announcements and see the report queue. */
  canModerate: boolean;
  threadCount: number;
  /** Posts of others the caller has not read, over every thread. */
  unreadCount: number;
  openReportCount: number | null;
}

export interface DiscussionPerson {
  userId: string;
  name: string;
}

export interface DiscussionThreadSummary {
  id: string;
  spaceId: string;
  kind: ThreadKind;
  title: string;
  author: DiscussionPerson;
  pinned: boolean;
  locked: boolean;
  /** A question whose answer is marked. */
  answered: boolean;
  replyCount: number;
  unreadCount: number;
  lastPostAt: string;
  createdAt: string;
}

export interface DiscussionMention {
  employeeId: string;
  name: string;
}

export interface DiscussionPost {
  id: string;
  threadId: string;
  author: DiscussionPerson;
  /** Sanitised HTML; null when hidden by a moderator or deleted by its author (moderators still see it). */
  body: string | null;
  /** Hidden by a moderator: readers see "disembunyikan oleh moderator". */
  hidden: boolean;
  /** Deleted by its author (a soft hide). */
  deleted: boolean;
  isOpening: boolean;
  isAnswer: boolean;
  mentions: DiscussionMention[];
  createdAt: string;
  editedAt: string | null;
  /** The caller may edit or delete it (its author, within the rules). */
  canEdit: boolean;
}

export interface DiscussionThread extends DiscussionThreadSummary {
  space: DiscussionSpace;
  opening: DiscussionPost;
  answerPostId: string | null;
  /** The caller may mark the answer (the asker or a moderator, on a question). */
  canMarkAnswer: boolean;
  canReply: boolean;
}

export interface DiscussionReport {
  id: string;
  post: DiscussionPost;
  threadId: string;
  threadTitle: string;
  reporter: DiscussionPerson;
  reason: string;
  status: ReportStatus;
  resolution: ReportResolution | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** Someone the caller may @mention in a space (a person who can read it). */
export interface MentionCandidate {
  employeeId: string;
  name: string;
  agencyName: string | null;
}

export interface Community {
  id: string;
  name: string;
  topic: string;
  description: string;
  agencyId: string;
  agencyName: string;
  /** The host agency's zone: session dates are its calendar days. */
  agencyTimeZone: AgencyTimeZone;
  joinPolicy: CommunityJoinPolicy;
  memberCount: number;
  sessionCount: number;
  /** The caller's membership, or null. */
  myRole: CommunityRole | null;
  myStatus: CommunityMemberStatus | null;
  /** The caller is a facilitator or an admin of the community's agency. */
  canManage: boolean;
  spaceId: string;
  createdAt: string;
}

export interface CommunityMember {
  employeeId: string;
  name: string;
  agencyName: string | null;
  role: CommunityRole;
  status: CommunityMemberStatus;
  joinedAt: string | null;
}

export interface CommunitySession {
  id: string;
  communityId: string;
  title: string;
  /** Local date of the meeting (the community agency's zone). */
  heldOn: string;
  durationMinutes: number;
  mode: CommunitySessionMode;
  attendeeCount: number;
  /** Attendees' names (for facilitators and attendees). */
  attendees: Array<{ employeeId: string; name: string }>;
  recordedAt: string;
}

export type DiscussionThreadPage = Page<DiscussionThreadSummary>;
