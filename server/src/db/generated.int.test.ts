/**
 * The committed table types (db/generated.ts) are what kysely-codegen makes of a freshly migrated
 * database: a migration without `npm run db:types` fails here, on PGlite and on Postgres alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.ts';
import { generateDbTypes } from './codegen.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

const GENERATED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'generated.ts');

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await migrate(database);
});
afterAll(() => drop?.());

describe('generated database types', () => {
  it('match the migrations (run `npm run db:types` after adding one)', async () => {
    const fresh = await generateDbTypes(database.db);
    expect(readFileSync(GENERATED, 'utf8'), 'server/src/db/generated.ts is stale: npm run db:types').toBe(fresh);
  });
});
