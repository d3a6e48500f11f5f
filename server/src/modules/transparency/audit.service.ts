/**
 * The audit log: every state change appends an event inside the transaction that makes it
 * (DESIGN §8); a signed Merkle checkpoint over the log can be published and re-verified by anyone.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { bindUseCases } from '../../platform/context.ts';
import type { AuditSigner } from './audit-signer.ts';
import { signCheckpoint, verifyAuditLog } from './audit-checkpoints.ts';
import { recordAuditEvent, recordAuditEvents } from './audit-record.ts';

export {
  SYSTEM_ACTOR,
  type AuditActor,
  type AuditContext,
  type AuditInput,
  type AuditVerification,
} from './audit.shared.ts';

/**
 * The audit use-cases bound to one context. `digestKey`: the platform's secret for before/after
 * digests (keyed, so personal fields in a snapshot cannot be confirmed by guessing); without one,
 * digests are plain SHA-256 (tools, tests).
 */
export function createAuditService(deps: { clock: Clock; signer?: AuditSigner; digestKey?: Buffer }) {
  // Without the platform's key (tools), pseudonyms are keyed per process: unlinkable, not stable.
  const pseudonymKey = createHmac('sha256', deps.digestKey ?? randomBytes(32))
    .update('merit-audit-actor-pseudonyms')
    .digest();
  return bindUseCases(
    { ...deps, pseudonymKey },
    { record: recordAuditEvent, recordMany: recordAuditEvents, checkpoint: signCheckpoint, verify: verifyAuditLog },
  );
}

export type AuditService = ReturnType<typeof createAuditService>;
