/**
 * Countdown math. The time left always comes from the server (`remainingMs`, or deadline − the
 * server's own `savedAt`) and is carried forward with a monotonic clock (performance.now()), so a
 * wrong or changed phone clock cannot add or remove exam time.
 */

export interface ClockSync {
  /** Time left according to the server when it answered. */
  remainingMs: number;
  /** Monotonic time (ms) when that answer arrived. */
  at: number;
}

export function syncAt(remainingMs: number, monotonicNow: number): ClockSync {
  return { remainingMs: Math.max(0, remainingMs), at: monotonicNow };
}

/** Time left now: the server's figure minus the monotonic time since it arrived, never below 0. */
export function remainingAt(sync: ClockSync, monotonicNow: number): number {
  return Math.max(0, sync.remainingMs - Math.max(0, monotonicNow - sync.at));
}

/** Time left according to a save acknowledgement: the deadline minus the server's save time. */
export function remainingFromSave(deadlineAt: string, savedAt: string): number | null {
  const d = Date.parse(deadlineAt);
  const s = Date.parse(savedAt);
  if (Number.isNaN(d) || Number.isNaN(s)) return null;
  return Math.max(0, d - s);
}

/** "1:39:05" / "09:05": whole seconds rounded up, so 0:00 shows only when time is really over. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Whole minutes left, rounded up (what a screen reader hears). */
export function minutesLeft(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 60_000);
}

export type TimeTone = 'normal' | 'low' | 'critical';

/** ≤ 10 minutes: low; ≤ 5 minutes: critical. */
export function timeTone(ms: number): TimeTone {
  if (ms <= 5 * 60_000) return 'critical';
  if (ms <= 10 * 60_000) return 'low';
  return 'normal';
}

const MARKS = [10, 5, 1].map((m) => m * 60_000);

/** The warning mark (ms) crossed going from `prevMs` to `ms`, if any: 10, 5 or 1 minute left. */
export function crossedMark(prevMs: number, ms: number): number | null {
  for (const mark of MARKS) if (prevMs > mark && ms <= mark) return mark;
  return null;
}
