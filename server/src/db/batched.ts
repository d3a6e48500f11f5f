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
 * undefined. A batch that fails rejects every request in it.
 */
export function batched<K, V>(run: (keys: readonly K[]) => Promise<Map<K, V>>, maxBatchSize = 500): (key: K) => Promise<V | undefined> {
  const loader = new DataLoader<K, V | undefined>(
    async (keys) => {
      const found = await run([...new Set(keys)]);
      return keys.map((k) => found.get(k));
    },
    { cache: false, maxBatchSize, batchScheduleFn: (run) => setImmediate(run) },
  );
  return (key) => loader.load(key);
}
