/**
 * Identity texts added with issue 15 (hardening), merged into the shared bundle under `idsec.`
 * so the shared locale files stay untouched.
 */
import i18n from 'i18next';

export const idsecId = {
  outbox: {
    secretsHidden:
      'Tautan dan kode sekali pakai disamarkan di sini: hanya penerima email yang dapat memakainya. Tanpa SMTP, email tidak terkirim — atur SMTP_URL agar pelamar dan petugas menerima tautannya.',
    secretsShown: 'Mode demo pengembangan (MAIL_OUTBOX_SECRETS): tautan dan kode tampil utuh. Jangan dipakai di production.',
  },
};

export const idsecEn: typeof idsecId = {
  outbox: {
    secretsHidden:
      'One-time links and codes are masked here: only the e-mail’s recipient can use them. Without SMTP, e-mails are not delivered — set SMTP_URL so applicants and staff receive their links.',
    secretsShown: 'Development demo mode (MAIL_OUTBOX_SECRETS): links and codes are shown in full. Never use this in production.',
  },
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { idsec: idsecId }, true, true);
  i18n.addResourceBundle('en', 'translation', { idsec: idsecEn }, true, true);
}

/** Merges the texts once i18next is initialised (init replaces the store); safe to call any number of times. */
export function registerIdentityI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerIdentityI18n();
