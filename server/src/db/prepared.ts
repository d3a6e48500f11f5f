/**
 * Named (prepared) statements for the hot queries, chosen by use: a statement text seen `after`
 * times gets a name, so each connection parses and plans it once instead of on every call. For the
 * exam's bursts this halves Postgres's CPU per request (measured by bench/exam.ts: 1.1 → 0.5 ms per
 * exam load). At most `max` names, since every name is kept by every connection; one-off texts
 * (imports, lists of varying length) stay unnamed. A name always means the same text.
 */
import type pg from 'pg';

export function createStatementNamer({ after = 20, max = 500 } = {}) {
  const counts = new Map<string, number>();
  const names = new Map<string, string>();
  return (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= max) return known;
    const n = (counts.get(text) ?? 0) + 1;
    if (n < after) {
      if (counts.size >= 20_000) counts.clear(); // many one-off texts: start counting afresh
      counts.set(text, n);
      return undefined;
    }
    counts.delete(text);
    const name = `merit_${names.size}`;
    names.set(text, name);
    return name;
  };
}

type QueryFn = (...args: unknown[]) => unknown;

/** Makes a pool client send named statements for the texts `nameOf` names (with parameters: one command each). */
export function prepareHotStatements(client: pg.PoolClient, nameOf: (text: string) => string | undefined) {
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 ? nameOf(text) : undefined;
    return name === undefined ? query(text, values, callback) : query({ name, text, values }, callback);
  };
}
