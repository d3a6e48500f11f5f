/** The `acc.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { accId } from './acc.id.ts';

export const accEn: Texts<typeof accId> = {
  edit: 'Edit',
  editOf: 'Edit account {{name}}',
  editTitle: 'Edit account: {{name}}',
  save: 'Save changes',
  saved: 'Changes to {{name}} saved.',
  cancel: 'Close',
  deactivate: 'Deactivate account',
  reactivate: 'Reactivate',
  deactivated: '{{name}} is deactivated; all their sessions ended.',
  reactivated: '{{name}} is active again.',
  sendReset: 'Send a password reset link',
  resetSent: 'A reset link was sent to {{email}}.',
  roleHint: 'Changing the role ends every session of this account; its owner signs in again with the new rights.',
  self: 'This is your account: you cannot change its role or status yourself.',
  actions: 'Actions',
};

export default accEn;
