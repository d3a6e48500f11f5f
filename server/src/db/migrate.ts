/**
 * Forward-only migrations from numbered `.sql` files. Each runs in its own transaction under an
 * advisory lock (several app instances may start at once), and its SHA-256 is recorded: a landed
 * file that changes afterwards stops the start-up instead of silently diverging.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const MIGRATION_LOCK = 7_271_001; // any constant shared by all instances; 7271 = Kota Palu

export interface MigrationFile {
  version: number;
  name: string;
  script: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  // Numbers only increase (no two files share one); gaps are allowed, since parallel branches
  // reserve ranges of numbers and merge in any order.
  let previous = 0;
  return files.map((file) => {
    const version = Number(file.slice(0, 4));
    if (version <= previous) throw new MigrationError(`Migrasi ${file}: nomor ${version} sudah dipakai file lain`);
    previous = version;
    const script = readFileSync(path.join(dir, file), 'utf8');
    return { version, name: file, script, checksum: createHash('sha256').update(script).digest('hex') };
  });
}

/** Applies every pending migration and returns how many are applied in total. */
export async function migrate(database: Database, files = readMigrations()): Promise<number> {
  const { db } = database;
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
  });
  for (const file of files) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const applied = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('version', '=', file.version)
        .executeTakeFirst();
      if (applied) {
        if (applied.checksum !== file.checksum) {
          throw new MigrationError(
            `Migrasi ${file.name} sudah dijalankan tetapi isinya berubah (checksum berbeda). ` +
              'Migrasi yang sudah berjalan tidak boleh diubah: buat file migrasi baru.',
          );
        }
        return;
      }
      await database.execScript(trx, file.script);
      await trx
        .insertInto('schema_migrations')
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
    });
  }
  const rows = await db.selectFrom('schema_migrations').select(['version']).orderBy('version').execute();
  const unknown = rows.filter((r) => !files.some((f) => f.version === r.version));
  if (unknown.length > 0) {
    throw new MigrationError(
      `Basis data memiliki migrasi yang tidak dikenal versi ini (${unknown.map((r) => r.version).join(', ')}): jalankan versi Merit yang lebih baru.`,
    );
  }
  return rows.length;
}
