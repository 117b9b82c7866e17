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
