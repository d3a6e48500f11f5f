/** The `hmn.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { hmnId } from './hmn.id.ts';

export const hmnEn: Texts<typeof hmnId> = {
  title: 'Notification settings',
  intro:
    'Task reminders always reach your in-app notifications and e-mail: one working day before a deadline, and once more if the deadline is missed.',
  digest: 'E-mail me a daily digest of my work',
  digestHint:
    'Every working day from {{hour}}:00 WITA, only when work is waiting for you. Untick it if you do not want it.',
  savedOn: 'Saved: the daily digest will be sent.',
  savedOff: 'Saved: no more daily digest. Deadline reminders are still sent.',
};

export default hmnEn;
