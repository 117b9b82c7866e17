// First, so that restoring the session starts before the rest of the entry runs (decision 0027).
import './app/start-session';
// Mantine's core and notification styles are needed by every page; package styles used by one feature (charts, dropzone,
// the rich-text editor) are imported by the lazy module that uses them, so the first page does not wait for them.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { currentLanguage, i18nReady } from './i18n';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { hydrate } from '@tanstack/react-query';
import { App } from './app/App';
import { PRERENDERED_ATTRIBUTE, routerReady, SSR_STATE_ID } from './app/prerender';
import { queryClient } from './app/query-client';
import { routes } from './app/router';
import { tokenStore } from './shared/api';
import { beginHydration } from './shared/hooks/useHydrated';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

// A signed-in page rendered on the server (decision 0041) comes with the reads it was drawn from: they go into the
// cache before the router starts the page's loaders, which then find them fresh instead of asking again.
const serverState = document.getElementById(SSR_STATE_ID);
if (serverState && container.hasAttribute(PRERENDERED_ATTRIBUTE) && currentLanguage() === 'id') {
  try {
    hydrate(queryClient, JSON.parse(serverState.textContent ?? 'null'));
    tokenStore.noteSession();
  } catch {
    // Unreadable: the page is drawn anew below, its reads asked for as usual.
    container.removeAttribute(PRERENDERED_ATTRIBUTE);
  }
}

// Created now, before the first render: the router starts the opened page's data through its route's loader at once
// (decision 0027 §11).
const router = createBrowserRouter(routes);
const app = (
  <StrictMode>
    <App router={router} />
  </StrictMode>
);

void i18nReady.then(async () => {
  // A public page the build rendered (decision 0041) arrives drawn in Indonesian: React adopts that markup (hydration)
  // once the page's lazy route has loaded, so the first render draws the same tree. In English the markup would not
  // match, so React draws the page anew, as for every other page.
  if (container.hasAttribute(PRERENDERED_ATTRIBUTE) && currentLanguage() === 'id') {
    await routerReady(router);
    beginHydration();
    // A transition, so React hydrates in slices and the page stays responsive meanwhile.
    startTransition(() => {
      hydrateRoot(container, app);
    });
    return;
  }
  container.removeAttribute(PRERENDERED_ATTRIBUTE);
  container.replaceChildren();
  const root = createRoot(container);
  // The first render is a transition, so React renders it in slices and a phone stays responsive meanwhile instead of
  // one long task (decision 0027 §10).
  startTransition(() => root.render(app));
});
