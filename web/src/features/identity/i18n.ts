/**
 * Identity texts kept in the feature (Bahasa Indonesia first; English with the same keys): staff
 * account management under `acc.`, the hardening texts (outbox, proctors, lockouts) under `idsec.`;
 * the shared locale files stay untouched.
 */
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

export const idsecId = {
  outbox: {
    secretsHidden:
      'Tautan dan kode sekali pakai disamarkan di sini: hanya penerima email yang dapat memakainya. Tanpa SMTP, email tidak terkirim — atur SMTP_URL agar pelamar dan petugas menerima tautannya.',
    secretsShown: 'Mode demo pengembangan (MAIL_OUTBOX_SECRETS): tautan dan kode tampil utuh. Jangan dipakai di production.',
  },
  proctors: {
    title: 'Pengawas sesi',
    lead: 'Hanya pengawas yang ditugaskan di sini yang dapat membuka, menutup, dan mengawasi sesi ini. Setiap penugasan tercatat di log audit.',
    none: 'Belum ada pengawas yang ditugaskan.',
    pick: 'Akun pengawas',
    assign: 'Tugaskan',
    remove: 'Lepas {{name}}',
  },
  lockout: {
    title: 'Buka kunci masuk peserta',
    lead: 'Setelah lima kali salah kata sandi dengan token yang benar, peserta menunggu 15 menit. Buka kuncinya bila Anda sudah memastikan orangnya (dicatat di log audit).',
    who: 'Peserta',
    submit: 'Buka kunci masuk',
    done: 'Kunci dibuka ({{count}} percobaan gagal dihapus).',
  },
  address: {
    title: 'Alamat jaringan ruang ujian',
    lead: 'Satu ruang ujian di balik satu NAT tampil sebagai satu alamat. Setelah 50 kegagalan masuk dalam 15 menit dari satu alamat, jawaban atas percobaan yang gagal diperlambat; peserta dengan token dan kata sandi yang benar tetap masuk. Cabut perlambatan bila kegagalan itu salah ketik di ruang Anda (dicatat di log audit).',
    committeeTitle: 'Alamat jaringan dengan kegagalan masuk',
    committeeLead: 'Alamat dengan kegagalan masuk dalam 15 menit terakhir, yang diperlambat lebih dulu. Perlambatan hanya menunda jawaban atas percobaan yang gagal; kredensial yang benar selalu diterima. Cabut perlambatan dengan alasan (dicatat di log audit).',
    none: 'Belum ada alamat yang tercatat.',
    noneFailing: 'Tidak ada kegagalan masuk dalam 15 menit terakhir.',
    colAddress: 'Alamat',
    colFailures: 'Kata sandi salah',
    colTokens: 'Token salah',
    colState: 'Keadaan',
    colLast: 'Terakhir',
    slowed: 'Diperlambat',
    normal: 'Normal',
    lift: 'Cabut perlambatan {{address}}',
    pick: 'Alamat',
    reason: 'Alasan',
    reasonHint: 'Misalnya: ruang ujian sesi pagi di balik satu NAT, salah ketik token.',
    submit: 'Cabut perlambatan',
    done: 'Perlambatan {{address}} dicabut ({{count}} kegagalan dihapus).',
    tableLabel: 'Daftar alamat jaringan',
  },
};

export const idsecEn: typeof idsecId = {
  outbox: {
    secretsHidden:
      'One-time links and codes are masked here: only the e-mail’s recipient can use them. Without SMTP, e-mails are not delivered — set SMTP_URL so applicants and staff receive their links.',
    secretsShown: 'Development demo mode (MAIL_OUTBOX_SECRETS): links and codes are shown in full. Never use this in production.',
  },
  proctors: {
    title: 'Session proctors',
    lead: 'Only the proctors assigned here may open, close and watch this session. Every assignment is written to the audit log.',
    none: 'No proctor assigned yet.',
    pick: 'Proctor account',
    assign: 'Assign',
    remove: 'Remove {{name}}',
  },
  lockout: {
    title: 'Unlock a participant’s sign-in',
    lead: 'After five wrong passwords with the right token a participant waits 15 minutes. Unlock once you have checked who they are (written to the audit log).',
    who: 'Participant',
    submit: 'Unlock sign-in',
    done: 'Unlocked ({{count}} failed attempts cleared).',
  },
  address: {
    title: 'The hall’s network addresses',
    lead: 'A hall behind one NAT shows as one address. After 50 failed sign-ins within 15 minutes from one address, answers to failed attempts are slowed; participants with the right token and password still get in. Lift the slowdown when the failures were typos in your hall (written to the audit log).',
    committeeTitle: 'Network addresses with failed sign-ins',
    committeeLead: 'Addresses with failed sign-ins in the last 15 minutes, slowed ones first. A slowdown only delays answers to failed attempts; a correct credential is always accepted. Lift it with a reason (written to the audit log).',
    none: 'No address recorded yet.',
    noneFailing: 'No failed sign-ins in the last 15 minutes.',
    colAddress: 'Address',
    colFailures: 'Wrong passwords',
    colTokens: 'Wrong tokens',
    colState: 'State',
    colLast: 'Last',
    slowed: 'Slowed',
    normal: 'Normal',
    lift: 'Lift the slowdown of {{address}}',
    pick: 'Address',
    reason: 'Reason',
    reasonHint: 'For example: the morning session’s hall behind one NAT, token typos.',
    submit: 'Lift the slowdown',
    done: 'Slowdown of {{address}} lifted ({{count}} failures cleared).',
    tableLabel: 'Network addresses',
  },
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { acc: accId, idsec: idsecId }, true, true);
  i18n.addResourceBundle('en', 'translation', { acc: accEn, idsec: idsecEn }, true, true);
}

/** Merges the texts once i18next is initialised (init replaces the store); safe to call any number of times. */
export function registerIdentityI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerIdentityI18n();
