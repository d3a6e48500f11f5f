/**
 * Builds the server (server/src/cli.ts and the server/ and common/ code it imports) into one
 * JavaScript file, dist/server/cli.js, with esbuild; packages in node_modules stay external imports.
 * Plain JavaScript on purpose: bin/merit.js runs it on the first `npm start` without tsx.
 *
 * Files the server reads at run time (server/migrations/*.sql, web/dist, the repository root for
 * vite.config.ts) are found relative to each source file's `import.meta.url`. The bundle rewrites
 * every `import.meta.url` of our sources to the source file's own location, computed relative to
 * the bundle, so those paths resolve exactly as under tsx and nothing needs copying into dist/.
 *
 * A stamp (dist/server/build-stamp.json) records every input's size, mtime and SHA-256;
 * `serverBuildState()` compares it with the tree cheaply (stat only; hash only a file whose mtime
 * moved), so a start notices edited, added-by-import or deleted sources and rebuilds.
 *
 * Usage: `node scripts/build-server.mjs` (or `npm run build:server`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'dist', 'server');
export const ENTRY = path.join(ROOT, 'server', 'src', 'cli.ts');
export const OUT_FILE = path.join(OUT_DIR, 'cli.js');
const STAMP_FILE = path.join(OUT_DIR, 'build-stamp.json');
/** Bumped when the build's shape changes, so an old bundle is rebuilt even if no source moved. */
const STAMP_VERSION = 1;
/** Besides the bundled sources, a change to these rebuilds too (esbuild reads tsconfig.json). */
const EXTRA_INPUTS = ['scripts/build-server.mjs', 'tsconfig.json'];

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/**
 * Whether dist/server/cli.js is there and was built from the sources as they are now:
 * `{ state: 'fresh' | 'missing' | 'stale', reason }`.
 */
export function serverBuildState() {
  if (!existsSync(OUT_FILE) || !existsSync(STAMP_FILE)) return { state: 'missing', reason: 'no build' };
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return { state: 'stale', reason: 'unreadable stamp' };
  }
  if (stamp.version !== STAMP_VERSION) return { state: 'stale', reason: 'build script changed' };
  for (const [rel, want] of Object.entries(stamp.inputs)) {
    const file = path.join(ROOT, rel);
    let st;
    try {
      st = statSync(file);
    } catch {
      return { state: 'stale', reason: `${rel} removed` };
    }
    if (st.size !== want.size) return { state: 'stale', reason: `${rel} changed` };
    // Same size, other mtime (a checkout, a copy): only the content decides.
    if (st.mtimeMs !== want.mtimeMs && sha256(readFileSync(file)) !== want.sha256)
      return { state: 'stale', reason: `${rel} changed` };
  }
  return { state: 'fresh', reason: '' };
}

/**
 * esbuild plugin: our sources' `import.meta.url` becomes the URL of the source file itself, made
 * from the bundle's own URL and a relative path, so the built tree can be moved as a whole.
 */
function sourceLocationPlugin() {
  return {
    name: 'source-location',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        let contents = await readFile(args.path, 'utf8');
        if (contents.includes('import.meta.url')) {
          const rel = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
          contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Builds dist/server/cli.js and its stamp. Output is written to temporary names and renamed, so an
 * instance starting at the same moment never loads a half-written bundle. Returns the build time in ms.
 */
export async function buildServer({ quiet = false } = {}) {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: OUT_FILE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: quiet ? 'error' : 'warning',
    plugins: [sourceLocationPlugin()],
  });
  const inputs = {};
  for (const rel of [...Object.keys(result.metafile.inputs), ...EXTRA_INPUTS].sort()) {
    const file = path.resolve(ROOT, rel);
    const buf = readFileSync(file);
    const st = statSync(file);
    inputs[path.relative(ROOT, file).split(path.sep).join('/')] = {
      size: st.size,
      mtimeMs: st.mtimeMs,
      sha256: sha256(buf),
    };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `.tmp-${process.pid}`;
  for (const f of result.outputFiles) {
    writeFileSync(f.path + tmp, f.contents);
    renameSync(f.path + tmp, f.path);
  }
  // The stamp last: a bundle without its stamp counts as missing and is built again.
  writeFileSync(STAMP_FILE + tmp, `${JSON.stringify({ version: STAMP_VERSION, inputs }, null, 1)}\n`);
  renameSync(STAMP_FILE + tmp, STAMP_FILE);
  const ms = Math.round(performance.now() - started);
  if (!quiet) console.log(`[merit] Server dibangun / server built: ${path.relative(ROOT, OUT_FILE)} (${ms} ms)`);
  return ms;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildServer().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
