/**
 * Point lookups that arrive together share one query. When a hall of participants loads the exam
 * at once, each request would otherwise cost its own round trip (a socket write, a wake-up of a
 * Postgres backend, a parse/bind/execute); batched, a few dozen requests share one. Batches are
 * cut on `setImmediate`: every request read in the same event-loop turn joins, and a lone request
 * waits for nothing but the end of that turn. Nothing is cached between batches.
 */
import DataLoader from 'dataloader';

/**
 * `load` gets distinct keys (one statement text for any count: pass them as one array parameter)
 * and returns what it found by key; a key it did not find resolves to undefined.
 */
export function batchedLookup<K, V>(load: (keys: readonly K[]) => Promise<Map<K, V>>, maxBatchSize = 500): (key: K) => Promise<V | undefined> {
  const loader = new DataLoader<K, V | undefined>(
    async (keys) => {
      const found = await load([...new Set(keys)]);
      return keys.map((k) => found.get(k));
    },
    { cache: false, maxBatchSize, batchScheduleFn: (run) => setImmediate(run) },
  );
  return (key) => loader.load(key);
}
