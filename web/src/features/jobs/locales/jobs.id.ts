/** Teks `jobs.` dalam Bahasa Indonesia (bahasa utama). */
export const jobsId = {
  title: 'Pekerjaan latar yang gagal',
  intro:
    'Pengiriman email, penyapuan tenggat pengaduan, pengingat dan pemeriksaan berkas berjalan di latar dan dicoba ulang otomatis. Yang tercantum di sini gagal setelah semua percobaan; periksa penyebabnya (misalnya server SMTP), lalu jalankan lagi.',
  empty: 'Tidak ada pekerjaan latar yang gagal.',
  tableLabel: 'Tabel pekerjaan latar yang gagal',
  refresh: 'Muat ulang',
  colName: 'Pekerjaan',
  colDetail: 'Keterangan',
  colError: 'Galat terakhir',
  colAttempts: 'Percobaan',
  colTime: 'Gagal pada',
  retry: 'Jalankan lagi',
  retrying: 'Menjalankan…',
  retried: 'Pekerjaan dijadwalkan ulang dan akan berjalan sebentar lagi.',
  names: {
    'mail.send': 'Kirim email',
    'mail.requeue': 'Antrekan ulang email tertunda',
    'complaints.sweep': 'Tenggat pengaduan',
    'reminders.sweep': 'Pengingat dan ringkasan harian',
    'files.check': 'Pemeriksaan berkas tersimpan',
  },
};

export default jobsId;
