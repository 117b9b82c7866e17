import { serverContext } from '../server-context';
import { SESSION_FLAG } from './early-refresh';

/**
 * The access token, kept in memory only (a script injected into the page finds nothing in storage). The refresh token
 * is an HttpOnly cookie the browser sends to /api/auth by itself; no script ever sees it. A reload or a new tab
 * restores the session by calling refresh with that cookie.
 *
 * localStorage keeps one non-secret flag, "this browser has a session", so a reload knows whether to try the cookie
 * and other tabs follow a sign-in or sign-out.
 */
const SESSION_KEY = SESSION_FLAG;

export type SessionChange = 'signed-in' | 'refreshed' | 'signed-out' | 'expired';
type Listener = (change: SessionChange) => void;

const listeners = new Set<Listener>();
let accessToken: string | null = null;

function flagged(): boolean {
  try {
    return localStorage.getItem(SESSION_KEY) === '1';
  } catch {
    return false;
  }
}

function flag(on: boolean): void {
  try {
    if (on) localStorage.setItem(SESSION_KEY, '1');
    else localStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage disabled: the session still works in this tab.
  }
}

function emit(change: SessionChange): void {
  listeners.forEach((listener) => listener(change));
}

export const tokenStore = {
  /** On the server (decision 0041), the token of the user whose page is being rendered. */
  get access(): string | null {
    return serverContext()?.accessToken ?? accessToken;
  },
  /** Signed in here, or the browser holds a session this tab can restore from the cookie (or a server render's user). */
  hasSession(): boolean {
    return accessToken !== null || serverContext() !== undefined || flagged();
  },
  /** A page arrived rendered for a signed-in user (decision 0041): this browser holds a session. */
  noteSession(): void {
    flag(true);
  },
  set(access: string, change: 'signed-in' | 'refreshed' = 'refreshed'): void {
    accessToken = access;
    flag(true);
    emit(change);
  },
  clear(change: 'signed-out' | 'expired' = 'signed-out'): void {
    const had = this.hasSession();
    accessToken = null;
    flag(false);
    if (had) emit(change);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

// Another tab signed in or out: follow it (a sign-in here restores from the shared cookie on the next request).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== null && event.key !== SESSION_KEY) return;
    if (event.newValue === '1') {
      emit('refreshed');
    } else {
      accessToken = null;
      emit('signed-out');
    }
  });
}
