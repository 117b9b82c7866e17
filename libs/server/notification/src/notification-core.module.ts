import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@kompeten/server-core';
import { EmailDelivery } from './delivery/email-delivery';
import { MAIL_SENDER, smtpSender, type MailSender } from './mail/mail-sender';

/** The SMTP sender (null without SMTP_URL) and the email delivery, for the worker's notification jobs. */
@Module({
  providers: [
    {
      provide: MAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig): MailSender | null =>
        c.mail.smtpUrl ? smtpSender(c.mail.smtpUrl, c.mail.from) : null,
    },
    {
      provide: EmailDelivery,
      inject: [DataSource, MAIL_SENDER, APP_CONFIG],
      useFactory: (db: DataSource, sender: MailSender | null, c: AppConfig) =>
        new EmailDelivery(db, sender, c.publicUrl),
    },
  ],
  exports: [MAIL_SENDER, EmailDelivery],
})
export class NotificationCoreModule {}
