import { ErrorCode, type LoginResponse, type Me } from '@kompeten/shared-contracts';
import { ApiError, NETWORK_ERROR_CODE } from './api-error';
import { takeEarlyRead } from './early-reads';
import { postRefresh, REFRESH_LOCK, takeEarlyRefresh } from './early-refresh';
import { serverContext } from '../server-context';
import { tokenStore } from './tokens';

export const API_BASE = '/api';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-serialised unless it is FormData. */
  body?: unknown;
  /** Empty, null and undefined values are left out. */
  query?: QueryParams;
  signal?: AbortSignal;
  /** Send the Bearer token (default true). */
  auth?: boolean;
  /** On 401 AUTH.UNAUTHENTICATED, refresh the token once and retry (default true). */
  retryOnUnauthorized?: boolean;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Token refresh with the HttpOnly refresh cookie. The refresh token rotates on every use and a reused one ends the
// session, so refreshes are serialised: within a tab by sharing one promise, across tabs by a Web Lock — the second
// tab then sends the cookie the first one just received.
// ---------------------------------------------------------------------------------------------
let refreshing: Promise<LoginResponse | null> | null = null;

/** Runs inside the lock: takes the early script's answer when it sent the refresh (early-refresh.ts), else sends it. */
async function doRefresh(): Promise<LoginResponse | null> {
  const answer = await (takeEarlyRefresh() ?? postRefresh(buildUrl('/auth/refresh')));
  // No answer (offline): keep the session, the caller reports a network error.
  if (!answer) return null;
  if (answer.status < 200 || answer.status >= 300) {
    if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) tokenStore.clear('expired');
    return null;
  }
  const body = answer.body as LoginResponse | null;
  // An OK answer that is not JSON (a proxy's page): as if none came.
  if (!body) return null;
  tokenStore.set(body.accessToken, 'refreshed');
  return body;
}

function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(REFRESH_LOCK, fn) : fn();
}

function refreshSession(): Promise<LoginResponse | null> {
  refreshing ??= acrossTabs(doRefresh).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Refreshes the access token (shared by all concurrent callers). True when a new token is stored. */
export async function refreshTokens(): Promise<boolean> {
  return (await refreshSession()) !== null;
}

/**
 * After a reload: restores the session from the refresh cookie and returns the user the refresh answered with (the
 * same as GET /api/me), saving that request. Null when there is nothing to restore here (signed out, or a token is
 * already held) or the refresh failed; the caller then asks /api/me, which reports why.
 */
export async function restoreSession(): Promise<Me | null> {
  if (tokenStore.access || !tokenStore.hasSession()) return null;
  return (await refreshSession())?.user ?? null;
}

/** The access token to send: after a reload (or a sign-in in another tab) it is first restored from the cookie. */
async function currentToken(): Promise<string | null> {
  if (!tokenStore.access && tokenStore.hasSession()) await refreshTokens();
  return tokenStore.access;
}

/** The request failed because the access token expired (as opposed to wrong credentials etc.). */
function isExpiredToken(status: number, code: string | null): boolean {
  return status === 401 && (code === null || code === ErrorCode.AUTH_UNAUTHENTICATED);
}

async function errorCodeOf(res: Response): Promise<string | null> {
  try {
    const body: unknown = await res.clone().json();
    return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string'
      ? (body as { code: string }).code
      : null;
  } catch {
    return null;
  }
}

async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The API answers errors and reports in the language on screen (<html lang>, kept by i18n; decision 0026).
  const lang = typeof document !== 'undefined' ? document.documentElement.lang : '';
  if (lang === 'en' || lang === 'id') headers['Accept-Language'] = lang;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (token && opts.auth !== false) headers['Authorization'] = `Bearer ${token}`;
  // A render on the server (decision 0041) reads from the API over loopback, in Indonesian (the only language it renders).
  const server = serverContext();
  if (server) headers['Accept-Language'] = 'id';
  const url = `${server?.apiOrigin ?? ''}${buildUrl(path, opts.query)}`;
  // The page's first reads may already be on their way from the early script (early-reads.ts): a 2xx answer is used
  // as if this call had sent it; anything else, and every other call, is sent as usual.
  if (token && opts.auth !== false && (opts.method ?? 'GET') === 'GET' && body === undefined) {
    const early = takeEarlyRead(url, lang);
    const answer = early ? await early : null;
    if (answer?.ok) return answer;
  }
  try {
    return await fetch(url, {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR_CODE, 'Network error');
  }
}

/**
 * fetch() with the Bearer token; on 401 AUTH.UNAUTHENTICATED refreshes once and retries.
 * Throws ApiError for every non-2xx answer.
 */
export async function fetchWithAuth(path: string, opts: RequestOptions = {}): Promise<Response> {
  const sentToken = opts.auth === false ? null : await currentToken();
  let res = await send(path, opts, sentToken);

  if (
    opts.auth !== false &&
    opts.retryOnUnauthorized !== false &&
    sentToken &&
    isExpiredToken(res.status, await errorCodeOf(res))
  ) {
    // A concurrent call may already have refreshed: then simply retry with the new token.
    const renewed = tokenStore.access !== sentToken || (await refreshTokens());
    if (renewed && tokenStore.access) {
      res = await send(path, opts, tokenStore.access);
      if (isExpiredToken(res.status, await errorCodeOf(res))) tokenStore.clear('expired');
    }
  }

  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    throw ApiError.fromBody(res.status, body);
  }
  return res;
}

/** Typed JSON call to the API. 204 resolves to undefined. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await fetchWithAuth(path, opts);
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

/**
 * Downloads a protected file (a CSV template, a report, a submission) and hands it to the browser, streaming it so
 * `onProgress` can report 0..1 (null while the size is unknown).
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  opts: { query?: RequestOptions['query']; onProgress?: (fraction: number | null) => void } = {},
): Promise<void> {
  const onProgress = opts.onProgress ?? (() => undefined);
  const res = await fetchWithAuth(path, { query: opts.query });
  const total = Number(res.headers.get('content-length')) || 0;
  let blob: Blob;
  if (res.body && typeof res.body.getReader === 'function') {
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    onProgress(total ? 0 : null);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(total ? Math.min(1, received / total) : null);
    }
    blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  } else {
    blob = await res.blob();
  }
  onProgress(1);
  const disposition = res.headers.get('content-disposition') ?? '';
  // RFC 6266: the UTF-8 filename* (the original name) wins over the ASCII fallback filename.
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1].trim()) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------------------------------------
// Uploads with progress (fetch cannot report upload progress; XMLHttpRequest can).
// ---------------------------------------------------------------------------------------------
interface XhrResult {
  status: number;
  body: unknown;
}

function xhrSend(
  url: string,
  form: FormData,
  token: string | null,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR_CODE, 'Network error'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** POSTs multipart form data, reporting upload progress (0..1). Same token handling as request(). */
export async function upload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  const url = buildUrl(path);
  const sentToken = await currentToken();
  let result = await xhrSend(url, form, sentToken, onProgress, signal);
  const codeOf = (r: XhrResult) =>
    typeof r.body === 'object' && r.body !== null && typeof (r.body as { code?: unknown }).code === 'string'
      ? (r.body as { code: string }).code
      : null;
  if (sentToken && isExpiredToken(result.status, codeOf(result))) {
    const renewed = tokenStore.access !== sentToken || (await refreshTokens());
    if (renewed && tokenStore.access) {
      onProgress?.(0);
      result = await xhrSend(url, form, tokenStore.access, onProgress, signal);
    }
  }
  if (result.status < 200 || result.status >= 300) throw ApiError.fromBody(result.status, result.body);
  return result.body as T;
}
