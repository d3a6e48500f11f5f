/** Teks `recv.` dalam Bahasa Indonesia (bahasa utama). */
export const recvId = {
  match: 'Sesuai',
  mismatch: 'Tidak sesuai',
  manual: 'Periksa dokumen',
  none: '—',
  result: 'Kesesuaian',
  noRequirement: 'Tidak ada syarat',
  nameRule: 'Sama dengan nama akun (e-KTP): {{name}}',
  missing: 'Belum diisi',
  summaryOk: 'Semua syarat yang dapat diperiksa dari biodata sesuai.',
  summaryBad: '{{count}} butir tidak sesuai syarat — periksa dokumennya sebelum memberi MS.',
};

export default recvId;
