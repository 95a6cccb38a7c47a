// Three builds: main (plus the archive worker, the import's prepare worker and the pull's prepare worker as their own entries), the sandboxed
// preload (CommonJS: sandboxed preloads cannot be ES modules) and the renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { cspMeta } from './electron/main/protocol/csp.ts';

const root = import.meta.dirname;

/** Writes the CSP meta tag into index.html from the same directives the protocol sends as a header. */
function cspMetaTag(): Plugin {
  return {
    name: 'copydesk-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<!-- CSP -->', `<meta http-equiv="Content-Security-Policy" content="${cspMeta()}" />`),
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          archiveWorker: resolve(root, 'electron/main/worker/archiveWorker.ts'),
          importPrepareWorker: resolve(root, 'electron/archive/import/workers/prepareWorker.ts'),
          syncPrepareWorker: resolve(root, 'electron/archive/sync/pullWorker/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron`: bundle everything else.
      externalizeDeps: false,
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
