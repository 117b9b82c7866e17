/**
 * Decision 0041: the public pages the web build renders on the server, written by apps/web/build/prerender.ts beside the
 * route-preload manifest and read by the API's app shell. Paths are exact (`/login`); the markup goes inside `#root`.
 */
export const PRERENDER_MANIFEST = '.vite/prerender.json';

/** Set on `#root` when it holds prerendered markup; the browser then hydrates instead of rendering anew. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

export interface PrerenderManifest {
  pages: Record<string, string>;
}

/**
 * On a prerendered page the API moves the head's module script and module preloads into this template (they would
 * otherwise download beside the page's CSS and compete with it); the early script adds them once the page has painted.
 */
export const AFTER_PAINT_TEMPLATE_ATTRIBUTE = 'data-after-paint';

/** The `<script type="application/json">` after `#root` that carries a signed-in render's query cache (dehydrated). */
export const SSR_STATE_ID = 'kompeten-ssr-state';

/**
 * Where the web build keeps its server entry (apps/web/src/entry-server.tsx built for Node), inside the web folder. The
 * entry's file name carries its content hash (its lazy chunks import it by that name, so a rebuild is a new module
 * graph, never a mix); `SERVER_ENTRY_POINTER`, in the same folder, names the current one.
 */
export const SERVER_ENTRY_DIR = '.vite/ssr';
export const SERVER_ENTRY_POINTER = 'entry.json';

export interface ServerEntryPointer {
  /** The entry's file name inside SERVER_ENTRY_DIR, e.g. `entry-server-3f2a9c1b.mjs`. */
  file: string;
}

/**
 * The window property through which the early script hands the app the control a person pressed on a prerendered page
 * before React took it over (apps/web/src/app/after-paint.ts): `{ take(): Element[] }`.
 */
export const HELD_CLICKS_KEY = '__kompetenHeldClicks';
