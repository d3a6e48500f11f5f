/** Who may do what with accounts. Pure; routes ask before calling a service. */
import type { Role } from '../../db/schema.ts';

export interface Actor {
  accountId: string;
  role: Role;
  organizationId: string | null;
}

export type IdentityAction = 'staff.list' | 'staff.create' | 'outbox.read';

export function can(actor: Actor | null, action: IdentityAction): boolean {
  if (!actor) return false;
  switch (action) {
    case 'staff.list':
    case 'staff.create':
    case 'outbox.read':
      return actor.role === 'admin';
  }
}
