import type { Request, Response } from 'express';

/** The browser's refresh token: HttpOnly (no script reads it), sent only to the auth routes, never cross-site. */
export const REFRESH_COOKIE = 'kompeten_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

// `Secure` also holds on http://localhost: browsers treat localhost as a secure context.
const ATTRIBUTES = `Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

export function setRefreshCookie(res: Response, token: string, maxAgeSeconds: number): void {
  res.append('Set-Cookie', `${REFRESH_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`);
}

export function clearRefreshCookie(res: Response): void {
  res.append('Set-Cookie', `${REFRESH_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${ATTRIBUTES}`);
}

/** The refresh token from the request's cookie, or null. Tokens are base64url, so anything else is ignored. */
export function refreshCookieOf(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : null;
    }
  }
  return null;
}
