/** Row → contract. Whitelists: a field leaves only when it is named here. */
import { maskNik } from '../../../../common/rules/nik.ts';
import type { Account } from '../../db/schema.ts';

export const presentMe = (a: Account) => ({
  id: a.id,
  email: a.email,
  fullName: a.full_name,
  role: a.role,
  organizationId: a.organization_id,
  emailVerified: a.email_verified_at !== null,
  nikMasked: a.nik ? maskNik(a.nik) : null,
});

export const presentStaff = (a: Account) => ({
  id: a.id,
  email: a.email,
  fullName: a.full_name,
  role: a.role,
  organizationId: a.organization_id,
  emailVerified: a.email_verified_at !== null,
  disabled: a.disabled_at !== null,
  createdAt: new Date(a.created_at).toISOString(),
});

/** What the audit log digests about an account: no NIK, birth date or password hash. */
export const auditState = (
  a: Pick<Account, 'id' | 'role' | 'email_normalized' | 'email_verified_at' | 'disabled_at' | 'organization_id'>,
) => ({
  id: a.id,
  role: a.role,
  email: a.email_normalized,
  emailVerified: a.email_verified_at !== null,
  disabled: a.disabled_at !== null,
  organizationId: a.organization_id,
});
