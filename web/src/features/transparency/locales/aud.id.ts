/** Teks `aud.` dalam Bahasa Indonesia (bahasa utama). */
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

export default audId;
