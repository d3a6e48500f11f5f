/**
 * The device's queue of unacknowledged answers, in IndexedDB (database `merit-cat`, store
 * `pending`, key [attemptId, itemId]): it survives a reload, a crash or a dead battery. Writing
 * keeps the higher seq; an acknowledgement deletes the entry only when the server holds that seq
 * or a newer one. Without IndexedDB (some private modes) it falls back to memory for the page.
 */
import { keepLatest, type PendingAnswer } from './queue.ts';

export const PENDING_DB = 'merit-cat';
export const PENDING_STORE = 'pending';

let opening: Promise<IDBDatabase | null> | null = null;
const memory = new Map<string, PendingAnswer>();
const memKey = (attemptId: string, itemId: string) => `${attemptId}/${itemId}`;

function openDb(): Promise<IDBDatabase | null> {
  if (!opening) {
    opening = new Promise((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      let req: IDBOpenDBRequest;
      try {
        req = indexedDB.open(PENDING_DB, 1);
      } catch {
        return resolve(null);
      }
      req.onupgradeneeded = () => {
        req.result.createObjectStore(PENDING_STORE, { keyPath: ['attemptId', 'itemId'] });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    });
  }
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Queues an answer; an older seq never replaces a newer one already queued. */
export async function putPending(entry: PendingAnswer): Promise<void> {
  const db = await openDb();
  if (!db) {
    const k = memKey(entry.attemptId, entry.itemId);
    memory.set(k, keepLatest(memory.get(k), entry));
    return;
  }
  const tx = db.transaction(PENDING_STORE, 'readwrite');
  const store = tx.objectStore(PENDING_STORE);
  const existing = (await result(store.get([entry.attemptId, entry.itemId]))) as PendingAnswer | undefined;
  store.put(keepLatest(existing, entry));
  await done(tx);
}

/** Every queued answer of one attempt. */
export async function listPending(attemptId: string): Promise<PendingAnswer[]> {
  const db = await openDb();
  if (!db) return [...memory.values()].filter((p) => p.attemptId === attemptId);
  const tx = db.transaction(PENDING_STORE, 'readonly');
  const all = (await result(tx.objectStore(PENDING_STORE).getAll())) as PendingAnswer[];
  return all.filter((p) => p.attemptId === attemptId);
}

/** Forgets the queued answer once the server holds `seq` or newer for it. */
export async function removeAcked(attemptId: string, itemId: string, seq: number): Promise<void> {
  const db = await openDb();
  if (!db) {
    const k = memKey(attemptId, itemId);
    if ((memory.get(k)?.seq ?? Infinity) <= seq) memory.delete(k);
    return;
  }
  const tx = db.transaction(PENDING_STORE, 'readwrite');
  const store = tx.objectStore(PENDING_STORE);
  const existing = (await result(store.get([attemptId, itemId]))) as PendingAnswer | undefined;
  if (existing && existing.seq <= seq) store.delete([attemptId, itemId]);
  await done(tx);
}

/** Drops every queued answer of an attempt (after it is submitted: nothing more can be saved). */
export async function clearAttempt(attemptId: string): Promise<void> {
  for (const p of await listPending(attemptId)) await removeAcked(attemptId, p.itemId, Number.MAX_SAFE_INTEGER);
}
