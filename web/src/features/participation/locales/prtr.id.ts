/** Teks `prtr.` dalam Bahasa Indonesia (bahasa utama). */
export const prtrId = {
  publicVersion: 'Versi publik',
  publicHint:
    'NIK, NIP, nomor HP dan alamat email disamarkan otomatis di versi publik. Nama orang disamarkan oleh panitia/admin koordinator.',
  phrase: 'Nama yang disamarkan di versi publik',
  phraseHint:
    'Tulis persis seperti di teks; setiap kemunculannya menjadi [disamarkan]. Teks asli tetap tersimpan untuk petugas.',
  formFor: 'Samarkan nama: {{title}}',
  submit: 'Samarkan',
  done_one: 'Disamarkan di {{count}} tempat.',
  done_other: 'Disamarkan di {{count}} tempat.',
};

export default prtrId;
