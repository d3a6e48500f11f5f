/**
 * Whether this instance sees the same file store as the others (issue 24 §6). Two instances that
 * do not share the files folder each answer for documents only the other has; a document uploaded
 * on one then fails on the other. The store carries its own id (`FileStore.storeId`); the first
 * instance records it in the database, and every instance compares what its store says with that.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FileStore } from './file-store.ts';

export type FileStoreCheck = 'shared' | 'not-shared' | 'unavailable';

/** 'shared' when this instance's store has the id recorded for the deployment; 'unavailable' when the store cannot be read or written. */
export async function checkFileStoreShared(db: Kysely<DB>, files: FileStore): Promise<FileStoreCheck> {
  let id: string;
  try {
    id = await files.storeId();
  } catch {
    return 'unavailable';
  }
  await sql`insert into file_store_marks (id, store_id) values (1, ${id}) on conflict (id) do nothing`.execute(db);
  const { rows } = await sql<{ store_id: string }>`select store_id from file_store_marks where id = 1`.execute(db);
  return rows[0]?.store_id === id ? 'shared' : 'not-shared';
}
