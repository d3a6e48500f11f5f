/**
 * docs/ARCHITECTURE.md is one line per folder and matches the tree: every folder at the levels a
 * newcomer navigates has its row, and every row names something that exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IGNORED = new Set(['node_modules', 'data', 'dist', 'results', 'coverage', '.git', 'screenshots', 'fixtures']);
/** Folders whose sub-folders each get a row. */
const LISTED_CHILDREN = [
  '.',
  'common',
  'server',
  'server/src',
  'server/src/modules',
  'web/src',
  'web/src/features',
  'docs',
  'bench',
  'e2e',
];

const subfolders = (dir: string) =>
  readdirSync(path.join(ROOT, dir))
    .filter((n) => !IGNORED.has(n) && statSync(path.join(ROOT, dir, n)).isDirectory())
    .map((n) => (dir === '.' ? n : `${dir}/${n}`));

describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!.replace(/\/$/, ''));

  it('has a row for every folder', () => {
    const folders = LISTED_CHILDREN.flatMap(subfolders);
    expect(folders.filter((f) => !rows.includes(f))).toEqual([]);
  });

  it('names only what exists', () => {
    expect(rows.filter((r) => !existsSync(path.join(ROOT, r)))).toEqual([]);
  });
});
