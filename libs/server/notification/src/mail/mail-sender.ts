import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our own Message-ID, stable per delivery: a resend after an unknown outcome is recognisable as the same email. */
  messageId: string;
}

/** Why a send failed: `permanent` (a 5xx answer: the server refuses this message) or worth another attempt. */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
  }
}

export interface MailSender {
  /** Resolves with the message id the server accepted; rejects with MailSendError. */
  send(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
  close(): void;
}

/** The configured sender, or null when SMTP_URL is unset (deliveries then wait, pending). */
export const MAIL_SENDER = Symbol('MAIL_SENDER');

/** Classifies an error of nodemailer: SMTP 5xx is permanent; 4xx, timeouts and refused connections are not. */
export function toMailSendError(e: unknown): MailSendError {
  const err = e as { message?: string; responseCode?: number; code?: string; response?: string };
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;
  const permanent = code !== null && code >= 500 && code < 600;
  const what = err.response ?? err.message ?? String(e);
  return new MailSendError(`${err.code ? `${err.code}: ` : ''}${what}`.slice(0, 1000), permanent, code);
}

/** nodemailer over SMTP (decision 0032): a connection per message (volumes are small; nothing left open at shutdown), short timeouts so a dead server fails fast. */
export function smtpSender(smtpUrl: string, from: string): MailSender {
  const transport: Transporter = createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
        });
        if (info.rejected?.length) throw Object.assign(new Error(`Rejected: ${info.response}`), { responseCode: 550 });
        return { messageId: info.messageId, response: info.response ?? '' };
      } catch (e) {
        throw toMailSendError(e);
      }
    },
    close() {
      transport.close();
    },
  };
}
