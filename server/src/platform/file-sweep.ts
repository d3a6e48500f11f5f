/**
 * Stored files that no row points at (issue 24 §4). Uploads store the file before the row that
 * names it; `putRecorded` removes the file when that insert fails, but a crash between the two,
 * or a bug, can still leave one behind — and a signed-in caller must not be able to grow the disk
 * without a record. This check lists such files and, once they are older than the grace time
 * (long enough that no upload in progress is caught), removes them.
 *
 * The list below is every column that holds a file-store key; a new one must be added here (the
 * test `file-sweep.int.test.ts` compares it with the schema's `*_key` columns that hold keys).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FileStore } from './file-store.ts';

/** Every (table, column) holding a file-store key. */
export const FILE_KEY_COLUMNS = [
  ['application_documents', 'file_key'],
  ['objections', 'evidence_key'],
  ['skp_notes', 'file_key'],
  ['complaint_attachments', 'file_key'],
  ['observer_accreditations', 'letter_key'],
  ['observer_findings', 'evidence_key'],
  ['item_images', 'file_key'],
] as const;

/** Default grace before an unreferenced file is removed: a day, far longer than any upload takes. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

export interface OrphanReport {
  /** Files checked in the store. */
  stored: number;
  /** Unreferenced files, oldest first, with their age. */
  orphans: { key: string; storedAt: Date }[];
  /** Of those, the ones removed (older than the grace time, and `remove` was asked). */
  removed: string[];
}

/** Keys some row points at. */
async function referencedKeys(db: Kysely<DB>): Promise<Set<string>> {
  const parts = FILE_KEY_COLUMNS.map(
    ([t, c]) =>
      sql`select ${sql.ref(`${t}.${c}`)} as key from ${sql.table(t)} where ${sql.ref(`${t}.${c}`)} is not null`,
  );
  const { rows } = await sql<{ key: string }>`${sql.join(parts, sql` union `)}`.execute(db);
  return new Set(rows.map((r) => r.key));
}

/**
 * Lists stored files no row points at; with `remove`, deletes those stored more than `graceMs`
 * before `now`. The keys are read after the listing, so a file whose row lands meanwhile is kept.
 */
export async function checkStoredFiles(
  deps: { db: Kysely<DB>; files: FileStore },
  opts: { now: Date; graceMs?: number; remove?: boolean },
): Promise<OrphanReport> {
  const listed: { key: string; storedAt: Date }[] = [];
  for await (const f of deps.files.list()) listed.push(f);
  const referenced = await referencedKeys(deps.db);
  const orphans = listed
    .filter((f) => !referenced.has(f.key))
    .sort((a, b) => a.storedAt.getTime() - b.storedAt.getTime());
  const removed: string[] = [];
  if (opts.remove) {
    const cutoff = opts.now.getTime() - (opts.graceMs ?? ORPHAN_GRACE_MS);
    for (const o of orphans) {
      if (o.storedAt.getTime() >= cutoff) continue;
      await deps.files.delete(o.key);
      removed.push(o.key);
    }
  }
  return { stored: listed.length, orphans, removed };
}
