import type { QueryClient } from '@tanstack/react-query';

/**
 * Decision 0041: what a render on the server works with, per request — the API to read from, a short-lived access
 * token of the signed-in user, and that request's query cache. The server entry (entry-server.tsx) provides a getter
 * backed by AsyncLocalStorage; in the browser there is none and every reader falls back to its own state.
 */
export interface ServerContext {
  /** `http://127.0.0.1:<port>`: the API answering this render's reads. */
  apiOrigin: string;
  accessToken: string;
  queryClient: QueryClient;
}

let current: () => ServerContext | undefined = () => undefined;

/** Called once by the server entry. */
export function provideServerContext(getter: () => ServerContext | undefined): void {
  current = getter;
}

/** The server render's context; undefined in the browser. */
export function serverContext(): ServerContext | undefined {
  return current();
}
