/**
 * Texts for the public version of staff free text (issue 23 §7: masking and redacting names),
 * Bahasa Indonesia first and English with the same keys, merged under `prtr.`.
 */
import i18n from 'i18next';

export const prtrId = {
  publicVersion: 'Versi publik',
  publicHint: 'NIK, NIP, nomor HP dan alamat email disamarkan otomatis di versi publik. Nama orang disamarkan oleh panitia/admin koordinator.',
  phrase: 'Nama yang disamarkan di versi publik',
  phraseHint: 'Tulis persis seperti di teks; setiap kemunculannya menjadi [disamarkan]. Teks asli tetap tersimpan untuk petugas.',
  formFor: 'Samarkan nama: {{title}}',
  submit: 'Samarkan',
  done_one: 'Disamarkan di {{count}} tempat.',
  done_other: 'Disamarkan di {{count}} tempat.',
};

export const prtrEn: typeof prtrId = {
  publicVersion: 'Public version',
  publicHint: 'NIK, NIP, mobile numbers and e-mail addresses are masked automatically in the public version. Names are redacted by the committee/coordinator.',
  phrase: 'Name to redact in the public version',
  phraseHint: 'Type it exactly as in the text; every occurrence becomes [disamarkan]. The original text stays for staff.',
  formFor: 'Redact a name: {{title}}',
  submit: 'Redact',
  done_one: 'Redacted in {{count}} place.',
  done_other: 'Redacted in {{count}} places.',
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { prtr: prtrId }, true, true);
  i18n.addResourceBundle('en', 'translation', { prtr: prtrEn }, true, true);
}

/** Merges the texts once i18next is initialised (init replaces the store, so adding earlier would be lost). */
export function registerRedactI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerRedactI18n();
