/**
 * Texts: Indonesian and English have the same keys, every literal key the web uses exists, and a
 * file that uses a feature's texts imports that feature's i18n module (which loads them with the page).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './locales/en.ts';
import { id } from './locales/id.ts';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !p.includes(`${path.sep}locales${path.sep}`))
      yield p;
  }
}

/** Every feature bundle: its key, its i18n module and both languages. */
async function featureBundles() {
  const out: { key: string; module: string; id: object; en: object }[] = [];
  for (const file of sources(path.join(WEB, 'features'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/featureTexts\('(\w+)'/g)) {
      const key = m[1]!;
      if (key === 'code') continue; // codes/i18n.ts: one table of id/en pairs, checked by codes.test.ts
      const dir = path.dirname(file);
      const idMod = (await import(path.join(dir, 'locales', `${key}.id.ts`))) as { default: object };
      const enMod = (await import(path.join(dir, 'locales', `${key}.en.ts`))) as { default: object };
      out.push({ key, module: file, id: idMod.default, en: enMod.default });
    }
  }
  return out;
}

/** Leaf keys; plural forms (`x_one`, `x_other`: English has them, Indonesian does not) count as `x`. */
const leaves = (o: unknown, prefix = ''): string[] => [
  ...new Set(leafKeys(o, prefix).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))),
];
const leafKeys = (o: unknown, prefix: string): string[] =>
  typeof o === 'string'
    ? [prefix]
    : Array.isArray(o)
      ? [`${prefix}[]`]
      : Object.entries(o as object).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));

function lookup(tree: Record<string, unknown>, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    const n = node as Record<string, unknown>;
    node = n[part] ?? n[`${part}_other`];
  }
  return node;
}

describe('texts', () => {
  it('core texts: English has exactly the Indonesian keys, none empty', () => {
    expect(leaves(en).sort()).toEqual(leaves(id).sort());
    for (const k of leaves(id)) if (!k.endsWith('[]')) expect(lookup(id as never, k), k).not.toBe('');
  });

  it('feature texts: each bundle has the same keys in both languages', async () => {
    const bundles = await featureBundles();
    expect(bundles.length).toBeGreaterThan(10);
    for (const b of bundles) expect(leaves(b.en).sort(), b.key).toEqual(leaves(b.id).sort());
  });

  it('every literal key in the web exists, and its file imports the feature that loads it', async () => {
    const bundles = await featureBundles();
    const byKey = new Map(bundles.map((b) => [b.key, b]));
    const all = { ...(id as object), ...Object.fromEntries(bundles.map((b) => [b.key, b.id])) } as Record<
      string,
      unknown
    >;
    const problems: string[] = [];
    for (const file of sources(WEB)) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(WEB, file);
      // t('a.b'), i18nKey="a.b", and key-like string literals whose first segment is a bundle ('skp.rating.above').
      const literal = /(?:\bt\(\s*|i18nKey=)['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g;
      const bundleLiteral = new RegExp(`['"\`]((?:${[...byKey.keys()].join('|')})(?:\\.[\\w-]+)+)['"\`]`, 'g');
      const dynamic = new RegExp(`\`((?:${[...byKey.keys()].join('|')})(?:\\.[\\w-]+)*)\\.\\$\\{`, 'g');
      // The codes module's tables are keyed by audit action names ('skp.import'), which are not text keys.
      const bundleKeys = rel.startsWith(`features${path.sep}codes`)
        ? []
        : [...text.matchAll(bundleLiteral)].map((m) => m[1]!);
      const keys = new Set([...text.matchAll(literal)].map((m) => m[1]!).concat(bundleKeys));
      for (const key of keys) if (lookup(all, key) === undefined) problems.push(`${rel}: "${key}" is not a text key`);
      for (const m of text.matchAll(dynamic))
        if (typeof lookup(all, m[1]!) !== 'object') problems.push(`${rel}: \`${m[1]}.\${…}\` names no group of texts`);
      const used = new Set(
        [...keys]
          .concat([...text.matchAll(dynamic)].map((m) => m[1]!))
          .map((k) => k.split('.')[0]!)
          .filter((p) => byKey.has(p)),
      );
      for (const prefix of used) {
        const mod = byKey.get(prefix)!.module;
        if (mod === file) continue;
        const spec = path.relative(path.dirname(file), mod).split(path.sep).join('/');
        const importPath = spec.startsWith('.') ? spec : `./${spec}`;
        if (!text.includes(`'${importPath}'`))
          problems.push(`${rel}: uses "${prefix}." texts but does not import '${importPath}'`);
      }
    }
    expect(problems).toEqual([]);
  });
});
