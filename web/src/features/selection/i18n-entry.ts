/** Texts of the one-participant SKB entry form (issue 15), merged under `selx.`; the shared files stay untouched. */
import i18n from 'i18next';

export const selxId = {
  title: 'Isi nilai SKB satu peserta',
  lead: 'Aturan sama dengan impor CSV: nilai tiap komponen 0–100 dengan paling banyak 2 desimal, hanya peserta yang lolos ke SKB; dicatat di log audit.',
  formation: 'Formasi',
  participantNo: 'Nomor peserta',
  absent: 'Tidak hadir SKB',
  noWeights: 'Bobot SKB formasi ini belum ditetapkan.',
  submit: 'Simpan nilai SKB',
  saved: 'Nilai SKB peserta {{no}} tersimpan.',
  savedAbsent: 'Peserta {{no}} dicatat tidak hadir SKB.',
};

export const selxEn: typeof selxId = {
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

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { selx: selxId }, true, true);
  i18n.addResourceBundle('en', 'translation', { selx: selxEn }, true, true);
}

/** Merges the texts once i18next is initialised (init replaces the store); safe to call any number of times. */
export function registerSkbEntryI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerSkbEntryI18n();
