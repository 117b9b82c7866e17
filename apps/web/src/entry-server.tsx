import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter } from 'react-router';
import { App } from './app/App';
import { routerReady } from './app/prerender';
import { routes } from './app/router';

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
    return renderToString(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    );
  } finally {
    router.dispose();
  }
}
