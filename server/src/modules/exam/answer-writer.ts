/**
 * Group commit for answer saves. Concurrent saves wait here for at most `maxWaitMs` (2 ms) or until
 * `maxRows` (200) are pending, then ONE transaction writes them all with a single multi-row
 * `insert … on conflict (attempt_id, item_id) do update … where answers.seq < excluded.seq`.
 * Each waiting request is resolved only after that commit, with its own outcome: applied, stale
 * (a newer or equal seq is stored: nothing changed, the stored state is returned), closed (the
 * attempt was submitted or its deadline + grace passed while it waited) or device (the attempt
 * moved to another device). The batch reads each attempt under a share lock, so these checks are
 * authoritative whatever a caller cached; applied and stale carry the attempt's current deadline
 * (a proctor's time grant reaches the page with the next save). A failed batch rejects
 * every waiter of that batch and nothing of it is stored; no save is written twice or lost: every
 * queued save belongs to exactly one batch.
 */
import type { Kysely } from 'kysely';
import { sql } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';

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
  | { outcome: 'applied' | 'stale'; itemId: string; seq: number; chosen: string | null; flagged: boolean; savedAt: string; deadlineAt: Date }
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
      const results = await writeBatch(batch.map((w) => w.write));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }

  async function writeBatch(writes: AnswerWrite[]): Promise<AnswerWriteResult[]> {
    const now = opts.clock.now();
    return opts.db.transaction().execute(async (trx) => {
      const attemptIds = [...new Set(writes.map((w) => w.attemptId))].sort();
      // Shared locks in id order: the sweeper's `for update` waits for this batch (and vice versa),
      // so an answer is never stored after its attempt was scored.
      const attempts = await trx
        .selectFrom('attempts')
        .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
        .select(['attempts.id', 'attempts.status', 'attempts.deadline_at', 'attempts.device_hash', 'cat_sessions.grace_seconds'])
        .where('attempts.id', 'in', attemptIds)
        .orderBy('attempts.id')
        .forShare('attempts')
        .execute();
      const byId = new Map(attempts.map((a) => [a.id, a]));
      const refusal = (w: AnswerWrite): 'closed' | 'device' | null => {
        const a = byId.get(w.attemptId);
        if (!a || a.status !== 'in_progress' || now.getTime() > new Date(a.deadline_at).getTime() + a.grace_seconds * 1000) return 'closed';
        return a.device_hash === w.deviceHash ? null : 'device';
      };
      const accepted = new Set(writes.filter((w) => refusal(w) === null));
      // Within one batch only the highest seq per (attempt, item) can be written: one statement
      // may not update a row twice, and the lower ones would be stale anyway.
      const winners = new Map<string, AnswerWrite>();
      for (const w of accepted) {
        const key = `${w.attemptId}|${w.itemId}`;
        const cur = winners.get(key);
        if (!cur || w.seq > cur.seq) winners.set(key, w);
      }
      const rows = [...winners.values()].sort((a, b) => (a.attemptId + a.itemId < b.attemptId + b.itemId ? -1 : 1));
      const applied = new Set<string>();
      if (rows.length > 0) {
        const written = await trx
          .insertInto('answers')
          .values(rows.map((w) => ({ attempt_id: w.attemptId, item_id: w.itemId, chosen: w.chosen, flagged: w.flagged, seq: w.seq, saved_at: now })))
          .onConflict((oc) =>
            oc
              .columns(['attempt_id', 'item_id'])
              .doUpdateSet((eb) => ({
                chosen: eb.ref('excluded.chosen'),
                flagged: eb.ref('excluded.flagged'),
                seq: eb.ref('excluded.seq'),
                saved_at: eb.ref('excluded.saved_at'),
              }))
              .where('answers.seq', '<', (eb) => eb.ref('excluded.seq')),
          )
          .returning(['attempt_id', 'item_id', 'seq'])
          .execute();
        for (const r of written) applied.add(`${r.attempt_id}|${r.item_id}|${r.seq}`);
      }
      const stored = new Map<string, { chosen: string | null; flagged: boolean; seq: number; saved_at: Date }>();
      // An applied winner is what is stored now; only the other keys (stale writes) need a read.
      for (const w of winners.values()) {
        if (applied.has(`${w.attemptId}|${w.itemId}|${w.seq}`)) stored.set(`${w.attemptId}|${w.itemId}`, { chosen: w.chosen, flagged: w.flagged, seq: w.seq, saved_at: now });
      }
      const unknown = [...accepted].filter((w) => !stored.has(`${w.attemptId}|${w.itemId}`));
      if (unknown.length > 0) {
        const found = await trx
          .selectFrom('answers')
          .select(['attempt_id', 'item_id', 'chosen', 'flagged', 'seq', 'saved_at'])
          .where('attempt_id', 'in', [...new Set(unknown.map((w) => w.attemptId))])
          .where('item_id', 'in', [...new Set(unknown.map((w) => w.itemId))])
          .execute();
        for (const r of found) stored.set(`${r.attempt_id}|${r.item_id}`, { chosen: r.chosen, flagged: r.flagged, seq: r.seq, saved_at: new Date(r.saved_at) });
      }
      const sessions = [...new Set([...accepted].map((w) => w.sessionId))];
      for (const s of sessions) await sql`select pg_notify(${channel}, ${s})`.execute(trx);
      const claimed = new Set<string>();
      return writes.map((w): AnswerWriteResult => {
        const refused = refusal(w);
        if (refused) return { outcome: refused, itemId: w.itemId };
        const key = `${w.attemptId}|${w.itemId}`;
        const s = stored.get(key)!;
        // The winner of its key is 'applied' once; an identical replay in the same batch is stale.
        const isApplied = winners.get(key) === w && applied.has(`${key}|${w.seq}`) && !claimed.has(key);
        if (isApplied) claimed.add(key);
        return { outcome: isApplied ? 'applied' : 'stale', itemId: w.itemId, seq: s.seq, chosen: s.chosen, flagged: s.flagged, savedAt: s.saved_at.toISOString(), deadlineAt: new Date(byId.get(w.attemptId)!.deadline_at) };
      });
    });
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
