import type { Plugin } from 'vite';
import {
  EARLY_REFRESH_KEY,
  REFRESH_LOCK,
  postRefresh,
  REFRESH_URL,
  SESSION_FLAG,
  startEarlyRefresh,
} from '../src/shared/api/early-refresh';
import { EARLY_READS_KEY, earlyReadsFor, startEarlyReads } from '../src/shared/api/early-reads';
import { loadAfterFirstPaint } from '../src/app/after-paint';
import { startIntlWarmUp, warmUpIntlLocaleData } from '../src/app/intl-warm-up';
// The config is bundled on its own (Vite's config loader), where the workspace's path aliases do not apply.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  filesFor,
  ROUTE_PRELOAD_MANIFEST,
  SERVER_PRELOAD_ATTRIBUTE,
  type PreloadTable,
  type RoutePreloadManifest,
} from '../../../libs/shared/util/src/route-files';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AFTER_PAINT_TEMPLATE_ATTRIBUTE, HELD_CLICKS_KEY } from '../../../libs/shared/util/src/prerender';

/** How long a prerendered page waits for its first paint before it requests its JavaScript anyway (decision 0041). */
const AFTER_PAINT_MAX_WAIT_MS = 3000;

/** `{ path: 'x', lazy: … import('./components/Page') }` and `{ index: true, lazy: … }` in a routes.tsx. */
const ROUTE =
  /(?:path:\s*'([^']*)'|index:\s*true)\s*,\s*lazy:\s*async\s*\(\)\s*=>\s*\(\{\s*Component:\s*\(await import\('([^']+)'\)\)/g;

/** Route paths and the module each one loads, found in the source of a routes.tsx. */
export function routesIn(source: string): { path: string; specifier: string }[] {
  return [...source.matchAll(ROUTE)].map((m) => ({ path: m[1] ?? '', specifier: m[2] }));
}

interface OutputChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Decision 0027: the chunks of the page being opened are requested by the entry only after the entry itself has been
 * downloaded and run — a second round of downloads on a phone network. For each top-level route in
 * features/<feature>/routes.tsx (a `path` with a `lazy` import of its page) this plugin lists the page's chunk, the chunks
 * that chunk imports statically and their CSS, minus what index.html already loads, and writes the list as
 * `.vite/route-preload.json` (not served: a dot folder). The API names the opened route's files in the HTML it answers
 * (apps/api/src/http/app-shell.ts), so the browser requests them while it parses the page (§12).
 *
 * It also writes a small script, loaded async from index.html, that starts the session restore of a returning user
 * (src/shared/api/early-refresh.ts) and, when the HTML carries no such links (a server that sends index.html as it is,
 * such as the compose file's nginx), loads `route-preload-fallback-<hash>.js`, which adds them itself — the slower way: each link added from a script cost the page
 * ~1–2 ms of main thread under a phone's CPU. Routes it cannot read (nested under a parent path, or written
 * differently) are simply not preloaded; they load as before.
 */
export function routePreload(): Plugin {
  const routes: { path: string; moduleId: string }[] = [];
  let script: string | null = null;
  return {
    name: 'kompeten:route-preload',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      routes.length = 0;
    },
    async transform(code, id) {
      if (!/[\\/]features[\\/][^\\/]+[\\/]routes\.tsx$/.test(id)) return null;
      for (const { path, specifier } of routesIn(code)) {
        const resolved = await this.resolve(specifier, id);
        if (resolved) routes.push({ path, moduleId: resolved.id });
      }
      return null;
    },
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        const chunks = new Map<string, OutputChunkLike>();
        for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
        const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(fileName)) return seen;
          seen.add(fileName);
          for (const dep of chunks.get(fileName)?.imports ?? []) closure(dep, seen);
          return seen;
        };
        const withCss = (files: Set<string>) => [
          ...files,
          ...[...files].flatMap((f) => [...(chunks.get(f)?.viteMetadata?.importedCss ?? [])]),
        ];
        const initial = new Set(
          [...chunks.values()].filter((c) => c.isEntry).flatMap((c) => withCss(closure(c.fileName))),
        );
        const files: string[] = [];
        const table: PreloadTable<number> = [];
        for (const { path, moduleId } of routes) {
          const page = [...chunks.values()].find((c) => c.facadeModuleId === moduleId);
          if (!page) continue;
          const needs = withCss(closure(page.fileName)).filter((f) => !initial.has(f));
          table.push([path, needs.map((f) => (files.includes(f) ? files.indexOf(f) : files.push(f) - 1))]);
        }
        if (!table.length) this.error('route-preload: no route found in features/*/routes.tsx');
        // First the session restore of a returning user (decision 0027 §9), then the route's files.
        const manifest: RoutePreloadManifest = { files: files.map((f) => `/${f}`), table };
        this.emitFile({ type: 'asset', fileName: ROUTE_PRELOAD_MANIFEST, source: JSON.stringify(manifest) });
        // The fallback for HTML without the server's links, in a file of its own: it carries every route's list (most of
        // the bytes), which a page served by the API never needs, and each byte of the early script is compiled before
        // the first paint (decision 0027 §12).
        const fallback = `(function () {
var files = ${JSON.stringify(manifest.files)};
(${filesFor.toString()})(location.pathname, ${JSON.stringify(table)}).forEach(function (i) {
  var href = files[i];
  var link = document.createElement('link');
  if (/\\.css$/.test(href)) {
    link.rel = 'preload';
    link.as = 'style';
  } else link.rel = 'modulepreload';
  link.href = href;
  link.crossOrigin = '';
  document.head.appendChild(link);
});
})();`;
        const fallbackFile = this.getFileName(
          this.emitFile({ type: 'asset', name: 'route-preload-fallback.js', source: fallback }),
        );
        const names = JSON.stringify([EARLY_REFRESH_KEY, SESSION_FLAG, REFRESH_LOCK]).slice(1, -1);
        // Decision 0042: the locale data loaded by a worker, off the main thread (src/app/intl-warm-up.ts). On a page
        // drawn on the server, once it has painted (the worker's file is then no request before the paint).
        const intlWorkerFile = this.getFileName(
          this.emitFile({
            type: 'asset',
            name: 'intl-warm-up.js',
            source: `(${warmUpIntlLocaleData.toString()})(self);\n`,
          }),
        );
        const body = `(function () {
var prerendered = document.querySelector('template[${AFTER_PAINT_TEMPLATE_ATTRIBUTE}]');
var serverLinks = prerendered || document.querySelector('link[${SERVER_PRELOAD_ATTRIBUTE}]');
var warmUpIntl = function () {
  (${startIntlWarmUp.toString()})(window, ${JSON.stringify(`/${intlWorkerFile}`)});
};
(${loadAfterFirstPaint.toString()})(window, document, ${JSON.stringify(AFTER_PAINT_TEMPLATE_ATTRIBUTE)}, ${AFTER_PAINT_MAX_WAIT_MS}, ${JSON.stringify(HELD_CLICKS_KEY)}, warmUpIntl);
if (!prerendered) warmUpIntl();
(${startEarlyRefresh.toString()})(window, ${names}, function () {
  return (${postRefresh.toString()})(${JSON.stringify(REFRESH_URL)});
});
(${startEarlyReads.toString()})(window, ${JSON.stringify(EARLY_READS_KEY)}, window[${JSON.stringify(EARLY_REFRESH_KEY)}], prerendered ? [] : (${earlyReadsFor.toString()})(location.pathname, location.search));
if (serverLinks) return;
var fallback = document.createElement('script');
fallback.src = ${JSON.stringify(`/${fallbackFile}`)};
document.head.appendChild(fallback);
})();`;
        const ref = this.emitFile({ type: 'asset', name: 'route-preload.js', source: body });
        script = this.getFileName(ref);
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!script) return [];
        return [{ tag: 'script', attrs: { async: true, src: `/${script}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
