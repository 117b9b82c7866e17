import { describe, expect, it } from '@jest/globals';
import { filesFor, routesIn, type PreloadTable } from './route-preload';
import { postRefresh, startEarlyRefresh } from '../src/shared/api/early-refresh';

const table: PreloadTable<string> = [
  ['', ['dashboard.js']],
  ['login', ['login.js', 'form.js']],
  ['katalog', ['catalog.js', 'card.js']],
  ['katalog/:courseId', ['course.js', 'card.js']],
  ['belajar/:enrolmentId/:lessonId', ['player.js']],
  ['kursus/:courseId/pratinjau/:lessonId?', ['preview.js']],
  ['docs/*', ['docs.js']],
];

describe('route preload: which files a URL path needs', () => {
  it('matches static segments exactly and the root only to the index route', () => {
    expect(filesFor('/', table)).toEqual(['dashboard.js']);
    expect(filesFor('/login', table)).toEqual(['login.js', 'form.js']);
    expect(filesFor('/katalog', table)).toEqual(['catalog.js', 'card.js']);
    expect(filesFor('/katalogs', table)).toEqual([]);
  });

  it('matches a :param to exactly one segment', () => {
    expect(filesFor('/katalog/6f1c', table)).toEqual(['course.js', 'card.js']);
    expect(filesFor('/katalog/6f1c/extra', table)).toEqual([]);
    expect(filesFor('/belajar/e1/l2', table)).toEqual(['player.js']);
    expect(filesFor('/belajar/e1', table)).toEqual([]);
  });

  it('matches an optional :param? with or without its segment, and * to the rest', () => {
    expect(filesFor('/kursus/c1/pratinjau', table)).toEqual(['preview.js']);
    expect(filesFor('/kursus/c1/pratinjau/l9', table)).toEqual(['preview.js']);
    expect(filesFor('/docs/a/b/c', table)).toEqual(['docs.js']);
  });

  it('ignores empty segments from trailing or doubled slashes', () => {
    expect(filesFor('/katalog/', table)).toEqual(['catalog.js', 'card.js']);
    expect(filesFor('//katalog//6f1c', table)).toEqual(['course.js', 'card.js']);
  });

  it('lists a file once when several matching routes need it', () => {
    const overlapping: PreloadTable<number> = [
      ['a/:x', [1, 2]],
      ['a/b', [2, 3]],
    ];
    expect(filesFor('/a/b', overlapping)).toEqual([1, 2, 3]);
  });

  it('still works when turned into text, as the emitted script uses it', () => {
    const revived = new Function(`return (${filesFor.toString()})`)() as typeof filesFor;
    expect(revived('/katalog/6f1c', table)).toEqual(['course.js', 'card.js']);
  });
});

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
