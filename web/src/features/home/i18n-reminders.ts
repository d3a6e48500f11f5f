/** Texts of the notification settings on the home (Bahasa Indonesia first), merged under `hmn.`. */
import i18n from 'i18next';

export const hmnId = {
  title: 'Pengaturan notifikasi',
  intro: 'Pengingat tugas selalu dikirim ke notifikasi aplikasi dan email Anda: satu hari kerja sebelum batas waktu, dan sekali lagi bila batas waktu terlewat.',
  digest: 'Kirim ringkasan harian pekerjaan saya lewat email',
  digestHint: 'Setiap hari kerja mulai pukul {{hour}}.00 WITA, hanya bila ada pekerjaan yang menunggu Anda. Hilangkan centang bila tidak ingin menerimanya.',
  savedOn: 'Tersimpan: ringkasan harian akan dikirim.',
  savedOff: 'Tersimpan: ringkasan harian tidak dikirim lagi. Pengingat batas waktu tetap dikirim.',
};

export const hmnEn: typeof hmnId = {
  title: 'Notification settings',
  intro: 'Task reminders always reach your in-app notifications and e-mail: one working day before a deadline, and once more if the deadline is missed.',
  digest: 'E-mail me a daily digest of my work',
  digestHint: 'Every working day from {{hour}}:00 WITA, only when work is waiting for you. Untick it if you do not want it.',
  savedOn: 'Saved: the daily digest will be sent.',
  savedOff: 'Saved: no more daily digest. Deadline reminders are still sent.',
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { hmn: hmnId }, true, true);
  i18n.addResourceBundle('en', 'translation', { hmn: hmnEn }, true, true);
}

if (i18n.isInitialized) add();
else i18n.on('initialized', add);
