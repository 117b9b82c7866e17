import type { EntityManager } from 'typeorm';
import type { DiscussionSpaceKind } from '@kompeten/shared-contracts';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';

/** A post as the notification job tells it (decision 0039): who wrote it where, whom it mentions, whose thread it answers. */
export interface PostNotice {
  postId: string;
  threadId: string;
  threadTitle: string;
  spaceKind: DiscussionSpaceKind;
  authorUserId: string;
  authorName: string;
  isOpening: boolean;
  /** Hidden by a moderator or deleted by its author before the job ran: nobody is told. */
  withdrawn: boolean;
  threadAuthorUserId: string;
  /** `mentionId` is the notification's source: one notice per mention. */
  mentions: Array<{ mentionId: string; employeeId: string }>;
  /** A path in the web app. */
  link: string;
}

/** For the notification job `notification.discussion-posted`: the post, or null for an unknown one. */
export async function findPostNotice(m: EntityManager, postId: string): Promise<PostNotice | null> {
  const [row]: Array<{
    id: string;
    thread_id: string;
    title: string;
    kind: DiscussionSpaceKind;
    author_user_id: string;
    author_name: string | null;
    is_opening: boolean;
    withdrawn: boolean;
    thread_author: string;
    mentions: Array<{ mentionId: string; employeeId: string }>;
  }> = await m.query(
    `SELECT p.id, p.thread_id, t.title, s.kind, p.author_user_id,
            (SELECT e.full_name FROM ${IDENTITY_READ_MODELS.userAccount} u
               JOIN ${IDENTITY_READ_MODELS.employee} e ON e.id = u.employee_id WHERE u.id = p.author_user_id) AS author_name,
            p.is_opening, (p.hidden_at IS NOT NULL OR p.deleted_at IS NOT NULL) AS withdrawn, t.author_user_id AS thread_author,
            COALESCE((SELECT json_agg(json_build_object('mentionId', dm.id, 'employeeId', dm.employee_id) ORDER BY dm.employee_id)
                        FROM discussion_mention dm WHERE dm.post_id = p.id), '[]') AS mentions
       FROM discussion_post p JOIN discussion_thread t ON t.id = p.thread_id JOIN discussion_space s ON s.id = p.space_id
      WHERE p.id = $1`,
    [postId],
  );
  return row
    ? {
        postId: row.id,
        threadId: row.thread_id,
        threadTitle: row.title,
        spaceKind: row.kind,
        authorUserId: row.author_user_id,
        authorName: row.author_name ?? 'Admin',
        isOpening: row.is_opening,
        withdrawn: row.withdrawn,
        threadAuthorUserId: row.thread_author,
        mentions: row.mentions,
        link: `/diskusi/${row.thread_id}`,
      }
    : null;
}
