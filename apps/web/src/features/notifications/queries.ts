import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailPreference } from '@kompeten/shared-contracts';
import {
  getEmailPreferences,
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
  updateEmailPreferences,
} from './api';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  list: (page: number, pageSize: number) => [...notificationKeys.all, 'list', page, pageSize] as const,
  preferences: () => [...notificationKeys.all, 'email-preferences'] as const,
};

/** The bell's count: refreshed every minute and when the window regains focus. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => unreadCount(signal),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useNotifications(page: number, pageSize = 20, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(page, pageSize),
    queryFn: ({ signal }) => listNotifications({ page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markRead(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useEmailPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences(), queryFn: ({ signal }) => getEmailPreferences(signal) });
}

export function useUpdateEmailPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: EmailPreference[]) => updateEmailPreferences(items),
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences(), data),
  });
}
