#!/usr/bin/env node
// Runs the compiled server (dist/server/cli.js). On a fresh clone, or when a source changed since
// the last build, it is built first (esbuild, about a second); `npm run dev` keeps running the
// TypeScript through tsx.
import { buildServer, OUT_FILE, serverBuildState } from '../scripts/build-server.mjs';
import { pathToFileURL } from 'node:url';

const build = serverBuildState();
if (build.state !== 'fresh') {
  try {
    const why = build.state === 'missing' ? 'pertama kali / first start' : build.reason;
    console.error(`[merit] Membangun server / building the server (${why})…`);
    await buildServer({ quiet: true });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    // An install without development dependencies (npm ci --omit=dev) has no esbuild: it runs
    // what was built before it was pruned, and says so if the sources have moved on since.
    if (build.state === 'stale' && err?.code === 'ERR_MODULE_NOT_FOUND') {
      console.error(
        `[merit] Peringatan: sumber server berubah (${build.reason}) tetapi esbuild tidak terpasang; menjalankan build lama.\n` +
          `[merit] Warning: server sources changed but esbuild is not installed; running the previous build.`,
      );
    } else {
      console.error(
        `[merit] Server belum dibangun dan gagal dibangun: ${why}\n` +
          `[merit] The server is not built and could not be built. Install with development dependencies ` +
          `(npm ci) and run: npm run build:server`,
      );
      process.exit(1);
    }
  }
}
// Stack traces point at the TypeScript sources (dist/server/cli.js.map).
process.setSourceMapsEnabled(true);
await import(pathToFileURL(OUT_FILE).href);
