import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request } from 'express';
import type { Me } from '@kompeten/shared-contracts';
import { SERVER_ENTRY_DIR, SERVER_ENTRY_POINTER, type ServerEntryPointer } from '@kompeten/shared-util';

/** What the web build's server entry (apps/web/src/entry-server.tsx) exports for signed-in pages. */
interface ServerEntry {
  renderSignedIn(
    url: string,
    session: { apiOrigin: string; accessToken: string; me: Me },
    timeoutMs?: number,
  ): Promise<{ markup: string; state: string } | null>;
}

/** The identity lib's PageSessionService, as far as rendering needs it. */
export interface PageSessions {
  forRequest(req: Request): Promise<{ accessToken: string; me: Me } | null>;
}

export interface ServerRenderOptions {
  pageSessions: PageSessions;
  /** `http://127.0.0.1:<port>`: where the render reads the page's data, as the user. */
  apiOrigin: string;
  /** Renders in flight at most; a request beyond them gets the empty shell at once (default 4; 0: never render). */
  maxConcurrent?: number;
  /** How long a render may wait for the page's reads before the empty shell is sent instead (default 1500 ms). */
  timeoutMs?: number;
  /** Told of a render that threw, or of a server entry that would not load (the page is still sent, drawn in the browser). */
  onError?: (error: unknown) => void;
  /** Loads the entry's ES module by its file URL (Node's `import()`; tests pass their own). */
  load?: (url: string) => Promise<unknown>;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * Decision 0041: the signed-in pages rendered on the server — the ones a learner opens first from a link or a bookmark:
 * the catalog, a catalog course and a lesson. Every other page is drawn in the browser, as before.
 */
export const SERVER_RENDERED_PAGES: readonly RegExp[] = [
  /^\/katalog$/,
  new RegExp(`^/katalog/${UUID}$`),
  new RegExp(`^/belajar/${UUID}/${UUID}$`),
];

export function isServerRenderedPage(path: string): boolean {
  return SERVER_RENDERED_PAGES.some((pattern) => pattern.test(path));
}

// SWC compiles this file to CommonJS, where `import()` would become `require()`; the entry is an ES module.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

function isServerEntry(value: unknown): value is ServerEntry {
  return typeof (value as ServerEntry | null)?.renderSignedIn === 'function';
}

/**
 * Decision 0041: renders a signed-in page for the session behind the request's page cookie, with the web build's
 * server entry. Resolves to null — the caller sends the empty shell and the browser draws the page, as before — whenever
 * anything is missing or wrong: no entry in the build, no live session, a reader in English, too many renders in
 * flight, a read that failed or was slow, an error. Rendering is an optimisation; it never fails a page.
 */
export function serverRenderer(webDir: string, options: ServerRenderOptions) {
  const dir = join(webDir, SERVER_ENTRY_DIR);
  const pointerPath = join(dir, SERVER_ENTRY_POINTER);
  const maxConcurrent = options.maxConcurrent ?? 4;
  let loaded: { mtime: number; entry: Promise<ServerEntry | null> } | null = null;
  let inFlight = 0;

  // The build names the entry by its content hash and points to it from entry.json; a rebuild under the running API
  // writes a new pointer, and the new entry (a new file, so a new module graph for Node) is loaded.
  const entry = (): Promise<ServerEntry | null> => {
    let mtime: number;
    try {
      mtime = statSync(pointerPath).mtimeMs;
    } catch {
      return Promise.resolve(null);
    }
    if (!loaded || loaded.mtime !== mtime) {
      let file: unknown;
      try {
        file = (JSON.parse(readFileSync(pointerPath, 'utf8')) as ServerEntryPointer).file;
      } catch {
        return Promise.resolve(null);
      }
      if (typeof file !== 'string' || !/^entry-server-[\w-]+\.mjs$/.test(file)) return Promise.resolve(null);
      loaded = {
        mtime,
        entry: (options.load ?? importModule)(pathToFileURL(join(dir, file)).href).then(
          (mod) => (isServerEntry(mod) ? mod : null),
          (error: unknown) => {
            options.onError?.(error);
            return null;
          },
        ),
      };
    }
    return loaded.entry;
  };

  return async (req: Request): Promise<{ markup: string; state: string } | null> => {
    if (!isServerRenderedPage(req.path) || inFlight >= maxConcurrent) return null;
    inFlight++;
    try {
      const render = await entry();
      if (!render) return null;
      const session = await options.pageSessions.forRequest(req);
      if (!session || session.me.language !== 'id') return null;
      return await render.renderSignedIn(
        req.originalUrl,
        { apiOrigin: options.apiOrigin, accessToken: session.accessToken, me: session.me },
        options.timeoutMs ?? 1500,
      );
    } catch (error) {
      options.onError?.(error);
      return null;
    } finally {
      inFlight--;
    }
  };
}
