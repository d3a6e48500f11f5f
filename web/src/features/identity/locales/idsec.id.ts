/** Teks `idsec.` dalam Bahasa Indonesia (bahasa utama). */
export const idsecId = {
  outbox: {
    secretsHidden:
      'Tautan dan kode sekali pakai disamarkan di sini: hanya penerima email yang dapat memakainya. Tanpa SMTP, email tidak terkirim — atur SMTP_URL agar pelamar dan petugas menerima tautannya.',
    secretsShown:
      'Mode demo pengembangan (MAIL_OUTBOX_SECRETS): tautan dan kode tampil utuh. Jangan dipakai di production.',
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
    committeeLead:
      'Alamat dengan kegagalan masuk dalam 15 menit terakhir, yang diperlambat lebih dulu. Perlambatan hanya menunda jawaban atas percobaan yang gagal; kredensial yang benar selalu diterima. Cabut perlambatan dengan alasan (dicatat di log audit).',
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

export default idsecId;
