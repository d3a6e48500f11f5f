/**
 * Web build: the SPA lives in web/ and is built into web/dist, which the server serves.
 * The server also calls this config (ensureWebBuilt) with root = repo, so paths are absolute here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repo = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.join(repo, 'web');

/**
 * The server's first-start build (server/src/main.ts ensureWebBuilt) calls vite.build with
 * `root: <repo>`, and inline options beat this file. Config hooks run before Vite resolves the
 * root, so this pins it to web/ however the build is started (CLI, server, tests).
 */
const pinRoot: Plugin = {
  name: 'merit:pin-web-root',
  enforce: 'pre',
  config(config) {
    config.root = webRoot;
  },
};

export default defineConfig({
  root: webRoot,
  publicDir: false,
  plugins: [pinRoot, react()],
  build: {
    outDir: path.join(repo, 'web/dist'),
    emptyOutDir: true,
    // es2022: feature texts load with a top-level await (web/src/app/i18n.ts featureTexts).
    target: 'es2022',
    // The CSP forbids inline scripts: keep the module preload polyfill out of index.html.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // 400 KB, except pdf.js (about 435 KB), which only staff previews load, on demand.
    chunkSizeWarningLimit: 450,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless, and noisy on every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
      output: {
        // Libraries change less often than our code: separate files stay cached across releases,
        // which matters on metered, patchy mobile connections.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          // The PDF renderer is for staff previews only: its own chunk, loaded when a PDF is shown.
          if (id.includes('node_modules/pdfjs-dist/')) return 'pdfjs';
          // Separate files for what every page needs and what only forms need (zod), so the
          // first load carries no library a visitor's first page does not use.
          if (/node_modules\/(i18next|react-i18next|html-parse-stringify|void-elements)\//.test(id)) return 'i18n';
          if (id.includes('node_modules/@tanstack/')) return 'query';
          if (id.includes('node_modules/zod/')) return 'zod';
          return 'vendor';
        },
      },
    },
  },
  server: {
    // `npx vite` for UI work: API calls go to a running `npm start` on :3000, the exam page's
    // answer socket (/api/v1/cat/socket) included. Host stays :5173, as the page's Origin says.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
    fs: { allow: [repo] },
  },
});
