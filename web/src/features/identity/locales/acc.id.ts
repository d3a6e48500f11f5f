/** Teks `acc.` dalam Bahasa Indonesia (bahasa utama). */
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

export default accId;
