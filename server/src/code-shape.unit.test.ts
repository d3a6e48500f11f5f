/**
 * Issue #25's bound on function length, measured on the formatted code: no production function
 * over 120 lines and at most five over 100 (`npx tsx scripts/function-lengths.ts` lists them).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { functionLengths } from '../../scripts/function-lengths.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('code shape', () => {
  const all = functionLengths(ROOT);
  const show = (fs: typeof all) => fs.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines})`);

  it('has no production function over 120 lines', () => {
    expect(show(all.filter((f) => f.lines > 120))).toEqual([]);
  });

  it('has at most five production functions over 100 lines', () => {
    const over = show(all.filter((f) => f.lines > 100));
    expect(over.length, over.join('\n')).toBeLessThanOrEqual(5);
  });
});
