import { createHmac } from 'node:crypto';
import type { Response } from 'express';
import {
  clearPageCookie,
  PAGE_COOKIE,
  pageCookieKey,
  pageCookieOf,
  pageCookieValue,
  setPageCookie,
  verifyPageCookie,
} from './page-cookie';

describe('page cookie', () => {
  const secret = 'a-jwt-secret-of-forty-characters-or-more!';
  const key = pageCookieKey(secret);
  const familyId = '0b6f7a52-3c1e-4f5a-9d2b-7e8f9a0b1c2d';
  const now = Date.UTC(2031, 0, 15, 12, 0, 0);
  const nowSeconds = now / 1000;
  const good = pageCookieValue(key, familyId, nowSeconds + 3600);
  const request = (cookie: string | undefined) => ({ headers: cookie === undefined ? {} : { cookie } });
  const captured = () => {
    const headers: string[] = [];
    const res = { append: (name: string, value: string) => name === 'Set-Cookie' && headers.push(value) };
    return { res: res as unknown as Response, headers };
  };

  it('derives its key from the JWT secret without being the secret', () => {
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.from(secret))).toBe(false);
    expect(pageCookieKey(secret).equals(key)).toBe(true);
    expect(pageCookieKey(`${secret}x`).equals(key)).toBe(false);
  });

  it('is <familyId>.<expires>.<base64url HMAC-SHA256 of familyId.expires>', () => {
    const expected = createHmac('sha256', key)
      .update(`${familyId}.${nowSeconds + 3600}`)
      .digest('base64url');
    expect(good).toBe(`${familyId}.${nowSeconds + 3600}.${expected}`);
  });

  it('verifies a good value and answers its session and expiry', () => {
    expect(verifyPageCookie(good, key, now)).toEqual({ familyId, expiresAt: nowSeconds + 3600 });
    expect(pageCookieOf(request(`a=b; ${PAGE_COOKIE}=${good}; kompeten_refresh=xyz`), key, now)).toEqual({
      familyId,
      expiresAt: nowSeconds + 3600,
    });
  });

  it('refuses an expired value, and one expiring this very second', () => {
    expect(verifyPageCookie(pageCookieValue(key, familyId, nowSeconds - 1), key, now)).toBeNull();
    expect(verifyPageCookie(pageCookieValue(key, familyId, nowSeconds), key, now)).toBeNull();
    expect(verifyPageCookie(pageCookieValue(key, familyId, nowSeconds + 1), key, now)).not.toBeNull();
  });

  it('refuses a value signed with another key (another secret, or the raw JWT secret)', () => {
    expect(
      verifyPageCookie(pageCookieValue(pageCookieKey('another secret'), familyId, nowSeconds + 60), key, now),
    ).toBeNull();
    expect(verifyPageCookie(pageCookieValue(Buffer.from(secret), familyId, nowSeconds + 60), key, now)).toBeNull();
  });

  it('refuses tampering with any part', () => {
    const [id, expires, signature] = good.split('.');
    const otherId = '1b6f7a52-3c1e-4f5a-9d2b-7e8f9a0b1c2d';
    expect(verifyPageCookie(`${otherId}.${expires}.${signature}`, key, now)).toBeNull();
    expect(verifyPageCookie(`${id}.${Number(expires) + 1}.${signature}`, key, now)).toBeNull();
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(verifyPageCookie(`${id}.${expires}.${flipped}`, key, now)).toBeNull();
    // The last base64url character carries 2 unused bits: a non-canonical spelling of the same MAC is refused too.
    const last = signature[42];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(`${signature.slice(0, 42)}${sibling}`, 'base64url')).toEqual(
      Buffer.from(signature, 'base64url'),
    );
    expect(verifyPageCookie(`${id}.${expires}.${signature.slice(0, 42)}${sibling}`, key, now)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['a refresh token', 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c'],
    ['two parts', good.split('.').slice(0, 2).join('.')],
    ['four parts', `${good}.x`],
    ['padding', `${good}=`],
    ['standard base64', good.slice(0, -1) + '+'],
    ['an inner space', good.replace('.', '. ')],
    ['a quoted value', `"${good}"`],
    ['an upper-case family id', good.replace(familyId, familyId.toUpperCase())],
    ['a family id without dashes', good.replace(familyId, familyId.replace(/-/g, ''))],
    ['a family id with braces', good.replace(familyId, `{${familyId}}`)],
    ['an expiry with a leading zero', good.replace(`.${nowSeconds + 3600}.`, `.0${nowSeconds + 3600}.`)],
    ['a negative expiry', good.replace(`.${nowSeconds + 3600}.`, `.-${nowSeconds + 3600}.`)],
    ['a fractional expiry', good.replace(`.${nowSeconds + 3600}.`, `.${nowSeconds + 3600}.5.`)],
    ['a huge expiry', good.replace(`.${nowSeconds + 3600}.`, '.99999999999999999999.')],
    ['a short signature', good.slice(0, -1)],
    ['a long signature', `${good}A`],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI'],
    ['a very long value', 'a'.repeat(100_000)],
  ])('refuses %s', (_name, value) => {
    expect(verifyPageCookie(value, key, now)).toBeNull();
    expect(pageCookieOf(request(`${PAGE_COOKIE}=${value}`), key, now)).toBeNull();
  });

  it('takes the header’s spaces around a value as separators (RFC 6265), but not as part of a bare value', () => {
    expect(verifyPageCookie(` ${good}`, key, now)).toBeNull();
    expect(pageCookieOf(request(`${PAGE_COOKIE}= ${good} ;a=b`), key, now)).not.toBeNull();
  });

  it('finds the cookie only by its exact name, and answers null without one', () => {
    expect(pageCookieOf(request(undefined), key, now)).toBeNull();
    expect(pageCookieOf(request(''), key, now)).toBeNull();
    expect(pageCookieOf(request(`x${PAGE_COOKIE}=${good}`), key, now)).toBeNull();
    expect(pageCookieOf(request(`${PAGE_COOKIE}x=${good}`), key, now)).toBeNull();
    expect(pageCookieOf(request(`kompeten_refresh=${good}`), key, now)).toBeNull();
    expect(pageCookieOf(request(`${PAGE_COOKIE}`), key, now)).toBeNull();
    expect(pageCookieOf(request(`${PAGE_COOKIE}=`), key, now)).toBeNull();
    expect(pageCookieOf(request(`=${good}`), key, now)).toBeNull();
    expect(pageCookieOf(request(`a=1;${PAGE_COOKIE}=${good}`), key, now)).not.toBeNull();
    // Only the first cookie of that name counts: a bad first one is not rescued by a good second.
    expect(pageCookieOf(request(`${PAGE_COOKIE}=bad; ${PAGE_COOKIE}=${good}`), key, now)).toBeNull();
  });

  it('is set with the refresh cookie\u2019s lifetime on Path=/, HttpOnly, Secure and SameSite=Strict', () => {
    const { res, headers } = captured();
    setPageCookie(res, key, familyId, 2_592_000, now);
    expect(headers).toHaveLength(1);
    const [pair, ...attributes] = headers[0].split(';').map((a) => a.trim());
    expect(pair).toBe(`${PAGE_COOKIE}=${pageCookieValue(key, familyId, nowSeconds + 2_592_000)}`);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/', 'SameSite=Strict', 'Secure']);
    expect(pageCookieOf(request(pair), key, now)).toEqual({ familyId, expiresAt: nowSeconds + 2_592_000 });
  });

  it('is cleared with Max-Age=0, an expiry in 1970 and the same attributes', () => {
    const { res, headers } = captured();
    clearPageCookie(res);
    const [pair, ...attributes] = headers[0].split(';').map((a) => a.trim());
    expect(pair).toBe(`${PAGE_COOKIE}=`);
    expect(attributes.sort()).toEqual([
      'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      'HttpOnly',
      'Max-Age=0',
      'Path=/',
      'SameSite=Strict',
      'Secure',
    ]);
  });
});
