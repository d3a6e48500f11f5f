/**
 * Exam time arithmetic: when an attempt's time is up, how much is left, whether a late answer still
 * counts. Which of two writes is newer is the answer writer's upsert on seq. Time is a parameter.
 */

export interface DeadlineInput {
  startedAt: Date;
  /** The blueprint's duration (SKD 100 minutes). */
  durationMinutes: number;
  /** Disability accommodation on top of the duration (SKD +30 → 130 minutes, RULES.md §2.1). */
  extraMinutes: number;
  /** Every extra-time grant a proctor recorded (e.g. after a power cut), in minutes. */
  grantsMinutes: readonly number[];
}

const MINUTE_MS = 60_000;

/**
 * The moment an attempt's time runs out: start + duration + accommodation + every proctor grant.
 * Minutes must be non-negative integers (RangeError otherwise), so the deadline is exact to the ms.
 */
export function deadlineOf(i: DeadlineInput): Date {
  const minutes = [i.durationMinutes, i.extraMinutes, ...i.grantsMinutes];
  for (const m of minutes) {
    if (!Number.isSafeInteger(m) || m < 0) throw new RangeError(`Menit ujian harus bilangan bulat ≥ 0, bukan ${m}.`);
  }
  const start = i.startedAt.getTime();
  if (Number.isNaN(start)) throw new RangeError('Waktu mulai ujian tidak valid.');
  return new Date(start + minutes.reduce((a, b) => a + b, 0) * MINUTE_MS);
}

/** Milliseconds left until the deadline; never negative (0 once time is up). */
export function remainingMs(now: Date, deadline: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/**
 * Whether an answer arriving at `now` still counts: up to and including deadline + grace, the grace
 * covering network delay for an answer the participant clicked before the clock hit zero.
 */
export function acceptsAnswer(now: Date, deadline: Date, graceMs: number): boolean {
  return now.getTime() <= deadline.getTime() + graceMs;
}
