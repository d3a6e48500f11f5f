/**
 * The audit log: every state change appends an event inside the transaction that makes it
 * (DESIGN §8); a signed Merkle checkpoint over the log can be published and re-verified by anyone.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AuditEventRow, DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AuditSigner, checkpointMessage, verifyCheckpointSignature } from './audit-signer.ts';
import { auditRepository as repo } from './audit.repository.ts';
import {
  type ChainedEvent,
  type ChainProblem,
  GENESIS_HASH,
  canonicalEvent,
  eventHash,
  checkLink,
  stateDigest,
} from './domain/audit-chain.ts';
import { storedActorId } from './domain/audit-actors.ts';
import { MerkleAccumulator } from './domain/merkle.ts';

export interface AuditActor {
  id: string | null;
  role: string | null;
  /**
   * 'person': acting for oneself (a complaint's reporter, say) whatever the role, so never named
   * in the public log. By default staff roles act in office (named) and others are pseudonymised
   * per subject (domain/audit-actors.ts, ADR 0007).
   */
  capacity?: 'office' | 'person';
}
export const SYSTEM_ACTOR: AuditActor = { id: null, role: 'system' };

export interface AuditInput {
  actor: AuditActor;
  action: string; // 'account.register', 'account.login' …
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
}

export type AuditVerification =
  | { ok: true; events: number; checkpoints: number }
  | { ok: false; events: number; checkpoints: number; problem: string; seq: number | null };

const toChained = (r: AuditEventRow): ChainedEvent & { hash: string } => ({
  seq: r.seq,
  occurredAt: new Date(r.occurred_at).toISOString(),
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  beforeDigest: r.before_digest,
  afterDigest: r.after_digest,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * `digestKey`: the platform's secret for before/after digests (keyed, so personal fields in a
 * snapshot cannot be confirmed by guessing); without one, digests are plain SHA-256 (tools, tests).
 */
export function createAuditService(deps: { clock: Clock; signer?: AuditSigner; digestKey?: Buffer }) {
  // Without the platform's key (tools), pseudonyms are keyed per process: unlinkable, not stable.
  const pseudonymKey = createHmac('sha256', deps.digestKey ?? randomBytes(32)).update('merit-audit-actor-pseudonyms').digest();
  /**
   * Appends events in order with one lock and one insert (a batch of exam submits records them
   * together: the chain lock is then taken once per batch, not once per submit).
   */
  async function recordMany(trx: Executor, inputs: readonly AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    await repo.lockChain(trx);
    const last = await repo.last(trx);
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const occurredAt = deps.clock.now().toISOString();
    const rows: AuditEventRow[] = inputs.map((input) => {
      const event: ChainedEvent = {
        seq: ++seq,
        occurredAt,
        // The stored (hashed, published) id is already the public one, so the chain verifies as is.
        actorId: storedActorId(pseudonymKey, input.actor, input.subjectType, input.subjectId ?? null),
        actorRole: input.actor.role,
        action: input.action,
        subjectType: input.subjectType,
        subjectId: input.subjectId ?? null,
        beforeDigest: input.before === undefined ? null : stateDigest(input.before, deps.digestKey),
        afterDigest: input.after === undefined ? null : stateDigest(input.after, deps.digestKey),
        prevHash,
      };
      prevHash = eventHash(event);
      return {
        seq: event.seq,
        occurred_at: new Date(event.occurredAt),
        actor_id: event.actorId,
        actor_role: event.actorRole,
        action: event.action,
        subject_type: event.subjectType,
        subject_id: event.subjectId,
        before_digest: event.beforeDigest,
        after_digest: event.afterDigest,
        prev_hash: event.prevHash,
        hash: prevHash,
      };
    });
    await repo.insert(trx, rows);
  }

  return {
    /** Appends one event; call it with the transaction that makes the change. */
    record: (trx: Executor, input: AuditInput): Promise<void> => recordMany(trx, [input]),

    /** Appends events in order with one chain lock (see above). */
    recordMany,

    /** Signs a checkpoint over the whole log when it grew since the last one; returns its size. */
    async checkpoint(db: Kysely<DB>): Promise<number | null> {
      if (!deps.signer) throw new Error('checkpoint needs a signer');
      const signer = deps.signer;
      const size = await repo.count(db);
      if (size === 0 || size <= (await repo.lastCheckpointSize(db))) return null;
      const acc = new MerkleAccumulator();
      await forEachEvent(db, size, (e) => acc.push(Buffer.from(canonicalEvent(e))));
      const root = acc.root().toString('hex');
      await repo.ensureKey(db, signer.keyId, signer.publicKeyPem);
      await repo.insertCheckpoint(db, {
        tree_size: size,
        root_hash: root,
        key_id: signer.keyId,
        signature: signer.sign(checkpointMessage(size, root)),
      });
      return size;
    },

    /** Recomputes the chain and every checkpoint; names the first event that does not hold. */
    async verify(db: Kysely<DB>): Promise<AuditVerification> {
      const checkpoints = (await repo.checkpoints(db, 1_000_000)).sort((a, b) => a.tree_size - b.tree_size);
      const roots = new Map<number, string>();
      const acc = new MerkleAccumulator();
      let problem: ChainProblem | null = null;
      let count = 0;
      let prev: (ChainedEvent & { hash: string }) | null = null;
      await forEachEvent(db, Number.MAX_SAFE_INTEGER, (e) => {
        if (problem) return;
        problem = checkLink(prev, e);
        prev = e;
        count += 1;
        acc.push(Buffer.from(canonicalEvent(e)));
        roots.set(count, acc.root().toString('hex'));
      });
      const base = { events: count, checkpoints: checkpoints.length };
      if (problem) {
        const p = problem as ChainProblem;
        const what = { gap: 'hilang (urutan terputus)', prev_hash: 'tidak terhubung ke kejadian sebelumnya (diubah urutannya atau dihapus)', hash: 'isinya diubah' }[p.reason];
        return { ok: false, ...base, seq: p.seq, problem: `Kejadian audit #${p.seq} ${what}.` };
      }
      for (const cp of checkpoints) {
        const root = roots.get(cp.tree_size);
        if (root === undefined) {
          return { ok: false, ...base, seq: count + 1, problem: `Checkpoint ukuran ${cp.tree_size} mencakup kejadian #${count + 1}–#${cp.tree_size} yang sudah tidak ada (dihapus).` };
        }
        if (root !== cp.root_hash) {
          return { ok: false, ...base, seq: null, problem: `Akar Merkle checkpoint ukuran ${cp.tree_size} tidak cocok dengan log: log telah diubah sejak checkpoint ditandatangani.` };
        }
        if (!verifyCheckpointSignature(cp.public_key_pem, checkpointMessage(cp.tree_size, cp.root_hash), cp.signature)) {
          return { ok: false, ...base, seq: null, problem: `Tanda tangan checkpoint ukuran ${cp.tree_size} tidak sah.` };
        }
      }
      return { ok: true, ...base };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

async function forEachEvent(db: Executor, upTo: number, fn: (e: ChainedEvent & { hash: string }) => void) {
  let after = 0;
  for (;;) {
    const rows = await repo.page(db, after, 5000);
    for (const r of rows) {
      if (r.seq > upTo) return;
      fn(toChained(r));
    }
    if (rows.length < 5000) return;
    after = rows[rows.length - 1]!.seq;
  }
}
