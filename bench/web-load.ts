/**
 * First load of the web app: builds it, then sums the gzip size of what the browser must fetch
 * before the landing page shows (index.html's entry chunk, its static imports and its CSS).
 * Target (issue 25): ≤ 190 kB gzip. Prints the files and writes bench/results/web-load.json.
 * `npm run bench:web`
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'web/dist');
const TARGET_KB = 190;

interface ManifestEntry {
  file: string;
  imports?: string[];
  css?: string[];
}

// The manifest (which chunks a page imports) only for this measurement: the server need not serve it.
await build({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'warn', build: { manifest: true } });
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestEntry
>;

const files = new Set<string>();
const visit = (key: string) => {
  const entry = manifest[key];
  if (!entry || files.has(entry.file)) return;
  files.add(entry.file);
  for (const css of entry.css ?? []) files.add(css);
  for (const imported of entry.imports ?? []) visit(imported);
};
visit('index.html');

const sizes = [...files]
  .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(path.join(dist, file))).length }))
  .sort((a, b) => b.gzipBytes - a.gzipBytes);
const totalKb = Math.round(sizes.reduce((s, f) => s + f.gzipBytes, 0) / 10.24) / 100;
for (const f of sizes) console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(7)} kB  ${f.file}`);
console.log(`first load: ${totalKb} kB gzip (target ≤ ${TARGET_KB} kB) — ${totalKb <= TARGET_KB ? 'OK' : 'OVER'}`);

mkdirSync(path.join(repo, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(repo, 'bench/results/web-load.json'),
  JSON.stringify(
    { at: new Date().toISOString(), firstLoadKbGzip: totalKb, targetKb: TARGET_KB, files: sizes },
    null,
    2,
  ),
);
