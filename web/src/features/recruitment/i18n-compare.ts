/**
 * Texts of the verifier's requirement-versus-biodata table (issue 15), merged under `recv.` so the
 * shared locale files stay untouched.
 */
import i18n from 'i18next';

export const recvId = {
  match: 'Sesuai',
  mismatch: 'Tidak sesuai',
  manual: 'Periksa dokumen',
  none: '—',
  result: 'Kesesuaian',
  noRequirement: 'Tidak ada syarat',
  nameRule: 'Sama dengan nama akun (e-KTP): {{name}}',
  missing: 'Belum diisi',
  summaryOk: 'Semua syarat yang dapat diperiksa dari biodata sesuai.',
  summaryBad: '{{count}} butir tidak sesuai syarat — periksa dokumennya sebelum memberi MS.',
};

export const recvEn: typeof recvId = {
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

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { recv: recvId }, true, true);
  i18n.addResourceBundle('en', 'translation', { recv: recvEn }, true, true);
}

/** Merges the texts once i18next is initialised (init replaces the store); safe to call any number of times. */
export function registerCompareI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerCompareI18n();
