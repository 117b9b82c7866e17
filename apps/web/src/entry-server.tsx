import { AsyncLocalStorage } from 'node:async_hooks';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, type DataRouter } from 'react-router';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@kompeten/shared-contracts';
import { App } from './app/App';
import { routerReady } from './app/prerender';
import { createQueryClient } from './app/query-client';
import { routes } from './app/router';
import { authKeys } from './features/auth/queries';
import { provideServerRichText } from './shared/rich-text/display';
import { provideServerContext, type ServerContext } from './shared/server-context';
import { displayHtmlOnServer, richTextToPlainOnServer } from './server/rich-text';
import { scriptSafeJson } from './server/script-safe-json';

provideServerRichText({ displayHtml: displayHtmlOnServer, richTextToPlain: richTextToPlainOnServer });

/** The app's markup for a router that is ready: the same tree main.tsx hydrates (StrictMode, App). */
function drawn(router: DataRouter, client?: QueryClient): string {
  return renderToString(
    <StrictMode>
      <App router={router} client={client} />
    </StrictMode>,
  );
}

/**
 * Decision 0041: renders a public page (no session, Indonesian) to the markup the browser then hydrates. The build
 * calls it (build/prerender.ts) with a memory router over the same route table, so the tree — and React's generated
 * ids — equals the one main.tsx hydrates with the browser's router.
 */
export async function renderPage(path: string): Promise<string> {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  try {
    await routerReady(router);
    const errors = router.state.errors;
    if (errors) throw new Error(`Rendering ${path}: ${JSON.stringify(errors)}`);
    return drawn(router);
  } finally {
    router.dispose();
  }
}

const contexts = new AsyncLocalStorage<ServerContext>();
provideServerContext(() => contexts.getStore());

/** Resolves true once no query of the cache is fetching, false when `timeoutMs` passes first. */
async function settled(client: QueryClient, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (client.isFetching() > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

export interface SignedInRender {
  /** The markup for `#root`. */
  markup: string;
  /** The render's query cache (dehydrated), as script-safe JSON for `<script type="application/json">`. */
  state: string;
}

export interface SignedInSession {
  /** `http://127.0.0.1:<port>`: where the render reads the page's data, as the user. */
  apiOrigin: string;
  /** A short-lived access token of the session (the API's PageSessionService). */
  accessToken: string;
  me: Me;
}

/**
 * Decision 0041: renders a signed-in page at `url` (path and query) for the session's user: the route's loaders start
 * the page's reads (the same as in the browser, decision 0027 §11) into a cache of this request, the render waits for
 * them (at most `timeoutMs`), then draws the page once. Null — the caller sends the empty shell and the browser renders
 * as before — when the user reads in English, a read fails or takes too long, or the route does not render.
 */
export async function renderSignedIn(
  url: string,
  session: SignedInSession,
  timeoutMs = 1500,
): Promise<SignedInRender | null> {
  if (session.me.language !== 'id') return null;
  const queryClient = createQueryClient();
  queryClient.setQueryData(authKeys.me(), session.me);
  const context: ServerContext = { apiOrigin: session.apiOrigin, accessToken: session.accessToken, queryClient };
  return contexts.run(context, async () => {
    const router = createMemoryRouter(routes, { initialEntries: [url] });
    try {
      await routerReady(router);
      if (router.state.errors) return null;
      if (!(await settled(queryClient, timeoutMs))) return null;
      if (queryClient.getQueryCache().findAll({ predicate: (q) => q.state.status === 'error' }).length) return null;
      return { markup: drawn(router, queryClient), state: scriptSafeJson(dehydrate(queryClient)) };
    } finally {
      router.dispose();
      queryClient.clear();
    }
  });
}
