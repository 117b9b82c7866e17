import type { AccountEvent, Page } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return request<void>('/auth/change-password', { method: 'POST', body: input });
}

// ---- issue 12: pending login email and account events ------------------------------------------------

export function confirmPendingEmail(): Promise<void> {
  return request<void>('/me/email/confirm', { method: 'POST' });
}

export function declinePendingEmail(): Promise<void> {
  return request<void>('/me/email/pending', { method: 'DELETE' });
}

export function listAccountEvents(page: number, signal?: AbortSignal): Promise<Page<AccountEvent>> {
  return request<Page<AccountEvent>>('/me/account-events', { query: { page, pageSize: 10 }, signal });
}
