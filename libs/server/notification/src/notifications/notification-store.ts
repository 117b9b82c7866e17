import type { EntityManager } from 'typeorm';
import type { AppNotification, EmailPreferenceKind, NotificationKind } from '@kompeten/shared-contracts';
import { returnedRows } from '@kompeten/server-core';

/** Hand-written SQL of in-app notifications and email preferences (issue 17). */

/** Writes the notification once per (kind, source, user); a second call changes nothing. */
export async function insertNotification(
  m: EntityManager,
  n: { userId: string; kind: NotificationKind; sourceId: string; title: string; body: string; link: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO notification (user_id, kind, source_id, title, body, link) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, source_id, user_id) DO NOTHING`,
    [n.userId, n.kind, n.sourceId, n.title, n.body, n.link],
  );
}

type Row = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
};
const toNotification = (r: Row): AppNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
});

/** A user's notifications, newest first, with the total and the unread count. */
export async function listNotifications(
  m: EntityManager,
  userId: string,
  o: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ items: AppNotification[]; total: number; unread: number }> {
  const rows: Row[] = await m.query(
    `SELECT id, kind, title, body, link, read_at, created_at FROM notification
      WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
      ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [userId, o.unreadOnly, o.limit, o.offset],
  );
  const [counts]: Array<{ total: string; unread: string }> = await m.query(
    `SELECT count(*) FILTER (WHERE $2::boolean = false OR read_at IS NULL) AS total,
            count(*) FILTER (WHERE read_at IS NULL) AS unread
       FROM notification WHERE user_id = $1`,
    [userId, o.unreadOnly],
  );
  return { items: rows.map(toNotification), total: Number(counts.total), unread: Number(counts.unread) };
}

export async function unreadCount(m: EntityManager, userId: string): Promise<number> {
  const [row]: Array<{ n: string }> = await m.query(
    `SELECT count(*) AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  return Number(row.n);
}

/** Marks one of the user's notifications read (keeping the first read time); null when it is not theirs. */
export async function markRead(m: EntityManager, userId: string, id: string): Promise<AppNotification | null> {
  const result: unknown = await m.query(
    `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
      RETURNING id, kind, title, body, link, read_at, created_at`,
    [id, userId],
  );
  const row = returnedRows<Row>(result)[0];
  return row ? toNotification(row) : null;
}

export async function markAllRead(m: EntityManager, userId: string): Promise<number> {
  const result: unknown = await m.query(
    `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
    [userId],
  );
  return returnedRows(result).length;
}

/** The user's stored choices (kinds without a row are on). */
export async function emailChoices(m: EntityManager, userId: string): Promise<Map<EmailPreferenceKind, boolean>> {
  const rows: Array<{ kind: EmailPreferenceKind; email: boolean }> = await m.query(
    `SELECT kind, email FROM notification_preference WHERE user_id = $1`,
    [userId],
  );
  return new Map(rows.map((r) => [r.kind, r.email]));
}

export async function saveEmailChoice(
  m: EntityManager,
  userId: string,
  kind: EmailPreferenceKind,
  email: boolean,
): Promise<void> {
  await m.query(
    `INSERT INTO notification_preference (user_id, kind, email) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
    [userId, kind, email],
  );
}
