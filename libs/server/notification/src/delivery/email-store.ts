import type { EntityManager } from 'typeorm';
import type { NotificationKind } from '@kompeten/shared-contracts';
import { returnedRows } from '@kompeten/server-core';
import type { EmailDeliveryStatus } from '../entities/email-delivery.entity';

/** Hand-written SQL of the email delivery record (`email_delivery`, decision 0032); the rules are email-delivery.ts. */

export interface EmailRow {
  id: string;
  kind: NotificationKind;
  sourceId: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  status: EmailDeliveryStatus;
  attempts: number;
}

const COLUMNS = `id, kind, source_id AS "sourceId", recipient, subject, body_text AS "bodyText", body_html AS "bodyHtml",
  status, attempts`;

/** Records an email once per (kind, source, recipient); a second call changes nothing. Returns its id. */
export async function insertEmail(
  m: EntityManager,
  e: {
    kind: NotificationKind;
    sourceId: string;
    userId: string | null;
    recipient: string;
    subject: string;
    text: string;
    html: string;
  },
): Promise<string> {
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO email_delivery (kind, source_id, user_id, recipient, subject, body_text, body_html)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (kind, source_id, recipient) DO UPDATE SET kind = email_delivery.kind
     RETURNING id`,
    [e.kind, e.sourceId, e.userId, e.recipient.toLowerCase(), e.subject, e.text, e.html],
  );
  return rows[0].id;
}

/**
 * Takes an email for one attempt: only when due, pending or failed, and not held by another worker (whose lease has
 * not run out). Counts the attempt. Null when someone else has it or there is nothing to do.
 */
export async function claimEmail(m: EntityManager, id: string, leaseMs: number): Promise<EmailRow | null> {
  const result: unknown = await m.query(
    `UPDATE email_delivery SET lease_until = now() + make_interval(secs => $2::float8 / 1000), attempts = attempts + 1,
            updated_at = now()
      WHERE id = $1 AND status IN ('pending', 'failed') AND next_attempt_at <= now()
        AND (lease_until IS NULL OR lease_until < now())
      RETURNING ${COLUMNS}`,
    [id, leaseMs],
  );
  return returnedRows<EmailRow>(result)[0] ?? null;
}

/** Emails due now (oldest first): what the sweep re-drives after any outage. */
export async function dueEmailIds(m: EntityManager, limit: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT id FROM email_delivery
      WHERE status IN ('pending', 'failed') AND next_attempt_at <= now()
        AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

export async function markEmailSent(m: EntityManager, id: string, messageId: string): Promise<void> {
  await m.query(
    `UPDATE email_delivery SET status = 'sent', message_id = $2, last_error = NULL, lease_until = NULL, sent_at = now(),
            updated_at = now()
      WHERE id = $1`,
    [id, messageId],
  );
}

export async function markEmailRetry(m: EntityManager, id: string, error: string, delayMs: number): Promise<void> {
  await m.query(
    `UPDATE email_delivery SET status = 'failed', last_error = $2, lease_until = NULL,
            next_attempt_at = now() + make_interval(secs => $3::float8 / 1000), updated_at = now()
      WHERE id = $1`,
    [id, error.slice(0, 1000), delayMs],
  );
}

/** Not sent and not retried: a permanent refusal, or nothing left to send (a setup link used meanwhile). */
export async function markEmailParked(m: EntityManager, id: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE email_delivery SET status = 'parked', last_error = $2, lease_until = NULL, updated_at = now() WHERE id = $1`,
    [id, reason.slice(0, 1000)],
  );
}

/** An email waits because no SMTP server is configured: not an attempt, just later. */
export async function postponeEmail(m: EntityManager, id: string, delayMs: number, reason: string): Promise<void> {
  await m.query(
    `UPDATE email_delivery SET last_error = $3, lease_until = NULL,
            next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
      WHERE id = $1 AND status IN ('pending', 'failed')`,
    [id, delayMs, reason],
  );
}

export interface EmailDeliveryView {
  id: string;
  kind: NotificationKind;
  sourceId: string;
  recipient: string;
  status: EmailDeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
}

/** The deliveries of a source (tests, support). */
export async function emailsOfSource(m: EntityManager, sourceId: string): Promise<EmailDeliveryView[]> {
  return m.query(
    `SELECT id, kind, source_id AS "sourceId", recipient, status, attempts, last_error AS "lastError",
            message_id AS "messageId"
       FROM email_delivery WHERE source_id = $1 ORDER BY created_at`,
    [sourceId],
  );
}
