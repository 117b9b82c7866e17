import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolved without node: imports so the file typechecks with the browser tsconfig.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);
const workspaceRoot = decodeURIComponent(new URL('../../', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@kompeten/shared-contracts': `${workspaceRoot}libs/shared/contracts/src/index.ts`,
      '@kompeten/shared-util': `${workspaceRoot}libs/shared/util/src/index.ts`,
    },
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
    target: 'es2022',
  },
});
