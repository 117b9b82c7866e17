import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

// The modules under test run in the browser: give them the little of it they touch (storage, <html lang>, fetch).
type FetchMock = jest.Mock<(url: string, init?: RequestInit) => Promise<Response>>;
let storage: Map<string, string>;
let fetchMock: FetchMock;
let client: { clear(): void } | undefined;

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const ME = { id: 'u1', email: 'learner@example.go.id', roles: [], employee: null };

beforeEach(() => {
  jest.resetModules();
  storage = new Map([['kompeten.session', '1']]); // this browser held a session before the reload
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
    document: { documentElement: { lang: '' } },
    window: { addEventListener: () => undefined },
    location: { origin: 'http://localhost' },
  });
  fetchMock = jest.fn<(url: string, init?: RequestInit) => Promise<Response>>();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

afterEach(() => {
  client?.clear(); // no garbage-collection timers left behind
  for (const key of ['localStorage', 'document', 'window', 'location'])
    delete (globalThis as Record<string, unknown>)[key];
});

async function load() {
  const { queryClient } = await import('./query-client'); // the app's own cache, with its retry rules
  const restore = await import('./session-restore');
  const { tokenStore } = await import('../shared/api');
  client = queryClient;
  return { queryClient, tokenStore, ...restore };
}

const paths = () => fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://localhost').pathname);

describe('restoring the session before the first render', () => {
  it('trades the refresh cookie for a token once, and keeps the user it answered with (no /me call)', async () => {
    fetchMock.mockImplementation((url) =>
      String(url).endsWith('/auth/refresh') ? json(200, { accessToken: 'a1', user: ME }) : json(200, ME),
    );
    const { queryClient, tokenStore, restoreSessionEarly, takeEarlySessionEnd } = await load();
    restoreSessionEarly(queryClient);
    await expect(queryClient.fetchQuery({ queryKey: ['auth', 'me'] })).resolves.toEqual(ME);
    expect(paths()).toEqual(['/api/auth/refresh']);
    expect(tokenStore.access).toBe('a1');
    expect(takeEarlySessionEnd()).toBeNull();
  });

  it("takes the early script's refresh instead of sending the rotating cookie a second time", async () => {
    fetchMock.mockImplementation(() => json(200, { accessToken: 'early', user: ME }));
    const { startEarlyRefresh, postRefresh, EARLY_REFRESH_KEY, SESSION_FLAG, REFRESH_LOCK, REFRESH_URL } =
      await import('../shared/api/early-refresh');
    const win = Object.assign(globalThis.window, { localStorage: globalThis.localStorage, navigator: {} });
    startEarlyRefresh(win, EARLY_REFRESH_KEY, SESSION_FLAG, REFRESH_LOCK, () => postRefresh(REFRESH_URL)); // index.html's
    const { queryClient, tokenStore, restoreSessionEarly } = await load();
    restoreSessionEarly(queryClient);
    await expect(queryClient.fetchQuery({ queryKey: ['auth', 'me'] })).resolves.toEqual(ME);
    expect(paths()).toEqual(['/api/auth/refresh']);
    expect(tokenStore.access).toBe('early');
    // A later refresh (the token expired) sends the cookie itself.
    fetchMock.mockImplementation(() => json(200, { accessToken: 'later', user: ME }));
    const { refreshTokens } = await import('../shared/api');
    await expect(refreshTokens()).resolves.toBe(true);
    expect(paths()).toEqual(['/api/auth/refresh', '/api/auth/refresh']);
    expect(tokenStore.access).toBe('later');
  });

  it('once the app has started, the early script sends nothing', async () => {
    fetchMock.mockImplementation(() => json(200, { accessToken: 'a1', user: ME }));
    const early = await import('../shared/api/early-refresh');
    const win = Object.assign(globalThis.window, { localStorage: globalThis.localStorage, navigator: {} });
    const { queryClient, restoreSessionEarly } = await load();
    restoreSessionEarly(queryClient);
    early.startEarlyRefresh(win, early.EARLY_REFRESH_KEY, early.SESSION_FLAG, early.REFRESH_LOCK, () =>
      early.postRefresh(early.REFRESH_URL),
    );
    await queryClient.fetchQuery({ queryKey: ['auth', 'me'] });
    expect(paths()).toEqual(['/api/auth/refresh']);
  });

  it("an early refresh refused as expired ends the session as the app's own would", async () => {
    fetchMock.mockImplementation(() => json(401, { code: 'AUTH.UNAUTHENTICATED', message: 'expired' }));
    const early = await import('../shared/api/early-refresh');
    const win = Object.assign(globalThis.window, { localStorage: globalThis.localStorage, navigator: {} });
    early.startEarlyRefresh(win, early.EARLY_REFRESH_KEY, early.SESSION_FLAG, early.REFRESH_LOCK, () =>
      early.postRefresh(early.REFRESH_URL),
    );
    const { queryClient, tokenStore, restoreSessionEarly, takeEarlySessionEnd } = await load();
    restoreSessionEarly(queryClient);
    await queryClient.fetchQuery({ queryKey: ['auth', 'me'] }).catch(() => undefined);
    expect(paths()[0]).toBe('/api/auth/refresh');
    expect(paths().filter((p) => p === '/api/auth/refresh')).toHaveLength(1);
    expect(tokenStore.hasSession()).toBe(false);
    expect(takeEarlySessionEnd()).toBe('expired');
  });

  it('the early script sends nothing for a browser without a session', async () => {
    storage.clear();
    const early = await import('../shared/api/early-refresh');
    const win = Object.assign(globalThis.window, { localStorage: globalThis.localStorage, navigator: {} });
    early.startEarlyRefresh(win, early.EARLY_REFRESH_KEY, early.SESSION_FLAG, early.REFRESH_LOCK, () =>
      early.postRefresh(early.REFRESH_URL),
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps an expiry that happens before AuthProvider listens, and hands it over once', async () => {
    fetchMock.mockImplementation(() => json(401, { code: 'AUTH.UNAUTHENTICATED', message: 'expired' }));
    const { queryClient, tokenStore, restoreSessionEarly, takeEarlySessionEnd } = await load();
    restoreSessionEarly(queryClient);
    await queryClient.fetchQuery({ queryKey: ['auth', 'me'] }).catch(() => undefined);
    expect(paths()[0]).toBe('/api/auth/refresh');
    expect(tokenStore.hasSession()).toBe(false);
    expect(takeEarlySessionEnd()).toBe('expired');
    expect(takeEarlySessionEnd()).toBeNull();
  });

  it('does nothing for a browser without a session', async () => {
    storage.clear();
    const { queryClient, restoreSessionEarly, takeEarlySessionEnd } = await load();
    restoreSessionEarly(queryClient);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(queryClient.getQueryState(['auth', 'me'])).toBeUndefined();
    expect(takeEarlySessionEnd()).toBeNull();
  });
});
