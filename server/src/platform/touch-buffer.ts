/**
 * "Last seen" stamps written in bulk. Hot paths (every answer save, every signed-in request) mark a
 * key as seen; one statement every `intervalMs` stamps all keys seen since the last write. The
 * stamps are hints — a session's idle timeout, a proctor's "disconnected" flag — so losing the last
 * second of them in a crash costs nothing, whereas writing each one would cost a commit per request.
 */
import type { Clock } from './clock.ts';

export interface TouchBufferOptions {
  clock: Clock;
  /** Writes one stamp for all keys (they are distinct). */
  write: (keys: string[], at: Date) => Promise<unknown>;
  intervalMs?: number;
  /** Keys per statement. */
  chunk?: number;
  /** A key stamped by this buffer less than this long ago is not stamped again (default 0). */
  minIntervalMs?: number;
}

export function createTouchBuffer(opts: TouchBufferOptions) {
  const intervalMs = opts.intervalMs ?? 1000;
  const chunk = opts.chunk ?? 1000;
  const minIntervalMs = opts.minIntervalMs ?? 0;
  let keys = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  /** When each key was last queued, for minIntervalMs (cleared wholesale when it grows large). */
  const lastQueued = new Map<string, number>();

  async function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (keys.size === 0) return;
    const batch = [...keys];
    keys = new Set();
    const at = opts.clock.now();
    for (let i = 0; i < batch.length; i += chunk) {
      // A failed write (database restarting) is dropped: the next touch writes a newer stamp.
      await opts.write(batch.slice(i, i + chunk), at).catch(() => {});
    }
  }

  return {
    touch(key: string) {
      if (minIntervalMs > 0) {
        const now = performance.now();
        const last = lastQueued.get(key);
        if (last !== undefined && now - last < minIntervalMs) return;
        if (lastQueued.size >= 200_000) lastQueued.clear();
        lastQueued.set(key, now);
      }
      keys.add(key);
      if (!timer) {
        timer = setTimeout(() => void flush(), intervalMs);
        timer.unref();
      }
    },
    /** Writes what is pending now (shutdown, tests). */
    flush,
    pending: () => keys.size,
  };
}

export type TouchBuffer = ReturnType<typeof createTouchBuffer>;
