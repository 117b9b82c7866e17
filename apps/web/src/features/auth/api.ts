import type { LoginResponse, Me } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

/** username is a NIP or an email. */
export function login(username: string, password: string): Promise<LoginResponse> {
  return request<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, auth: false });
}

/** Ends the session of the refresh cookie and clears it. No refresh-and-retry: that would rotate the token being revoked. */
export function logout(): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST', body: {}, auth: false, retryOnUnauthorized: false });
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/me', { signal });
}
