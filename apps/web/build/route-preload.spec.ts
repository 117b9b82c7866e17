import { describe, expect, it } from '@jest/globals';
import { routesIn } from './route-preload';
import { postRefresh, startEarlyRefresh } from '../src/shared/api/early-refresh';

describe('route preload: the early session restore it starts', () => {
  it('still works when turned into text: one refresh under the shared lock, its answer left for the app', async () => {
    const revived = new Function(`return (${startEarlyRefresh.toString()})`)() as typeof startEarlyRefresh;
    const revivedPost = new Function(`return (${postRefresh.toString()})`)() as typeof postRefresh;
    const sent: { url: string; init?: RequestInit }[] = [];
    const locks: string[] = [];
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = ((url: string, init?: RequestInit) => {
      sent.push({ url, init });
      return Promise.resolve(new Response('{"accessToken":"a1"}', { status: 200 }));
    }) as typeof fetch;
    try {
      const win = {
        localStorage: { getItem: (k: string) => (k === 'flag' ? '1' : null) },
        navigator: { locks: { request: (name: string, fn: () => Promise<unknown>) => (locks.push(name), fn()) } },
      } as unknown as Window & Record<string, unknown>;
      revived(win, 'slot', 'flag', 'lock', () => revivedPost('/api/auth/refresh'));
      await expect(win['slot']).resolves.toEqual({ status: 200, body: { accessToken: 'a1' } });
      expect(sent).toEqual([{ url: '/api/auth/refresh', init: expect.objectContaining({ method: 'POST' }) }]);
      expect(locks).toEqual(['lock']);
      // The app has started (the slot is taken): the script sends nothing more.
      win['slot'] = null;
      revived(win, 'slot', 'flag', 'lock', () => revivedPost('/api/auth/refresh'));
      expect(sent).toHaveLength(1);
    } finally {
      globalThis.fetch = fetchBefore;
    }
  });
});

describe('route preload: reading routes.tsx', () => {
  it('finds each path with its lazy page import, and an index route as the empty path', () => {
    const source = `
export const catalogRoutes: RouteObject[] = [
  {
    path: 'katalog',
    lazy: async () => ({ Component: (await import('./components/CatalogPage')).CatalogPage }),
  },
  { path: 'jp/claims', lazy: async () => ({ Component: (await import('./components/ClaimsPage')).ClaimsPage }) },
  {
    index: true,
    lazy: async () => ({ Component: (await import('./components/DashboardPage')).DashboardPage }),
  },
  { element: <RequireVerifier />, children: [] },
];`;
    expect(routesIn(source)).toEqual([
      { path: 'katalog', specifier: './components/CatalogPage' },
      { path: 'jp/claims', specifier: './components/ClaimsPage' },
      { path: '', specifier: './components/DashboardPage' },
    ]);
  });
});
