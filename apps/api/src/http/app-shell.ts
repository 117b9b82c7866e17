import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import {
  filesFor,
  ROUTE_PRELOAD_MANIFEST,
  SERVER_PRELOAD_ATTRIBUTE,
  type RoutePreloadManifest,
} from '@kompeten/shared-util';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Decision 0027 §12: the `<link>` tags that ask the browser for the files the page at `pathname` loads (its route's chunks
 * as modulepreload, their CSS as a style preload), from the web build's manifest; empty when no route matches.
 */
export function preloadLinkTags(pathname: string, manifest: RoutePreloadManifest | null): string {
  if (!manifest) return '';
  return filesFor(pathname, manifest.table)
    .map((index) => manifest.files[index])
    .filter((href): href is string => typeof href === 'string')
    .map((href) =>
      href.endsWith('.css')
        ? `<link rel="preload" as="style" crossorigin href="${escapeAttribute(href)}" ${SERVER_PRELOAD_ATTRIBUTE}>`
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

/**
 * Client-side routes: any GET outside /api that wants HTML gets the app shell (index.html), revalidated on every visit,
 * with the opened route's files named in its head (a build without the manifest: index.html as it is).
 */
export function appShell(webDir: string) {
  const indexHtml = watchedFile(join(webDir, 'index.html'), (text) => text);
  const manifest = watchedFile(join(webDir, ROUTE_PRELOAD_MANIFEST), (text) => {
    const parsed: unknown = JSON.parse(text);
    return isManifest(parsed) ? parsed : null;
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || !req.accepts('html')) return next();
    const html = indexHtml();
    if (html === null) return next();
    const links = preloadLinkTags(req.path, manifest());
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(links ? html.replace('</head>', `${links}</head>`) : html);
  };
}
