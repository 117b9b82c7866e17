/**
 * Access and refresh tokens, kept in localStorage so a reload (and other tabs) keep the session.
 * Always read through this store: the refresh token rotates, so a stale copy is a dead token.
 */
const ACCESS_KEY = 'kompeten.accessToken';
const REFRESH_KEY = 'kompeten.refreshToken';

export type SessionChange = 'signed-in' | 'refreshed' | 'signed-out' | 'expired';
type Listener = (change: SessionChange) => void;

const listeners = new Set<Listener>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function emit(change: SessionChange): void {
  listeners.forEach((listener) => listener(change));
}

export const tokenStore = {
  get access(): string | null {
    return read(ACCESS_KEY);
  },
  get refresh(): string | null {
    return read(REFRESH_KEY);
  },
  hasSession(): boolean {
    return read(REFRESH_KEY) !== null || read(ACCESS_KEY) !== null;
  },
  set(access: string, refresh: string, change: 'signed-in' | 'refreshed' = 'refreshed'): void {
    localStorage.setItem(ACCESS_KEY, access);
    localStorage.setItem(REFRESH_KEY, refresh);
    emit(change);
  },
  clear(change: 'signed-out' | 'expired' = 'signed-out'): void {
    const had = this.hasSession();
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
    if (had) emit(change);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

// Another tab signed in or out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === REFRESH_KEY) {
      emit(event.newValue ? 'refreshed' : 'signed-out');
    }
  });
}
