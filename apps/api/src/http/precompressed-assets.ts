import { existsSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** A built asset whose file name carries Vite's content hash, e.g. `assets/index-BxQ3f9aZ.js`. */
export const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** A changed hashed asset is a new URL, so one is cached for a year and never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Decision 0027: the web build writes `<file>.br` (brotli at quality 11) beside each hashed script, style, SVG and JSON
 * file of 1 KB or more (apps/web/build/precompress.ts). To a browser that accepts brotli this sends that file as it is,
 * with the original's Content-Type; the compression middleware leaves it alone (it skips a response that already has a
 * Content-Encoding). Anything else (no `.br`, a client without brotli, the shell, source maps) passes on unchanged.
 */
export function precompressedAssets(webDir: string) {
  // Whether a file has its .br, per file that exists (so the map holds at most the build's files): a hashed name's
  // content never changes, and neither does its sibling.
  const hasBrotli = new Map<string, boolean>();
  const brotliSibling = (file: string): boolean => {
    let known = hasBrotli.get(file);
    if (known === undefined) {
      known = existsSync(`${file}.br`);
      if (known || existsSync(file)) hasBrotli.set(file, known);
    }
    return known;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!req.path.startsWith('/assets/') || !HASHED_ASSET.test(req.path) || !req.acceptsEncodings('br')) return next();
    // req.path as sent (not percent-decoded: Vite's names need no escaping); never a file outside the web folder.
    const file = resolve(webDir, `.${req.path}`);
    if (!file.startsWith(webDir + sep) || !brotliSibling(file)) return next();
    res.type(extname(file));
    const headers = { 'Content-Encoding': 'br', 'Cache-Control': IMMUTABLE, Vary: 'Accept-Encoding' };
    // Relative to root, as express.static does: send refuses `..` again and judges dot folders below webDir only.
    res.sendFile(`${relative(webDir, file)}.br`, { root: webDir, cacheControl: false, headers }, (err) => {
      if (!err || res.headersSent) return;
      // The .br went away under a running API (a rebuild): forget it and serve the file as before.
      hasBrotli.delete(file);
      res.removeHeader('Content-Type');
      next();
    });
  };
}
