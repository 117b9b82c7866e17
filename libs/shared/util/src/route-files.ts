/**
 * Decision 0027 §11–12: what the page being opened needs, known before the app runs. The web build lists, for each
 * top-level route of features/<feature>/routes.tsx, the files its page loads (apps/web/build/route-preload.ts); the API
 * names them in the HTML it answers for that URL, so the browser fetches them with the entry instead of after it.
 */

/**
 * A route path as written in a routes.tsx (`katalog/:courseId`, `kursus/:courseId/pratinjau/:lessonId?`) and what it
 * needs (in the build's manifest, indexes into one list of file names, which keeps it small).
 */
export type PreloadTable<T> = [path: string, needs: T[]][];

/** The web build's `.vite/route-preload.json`: every file a route may need once, and each route's needs as indexes. */
export interface RoutePreloadManifest {
  files: string[];
  table: PreloadTable<number>;
}

/** Where the web build writes its RoutePreloadManifest, under the web folder (beside Vite's manifest; not served). */
export const ROUTE_PRELOAD_MANIFEST = '.vite/route-preload.json';

/** The attribute on the links the API adds, which tells the early script they are there already. */
export const SERVER_PRELOAD_ATTRIBUTE = 'data-route-preload';

/**
 * What the routes whose path matches a URL path need (each item once): a segment matches itself, `:param` any one segment,
 * `:param?` one segment or none, and `*` the rest. Also runs in the browser as part of the early script (turned into
 * text with toString(), so it uses nothing from outside its own body).
 */
export function filesFor<T>(pathname: string, table: PreloadTable<T>): T[] {
  const segments = pathname.split('/').filter(Boolean);
  const matches = (pattern: string[], at: number): boolean => {
    if (!pattern.length) return at === segments.length;
    const [head, ...rest] = pattern;
    if (head === '*') return true;
    if (head.endsWith('?')) return matches(rest, at) || (at < segments.length && matches(rest, at + 1));
    if (at >= segments.length) return false;
    return (head.startsWith(':') || head === segments[at]) && matches(rest, at + 1);
  };
  const found: T[] = [];
  for (const [path, needs] of table)
    if (matches(path.split('/').filter(Boolean), 0))
      for (const item of needs) if (!found.includes(item)) found.push(item);
  return found;
}
