import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * The browser's page cookie (decision 0041): names the session (its refresh-token family) so the server can render the
 * signed-in pages on a plain GET. Read-only: it never rotates, carries no token, and no /api route accepts it; the
 * server trades it for a short-lived access token only while the session still has a live refresh token
 * (PageSessionService). Value: `<familyId>.<expiresUnixSeconds>.<signature>`, the signature a base64url HMAC-SHA256 of
 * `<familyId>.<expires>` under a key derived from the JWT secret.
 */
export const PAGE_COOKIE = 'kompeten_page';
export const PAGE_COOKIE_PATH = '/';

// `Secure` also holds on http://localhost: browsers treat localhost as a secure context.
const ATTRIBUTES = `Path=${PAGE_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

/** Separates this key from the JWT signing key: a page cookie's MAC is never a JWT signature and the other way round. */
const KEY_LABEL = 'kompeten page cookie v1';

/** A family id as the server writes it (randomUUID and PostgreSQL both give lowercase), its expiry, a SHA-256 MAC. */
const VALUE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([1-9][0-9]{0,10})\.([A-Za-z0-9_-]{43})$/;

/** A page cookie that verified: the session it names and when it stops being accepted (Unix seconds). */
export interface PageCookie {
  familyId: string;
  expiresAt: number;
}

/** The page cookie's signing key, derived from (never equal to) the app's JWT secret. */
export function pageCookieKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update(KEY_LABEL).digest();
}

const signatureOf = (key: Buffer, familyId: string, expiresAt: number | string) =>
  createHmac('sha256', key).update(`${familyId}.${expiresAt}`).digest('base64url');

/** The cookie's value for a session, valid until `expiresAt` (Unix seconds). */
export function pageCookieValue(key: Buffer, familyId: string, expiresAt: number): string {
  return `${familyId}.${expiresAt}.${signatureOf(key, familyId, expiresAt)}`;
}

/** Sets the page cookie for the session `familyId`, living as long as its refresh cookie (`maxAgeSeconds`). */
export function setPageCookie(
  res: Response,
  key: Buffer,
  familyId: string,
  maxAgeSeconds: number,
  nowMs: number = Date.now(),
): void {
  const expiresAt = Math.floor(nowMs / 1000) + maxAgeSeconds;
  res.append(
    'Set-Cookie',
    `${PAGE_COOKIE}=${pageCookieValue(key, familyId, expiresAt)}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`,
  );
}

export function clearPageCookie(res: Response): void {
  res.append('Set-Cookie', `${PAGE_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${ATTRIBUTES}`);
}

/**
 * Verifies a page cookie's value: strict format, a signature compared in constant time (as text, so only the one
 * canonical base64url spelling passes), and an expiry still ahead. Null for anything else; never throws.
 */
export function verifyPageCookie(value: string, key: Buffer, nowMs: number = Date.now()): PageCookie | null {
  const match = VALUE.exec(value);
  if (!match) return null;
  const [, familyId, expires, signature] = match;
  const expected = Buffer.from(signatureOf(key, familyId, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(expires);
  if (expiresAt <= Math.floor(nowMs / 1000)) return null;
  return { familyId, expiresAt };
}

/** The verified page cookie of a request (the first one named `kompeten_page`), or null. */
export function pageCookieOf(
  req: Pick<Request, 'headers'>,
  key: Buffer,
  nowMs: number = Date.now(),
): PageCookie | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || !header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === PAGE_COOKIE)
      return verifyPageCookie(part.slice(eq + 1).trim(), key, nowMs);
  }
  return null;
}
