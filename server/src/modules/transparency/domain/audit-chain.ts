/**
 * The audit log's hash chain. Each event's hash covers its fields and the previous event's hash,
 * so a changed, deleted or reordered row breaks every hash after it. Pure: recomputable by anyone.
 */
import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  seq: number;
  occurredAt: string; // ISO 8601 with milliseconds, UTC
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  prevHash: string;
}

/** The exact bytes that are hashed and that become the Merkle leaf. */
export function canonicalEvent(e: ChainedEvent): string {
  return JSON.stringify([
    'merit-audit/v1',
    e.seq,
    e.occurredAt,
    e.actorId,
    e.actorRole,
    e.action,
    e.subjectType,
    e.subjectId,
    e.beforeDigest,
    e.afterDigest,
    e.prevHash,
  ]);
}

export const eventHash = (e: ChainedEvent): string => createHash('sha256').update(canonicalEvent(e)).digest('hex');

/** Keys that must never be digested: a hash of a NIK or a birth date can be brute-forced. */
const SECRET_KEYS = /^(nik|password|password_hash|passwordHash|token|token_hash|birth_date|birthDate|kk|kk_number)$/i;

/**
 * Digest of a state snapshot (keys sorted, secrets dropped), for before/after digests. With a key
 * it is HMAC-SHA256 under that key, which only the platform holds: a plain hash of
 * `{id, role, email, …}` let anyone confirm a guessed e-mail offline against the public log.
 * The chain covers digests as they are stored, so `merit audit verify` needs no key.
 */
export function stateDigest(state: unknown, key?: Buffer): string {
  const json = canonicalJson(state);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(json).digest('hex');
}

function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([k, val]) => !SECRET_KEYS.test(k) && val !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, val]) => `${JSON.stringify(k)}:${canonicalJson(val)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export type ChainProblem = { seq: number; reason: 'gap' | 'prev_hash' | 'hash' };

type Linked = ChainedEvent & { hash: string };

/** Checks one event against the one before it (null for the first event). */
export function checkLink(prev: Linked | null, e: Linked): ChainProblem | null {
  const expectedSeq = (prev?.seq ?? 0) + 1;
  if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
  if (e.prevHash !== (prev?.hash ?? GENESIS_HASH)) return { seq: e.seq, reason: 'prev_hash' };
  if (eventHash(e) !== e.hash) return { seq: e.seq, reason: 'hash' };
  return null;
}

/** Walks events in seq order and names the first one that breaks the chain. */
export function findChainBreak(events: Iterable<Linked>): ChainProblem | null {
  let prev: Linked | null = null;
  for (const e of events) {
    const problem = checkLink(prev, e);
    if (problem) return problem;
    prev = e;
  }
  return null;
}
