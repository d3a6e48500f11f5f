/** Staff account management texts (Bahasa Indonesia first; English with the same keys), under `acc.`. */
import i18n from 'i18next';

export const accId = {
  edit: 'Ubah',
  editOf: 'Ubah akun {{name}}',
  editTitle: 'Ubah akun: {{name}}',
  save: 'Simpan perubahan',
  saved: 'Perubahan akun {{name}} tersimpan.',
  cancel: 'Tutup',
  deactivate: 'Nonaktifkan akun',
  reactivate: 'Aktifkan kembali',
  deactivated: 'Akun {{name}} dinonaktifkan; semua sesinya berakhir.',
  reactivated: 'Akun {{name}} aktif kembali.',
  sendReset: 'Kirim tautan atur ulang kata sandi',
  resetSent: 'Tautan atur ulang dikirim ke {{email}}.',
  roleHint: 'Mengganti peran mengakhiri semua sesi akun ini; pemiliknya masuk lagi dengan hak yang baru.',
  self: 'Ini akun Anda: peran dan status tidak dapat Anda ubah sendiri.',
  actions: 'Tindakan',
};

export const accEn: typeof accId = {
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

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { acc: accId }, true, true);
  i18n.addResourceBundle('en', 'translation', { acc: accEn }, true, true);
}

/** Merges the texts once i18next is initialised (see features/selection/i18n.ts). */
export function registerAccountsI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerAccountsI18n();
