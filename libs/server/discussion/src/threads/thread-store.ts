import type { EntityManager } from 'typeorm';
import type { ReportResolution, ReportStatus, ThreadKind } from '@kompeten/shared-contracts';
import { returnedRows } from '@kompeten/server-core';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const ACCOUNT = IDENTITY_READ_MODELS.userAccount;

/** A person's shown name: the ASN's name, or "Admin" for an account without an ASN record (its email stays private). */
const nameOf = (account: string) =>
  `COALESCE((SELECT e.full_name FROM ${ACCOUNT} u JOIN ${EMPLOYEE} e ON e.id = u.employee_id WHERE u.id = ${account}), 'Admin')`;

/** Others' shown posts after the reader's marker (the rule `unreadCount` in space-rules.ts). */
const UNREAD_POST = (p: string, marker: string, user: string) =>
  `${p}.seq > COALESCE(${marker}, 0) AND ${p}.author_user_id <> ${user} AND ${p}.hidden_at IS NULL AND ${p}.deleted_at IS NULL`;

export interface ThreadRow {
  id: string;
  space_id: string;
  kind: ThreadKind;
  title: string;
  author_user_id: string;
  author_name: string;
  pinned: boolean;
  locked: boolean;
  answer_post_id: string | null;
  reply_count: number;
  last_post_at: Date;
  created_at: Date;
  unread_count: number;
}

const THREAD_SELECT = (
  user: string,
) => `SELECT t.id, t.space_id, t.kind, t.title, t.author_user_id, ${nameOf('t.author_user_id')} AS author_name,
       t.pinned, t.locked, t.answer_post_id, t.reply_count, t.last_post_at, t.created_at,
       (SELECT count(*)::int FROM discussion_post p
         WHERE p.thread_id = t.id AND ${UNREAD_POST('p', 'rm.read_seq', user)}) AS unread_count
  FROM discussion_thread t
  LEFT JOIN discussion_read_marker rm ON rm.thread_id = t.id AND rm.user_id = ${user}`;

/**
 * A space's threads for a reader, pinned first then by latest post. Threads whose opening post is hidden or deleted
 * are left out for non-moderators.
 */
export async function listThreads(
  m: EntityManager,
  f: { spaceId: string; userId: string; moderator: boolean; limit: number; offset: number },
): Promise<{ total: number; rows: ThreadRow[] }> {
  const where = `t.space_id = $1 AND ($3::boolean OR EXISTS (
      SELECT 1 FROM discussion_post op WHERE op.thread_id = t.id AND op.is_opening
         AND op.hidden_at IS NULL AND op.deleted_at IS NULL))`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM discussion_thread t WHERE ${where.replace('$3', '$2')}`,
    [f.spaceId, f.moderator],
  );
  const rows: ThreadRow[] = await m.query(
    `${THREAD_SELECT('$2')} WHERE ${where}
      ORDER BY t.pinned DESC, t.last_post_at DESC, t.id LIMIT $4 OFFSET $5`,
    [f.spaceId, f.userId, f.moderator, f.limit, f.offset],
  );
  return { total, rows };
}

export async function findThread(m: EntityManager, id: string, userId: string): Promise<ThreadRow | null> {
  const [row]: ThreadRow[] = await m.query(`${THREAD_SELECT('$2')} WHERE t.id = $1`, [id, userId]);
  return row ?? null;
}

/** A space's counts for a reader: threads, others' unread shown posts, and (for moderators) open reports. */
export async function spaceCounts(
  m: EntityManager,
  spaceId: string,
  userId: string,
): Promise<{ thread_count: number; unread_count: number; open_reports: number }> {
  const [row]: Array<{ thread_count: number; unread_count: number; open_reports: number }> = await m.query(
    `SELECT (SELECT count(*)::int FROM discussion_thread WHERE space_id = $1) AS thread_count,
            (SELECT count(*)::int FROM discussion_post p
               LEFT JOIN discussion_read_marker rm ON rm.thread_id = p.thread_id AND rm.user_id = $2
              WHERE p.space_id = $1 AND ${UNREAD_POST('p', 'rm.read_seq', '$2')}) AS unread_count,
            (SELECT count(*)::int FROM discussion_report WHERE space_id = $1 AND status = 'open') AS open_reports`,
    [spaceId, userId],
  );
  return row;
}

export interface PostRow {
  id: string;
  thread_id: string;
  space_id: string;
  seq: string;
  author_user_id: string;
  author_name: string;
  is_opening: boolean;
  body: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
  edited_at: Date | null;
  created_at: Date;
  mentions: Array<{ employeeId: string; name: string }>;
}

const POST_SELECT = `SELECT p.id, p.thread_id, p.space_id, p.seq, p.author_user_id, ${nameOf('p.author_user_id')} AS author_name,
       p.is_opening, p.body, p.hidden_at, p.deleted_at, p.edited_at, p.created_at,
       COALESCE((SELECT json_agg(json_build_object('employeeId', dm.employee_id, 'name', me.full_name) ORDER BY me.full_name)
                   FROM discussion_mention dm JOIN ${EMPLOYEE} me ON me.id = dm.employee_id WHERE dm.post_id = p.id), '[]') AS mentions
  FROM discussion_post p`;

export async function findPost(m: EntityManager, id: string): Promise<PostRow | null> {
  const [row]: PostRow[] = await m.query(`${POST_SELECT} WHERE p.id = $1`, [id]);
  return row ?? null;
}

export async function openingPost(m: EntityManager, threadId: string): Promise<PostRow> {
  const [row]: PostRow[] = await m.query(`${POST_SELECT} WHERE p.thread_id = $1 AND p.is_opening`, [threadId]);
  return row;
}

/** A thread's replies in order of writing. */
export async function listReplies(
  m: EntityManager,
  threadId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: PostRow[] }> {
  const [{ total }]: Array<{ total: number }> = await m.query(
    'SELECT count(*)::int AS total FROM discussion_post WHERE thread_id = $1 AND NOT is_opening',
    [threadId],
  );
  const rows: PostRow[] = await m.query(
    `${POST_SELECT} WHERE p.thread_id = $1 AND NOT p.is_opening ORDER BY p.seq LIMIT $2 OFFSET $3`,
    [threadId, page.limit, page.offset],
  );
  return { total, rows };
}

/** The post an author wrote under a client request id, with its thread's space, or none. */
export async function postOfRequest(
  m: EntityManager,
  authorUserId: string,
  requestId: string,
): Promise<{ id: string; thread_id: string; space_id: string; is_opening: boolean } | null> {
  const [row]: Array<{ id: string; thread_id: string; space_id: string; is_opening: boolean }> = await m.query(
    'SELECT id, thread_id, space_id, is_opening FROM discussion_post WHERE author_user_id = $1 AND request_id = $2',
    [authorUserId, requestId],
  );
  return row ?? null;
}

export async function insertThread(
  m: EntityManager,
  t: { spaceId: string; kind: ThreadKind; title: string; authorUserId: string; pinned: boolean },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO discussion_thread (space_id, kind, title, author_user_id, pinned) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [t.spaceId, t.kind, t.title, t.authorUserId, t.pinned],
  );
  return row.id;
}

export async function insertPost(
  m: EntityManager,
  p: {
    threadId: string;
    spaceId: string;
    authorUserId: string;
    isOpening: boolean;
    body: string;
    requestId: string | null;
  },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO discussion_post (thread_id, space_id, author_user_id, is_opening, body, request_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.threadId, p.spaceId, p.authorUserId, p.isOpening, p.body, p.requestId],
  );
  return row.id;
}

export async function insertMentions(m: EntityManager, postId: string, employeeIds: readonly string[]): Promise<void> {
  if (employeeIds.length === 0) return;
  await m.query(
    `INSERT INTO discussion_mention (post_id, employee_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [postId, employeeIds],
  );
}

/**
 * Counts a reply into its thread under the thread's row lock, unless the thread is locked: answers false then. The
 * lock also orders a reply against a moderator locking the thread.
 */
export async function countReply(m: EntityManager, threadId: string): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE discussion_thread SET reply_count = reply_count + 1, last_post_at = now()
      WHERE id = $1 AND NOT locked RETURNING id`,
    [threadId],
  );
  return returnedRows<{ id: string }>(result).length > 0;
}

export async function setThreadFlag(
  m: EntityManager,
  threadId: string,
  flag: 'pinned' | 'locked',
  value: boolean,
): Promise<void> {
  await m.query(`UPDATE discussion_thread SET ${flag === 'pinned' ? 'pinned' : 'locked'} = $2 WHERE id = $1`, [
    threadId,
    value,
  ]);
}

export async function setAnswer(m: EntityManager, threadId: string, postId: string | null): Promise<void> {
  await m.query('UPDATE discussion_thread SET answer_post_id = $2 WHERE id = $1', [threadId, postId]);
}

/** Takes the answer mark off a post being hidden or deleted. */
export async function clearAnswerOf(m: EntityManager, postId: string): Promise<void> {
  await m.query('UPDATE discussion_thread SET answer_post_id = NULL WHERE answer_post_id = $1', [postId]);
}

export async function editPost(m: EntityManager, postId: string, body: string): Promise<void> {
  await m.query('UPDATE discussion_post SET body = $2, edited_at = now() WHERE id = $1', [postId, body]);
}

export async function editThreadTitle(m: EntityManager, threadId: string, title: string): Promise<void> {
  await m.query('UPDATE discussion_thread SET title = $2 WHERE id = $1', [threadId, title]);
}

export async function markDeleted(m: EntityManager, postId: string): Promise<void> {
  await m.query('UPDATE discussion_post SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL', [postId]);
}

export async function setHidden(m: EntityManager, postId: string, hidden: boolean, by: string): Promise<void> {
  await m.query(
    hidden
      ? 'UPDATE discussion_post SET hidden_at = now(), hidden_by = $2 WHERE id = $1 AND hidden_at IS NULL'
      : 'UPDATE discussion_post SET hidden_at = NULL, hidden_by = NULL WHERE id = $1 AND $2::uuid IS NOT NULL',
    [postId, by],
  );
}

/** Moves the reader's marker of a thread up to its latest post (never down). */
export async function markThreadRead(m: EntityManager, userId: string, threadId: string, spaceId: string) {
  await m.query(
    `INSERT INTO discussion_read_marker (user_id, thread_id, space_id, read_seq, updated_at)
     SELECT $1, $2, $3, COALESCE(max(seq), 0), now() FROM discussion_post WHERE thread_id = $2
     ON CONFLICT (user_id, thread_id)
     DO UPDATE SET read_seq = GREATEST(discussion_read_marker.read_seq, EXCLUDED.read_seq), updated_at = now()`,
    [userId, threadId, spaceId],
  );
}

// ---- reports ------------------------------------------------------------------------------------------------------

export interface ReportRow {
  id: string;
  post_id: string;
  thread_id: string;
  thread_title: string;
  reporter_user_id: string;
  reporter_name: string;
  reason: string;
  status: ReportStatus;
  resolution: ReportResolution | null;
  created_at: Date;
  resolved_at: Date | null;
}

/** One report per post and reporter: a second report answers the first. */
export async function insertReport(
  m: EntityManager,
  r: { postId: string; spaceId: string; reporterUserId: string; reason: string },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `WITH ins AS (
       INSERT INTO discussion_report (post_id, space_id, reporter_user_id, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (post_id, reporter_user_id) DO NOTHING RETURNING id)
     SELECT id FROM ins UNION ALL
     SELECT id FROM discussion_report WHERE post_id = $1 AND reporter_user_id = $3`,
    [r.postId, r.spaceId, r.reporterUserId, r.reason],
  );
  return row.id;
}

const REPORT_SELECT = `SELECT r.id, r.post_id, p.thread_id, t.title AS thread_title, r.reporter_user_id,
       ${nameOf('r.reporter_user_id')} AS reporter_name, r.reason, r.status, r.resolution, r.created_at, r.resolved_at
  FROM discussion_report r JOIN discussion_post p ON p.id = r.post_id JOIN discussion_thread t ON t.id = p.thread_id`;

export async function listReports(
  m: EntityManager,
  f: { spaceId: string; status: ReportStatus | null; limit: number; offset: number },
): Promise<{ total: number; rows: ReportRow[] }> {
  const where = `r.space_id = $1 AND ($2::text IS NULL OR r.status = $2)`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM discussion_report r WHERE ${where}`,
    [f.spaceId, f.status],
  );
  const rows: ReportRow[] = await m.query(
    `${REPORT_SELECT} WHERE ${where} ORDER BY r.created_at, r.id LIMIT $3 OFFSET $4`,
    [f.spaceId, f.status, f.limit, f.offset],
  );
  return { total, rows };
}

export async function findReport(m: EntityManager, id: string): Promise<(ReportRow & { space_id: string }) | null> {
  const [row]: Array<ReportRow & { space_id: string }> = await m.query(
    `${REPORT_SELECT.replace('SELECT r.id,', 'SELECT r.id, r.space_id,')} WHERE r.id = $1`,
    [id],
  );
  return row ?? null;
}

/** Resolves every open report of a post the same way (hiding it answers all who reported it). */
export async function resolveReportsOf(
  m: EntityManager,
  postId: string,
  resolution: ReportResolution,
  by: string,
): Promise<void> {
  await m.query(
    `UPDATE discussion_report SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = now()
      WHERE post_id = $1 AND status = 'open'`,
    [postId, resolution, by],
  );
}
