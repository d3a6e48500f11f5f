import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { createTouchBuffer } from './touch-buffer.ts';

describe('touch buffer', () => {
  it('writes each key seen since the last write once, in chunks, stamped with the write time', async () => {
    const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
    const writes: { keys: string[]; at: string }[] = [];
    const buffer = createTouchBuffer({
      clock,
      chunk: 2,
      intervalMs: 60_000,
      write: async (keys, at) => writes.push({ keys, at: at.toISOString() }),
    });
    for (const k of ['a', 'b', 'a', 'c', 'b']) buffer.touch(k);
    expect(buffer.pending()).toBe(3);
    await buffer.flush();
    expect(writes).toEqual([
      { keys: ['a', 'b'], at: '2026-11-27T02:00:00.000Z' },
      { keys: ['c'], at: '2026-11-27T02:00:00.000Z' },
    ]);
    await buffer.flush();
    expect(writes).toHaveLength(2); // nothing new: no statement
  });

  it('writes by itself after the interval', async () => {
    const written: string[][] = [];
    const buffer = createTouchBuffer({
      clock: new ManualClock(),
      intervalMs: 5,
      write: async (keys) => written.push(keys),
    });
    buffer.touch('x');
    await expect.poll(() => written, { timeout: 1000 }).toEqual([['x']]);
  });

  it('drops a failed write and keeps stamping later keys', async () => {
    let fail = true;
    const written: string[][] = [];
    const buffer = createTouchBuffer({
      clock: new ManualClock(),
      intervalMs: 60_000,
      write: async (keys) => {
        if (fail) throw new Error('database restarting');
        written.push(keys);
      },
    });
    buffer.touch('a');
    await expect(buffer.flush()).resolves.toBeUndefined();
    fail = false;
    buffer.touch('b');
    await buffer.flush();
    expect(written).toEqual([['b']]);
  });

  it('skips a key queued less than minIntervalMs ago', async () => {
    const written: string[][] = [];
    const buffer = createTouchBuffer({
      clock: new ManualClock(),
      intervalMs: 60_000,
      minIntervalMs: 60_000,
      write: async (keys) => written.push(keys),
    });
    buffer.touch('a');
    await buffer.flush();
    buffer.touch('a');
    buffer.touch('b');
    await buffer.flush();
    expect(written).toEqual([['a'], ['b']]);
  });
});
