import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, MigrationError, readMigrations } from './migrate.ts';
import { openTestDatabase } from '../../test/harness.ts';
import type { Database } from './database.ts';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(() => drop?.());

describe('migrations', () => {
  it('applies every file once and records its checksum', async () => {
    const files = readMigrations();
    expect(await migrate(database, files)).toBe(files.length);
    expect(await migrate(database, files)).toBe(files.length);
    const rows = await database.db.selectFrom('schema_migrations').selectAll().execute();
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
  });

  it('stops when a landed migration file was changed', async () => {
    const files = readMigrations();
    const changed = files.map((f, i) =>
      i === 0 ? { ...f, script: `${f.script}\n-- edited`, checksum: 'different' } : f,
    );
    await expect(migrate(database, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(database, changed)).rejects.toThrow(/checksum/);
  });

  it('accepts numbers with gaps (branches reserve ranges) but never two files with one number', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'merit-migrations-'));
    writeFileSync(path.join(dir, '0001_a.sql'), 'select 1;');
    writeFileSync(path.join(dir, '0003_b.sql'), 'select 1;');
    expect(readMigrations(dir).map((f) => f.version)).toEqual([1, 3]);
    writeFileSync(path.join(dir, '0003_c.sql'), 'select 1;');
    expect(() => readMigrations(dir)).toThrow(/sudah dipakai/);
  });

  it('refuses a database that has migrations this version does not know', async () => {
    await expect(migrate(database, readMigrations().slice(0, 0))).rejects.toThrow(/tidak dikenal/);
  });

  it('rolls back a failing migration completely', async () => {
    const files = readMigrations();
    const next = Math.max(...files.map((f) => f.version)) + 1; // numbers may leave gaps
    const broken = [
      ...files,
      {
        version: next,
        name: '9999_broken.sql',
        checksum: 'x',
        script: 'create table half_done (id int); select * from no_such_table;',
      },
    ];
    await expect(migrate(database, broken)).rejects.toThrow();
    const exists = await database.db
      .selectFrom('schema_migrations')
      .select('version')
      .where('version', '=', next)
      .executeTakeFirst();
    expect(exists).toBeUndefined();
    await expect(
      database.db
        .selectFrom('half_done' as never)
        .selectAll()
        .execute(),
    ).rejects.toThrow();
  });
});
