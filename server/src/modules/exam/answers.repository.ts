/** SQL of the answer path's group commit (answer-writer.ts). Executor first; both statements are hot. */
import { type Executor, sql } from '../../db/database.ts';

export interface BatchWrite {
  attemptId: string;
  itemId: string;
  chosen: string | null;
  flagged: boolean;
  seq: number;
  deviceHash: string;
}

export const answersRepository = {
  /**
   * The whole batch in one statement (see answer-writer.ts for why): locks the attempts for key
   * share, upserts the writes that are open and on their device, notifies the sessions. Returns the
   * checked attempts as [id, status, deadline, device hash, grace] and the written rows.
   */
  writeBatch: async (ex: Executor, writes: readonly BatchWrite[], now: Date, channel: string) => {
    const { rows } = await sql<{
      attempts: [string, string, string, string, number][];
      written: [string, string, number][];
    }>`
      with input as (
        select * from unnest(
          ${writes.map((w) => w.attemptId)}::uuid[], ${writes.map((w) => w.itemId)}::uuid[], ${writes.map((w) => w.chosen)}::text[],
          ${writes.map((w) => w.flagged)}::boolean[], ${writes.map((w) => w.seq)}::integer[], ${writes.map((w) => w.deviceHash)}::text[]
        ) as t (attempt_id, item_id, chosen, flagged, seq, device_hash)
      ),
      checked as (
        select a.id, a.session_id, a.status, a.deadline_at, a.device_hash, s.grace_seconds
        from attempts a join cat_sessions s on s.session_id = a.session_id
        where a.id in (select attempt_id from input)
        order by a.id
        for key share of a
      ),
      written as (
        insert into answers (attempt_id, item_id, chosen, flagged, seq, saved_at)
        select distinct on (i.attempt_id, i.item_id) i.attempt_id, i.item_id, i.chosen, i.flagged, i.seq, ${now}::timestamptz
        from input i join checked c on c.id = i.attempt_id
        where c.status = 'in_progress' and c.device_hash = i.device_hash
          and ${now}::timestamptz <= c.deadline_at + make_interval(secs => c.grace_seconds)
        order by i.attempt_id, i.item_id, i.seq desc
        on conflict (attempt_id, item_id) do update
          set chosen = excluded.chosen, flagged = excluded.flagged, seq = excluded.seq, saved_at = excluded.saved_at
          where answers.seq < excluded.seq
        returning attempt_id, item_id, seq
      ),
      notified as (
        select pg_notify(${channel}, x.session_id::text) from (select distinct c.session_id from checked c join written w on w.attempt_id = c.id) x
      )
      select
        (select coalesce(json_agg(json_build_array(id, status, deadline_at, device_hash, grace_seconds)), '[]') from checked) as attempts,
        (select coalesce(json_agg(json_build_array(attempt_id, item_id, seq)), '[]') from written) as written,
        (select count(*) from notified) as notified
    `.execute(ex);
    return rows[0]!;
  },

  /** The stored state of the given (attempt, item) pairs' attempts and items (stale writes report it). */
  stored: (ex: Executor, keys: readonly { attemptId: string; itemId: string }[]) =>
    ex
      .selectFrom('answers')
      .select(['attempt_id', 'item_id', 'chosen', 'flagged', 'seq', 'saved_at'])
      .where('attempt_id', 'in', [...new Set(keys.map((w) => w.attemptId))])
      .where('item_id', 'in', [...new Set(keys.map((w) => w.itemId))])
      .execute(),
};
