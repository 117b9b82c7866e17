import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import {
  AFTER_PAINT_TEMPLATE_ATTRIBUTE,
  filesFor,
  PRERENDER_MANIFEST,
  PRERENDERED_ATTRIBUTE,
  type PrerenderManifest,
  SSR_STATE_ID,
  ROUTE_PRELOAD_MANIFEST,
  SERVER_PRELOAD_ATTRIBUTE,
  type RoutePreloadManifest,
} from '@kompeten/shared-util';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Decision 0027 §12: the `<link>` tags that ask the browser for the files the page at `pathname` loads (its route's chunks
 * as modulepreload, their CSS as a style preload), from the web build's manifest; empty when no route matches. For a page
 * whose markup is in the HTML (decision 0041) its CSS is a stylesheet instead: the first paint is that markup, styled.
 */
export function preloadLinkTags(
  pathname: string,
  manifest: RoutePreloadManifest | null,
  options: { stylesheets?: boolean } = {},
): string {
  if (!manifest) return '';
  return filesFor(pathname, manifest.table)
    .map((index) => manifest.files[index])
    .filter((href): href is string => typeof href === 'string')
    .map((href) =>
      href.endsWith('.css')
        ? options.stylesheets
          ? `<link rel="stylesheet" crossorigin href="${escapeAttribute(href)}" ${SERVER_PRELOAD_ATTRIBUTE}>`
          : `<link rel="preload" as="style" crossorigin href="${escapeAttribute(href)}" ${SERVER_PRELOAD_ATTRIBUTE}>`
        : `<link rel="modulepreload" crossorigin href="${escapeAttribute(href)}" ${SERVER_PRELOAD_ATTRIBUTE}>`,
    )
    .join('');
}

function isManifest(value: unknown): value is RoutePreloadManifest {
  const m = value as RoutePreloadManifest | null;
  return (
    !!m &&
    Array.isArray(m.files) &&
    m.files.every((f) => typeof f === 'string') &&
    Array.isArray(m.table) &&
    m.table.every((row) => Array.isArray(row) && typeof row[0] === 'string' && Array.isArray(row[1]))
  );
}

function isPrerenderManifest(value: unknown): value is PrerenderManifest {
  const m = value as PrerenderManifest | null;
  return (
    !!m &&
    typeof m.pages === 'object' &&
    m.pages !== null &&
    Object.values(m.pages).every((markup) => typeof markup === 'string')
  );
}

const EMPTY_ROOT = '<div id="root"></div>';

/**
 * Decision 0041: index.html with a prerendered page's markup inside its empty `#root`, marked so the browser hydrates
 * it; the HTML as it is when the page has none (or index.html has no empty root to fill).
 */
export function withPrerenderedPage(html: string, markup: string | undefined): string {
  if (markup === undefined || !html.includes(EMPTY_ROOT)) return html;
  return html.replace(EMPTY_ROOT, () => `<div id="root" ${PRERENDERED_ATTRIBUTE}>${markup}</div>`);
}

const MODULE_TAGS = /<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g;

/**
 * Decision 0041: on a prerendered page the JavaScript is needed only to take the page over, so the head's module
 * script and module preloads (Vite's and the route's) move into a `<template>` at the top of the head, where the browser
 * neither runs nor fetches them; the early script adds them once the page has painted (src/app/after-paint.ts). The
 * page's HTML and CSS then have the network to themselves. A head without them is left as it is.
 */
export function withScriptsAfterPaint(html: string): string {
  const head = html.indexOf('<head>');
  const headEnd = html.indexOf('</head>');
  if (head < 0 || headEnd < head) return html;
  const inHead = html.slice(head, headEnd);
  const moved = inHead.match(MODULE_TAGS);
  if (!moved) return html;
  // Early in the head, where the parser has read it before the early script can run (after the charset, which must
  // stay within the first 1024 bytes).
  const template = `<template ${AFTER_PAINT_TEMPLATE_ATTRIBUTE}>${moved.join('')}</template>`;
  const rest = inHead.replace(MODULE_TAGS, '');
  const charset = rest.match(/<meta charset=[^>]*>/i);
  const at = charset ? rest.indexOf(charset[0]) + charset[0].length : '<head>'.length;
  return html.slice(0, head) + rest.slice(0, at) + template + rest.slice(at) + html.slice(headEnd);
}

/**
 * Decision 0041: index.html with a signed-in page's markup in `#root` and, right after it, the reads it was drawn from
 * (the dehydrated query cache) in a `<script type="application/json">` — data, not code, so the Content-Security-Policy
 * that allows no inline script does not apply; the state is script-safe JSON (no `<`). Unchanged without an empty root.
 */
export function withSignedInPage(html: string, rendered: { markup: string; state: string }): string {
  if (!html.includes(EMPTY_ROOT)) return html;
  return html.replace(
    EMPTY_ROOT,
    () =>
      `<div id="root" ${PRERENDERED_ATTRIBUTE}>${rendered.markup}</div>` +
      `<script type="application/json" id="${SSR_STATE_ID}">${rendered.state.replace(/</g, '\\u003c')}</script>`,
  );
}

/** A file's parsed content, read again only when it changed (a rebuild under a running API); null while it is missing. */
function watchedFile<T>(path: string, parse: (text: string) => T | null): () => T | null {
  let modified = -1;
  let value: T | null = null;
  return () => {
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      modified = -1;
      return (value = null);
    }
    if (mtime !== modified) {
      modified = mtime;
      try {
        value = parse(readFileSync(path, 'utf8'));
      } catch {
        value = null;
      }
    }
    return value;
  };
}

/** What `serverRenderer` (server-render.ts) gives for a signed-in page: its markup and its reads, or null. */
export type SignedInRender = (req: Request) => Promise<{ markup: string; state: string } | null>;

/**
 * Client-side routes: any GET outside /api that wants HTML gets the app shell (index.html), revalidated on every visit,
 * with the opened route's files named in its head (a build without the manifest: index.html as it is). A public page
 * the build rendered, or a signed-in page rendered now for the request's session (decision 0041), arrives drawn in
 * `#root`, its scripts parked until the paint.
 */
export function appShell(webDir: string, renderSignedIn?: SignedInRender) {
  const indexHtml = watchedFile(join(webDir, 'index.html'), (text) => text);
  const manifest = watchedFile(join(webDir, ROUTE_PRELOAD_MANIFEST), (text) => {
    const parsed: unknown = JSON.parse(text);
    return isManifest(parsed) ? parsed : null;
  });
  const prerendered = watchedFile(join(webDir, PRERENDER_MANIFEST), (text) => {
    const parsed: unknown = JSON.parse(text);
    return isPrerenderManifest(parsed) ? parsed : null;
  });
  const send = (req: Request, res: Response, html: string, isPrerendered: boolean) => {
    const links = preloadLinkTags(req.path, manifest(), { stylesheets: isPrerendered });
    const page = links ? html.replace('</head>', () => `${links}</head>`) : html;
    res.type('html').send(isPrerendered ? withScriptsAfterPaint(page) : page);
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || !req.accepts('html')) return next();
    const index = indexHtml();
    if (index === null) return next();
    const pages = prerendered()?.pages;
    const markup = pages && Object.hasOwn(pages, req.path) ? pages[req.path] : undefined;
    if (markup !== undefined || !renderSignedIn) {
      const html = withPrerenderedPage(index, markup);
      res.setHeader('Cache-Control', 'no-cache');
      return send(req, res, html, html !== index);
    }
    void renderSignedIn(req).then(
      (rendered) => {
        const html = rendered ? withSignedInPage(index, rendered) : index;
        // A page drawn for one person is theirs alone: never stored, and it depends on the cookie.
        res.setHeader('Cache-Control', rendered ? 'private, no-store' : 'no-cache');
        res.setHeader('Vary', 'Cookie');
        send(req, res, html, html !== index);
      },
      (error: unknown) => next(error),
    );
  };
}
