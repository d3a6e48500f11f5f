/** The `selx.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { selxId } from './selx.id.ts';

export const selxEn: Texts<typeof selxId> = {
  title: 'Enter one participant’s SKB scores',
  lead: 'The same rules as the CSV import: each component 0–100 with at most 2 decimals, only participants who advanced to SKB; written to the audit log.',
  formation: 'Formation',
  participantNo: 'Participant number',
  absent: 'Absent from SKB',
  noWeights: 'This formation’s SKB weights are not set yet.',
  submit: 'Save SKB scores',
  saved: 'SKB scores of {{no}} saved.',
  savedAbsent: '{{no}} recorded as absent from SKB.',
};

export default selxEn;
