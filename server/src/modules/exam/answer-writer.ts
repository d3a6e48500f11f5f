/**
 * Group commit for answer saves. Concurrent saves wait here for at most `maxWaitMs` (2 ms) or until
 * `maxRows` (200) are pending, then ONE statement (one round trip, one commit) writes them all with
 * a multi-row `insert … on conflict (attempt_id, item_id) do update … where answers.seq < excluded.seq`.
 * Each waiting request is resolved only after that commit, with its own outcome: applied, stale
 * (a newer or equal seq is stored: nothing changed, the stored state is returned), closed (the
 * attempt was submitted or its deadline + grace passed while it waited) or device (the attempt
 * moved to another device). The batch reads each attempt under a key-share lock, so these checks are
 * authoritative whatever a caller cached; applied and stale carry the attempt's current deadline
 * (a proctor's time grant reaches the page with the next save). A failed batch rejects
 * every waiter of that batch and nothing of it is stored; no save is written twice or lost: every
 * queued save belongs to exactly one batch.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { answersRepository } from './answers.repository.ts';
import { acceptsAnswer } from './domain/deadline.ts';

export interface AnswerWrite {
  attemptId: string;
  sessionId: string;
  /** SHA-256 of the device cookie the save came from. */
  deviceHash: string;
  itemId: string;
  chosen: string | null;
  flagged: boolean;
  seq: number;
}

export type AnswerWriteResult =
  | {
      outcome: 'applied' | 'stale';
      itemId: string;
      seq: number;
      chosen: string | null;
      flagged: boolean;
      savedAt: string;
      deadlineAt: Date;
    }
  | { outcome: 'closed'; itemId: string }
  | { outcome: 'device'; itemId: string };

interface Waiter {
  write: AnswerWrite;
  resolve: (r: AnswerWriteResult) => void;
  reject: (e: unknown) => void;
}

export interface AnswerWriterOptions {
  db: Kysely<DB>;
  clock: Clock;
  maxRows?: number;
  maxWaitMs?: number;
  /** NOTIFY channel told the session ids of every committed batch (scoreboards, proctor view). */
  channel?: string;
}

export const CAT_CHANNEL = 'merit_cat';

/**
 * One statement, one round trip, one commit for the whole batch: lock the batch's attempts for
 * key share (in id order). Everything that changes what the batch checks — submit, the sweeper,
 * a device change, a time grant — first takes `for update`, which waits for this batch and vice
 * versa, so an answer is never stored after its attempt was scored. The proctor's "last seen"
 * stamps (`for no key update`) do not conflict with key share: a stamp of a thousand rows no
 * longer holds up the saves behind it (bench:exam at 5,000 saves/s: p99 121 → 42 ms).
 * Then keep the writes whose attempt is open and on the sending device, keep the highest seq per
 * (attempt, item) — one statement may not update a row twice, and the lower ones are stale
 * anyway — and upsert them unless a newer or equal seq is stored; tell the sessions' listeners.
 */
async function writeBatch(
  opts: Pick<AnswerWriterOptions, 'db' | 'clock'>,
  channel: string,
  writes: AnswerWrite[],
): Promise<AnswerWriteResult[]> {
  const now = opts.clock.now();
  const result = await answersRepository.writeBatch(opts.db, writes, now, channel);
  const byId = new Map(
    result.attempts.map(([id, status, deadline, device, grace]) => [
      id,
      { status, deadline: new Date(deadline), device, grace },
    ]),
  );
  const refusal = (w: AnswerWrite): 'closed' | 'device' | null => {
    const a = byId.get(w.attemptId);
    // The same rule as the insert's `now <= deadline_at + grace` above, so the report matches what was written.
    if (!a || a.status !== 'in_progress' || !acceptsAnswer(now, a.deadline, a.grace * 1000)) return 'closed';
    return a.device === w.deviceHash ? null : 'device';
  };
  const key = (w: { attemptId: string; itemId: string }) => `${w.attemptId}|${w.itemId}`;
  const applied = new Map(result.written.map(([attemptId, itemId, seq]) => [`${attemptId}|${itemId}`, seq]));
  // An applied write's value is what is stored now; only the other keys (stale writes) need a read.
  const stored = new Map<string, { chosen: string | null; flagged: boolean; seq: number; saved_at: Date }>();
  for (const w of writes) {
    if (refusal(w) === null && applied.get(key(w)) === w.seq && !stored.has(key(w)))
      stored.set(key(w), { chosen: w.chosen, flagged: w.flagged, seq: w.seq, saved_at: now });
  }
  const unknown = writes.filter((w) => refusal(w) === null && !stored.has(key(w)));
  if (unknown.length > 0) {
    const found = await answersRepository.stored(opts.db, unknown);
    for (const r of found)
      stored.set(`${r.attempt_id}|${r.item_id}`, {
        chosen: r.chosen,
        flagged: r.flagged,
        seq: r.seq,
        saved_at: new Date(r.saved_at),
      });
  }
  const claimed = new Set<string>();
  return writes.map((w): AnswerWriteResult => {
    const refused = refusal(w);
    if (refused) return { outcome: refused, itemId: w.itemId };
    const k = key(w);
    const s = stored.get(k)!;
    // The write whose seq was stored is 'applied' once; an identical replay in the same batch is stale.
    const isApplied = applied.get(k) === w.seq && !claimed.has(k);
    if (isApplied) claimed.add(k);
    return {
      outcome: isApplied ? 'applied' : 'stale',
      itemId: w.itemId,
      seq: s.seq,
      chosen: s.chosen,
      flagged: s.flagged,
      savedAt: s.saved_at.toISOString(),
      deadlineAt: byId.get(w.attemptId)!.deadline,
    };
  });
}

/** The group-commit queue: saves wait for the next batch; one batch is in flight at a time. */
export function createAnswerWriter(opts: AnswerWriterOptions) {
  const maxRows = opts.maxRows ?? 200;
  const maxWaitMs = opts.maxWaitMs ?? 2;
  const channel = opts.channel ?? CAT_CHANNEL;
  let pending: Waiter[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inflight: Promise<void> | null = null;
  const stats = { batches: 0, rows: 0, largestBatch: 0 };

  function schedule() {
    if (pending.length >= maxRows) kick();
    else if (!timer && !inflight) timer = setTimeout(kick, maxWaitMs);
  }

  function kick() {
    if (timer) clearTimeout(timer);
    timer = null;
    // One batch in flight at a time: saves arriving meanwhile form the next group commit.
    if (inflight || pending.length === 0) return;
    const batch = pending.slice(0, maxRows);
    pending = pending.slice(maxRows);
    inflight = run(batch).finally(() => {
      inflight = null;
      if (pending.length > 0) kick();
    });
  }

  async function run(batch: Waiter[]) {
    stats.batches += 1;
    stats.rows += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    try {
      const results = await writeBatch(
        opts,
        channel,
        batch.map((w) => w.write),
      );
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }

  return {
    stats,
    /** Queues one save; resolves after the batch holding it has committed. */
    write(write: AnswerWrite): Promise<AnswerWriteResult> {
      return new Promise((resolve, reject) => {
        pending.push({ write, resolve, reject });
        schedule();
      }).then((r) => {
        return r as AnswerWriteResult;
      });
    },
    /** Writes everything pending now (shutdown, tests). */
    async flush() {
      while (pending.length > 0 || inflight) {
        kick();
        if (inflight) await inflight;
      }
    },
  };
}

export type AnswerWriter = ReturnType<typeof createAnswerWriter>;
