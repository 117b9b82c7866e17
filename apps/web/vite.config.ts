import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { i18nNamespaces } from './build/i18n-namespaces';
import { mantinePatches } from './build/mantine-patches';
import { precompress } from './build/precompress';
import { prerender } from './build/prerender';
import { pruneUnusedMantineCss } from './build/prune-mantine-css';
import { routePreload } from './build/route-preload';

// Resolved without node: imports so the file typechecks with the browser tsconfig.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);
const workspaceRoot = decodeURIComponent(new URL('../../', import.meta.url).pathname);

/** Matches modules of the named npm packages (scoped names allowed). */
const packages = (names: string[]) =>
  new RegExp(`[\\/]node_modules[\\/](${names.map((n) => n.replace('/', '[\\/]')).join('|')})[\\/]`);
const FRAMEWORK = packages([
  'react',
  'react-dom',
  'scheduler',
  'react-router',
  '@tanstack/query-core',
  '@tanstack/react-query',
  'i18next',
  'react-i18next',
  'use-sync-external-store',
]);

const alias = {
  '@kompeten/shared-contracts': `${workspaceRoot}libs/shared/contracts/src/index.ts`,
  '@kompeten/shared-util': `${workspaceRoot}libs/shared/util/src/index.ts`,
};

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [
    react(),
    mantinePatches(),
    i18nNamespaces({ sourceDir: `${webRoot}src` }),
    pruneUnusedMantineCss({ sourceDir: `${webRoot}src`, nodeModules: `${workspaceRoot}node_modules` }),
    routePreload(),
    precompress(),
    // Decision 0041: the public sign-in page is rendered at build time and hydrated in the browser.
    prerender({ entry: `${webRoot}src/entry-server.tsx`, pages: ['/login'], alias }),
  ],
  resolve: {
    alias,
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4300,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: which files each route loads, for tools/bench/web-bundle.mjs (not served: a dot folder).
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Decision 0027. The entry is two chunks instead of eighteen small ones (each a request before anything shows);
        // each route stays its own lazy chunk, with the automatic chunks it shares with other routes, and
        // build/route-preload.ts requests the opened route's chunks from index.html instead of after the entry ran.
        codeSplitting: {
          groups: [
            // React, the router, queries, i18n: every page needs them, and they change rarely (long-lived cache).
            { name: 'framework', test: FRAMEWORK, priority: 30 },
            // The rest of what the entry needs for the first paint (the shell and the Mantine parts it uses).
            { name: 'app', tags: ['$initial'], priority: 20 },
          ],
        },
      },
    },
  },
});
