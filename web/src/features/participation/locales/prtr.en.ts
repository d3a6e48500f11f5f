/** The `prtr.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { prtrId } from './prtr.id.ts';

export const prtrEn: Texts<typeof prtrId> = {
  publicVersion: 'Public version',
  publicHint:
    'NIK, NIP, mobile numbers and e-mail addresses are masked automatically in the public version. Names are redacted by the committee/coordinator.',
  phrase: 'Name to redact in the public version',
  phraseHint:
    'Type it exactly as in the text; every occurrence becomes [disamarkan]. The original text stays for staff.',
  formFor: 'Redact a name: {{title}}',
  submit: 'Redact',
  done_one: 'Redacted in {{count}} place.',
  done_other: 'Redacted in {{count}} places.',
};

export default prtrEn;
