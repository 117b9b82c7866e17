import type { DataSource } from 'typeorm';
import { mintSetupLinkForEmail } from '@kompeten/server-identity';
import type { MailSender } from '../mail/mail-sender';
import { MailSendError } from '../mail/mail-sender';
import { withSetupLink } from '../messages/templates';
import { claimEmail, dueEmailIds, markEmailParked, markEmailRetry, markEmailSent, postponeEmail } from './email-store';
import { emailRetryDelayMs } from './retry-delay';

export interface EmailDeliveryOptions {
  /** How long one attempt may hold an email before another worker may take it (a dead worker's lease runs out). */
  leaseMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts an email is parked instead of retried for ever. */
  maxAttempts: number;
  random?: () => number;
}

export const DEFAULT_EMAIL_DELIVERY: EmailDeliveryOptions = {
  leaseMs: 120_000,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 12,
};

export type EmailOutcome = 'sent' | 'retry' | 'parked' | 'skipped';

/**
 * Sends one recorded email over SMTP (decision 0032), at least once and recorded in `email_delivery`:
 * 1. take it with a lease (two workers never send it at once);
 * 2. a password setup link is minted now, into the text in memory only (never stored or logged);
 * 3. send with our own Message-ID, keep the id the server accepted.
 * A 5xx answer parks it with the server's reason; anything else (4xx, refused connection, timeout) retries with
 * back-off and jitter, up to `maxAttempts`, then parks. SMTP cannot be read back: a worker that dies between the
 * server's "250 OK" and our commit sends it again, with the same Message-ID, which mail clients treat as one message.
 */
export class EmailDelivery {
  private readonly o: EmailDeliveryOptions;

  constructor(
    private readonly db: DataSource,
    private readonly sender: MailSender | null,
    private readonly publicUrl: string,
    options: Partial<EmailDeliveryOptions> = {},
  ) {
    this.o = { ...DEFAULT_EMAIL_DELIVERY, ...options };
  }

  async deliver(emailId: string): Promise<EmailOutcome> {
    const m = this.db.manager;
    if (!this.sender) {
      await postponeEmail(m, emailId, 10 * 60_000, 'SMTP_URL belum diatur: email menunggu');
      return 'skipped';
    }
    const email = await claimEmail(m, emailId, this.o.leaseMs);
    if (!email) return 'skipped';
    let body = { text: email.bodyText, html: email.bodyHtml };
    if (email.kind === 'password_setup_link') {
      const link = await mintSetupLinkForEmail(m, email.sourceId, this.publicUrl);
      if (!link) {
        await markEmailParked(m, email.id, 'Tautan sudah dipakai, diganti tautan baru, atau kedaluwarsa');
        return 'parked';
      }
      body = withSetupLink(body, link.url);
    }
    try {
      const sent = await this.sender.send({
        to: email.recipient,
        subject: email.subject,
        text: body.text,
        html: body.html,
        messageId: `<${email.id}@kompeten>`,
      });
      await markEmailSent(m, email.id, sent.messageId);
      return 'sent';
    } catch (e) {
      const err =
        e instanceof MailSendError
          ? e
          : new MailSendError(`Kesalahan tak terduga: ${(e as Error).message}`, false, null);
      if (err.permanent) {
        await markEmailParked(m, email.id, `Ditolak server email: ${err.message}`);
        return 'parked';
      }
      if (email.attempts >= this.o.maxAttempts) {
        await markEmailParked(m, email.id, `Dihentikan setelah ${email.attempts} percobaan: ${err.message}`);
        return 'parked';
      }
      const delay = emailRetryDelayMs(
        email.attempts,
        { baseMs: this.o.baseDelayMs, maxMs: this.o.maxDelayMs },
        this.o.random,
      );
      await markEmailRetry(m, email.id, err.message, delay);
      return 'retry';
    }
  }

  /** Sends what is due, `concurrency` at a time; the sweep that nothing escapes. */
  async sweep(o: { limit: number; concurrency: number }): Promise<Record<EmailOutcome, number>> {
    const counts: Record<EmailOutcome, number> = { sent: 0, retry: 0, parked: 0, skipped: 0 };
    if (!this.sender) return counts;
    const ids = await dueEmailIds(this.db.manager, o.limit);
    let next = 0;
    const lane = async () => {
      while (next < ids.length) counts[await this.deliver(ids[next++])]++;
    };
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, lane));
    return counts;
  }
}
