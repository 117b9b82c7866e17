import type { EntityManager } from 'typeorm';
import { EMAIL_PREFERENCE_KINDS, type EmailPreferenceKind } from '@kompeten/shared-contracts';
import type { NotificationRecipient } from '@kompeten/server-identity';
import { insertEmail } from '../delivery/email-store';
import type { Message } from '../messages/templates';
import { emailChoices, insertNotification } from './notification-store';

const isChoosable = (kind: string): kind is EmailPreferenceKind =>
  (EMAIL_PREFERENCE_KINDS as readonly string[]).includes(kind);

/** Whether this recipient gets the email of this kind: an address, and (except the password link) not switched off. */
export async function wantsEmail(m: EntityManager, r: NotificationRecipient, kind: Message['kind']): Promise<boolean> {
  if (!r.email) return false;
  if (!isChoosable(kind)) return true;
  return (await emailChoices(m, r.userId)).get(kind) ?? true;
}

/**
 * Records a notification in the caller's transaction: the in-app row (unless `inApp` is false) and, if the recipient
 * wants it, the email's delivery row. Both are unique per (kind, source, recipient), so a retried job or an event
 * relayed twice writes nothing new. Returns the email's id to send after the commit, or null.
 */
export async function recordNotification(
  m: EntityManager,
  r: NotificationRecipient,
  sourceId: string,
  message: Message,
  o: { inApp?: boolean } = {},
): Promise<string | null> {
  if (o.inApp !== false)
    await insertNotification(m, {
      userId: r.userId,
      kind: message.kind,
      sourceId,
      title: message.title,
      body: message.body,
      link: message.link,
    });
  if (!(await wantsEmail(m, r, message.kind)) || !r.email) return null;
  return insertEmail(m, {
    kind: message.kind,
    sourceId,
    userId: r.userId,
    recipient: r.email,
    subject: message.email.subject,
    text: message.email.text,
    html: message.email.html,
  });
}
