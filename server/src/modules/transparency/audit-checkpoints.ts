/** Signed Merkle checkpoints over the audit log, and re-verifying the chain and every checkpoint. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { checkpointMessage, verifyCheckpointSignature } from './audit-signer.ts';
import { auditRepository as repo } from './audit.repository.ts';
import { type AuditContext, type AuditVerification, forEachEvent } from './audit.shared.ts';
import { type ChainedEvent, type ChainProblem, canonicalEvent, checkLink } from './domain/audit-chain.ts';
import { MerkleAccumulator } from './domain/merkle.ts';

type Checkpoints = Awaited<ReturnType<typeof repo.checkpoints>>;

/** Signs a checkpoint over the whole log when it grew since the last one; returns its size. */
export async function signCheckpoint(ctx: AuditContext, db: Kysely<DB>): Promise<number | null> {
  if (!ctx.signer) throw new Error('checkpoint needs a signer');
  const signer = ctx.signer;
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
}

/** Recomputes the chain and every checkpoint; names the first event that does not hold. */
export async function verifyAuditLog(_ctx: AuditContext, db: Kysely<DB>): Promise<AuditVerification> {
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
    const what = {
      gap: 'hilang (urutan terputus)',
      prev_hash: 'tidak terhubung ke kejadian sebelumnya (diubah urutannya atau dihapus)',
      hash: 'isinya diubah',
    }[p.reason];
    return { ok: false, ...base, seq: p.seq, problem: `Kejadian audit #${p.seq} ${what}.` };
  }
  return checkpointProblem(checkpoints, roots, count, base) ?? { ok: true, ...base };
}

/** The first checkpoint that does not match the recomputed roots (or whose signature fails), if any. */
function checkpointProblem(
  checkpoints: Checkpoints,
  roots: Map<number, string>,
  count: number,
  base: { events: number; checkpoints: number },
): AuditVerification | null {
  for (const cp of checkpoints) {
    const root = roots.get(cp.tree_size);
    if (root === undefined) {
      return {
        ok: false,
        ...base,
        seq: count + 1,
        problem: `Checkpoint ukuran ${cp.tree_size} mencakup kejadian #${count + 1}–#${cp.tree_size} yang sudah tidak ada (dihapus).`,
      };
    }
    if (root !== cp.root_hash) {
      return {
        ok: false,
        ...base,
        seq: null,
        problem: `Akar Merkle checkpoint ukuran ${cp.tree_size} tidak cocok dengan log: log telah diubah sejak checkpoint ditandatangani.`,
      };
    }
    if (!verifyCheckpointSignature(cp.public_key_pem, checkpointMessage(cp.tree_size, cp.root_hash), cp.signature)) {
      return { ok: false, ...base, seq: null, problem: `Tanda tangan checkpoint ukuran ${cp.tree_size} tidak sah.` };
    }
  }
  return null;
}
