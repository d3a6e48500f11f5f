/** What the audit use-cases share: their context, the input and result types, and walking the stored log in order. */
import type { Executor } from '../../db/database.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditSigner } from './audit-signer.ts';
import { auditRepository as repo } from './audit.repository.ts';
import type { ChainedEvent } from './domain/audit-chain.ts';

/**
 * `digestKey`: the platform's secret for before/after digests (keyed, so personal fields in a
 * snapshot cannot be confirmed by guessing); without one, digests are plain SHA-256 (tools, tests).
 * `pseudonymKey` is derived once by the factory (createAuditService).
 */
export interface AuditContext {
  clock: Clock;
  signer?: AuditSigner;
  digestKey?: Buffer;
  pseudonymKey: Buffer;
}

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

/** Calls `fn` for every stored event up to seq `upTo`, in seq order, a page at a time (the log is never held whole). */
export async function forEachEvent(db: Executor, upTo: number, fn: (e: ChainedEvent & { hash: string }) => void) {
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
