import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  EMAIL_PREFERENCE_KINDS,
  ErrorCode,
  type AppNotification,
  type EmailPreferences,
  type NotificationPage,
} from '@kompeten/shared-contracts';
import { notFound, type Principal } from '@kompeten/server-core';
import { recipientOfUser } from '@kompeten/server-identity';
import type { NotificationQueryDto, UpdateEmailPreferencesDto } from '../dto/notification.dto';
import {
  emailChoices,
  listNotifications,
  markAllRead,
  markRead,
  saveEmailChoice,
  unreadCount,
} from '../notifications/notification-store';

/** The caller's own notifications and email choices: every statement is scoped to the signed-in account. */
@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async list(p: Principal, q: NotificationQueryDto): Promise<NotificationPage> {
    const { items, total, unread } = await listNotifications(this.db.manager, p.userId, {
      unreadOnly: q.unread === true,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize, unreadCount: unread };
  }

  async unread(p: Principal): Promise<{ unreadCount: number }> {
    return { unreadCount: await unreadCount(this.db.manager, p.userId) };
  }

  /** Another user's notification is answered exactly like a missing one. */
  async markRead(p: Principal, id: string): Promise<AppNotification> {
    const done = await markRead(this.db.manager, p.userId, id);
    if (!done) throw notFound(ErrorCode.NOTIFICATION_NOT_FOUND, 'Notifikasi tidak ditemukan');
    return done;
  }

  async markAllRead(p: Principal): Promise<{ updated: number }> {
    return { updated: await markAllRead(this.db.manager, p.userId) };
  }

  async preferences(p: Principal): Promise<EmailPreferences> {
    const m = this.db.manager;
    const [choices, me] = await Promise.all([emailChoices(m, p.userId), recipientOfUser(m, p.userId)]);
    return {
      hasEmailAddress: !!me?.email,
      preferences: EMAIL_PREFERENCE_KINDS.map((kind) => ({ kind, email: choices.get(kind) ?? true })),
    };
  }

  async updatePreferences(p: Principal, dto: UpdateEmailPreferencesDto): Promise<EmailPreferences> {
    await this.db.transaction(async (m) => {
      for (const item of dto.preferences) await saveEmailChoice(m, p.userId, item.kind, item.email);
    });
    return this.preferences(p);
  }
}
