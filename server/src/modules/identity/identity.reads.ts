/**
 * Named reads of the accounts table for other modules (scripts/lint/table-owners.js: identity
 * owns it). Each returns only the columns its caller needs.
 */
import type { Executor } from '../../db/database.ts';
import { identityRepository as repo } from './identity.repository.ts';

/** Staff who can be reminded: verified, not disabled, not applicants (they have their own pages), by id. */
export const activeStaffAccounts = (db: Executor) => repo.activeStaff(db);
