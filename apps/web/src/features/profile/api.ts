import { request } from '../../shared/api';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return request<void>('/auth/change-password', { method: 'POST', body: input });
}
