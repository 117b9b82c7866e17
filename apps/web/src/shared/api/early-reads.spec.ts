import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { earlyReadsFor } from './early-reads';
import type { EarlyRefreshAnswer } from './early-refresh';

const ENROLMENT = '2b7f0a52-4a8e-4a53-9d1e-6f7b8c9d0e1f';
const LESSON = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const COURSE = 'd8f75bad-e2a1-487c-a950-b4141ce3ece5';

let storage: Map<string, string>;
let sent: { url: string; init?: RequestInit }[];
const fetchBefore = globalThis.fetch;

beforeEach(() => {
  jest.resetModules();
  storage = new Map();
  sent = [];
  Object.assign(globalThis, {
    // The web code reads and sets <html lang>; the unit tests run without a DOM.
    document: { documentElement: { lang: 'id' } },
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
  globalThis.fetch = ((url: string, init?: RequestInit) => {
    sent.push({ url, init });
    return Promise.resolve(
      new Response('{"items":[],"page":1,"pageSize":12,"total":0}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  }) as typeof fetch;
});

afterEach(() => {
  globalThis.fetch = fetchBefore;
  for (const key of ['localStorage', 'window', 'document']) delete (globalThis as Record<string, unknown>)[key];
});

describe('early reads: which', () => {
  it('are, byte for byte, what the catalog, course and player pages ask for first', async () => {
    const { tokenStore } = await import('./tokens');
    tokenStore.set('t1', 'signed-in');
    const { catalogParamsOf } = await import('../../features/catalog/queries');
    const { getCatalogCourse, listCatalog } = await import('../../features/catalog/api');
    const { COURSE_PAGE_ENROLMENTS } = await import('../../features/learning/queries');
    const { getEnrolment, getLesson, listMyEnrolments } = await import('../../features/learning/api');
    const asked = async (calls: (() => Promise<unknown>)[]) => {
      sent = [];
      for (const call of calls) await call();
      return sent.map((s) => s.url);
    };
    const noFilters = { q: '', competencyKind: '', learningMethod: '', level: '', jpMin: '', jpMax: '' };
    expect(earlyReadsFor('/katalog', '')).toEqual(await asked([() => listCatalog(catalogParamsOf(noFilters, 1))]));
    expect(earlyReadsFor(`/katalog/${COURSE}`, '')).toEqual(
      await asked([() => getCatalogCourse(COURSE), () => listMyEnrolments(COURSE_PAGE_ENROLMENTS)]),
    );
    expect(earlyReadsFor(`/belajar/${ENROLMENT}/${LESSON}`, '')).toEqual(
      await asked([() => getEnrolment(ENROLMENT), () => getLesson(ENROLMENT, LESSON)]),
    );
  });

  it('are none for a page or a URL the table does not know', () => {
    expect(earlyReadsFor('/katalog', '?q=etika')).toEqual([]);
    expect(earlyReadsFor('/katalog/not-an-id', '')).toEqual([]);
    expect(earlyReadsFor(`/belajar/${ENROLMENT}`, '')).toEqual([]);
    expect(earlyReadsFor('/jp', '')).toEqual([]);
    expect(earlyReadsFor('/login', '')).toEqual([]);
  });
});

describe('early reads: sent by the early script, taken once by the app', () => {
  const setUp = async (refreshAnswer: EarlyRefreshAnswer) => {
    const { startEarlyReads, EARLY_READS_KEY } = await import('./early-reads');
    // The function as the early script carries it: text, revived.
    const revived = new Function(`return (${startEarlyReads.toString()})`)() as typeof startEarlyReads;
    const win = {
      document: { documentElement: { lang: 'id' } },
      addEventListener: () => undefined,
      fetch: (url: string, init?: RequestInit) => globalThis.fetch(url, init),
    } as unknown as Window & Record<string, unknown>;
    Object.assign(globalThis, { window: win });
    revived(win, EARLY_READS_KEY, Promise.resolve(refreshAnswer), earlyReadsFor('/katalog', ''));
    return win;
  };

  it('sends the page reads with the restored access token, and the app takes each answer once', async () => {
    await setUp({ status: 200, body: { accessToken: 'early-token' } });
    const { takeEarlyRead } = await import('./early-reads');
    const url = '/api/catalog?page=1&pageSize=12';
    const answer = await takeEarlyRead(url, 'id');
    expect(answer?.status).toBe(200);
    expect(sent).toEqual([
      {
        url,
        init: expect.objectContaining({
          headers: expect.objectContaining({ Authorization: 'Bearer early-token', 'Accept-Language': 'id' }),
        }),
      },
    ]);
    expect(takeEarlyRead(url, 'id')).toBeNull();
  });

  it('sends nothing when the refresh did not restore a session', async () => {
    await setUp({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
    const { takeEarlyRead } = await import('./early-reads');
    await expect(takeEarlyRead('/api/catalog?page=1&pageSize=12', 'id')).resolves.toBeNull();
    expect(sent).toEqual([]);
  });

  it('is not used in another language or after its time', async () => {
    await setUp({ status: 200, body: { accessToken: 'early-token' } });
    const { EARLY_READ_MAX_AGE_MS, takeEarlyRead } = await import('./early-reads');
    expect(takeEarlyRead('/api/catalog?page=1&pageSize=12', 'en')).toBeNull();
    await setUp({ status: 200, body: { accessToken: 'early-token' } });
    const later = Date.now() + EARLY_READ_MAX_AGE_MS + 1;
    expect(takeEarlyRead('/api/catalog?page=1&pageSize=12', 'id', later)).toBeNull();
  });

  it("is what request() answers with, instead of sending the page's read again", async () => {
    await setUp({ status: 200, body: { accessToken: 'early-token' } });
    storage.set('kompeten.session', '1');
    const { tokenStore } = await import('./tokens');
    tokenStore.set('early-token', 'refreshed');
    const { request } = await import('./request');
    await new Promise((r) => setTimeout(r, 0));
    const before = sent.length;
    await expect(request('/catalog', { query: { page: 1, pageSize: 12 } })).resolves.toEqual({
      items: [],
      page: 1,
      pageSize: 12,
      total: 0,
    });
    expect(sent.length).toBe(before); // answered by the early read
    await request('/catalog', { query: { page: 1, pageSize: 12 } });
    expect(sent.length).toBe(before + 1); // taken once: the next call is sent
  });
});
