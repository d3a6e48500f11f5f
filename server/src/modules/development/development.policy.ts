/** Whose ASN records an actor sees (pure): BKPSDM every OPD, a supervisor their unit, anyone else their own. */
import type { Actor } from '../identity/index.ts';

export type EmployeeScope = 'all' | 'unit' | 'self';

/** BKPSDM's admin and training admin keep the records; supervisors see the tree below them. */
export function scopeOf(actor: Actor): EmployeeScope {
  if (actor.role === 'admin' || actor.role === 'training_admin') return 'all';
  if (actor.role === 'supervisor') return 'unit';
  return 'self';
}

/** Who may change records (single edits, imports, exports): BKPSDM only. */
export const canManageEmployees = (actor: Actor) => scopeOf(actor) === 'all';
