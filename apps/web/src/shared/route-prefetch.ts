import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { tokenStore } from './api/tokens';
import { serverContext } from './server-context';

let client: QueryClient | null = null;

/** The app's query cache, given once at start (app/start-session.ts) before the router runs its first loaders. */
export function providePrefetchClient(queryClient: QueryClient): void {
  client = queryClient;
}

/**
 * A route loader that starts the page's first queries and returns at once (decision 0027 §11). React Router runs the
 * loaders of the opened URL when the router is created, before React's first render, so the page's data is on its way
 * as soon as the session is restored instead of after the first render on a slow phone. The page's own useQuery finds
 * the data (or the request in flight) under the same key. It never waits and never fails a navigation; without a
 * session it does nothing (the page sends to /login).
 */
export function prefetchLoader(start: (queryClient: QueryClient, args: LoaderFunctionArgs) => Promise<unknown>[]) {
  return (args: LoaderFunctionArgs): null => {
    // On the server (decision 0041) into the render's own cache, which the server then waits for.
    const target = serverContext()?.queryClient ?? client;
    if (target && tokenStore.hasSession()) for (const p of start(target, args)) void p.catch(() => undefined);
    return null;
  };
}
