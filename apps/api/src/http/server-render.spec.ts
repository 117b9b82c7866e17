import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import type { Me } from '@kompeten/shared-contracts';
import { isServerRenderedPage, serverRenderer, type PageSessions } from './server-render';

const COURSE = '6f1c9a52-4a8e-4a53-9d1e-6f7b8c9d0e1f';
const LESSON = '0b8f2c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const me = (language: 'id' | 'en') => ({ userId: 'u1', language }) as unknown as Me;
const req = (path: string, query = '') => ({ path, originalUrl: `${path}${query}` }) as Request;

describe('server rendering of signed-in pages (decision 0041)', () => {
  let webDir: string;
  beforeEach(() => {
    webDir = mkdtempSync(join(tmpdir(), 'kompeten-ssr-'));
    mkdirSync(join(webDir, '.vite', 'ssr'), { recursive: true });
  });
  afterEach(() => rmSync(webDir, { recursive: true, force: true }));

  const point = (file: string) => writeFileSync(join(webDir, '.vite', 'ssr', 'entry.json'), JSON.stringify({ file }));

  it('renders the catalog, a catalog course and a lesson, and nothing else', () => {
    for (const path of ['/katalog', `/katalog/${COURSE}`, `/belajar/${COURSE}/${LESSON}`])
      expect(isServerRenderedPage(path)).toBe(true);
    for (const path of [
      '/',
      '/katalog/',
      `/katalog/${COURSE}/x`,
      '/katalog/abc',
      `/belajar/${COURSE}`,
      '/login',
      '/admin',
    ])
      expect(isServerRenderedPage(path)).toBe(false);
  });

  it("renders with the build's entry for a live session in Indonesian, as the user, the path and query as asked", async () => {
    point('entry-server-abc123.mjs');
    const calls: unknown[][] = [];
    const loaded: string[] = [];
    const sessions: PageSessions = { forRequest: () => Promise.resolve({ accessToken: 'tok', me: me('id') }) };
    const render = serverRenderer(webDir, {
      pageSessions: sessions,
      apiOrigin: 'http://127.0.0.1:3000',
      load: (url) => {
        loaded.push(url);
        return Promise.resolve({
          renderSignedIn: (...args: unknown[]) => {
            calls.push(args);
            return Promise.resolve({ markup: '<main>Katalog</main>', state: '{}' });
          },
        });
      },
    });
    await expect(render(req('/katalog', '?q=etika'))).resolves.toEqual({ markup: '<main>Katalog</main>', state: '{}' });
    expect(calls[0]).toEqual([
      '/katalog?q=etika',
      { apiOrigin: 'http://127.0.0.1:3000', accessToken: 'tok', me: me('id') },
      1500,
    ]);
    expect(loaded).toEqual([expect.stringMatching(/\/\.vite\/ssr\/entry-server-abc123\.mjs$/)]);
    // Loaded once; a rebuild (a new pointer) loads the new entry.
    await render(req(`/katalog/${COURSE}`));
    expect(loaded).toHaveLength(1);
    point('entry-server-def456.mjs');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(webDir, '.vite', 'ssr', 'entry.json'), later, later);
    await render(req('/katalog'));
    expect(loaded[1]).toMatch(/entry-server-def456\.mjs$/);
  });

  it('sends the page to be drawn in the browser whenever rendering is not possible', async () => {
    const entry = {
      renderSignedIn: () => Promise.resolve({ markup: '<main>x</main>', state: '{}' }),
    };
    const live: PageSessions = { forRequest: () => Promise.resolve({ accessToken: 'tok', me: me('id') }) };
    const errors: unknown[] = [];
    const make = (sessions: PageSessions, extra: object = {}) =>
      serverRenderer(webDir, {
        pageSessions: sessions,
        apiOrigin: 'http://127.0.0.1:3000',
        load: () => Promise.resolve(entry),
        onError: (e) => errors.push(e),
        ...extra,
      });
    // No server entry in the build.
    expect(await make(live)(req('/katalog'))).toBeNull();
    point('entry-server-abc123.mjs');
    // A page that is not rendered on the server; no session; a reader in English; rendering switched off.
    expect(await make(live)(req('/profil'))).toBeNull();
    expect(await make({ forRequest: () => Promise.resolve(null) })(req('/katalog'))).toBeNull();
    expect(
      await make({ forRequest: () => Promise.resolve({ accessToken: 'tok', me: me('en') }) })(req('/katalog')),
    ).toBeNull();
    expect(await make(live, { maxConcurrent: 0 })(req('/katalog'))).toBeNull();
    // A pointer to anything but an entry file of the build is not loaded.
    point('../../secrets.mjs');
    expect(await make(live)(req('/katalog'))).toBeNull();
    point('entry-server-abc123.mjs');
    // A module that is not the entry, an entry that will not load, a render that throws: reported, never thrown.
    expect(
      await serverRenderer(webDir, { pageSessions: live, apiOrigin: 'x', load: () => Promise.resolve({}) })(
        req('/katalog'),
      ),
    ).toBeNull();
    expect(await make(live, { load: () => Promise.reject(new Error('no module')) })(req('/katalog'))).toBeNull();
    expect(
      await make(live, {
        load: () => Promise.resolve({ renderSignedIn: () => Promise.reject(new Error('render failed')) }),
      })(req('/katalog')),
    ).toBeNull();
    expect(errors.map(String)).toEqual(['Error: no module', 'Error: render failed']);
    // The session lookup failing (the database is down) is reported too, and the page still goes out.
    expect(await make({ forRequest: () => Promise.reject(new Error('db down')) })(req('/katalog'))).toBeNull();
    expect(String(errors[2])).toBe('Error: db down');
  });

  it('renders at most the given number of pages at once; the rest go out to be drawn in the browser', async () => {
    point('entry-server-abc123.mjs');
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const render = serverRenderer(webDir, {
      pageSessions: { forRequest: () => Promise.resolve({ accessToken: 'tok', me: me('id') }) },
      apiOrigin: 'x',
      maxConcurrent: 2,
      load: () =>
        Promise.resolve({
          renderSignedIn: async () => {
            await gate;
            return { markup: 'm', state: '{}' };
          },
        }),
    });
    const first = render(req('/katalog'));
    const second = render(req('/katalog'));
    expect(await render(req('/katalog'))).toBeNull();
    finish();
    expect(await first).toEqual({ markup: 'm', state: '{}' });
    expect(await second).toEqual({ markup: 'm', state: '{}' });
    expect(await render(req('/katalog'))).toEqual({ markup: 'm', state: '{}' });
  });
});
