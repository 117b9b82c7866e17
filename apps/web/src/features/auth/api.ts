import type {
  Language,
  LoginResponse,
  Me,
  PasswordResetRequestAccepted,
  SetupLinkInfo,
} from '@kompeten/shared-contracts';
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

/** Keeps the language choice in the profile (idempotent). */
export function saveLanguage(language: Language): Promise<Me> {
  return request<Me>('/me/language', { method: 'PUT', body: { language } });
}

// ---- issue 12: setup links -----------------------------------------------------------------------

/** Who a setup link is for (name and masked NIP), before setting the password. */
export function lookupSetupLink(token: string): Promise<SetupLinkInfo> {
  return request<SetupLinkInfo>('/auth/setup-link/lookup', {
    method: 'POST',
    body: { token },
    auth: false,
    retryOnUnauthorized: false,
  });
}

/** Sets the password with a setup link (once). */
export function completeSetupLink(token: string, password: string): Promise<void> {
  return request<void>('/auth/setup-link/complete', {
    method: 'POST',
    body: { token, password },
    auth: false,
    retryOnUnauthorized: false,
  });
}

// ---- issue 15: "Lupa kata sandi" without email ---------------------------------------------------------

/** Asks the HR officer for a setup link by NIP or email; the same answer whether or not an account matched. */
export function requestPasswordReset(identifier: string): Promise<PasswordResetRequestAccepted> {
  return request<PasswordResetRequestAccepted>('/auth/password-reset-requests', {
    method: 'POST',
    body: { identifier },
    auth: false,
    retryOnUnauthorized: false,
  });
}
