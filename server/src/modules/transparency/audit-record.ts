/** Appending to the audit log: events chained by hash, inside the transaction that makes the change. */
import type { Executor } from '../../db/database.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import { auditRepository as repo } from './audit.repository.ts';
import type { AuditContext, AuditInput } from './audit.shared.ts';
import { type ChainedEvent, GENESIS_HASH, eventHash, stateDigest } from './domain/audit-chain.ts';
import { storedActorId } from './domain/audit-actors.ts';

/** The stored row of a chained event whose own hash is `hash`. */
const rowOf = (event: ChainedEvent, hash: string): AuditEventRow => ({
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
  hash,
});

/**
 * Appends events in order with one lock and one insert (a batch of exam submits records them
 * together: the chain lock is then taken once per batch, not once per submit).
 */
export async function recordAuditEvents(
  ctx: AuditContext,
  trx: Executor,
  inputs: readonly AuditInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  await repo.lockChain(trx);
  const last = await repo.last(trx);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = ctx.clock.now().toISOString();
  const rows: AuditEventRow[] = inputs.map((input) => {
    const event: ChainedEvent = {
      seq: ++seq,
      occurredAt,
      // The stored (hashed, published) id is already the public one, so the chain verifies as is.
      actorId: storedActorId(ctx.pseudonymKey, input.actor, input.subjectType, input.subjectId ?? null),
      actorRole: input.actor.role,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      beforeDigest: input.before === undefined ? null : stateDigest(input.before, ctx.digestKey),
      afterDigest: input.after === undefined ? null : stateDigest(input.after, ctx.digestKey),
      prevHash,
    };
    prevHash = eventHash(event);
    return rowOf(event, prevHash);
  });
  await repo.insert(trx, rows);
}

/** Appends one event; call it with the transaction that makes the change. */
export const recordAuditEvent = (ctx: AuditContext, trx: Executor, input: AuditInput): Promise<void> =>
  recordAuditEvents(ctx, trx, [input]);
