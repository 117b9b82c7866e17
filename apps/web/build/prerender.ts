import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type ResolvedConfig } from 'vite';
// The config is bundled on its own (Vite's config loader), where the workspace's path aliases do not apply.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  PRERENDER_MANIFEST,
  SERVER_ENTRY_DIR,
  SERVER_ENTRY_POINTER,
  type PrerenderManifest,
  type ServerEntryPointer,
} from '../../../libs/shared/util/src/prerender';

export interface PrerenderOptions {
  /** The server entry (src/entry-server.tsx): exports `renderPage(path): Promise<string>`. */
  entry: string;
  /** The public pages to render, as paths (`/login`). */
  pages: string[];
  /** The client build's aliases, so the server bundle resolves the workspace libs the same way. */
  alias: Record<string, string>;
}

/**
 * Decision 0041: once the client bundle is written, builds the server entry (same sources, React's server renderer),
 * renders each public page with it and writes the markup to `.vite/prerender.json` (not served: a dot folder). The API
 * puts a page's markup into index.html's `#root` (apps/api/src/http/app-shell.ts) and the browser hydrates it
 * (main.tsx): the login page paints from the HTML and CSS alone, before any JavaScript has arrived. The server entry
 * stays in `.vite/ssr/`, where the API loads it to render signed-in pages at request time.
 */
export function prerender(options: PrerenderOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'kompeten:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr || config.build.watch) return;
      // Kept beside the build (a dot folder: not served), where the API loads it to render signed-in pages; Node finds
      // the packages it leaves external in the workspace's node_modules above it.
      const outDir = resolve(config.root, config.build.outDir, SERVER_ENTRY_DIR);
      const result = await build({
        configFile: false,
        root: config.root,
        mode: config.mode,
        logLevel: 'warn',
        plugins: [react()],
        resolve: { alias: options.alias },
        // CSS modules get the same class names as in the client bundle (same files, same default naming).
        css: config.css,
        build: {
          ssr: options.entry,
          outDir,
          emptyOutDir: true,
          sourcemap: false,
          copyPublicDir: false,
          minify: false,
          target: 'node20',
          rolldownOptions: { output: { entryFileNames: 'entry-server-[hash].mjs', format: 'esm' } },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as {
        output?: { type: string; isEntry?: boolean; fileName: string }[];
      }[];
      const entryFile = outputs
        .flatMap((o) => o.output ?? [])
        .find((item) => item.type === 'chunk' && item.isEntry)?.fileName;
      if (!entryFile) throw new Error('prerender: the server build wrote no entry');
      const pointer: ServerEntryPointer = { file: entryFile };
      writeFileSync(join(outDir, SERVER_ENTRY_POINTER), JSON.stringify(pointer));
      const { renderPage } = (await import(pathToFileURL(join(outDir, entryFile)).href)) as {
        renderPage: (path: string) => Promise<string>;
      };
      const manifest: PrerenderManifest = { pages: {} };
      for (const page of options.pages) manifest.pages[page] = await renderPage(page);
      const target = resolve(config.root, config.build.outDir, PRERENDER_MANIFEST);
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, JSON.stringify(manifest));
      config.logger.info(`prerendered ${options.pages.join(', ')} into ${PRERENDER_MANIFEST}`);
    },
  };
}
