/** Audit log filter texts (Bahasa Indonesia first; English with the same keys), under `aud.`. */
import i18n from 'i18next';

export const audId = {
  filters: 'Saring kejadian',
  area: 'Bidang',
  areaAll: 'Semua bidang',
  role: 'Pelaku (peran)',
  roleAll: 'Semua peran',
  from: 'Dari tanggal',
  to: 'Sampai tanggal',
  text: 'Cari (kode tindakan atau nomor objek)',
  apply: 'Terapkan',
  reset: 'Hapus saringan',
  shown: '{{shown}} dari {{total}} kejadian',
  csv: 'Unduh CSV (kejadian yang tersaring)',
  truncated: 'Ditampilkan {{count}} kejadian pertama dari log; unduh data lengkap lewat API /api/v1/public/audit/events.',
  /** Actors that are no account role (ADR 0007: reporters and the public are never named). */
  actors: { reporter: 'Pelapor (nama samaran per laporan)', public: 'Publik', anonymous: 'Tanpa akun' },
  areas: { account: 'Akun', session: 'Sesi masuk', application: 'Lamaran', document: 'Dokumen', verification: 'Verifikasi', announcement: 'Pengumuman', objection: 'Sanggah', period: 'Periode', formation: 'Formasi', exam_site: 'Lokasi ujian', exam_session: 'Sesi ujian', exam: 'Jadwal ujian', cat: 'Ujian CAT', item: 'Bank soal', blueprint: 'Kisi-kisi', publication: 'Publikasi hasil', skd: 'Nilai SKD', skb: 'Nilai SKB', thresholds: 'Ambang batas', selection: 'Seleksi', profile: 'Biodata', assessment: 'Tes pelatihan', complaint: 'Pengaduan', consultation: 'Konsultasi publik', employee: 'Data pegawai', forum: 'Forum publik', holiday: 'Hari libur', holiday_year: 'Kalender libur', login: 'Pembatasan masuk', jp_claim: 'Klaim JP', observer: 'Pemantau', participation: 'Pengaturan partisipasi', performance: 'Kinerja', policy: 'Tindak lanjut kebijakan', probation: 'Masa percobaan', skp: 'SKP', survey: 'Survei kepuasan', training: 'Pelatihan' },
};
export const audEn: typeof audId = {
  filters: 'Filter events',
  area: 'Area',
  areaAll: 'All areas',
  role: 'Actor (role)',
  roleAll: 'All roles',
  from: 'From',
  to: 'To',
  text: 'Search (action code or subject id)',
  apply: 'Apply',
  reset: 'Clear filters',
  shown: '{{shown}} of {{total}} events',
  csv: 'Download CSV (filtered events)',
  truncated: 'Showing the first {{count}} events of the log; download everything through the API /api/v1/public/audit/events.',
  actors: { reporter: 'Reporter (pseudonym per report)', public: 'Public', anonymous: 'No account' },
  areas: { account: 'Accounts', session: 'Sign-ins', application: 'Applications', document: 'Documents', verification: 'Verification', announcement: 'Announcements', objection: 'Objections', period: 'Periods', formation: 'Formations', exam_site: 'Exam sites', exam_session: 'Exam sessions', exam: 'Exam schedule', cat: 'CAT exam', item: 'Item bank', blueprint: 'Blueprints', publication: 'Result publications', skd: 'SKD scores', skb: 'SKB scores', thresholds: 'Passing grades', selection: 'Selection', profile: 'Profiles', assessment: 'Training tests', complaint: 'Complaints', consultation: 'Public consultations', employee: 'Employee records', forum: 'Public forums', holiday: 'Holidays', holiday_year: 'Holiday calendar', login: 'Sign-in limits', jp_claim: 'JP claims', observer: 'Observers', participation: 'Participation settings', performance: 'Performance', policy: 'Policy follow-up', probation: 'Probation', skp: 'SKP', survey: 'Satisfaction surveys', training: 'Training' },
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { aud: audId }, true, true);
  i18n.addResourceBundle('en', 'translation', { aud: audEn }, true, true);
}
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
