// First, so that restoring the session starts before the rest of the entry runs (decision 0027).
import './app/start-session';
// Mantine's core and notification styles are needed by every page; package styles used by one feature (charts, dropzone,
// the rich-text editor) are imported by the lazy module that uses them, so the first page does not wait for them.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { currentLanguage, i18nReady } from './i18n';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, type DataRouter } from 'react-router';
import { hydrate } from '@tanstack/react-query';
import { App } from './app/App';
import { PRERENDERED_ATTRIBUTE, routerReady, SSR_STATE_ID } from './app/prerender';
import { queryClient } from './app/query-client';
import { routes } from './app/router';
import { tokenStore } from './shared/api';
import { beginHydration } from './shared/hooks/useHydrated';
import { warmUpIntl } from './shared/format';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

/**
 * A page rendered on the server (decision 0041) is on screen before this runs; what remains is taking it over. Each step
 * below runs in a task of its own, so a phone's main thread stays free to answer a tap between them instead of running
 * one long task (each step costs a phone 50–200 ms; decision 0042).
 */
const prerendered = container.hasAttribute(PRERENDERED_ATTRIBUTE) && currentLanguage() === 'id';
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const app = (router: DataRouter) => (
  <StrictMode>
    <App router={router} />
  </StrictMode>
);

async function takeOverServerPage(root: HTMLElement): Promise<void> {
  await nextTask();
  // The reads the server drew the page from go into the cache before the router starts the page's loaders, which then
  // find them fresh instead of asking again.
  const serverState = document.getElementById(SSR_STATE_ID);
  try {
    // A signed-in page (the sign-in page, rendered by the build, has none).
    if (serverState) {
      hydrate(queryClient, JSON.parse(serverState.textContent ?? 'null'));
      tokenStore.noteSession();
    }
  } catch {
    // Unreadable: the page is drawn anew, its reads asked for as usual.
    drawInBrowser(root, createBrowserRouter(routes));
    return;
  }
  await nextTask();
  // The first number or date a page formats needs the browser's locale data, which the early script's worker has
  // usually loaded by now (decision 0042); if not, it is loaded here, in a task of its own, not amid React's work.
  warmUpIntl();
  await nextTask();
  const router = createBrowserRouter(routes);
  await routerReady(router);
  await nextTask();
  beginHydration();
  // A transition, so React hydrates in slices and the page stays responsive meanwhile.
  startTransition(() => {
    hydrateRoot(root, app(router));
  });
}

function drawInBrowser(root: HTMLElement, router: DataRouter): void {
  root.removeAttribute(PRERENDERED_ATTRIBUTE);
  void i18nReady.then(() => {
    root.replaceChildren();
    // The first render is a transition, so React renders it in slices and a phone stays responsive meanwhile instead of
    // one long task (decision 0027 §10).
    startTransition(() => createRoot(root).render(app(router)));
  });
}

if (prerendered) void takeOverServerPage(container);
// Created now, before the first render: the router starts the opened page's data through its route's loader at once
// (decision 0027 §11). In English a page the server drew (in Indonesian) would not match: it is drawn anew.
else drawInBrowser(container, createBrowserRouter(routes));
