/**
 * The answer queue's pure rules: per-item sequence numbers, "latest seq wins" between the device's
 * pending answers and the server's stored ones, acknowledgements, and the retry back-off.
 * The IndexedDB store (pending-store.ts) and the exam hook only call these.
 */

export type OptionKey = 'A' | 'B' | 'C' | 'D' | 'E';

export interface AnswerFields {
  chosen: OptionKey | null;
  flagged: boolean;
  seq: number;
}

/** One stored answer as the attempt endpoint (`examEndpoints.attempt`) lists it. */
export interface ServerAnswer extends AnswerFields {
  itemId: string;
  savedAt: string;
}

/** One answer the server has not acknowledged yet, as kept on the device. */
export interface PendingAnswer extends AnswerFields {
  attemptId: string;
  itemId: string;
}

/** saved = acknowledged; pending = waiting to be sent (or offline); failed = the last send failed, retrying. */
export type SaveStatus = 'saved' | 'pending' | 'failed';

export interface ItemAnswer extends AnswerFields {
  status: SaveStatus;
}

export type AnswerMap = Record<string, ItemAnswer>;

/**
 * The page's answers after a (re)load: every server answer, overridden by a pending local answer
 * whose seq is higher (the device knows something newer). Pending answers the server already has
 * at that seq or later are returned in `drop` so the caller deletes them from the device.
 */
export function mergeAnswers(
  server: readonly ServerAnswer[],
  pending: readonly PendingAnswer[],
): { answers: AnswerMap; resend: PendingAnswer[]; drop: PendingAnswer[] } {
  const answers: AnswerMap = {};
  for (const s of server) answers[s.itemId] = { chosen: s.chosen, flagged: s.flagged, seq: s.seq, status: 'saved' };
  const resend: PendingAnswer[] = [];
  const drop: PendingAnswer[] = [];
  for (const p of pending) {
    const stored = answers[p.itemId];
    if (stored && stored.seq >= p.seq) {
      drop.push(p);
      continue;
    }
    answers[p.itemId] = { chosen: p.chosen, flagged: p.flagged, seq: p.seq, status: 'pending' };
    resend.push(p);
  }
  return { answers, resend, drop };
}

/**
 * A re-sync while the page runs: the server's answers and the device queue merged as on load, but
 * an answer the page already holds at a higher seq (acknowledged after the server read, or
 * still pending) is kept — a slow read must never roll an answer back.
 */
export function reconcile(
  local: AnswerMap,
  server: readonly ServerAnswer[],
  pending: readonly PendingAnswer[],
): { answers: AnswerMap; drop: PendingAnswer[] } {
  const merged = mergeAnswers(server, pending);
  const answers = { ...merged.answers };
  for (const [itemId, a] of Object.entries(local)) {
    const m = answers[itemId];
    if (!m || a.seq > m.seq) answers[itemId] = a;
    else if (m.seq === a.seq && m.status !== 'saved' && a.status === 'failed')
      answers[itemId] = { ...m, status: 'failed' };
  }
  return { answers, drop: merged.drop };
}

/** The seq for the next change of an item: one more than anything the page has seen for it. */
export function nextSeq(current: AnswerFields | undefined): number {
  return (current?.seq ?? 0) + 1;
}

/** Between two queued versions of the same item, the one with the higher seq is kept. */
export function keepLatest(existing: PendingAnswer | undefined, incoming: PendingAnswer): PendingAnswer {
  return existing && existing.seq > incoming.seq ? existing : incoming;
}

/**
 * The item's state after the server acknowledged a save. The server answers with what it stores
 * (`applied:false` when it already had that seq or a newer one); a newer local change made while
 * the request was in flight stays pending.
 */
export function applyAck(local: ItemAnswer | undefined, ack: AnswerFields): ItemAnswer {
  if (local && local.seq > ack.seq) return local;
  return { chosen: ack.chosen, flagged: ack.flagged, seq: ack.seq, status: 'saved' };
}

/** Answers still waiting for the server, as queue entries of this attempt. */
export function unsent(answers: AnswerMap, attemptId: string): PendingAnswer[] {
  return Object.entries(answers)
    .filter(([, a]) => a.status !== 'saved')
    .map(([itemId, a]) => ({ attemptId, itemId, chosen: a.chosen, flagged: a.flagged, seq: a.seq }));
}

/** Wait before retry number `failures` (1, 2, …): 2 s doubling, at most 30 s. */
export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(30_000, 2_000 * 2 ** (failures - 1));
}
