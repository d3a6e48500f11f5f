/**
 * Who the public audit log names (ADR 0007). Staff acting in office are named by account, as
 * accountability needs; every other actor — applicants, observers, reporters, and staff acting
 * for themselves (`capacity: 'person'`) — is stored as a pseudonym keyed per subject, so two of
 * one person's events on different subjects cannot be joined. Pure.
 */
import { createHmac } from 'node:crypto';

/** Roles whose holders act for the institution: their actions are named in the public log. */
export const OFFICE_ROLES: ReadonlySet<string> = new Set([
  'admin',
  'committee',
  'verifier',
  'exam_admin',
  'proctor',
  'training_admin',
  'supervisor',
  'employee',
  'system',
]);

export interface ActorInCapacity {
  id: string | null;
  role: string | null;
  /** 'office' / 'person' (acting for oneself, a reporter say) whatever the role. Default: by role. */
  capacity?: 'office' | 'person';
}

export const actsInOffice = (a: ActorInCapacity) =>
  a.capacity === 'office' || (a.capacity !== 'person' && a.role !== null && OFFICE_ROLES.has(a.role));

/**
 * A UUID-shaped pseudonym of one actor on one subject: HMAC-SHA256 under the platform's key, so
 * only the platform can recompute it (nobody can confirm a guessed account id offline).
 */
export function actorPseudonym(key: Buffer, actorId: string, subjectType: string, subjectId: string): string {
  const h = createHmac('sha256', key)
    .update(JSON.stringify(['merit-actor/v1', actorId, subjectType, subjectId]))
    .digest();
  h[6] = (h[6]! & 0x0f) | 0x80; // version 8 (custom), RFC 9562
  h[8] = (h[8]! & 0x3f) | 0x80; // variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * The actor id an event stores (and so hashes and publishes): the account for staff in office,
 * a per-subject pseudonym for anyone else, and nothing when there is no subject to key it to.
 */
export function storedActorId(
  key: Buffer,
  actor: ActorInCapacity,
  subjectType: string,
  subjectId: string | null,
): string | null {
  if (actor.id === null) return null;
  if (actsInOffice(actor)) return actor.id;
  return subjectId === null ? null : actorPseudonym(key, actor.id, subjectType, subjectId);
}
