/**
 * Decision 0027 §9: a returning learner's page can fetch nothing before the session is restored (refresh cookie →
 * access token and the user), and the entry that would start that is ~250 KB of JavaScript away on a phone network.
 * So the small script index.html loads first (build/route-preload.ts) starts the refresh itself, and the app takes its
 * answer instead of sending its own.
 *
 * The refresh token rotates and a reused one ends the session (decision 0010), so exactly one of the two may send it:
 *  - the app marks the page as started (`markAppStarted`) before it refreshes; the early script sends nothing after that;
 *  - the early script holds the same Web Lock as the app's refresh (`kompeten-refresh`) until its answer is read, and the
 *    app takes that answer (`takeEarlyRefresh`, once) inside the lock instead of sending the cookie again.
 */

/** The window property through which the early script hands its answer to the app (null once the app started). */
export const EARLY_REFRESH_KEY = '__kompetenEarlyRefresh';
/** The Web Lock that serialises refreshes across tabs (shared with request.ts). */
export const REFRESH_LOCK = 'kompeten-refresh';
/** tokens.ts's "this browser has a session" flag in localStorage. */
export const SESSION_FLAG = 'kompeten.session';
export const REFRESH_URL = '/api/auth/refresh';

/** The early script's answer: the HTTP status and the parsed body, or null when the request never got an answer. */
export type EarlyRefreshAnswer = { status: number; body: unknown } | null;

type Slot = Record<string, Promise<EarlyRefreshAnswer> | null | undefined>;

/**
 * The refresh request itself, sent alike by the early script and by the app (request.ts): the refresh cookie goes by
 * itself; the answer's status and parsed body, or null when no answer came. Self-contained (the early script carries its
 * text).
 */
export function postRefresh(url: string): Promise<EarlyRefreshAnswer> {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: '{}',
  }).then(
    (res) =>
      res.json().then(
        (body: unknown) => ({ status: res.status, body }),
        () => ({ status: res.status, body: null }),
      ),
    () => null,
  );
}

/**
 * Runs in the browser as part of the emitted early script: turned into text with toString(), so it uses nothing from
 * outside its own body (the names and the request come in as arguments). Starts the refresh when this browser holds a session and the
 * app has not started yet.
 */
export function startEarlyRefresh(
  win: Window,
  key: string,
  flag: string,
  lock: string,
  send: () => Promise<EarlyRefreshAnswer>,
): void {
  const slot = win as unknown as Slot;
  try {
    if (slot[key] !== undefined || win.localStorage.getItem(flag) !== '1') return;
  } catch {
    return;
  }
  const locks = win.navigator.locks;
  slot[key] = locks ? locks.request(lock, send) : send();
}

function slot(): Slot | null {
  return typeof window === 'undefined' ? null : (window as unknown as Slot);
}

/** From now on the early script starts nothing (it may have already: then its answer waits for takeEarlyRefresh). */
export function markAppStarted(): void {
  const s = slot();
  if (s && s[EARLY_REFRESH_KEY] === undefined) s[EARLY_REFRESH_KEY] = null;
}

/** The early script's refresh, once: the first caller gets it, later callers (and pages without one) get null. */
export function takeEarlyRefresh(): Promise<EarlyRefreshAnswer> | null {
  const s = slot();
  const early = s?.[EARLY_REFRESH_KEY] ?? null;
  if (s) s[EARLY_REFRESH_KEY] = null;
  return early;
}
