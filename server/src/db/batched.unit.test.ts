import { describe, expect, it } from 'vitest';
import { batched } from './batched.ts';

describe('batched', () => {
  it('answers lookups made in the same turn with one load of their distinct keys', async () => {
    const loads: string[][] = [];
    const lookup = batched(async (keys: readonly string[]) => {
      loads.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const r = await Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('missing')]);
    expect(r).toEqual(['A', 'B', 'A', undefined]);
    expect(loads).toEqual([['a', 'b', 'missing']]);
  });

  it('caches nothing: a later lookup loads again, and sees what changed', async () => {
    let value = 1;
    let calls = 0;
    const lookup = batched(async (keys: readonly string[]) => {
      calls++;
      return new Map(keys.map((k) => [k, value]));
    });
    expect(await lookup('x')).toBe(1);
    value = 2;
    expect(await lookup('x')).toBe(2);
    expect(calls).toBe(2);
  });

  it('splits batches at maxBatchSize', async () => {
    const sizes: number[] = [];
    const lookup = batched(
      async (keys: readonly number[]) => {
        sizes.push(keys.length);
        return new Map(keys.map((k) => [k, k * 2]));
      },
      { maxBatchSize: 3 },
    );
    const r = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((k) => lookup(k)));
    expect(r).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('rejects every lookup of a batch whose load failed, and the next batch works', async () => {
    let fail = true;
    const lookup = batched(async (keys: readonly string[]) => {
      if (fail) throw new Error('database restarting');
      return new Map(keys.map((k) => [k, k]));
    });
    const failed = await Promise.allSettled([lookup('a'), lookup('b')]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await lookup('a')).toBe('a');
  });

  it('oneAtATime: a batch waits for the one before it, gathering what arrives meanwhile', async () => {
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const submit = batched(
      async (keys: readonly number[]) => {
        batches.push([...keys]);
        overlapped ||= ++running > 1;
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return new Map(keys.map((k) => [k, -k]));
      },
      { oneAtATime: true },
    );
    const first = submit(1);
    await new Promise((r) => setTimeout(r, 5)); // batch [1] is running
    const later = [2, 3, 4].map((k) => submit(k));
    await new Promise((r) => setTimeout(r, 5));
    later.push(submit(5));
    expect(await Promise.all([first, ...later])).toEqual([-1, -2, -3, -4, -5]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
    expect(overlapped).toBe(false);
  });
});
