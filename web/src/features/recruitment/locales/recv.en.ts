/** The `recv.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { recvId } from './recv.id.ts';

export const recvEn: Texts<typeof recvId> = {
  match: 'Matches',
  mismatch: 'Does not match',
  manual: 'Check the documents',
  none: '—',
  result: 'Match',
  noRequirement: 'No requirement',
  nameRule: 'Same as the account (e-KTP) name: {{name}}',
  missing: 'Not filled in',
  summaryOk: 'Every requirement the profile can show is met.',
  summaryBad: '{{count}} items do not meet the requirements — check the documents before giving MS.',
};

export default recvEn;
