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
  it('trades the refresh cookie for a token once, then loads /me into the query cache', async () => {
    fetchMock.mockImplementation((url) =>
      String(url).endsWith('/auth/refresh') ? json(200, { accessToken: 'a1', user: ME }) : json(200, ME),
    );
    const { queryClient, tokenStore, restoreSessionEarly, takeEarlySessionEnd } = await load();
    restoreSessionEarly(queryClient);
    await expect(queryClient.fetchQuery({ queryKey: ['auth', 'me'] })).resolves.toEqual(ME);
    expect(paths()).toEqual(['/api/auth/refresh', '/api/me']);
    expect(fetchMock.mock.calls[1][1]?.headers).toMatchObject({ Authorization: 'Bearer a1' });
    expect(tokenStore.access).toBe('a1');
    expect(takeEarlySessionEnd()).toBeNull();
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
