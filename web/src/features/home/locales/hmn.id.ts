/** Teks `hmn.` dalam Bahasa Indonesia (bahasa utama). */
export const hmnId = {
  title: 'Pengaturan notifikasi',
  intro:
    'Pengingat tugas selalu dikirim ke notifikasi aplikasi dan email Anda: satu hari kerja sebelum batas waktu, dan sekali lagi bila batas waktu terlewat.',
  digest: 'Kirim ringkasan harian pekerjaan saya lewat email',
  digestHint:
    'Setiap hari kerja mulai pukul {{hour}}.00 WITA, hanya bila ada pekerjaan yang menunggu Anda. Hilangkan centang bila tidak ingin menerimanya.',
  savedOn: 'Tersimpan: ringkasan harian akan dikirim.',
  savedOff: 'Tersimpan: ringkasan harian tidak dikirim lagi. Pengingat batas waktu tetap dikirim.',
};

export default hmnId;
