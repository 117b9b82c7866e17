import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';

let storage: Map<string, string>;

beforeEach(() => {
  jest.resetModules();
  storage = new Map();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>)['localStorage'];
});

const args = {
  params: { courseId: 'c1' },
  request: new Request('http://localhost/katalog/c1'),
} as unknown as LoaderFunctionArgs;

describe('route prefetch loaders', () => {
  it('start the page queries for a browser with a session and return at once, swallowing failures', async () => {
    storage.set('kompeten.session', '1');
    const { prefetchLoader, providePrefetchClient } = await import('./route-prefetch');
    const client = {} as QueryClient;
    providePrefetchClient(client);
    const start = jest.fn((_c: QueryClient, a: LoaderFunctionArgs) => [
      Promise.resolve(a.params['courseId']),
      Promise.reject(new Error('offline')),
    ]);
    expect(prefetchLoader(start)(args)).toBeNull();
    expect(start).toHaveBeenCalledWith(client, args);
    await new Promise((r) => setTimeout(r, 0)); // the rejected prefetch is not an unhandled rejection
  });

  it('do nothing without a session (the page sends to /login) or before the app gave its cache', async () => {
    const { prefetchLoader, providePrefetchClient } = await import('./route-prefetch');
    const start = jest.fn(() => [Promise.resolve()]);
    storage.set('kompeten.session', '1');
    expect(prefetchLoader(start)(args)).toBeNull(); // no client yet
    storage.clear();
    providePrefetchClient({} as QueryClient);
    expect(prefetchLoader(start)(args)).toBeNull(); // no session
    expect(start).not.toHaveBeenCalled();
  });
});
