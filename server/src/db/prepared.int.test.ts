/** Hot statements become prepared statements of the connection (Postgres only; PGlite is in-process). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, usingPostgres } from '../../test/harness.ts';
import type { Database } from './database.ts';
import { sql } from './database.ts';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(() => drop?.());

describe.runIf(usingPostgres())('prepared statements', () => {
  it('prepares a statement run often on one connection, and still answers correctly', async () => {
    const names = await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 30; i++) {
        const { rows } = await sql<{ n: number }>`select ${i}::int + 1 as n`.execute(trx);
        expect(rows[0]!.n).toBe(i + 1);
      }
      return (
        await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx)
      ).rows;
    });
    expect(names.map((r) => r.statement)).toContain('select $1::int + 1 as n');
    expect(names.every((r) => r.name.startsWith('merit_'))).toBe(true);
  });
});
