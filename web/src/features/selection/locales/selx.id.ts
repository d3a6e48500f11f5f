/** Teks `selx.` dalam Bahasa Indonesia (bahasa utama). */
export const selxId = {
  title: 'Isi nilai SKB satu peserta',
  lead: 'Aturan sama dengan impor CSV: nilai tiap komponen 0–100 dengan paling banyak 2 desimal, hanya peserta yang lolos ke SKB; dicatat di log audit.',
  formation: 'Formasi',
  participantNo: 'Nomor peserta',
  absent: 'Tidak hadir SKB',
  noWeights: 'Bobot SKB formasi ini belum ditetapkan.',
  submit: 'Simpan nilai SKB',
  saved: 'Nilai SKB peserta {{no}} tersimpan.',
  savedAbsent: 'Peserta {{no}} dicatat tidak hadir SKB.',
};

export default selxId;
