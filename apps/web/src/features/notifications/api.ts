import type { AppNotification, EmailPreference, EmailPreferences, NotificationPage } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

export function listNotifications(
  o: { page: number; pageSize: number; unread?: boolean },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return request<NotificationPage>('/notifications/me', {
    query: { page: o.page, pageSize: o.pageSize, unread: o.unread ? true : undefined },
    signal,
  });
}

export function unreadCount(signal?: AbortSignal): Promise<{ unreadCount: number }> {
  return request<{ unreadCount: number }>('/notifications/me/unread-count', { signal });
}

export function markRead(id: string): Promise<AppNotification> {
  return request<AppNotification>(`/notifications/me/${id}/read`, { method: 'POST' });
}

export function markAllRead(): Promise<{ updated: number }> {
  return request<{ updated: number }>('/notifications/me/read-all', { method: 'POST' });
}

export function getEmailPreferences(signal?: AbortSignal): Promise<EmailPreferences> {
  return request<EmailPreferences>('/notifications/me/email-preferences', { signal });
}

export function updateEmailPreferences(items: EmailPreference[]): Promise<EmailPreferences> {
  return request<EmailPreferences>('/notifications/me/email-preferences', {
    method: 'PUT',
    body: { preferences: items },
  });
}
