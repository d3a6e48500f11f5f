/**
 * Requests that arrive together share one query, or one transaction. When a hall of participants
 * loads the exam (or submits) at once, each request would otherwise cost its own round trips (a
 * socket write, a wake-up of a Postgres backend, a parse/bind/execute, a commit); batched, a few
 * dozen requests share them. Batches are cut on `setImmediate`: every request read in the same
 * event-loop turn joins, and a lone request waits for nothing but the end of that turn. Nothing
 * is cached between batches.
 */
import DataLoader from 'dataloader';

/**
 * `run` gets the distinct keys of a batch (for lookups, one statement text for any count: pass
 * them as one array parameter) and returns its answers by key; a key without one resolves to
 * undefined. A batch that fails rejects every request in it. `oneAtATime`: a batch waits until the
 * one before it has finished, and grows meanwhile — for transactions that would only queue behind
 * each other on a lock (with each holding a pooled connection while it waits).
 */
export function batched<K, V>(
  run: (keys: readonly K[]) => Promise<Map<K, V>>,
  { maxBatchSize = 500, oneAtATime = false }: { maxBatchSize?: number; oneAtATime?: boolean } = {},
): (key: K) => Promise<V | undefined> {
  let previous: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<K, V | undefined>(
    async (keys) => {
      const running = run([...new Set(keys)]);
      if (oneAtATime) previous = running.catch(() => {});
      const found = await running;
      return keys.map((k) => found.get(k));
    },
    {
      cache: false,
      maxBatchSize,
      batchScheduleFn: oneAtATime
        ? (dispatch) => void previous.then(() => setImmediate(dispatch))
        : (dispatch) => setImmediate(dispatch),
    },
  );
  return (key) => loader.load(key);
}
