/**
 * A small training item set written for the demo: disaster preparedness (kesiapsiagaan bencana) for
 * Palu's civil servants, after the 2018 earthquake, tsunami and liquefaction. Merit's own text; one
 * point per item, so the training score is the share answered right. The blueprint draws 10 of 12.
 */
import type { Blueprint, ItemContent, OptionKey } from '../src/modules/exam/domain/index.ts';

const item = (stem: string, options: [string, string, string, string], correct: OptionKey): ItemContent => ({
  examType: 'PELATIHAN',
  subtest: 'PELATIHAN',
  category: 'kesiapsiagaan_bencana',
  stem,
  imageKey: null,
  options: options.map((text, i) => ({ key: (['A', 'B', 'C', 'D'] as const)[i]!, text })),
  scoring: { kind: 'key', correct, points: 1 },
  explanation: null,
});

export const TRAINING_BANK: readonly ItemContent[] = Object.freeze([
  item(
    'Saat guncangan gempa terasa kuat di dalam gedung kantor, tindakan pertama yang paling tepat adalah …',
    [
      'Berlari ke tangga darurat selagi gedung masih berguncang',
      'Naik lift ke lantai dasar secepatnya',
      'Berdiri di dekat jendela kaca agar mudah keluar',
      'Berlindung di bawah meja kokoh: merunduk, lindungi kepala, berpegangan',
    ],
    'D',
  ),
  item(
    'Di pantai Teluk Palu, gempa kuat yang membuat orang sulit berdiri lebih dari 20 detik adalah tanda untuk …',
    [
      'Menunggu sirene resmi sebelum bergerak',
      'Mendekati pantai untuk melihat apakah air laut surut',
      'Segera mengungsi ke tempat tinggi tanpa menunggu peringatan',
      'Masuk ke rumah dan menutup pintu rapat-rapat',
    ],
    'C',
  ),
  item(
    'Likuefaksi seperti di Petobo dan Balaroa paling mungkin terjadi pada tanah …',
    [
      'Pasir jenuh air yang kehilangan kekuatannya ketika diguncang',
      'Batuan keras di lereng bukit',
      'Tanah liat kering di daerah tandus',
      'Lapisan aspal jalan raya',
    ],
    'A',
  ),
  item(
    'Tas siaga bencana keluarga sebaiknya berisi, antara lain …',
    [
      'Perhiasan dan uang tunai seluruh tabungan',
      'Air minum, obat pribadi, senter, salinan dokumen penting dan peluit',
      'Peralatan masak lengkap dan tabung gas',
      'Pakaian pesta dan perlengkapan rias',
    ],
    'B',
  ),
  item(
    'Jalur evakuasi tsunami di sebuah kelurahan yang baik adalah jalur yang …',
    [
      'Menuju ke arah pantai karena lebih lapang',
      'Hanya diketahui oleh lurah dan BPBD',
      'Ditandai rambu, mengarah menjauhi pantai ke tempat tinggi, dan dilatih bersama warga',
      'Melewati jembatan di atas sungai yang bermuara ke laut',
    ],
    'C',
  ),
  item(
    'Setelah gempa berhenti, bau gas tercium di dapur kantor. Yang harus dilakukan adalah …',
    [
      'Menutup katup gas bila aman, membuka jendela, keluar dan melapor',
      'Menyalakan lampu untuk memeriksa kebocoran',
      'Menyalakan korek api untuk mencari sumber bau',
      'Mengabaikannya karena gempa sudah berhenti',
    ],
    'A',
  ),
  item(
    'Sesar yang melintasi Kota Palu dan menjadi sumber gempa 28 September 2018 adalah sesar …',
    ['Sesar Lembang', 'Sesar Sumatra', 'Sesar Cimandiri', 'Sesar Palu-Koro'],
    'D',
  ),
  item(
    'Dalam rencana kontinjensi OPD, "titik kumpul" dipilih dengan syarat …',
    [
      'Berada di basement gedung agar terlindung',
      'Terbuka, jauh dari bangunan tinggi, tiang listrik dan pohon rawan tumbang',
      'Di lantai teratas gedung kantor',
      'Di tepi sungai agar mudah dijangkau perahu',
    ],
    'B',
  ),
  item(
    'Informasi peringatan dini tsunami yang resmi di Indonesia dikeluarkan oleh …',
    [
      'BMKG, lalu diteruskan oleh BPBD dan pemerintah daerah',
      'Akun media sosial yang paling banyak dibagikan',
      'Pesan berantai di grup percakapan keluarga',
      'Siapa saja yang pertama melihat air laut surut',
    ],
    'A',
  ),
  item(
    'Sebagai ASN, peran yang tepat pada masa tanggap darurat di unit kerjanya adalah …',
    [
      'Menunggu perintah tertulis sebelum membantu warga',
      'Menyebarkan kabar yang belum diperiksa kebenarannya',
      'Menjalankan tugas sesuai rencana kontinjensi, melindungi data layanan dan membantu warga sesuai arahan posko',
      'Meninggalkan tugas tanpa memberi kabar kepada atasan',
    ],
    'C',
  ),
  item(
    'Latihan evakuasi (simulasi) di kantor sebaiknya dilakukan …',
    [
      'Sekali saja saat gedung baru diresmikan',
      'Tidak perlu karena semua orang sudah tahu pintu keluar',
      'Hanya bila ada kunjungan pejabat',
      'Berkala, misalnya setiap tahun, dan dievaluasi untuk perbaikan',
    ],
    'D',
  ),
  item(
    'Untuk mengurangi risiko di rumah, lemari tinggi dan rak buku sebaiknya …',
    [
      'Diikat atau dibaut ke dinding dan barang berat diletakkan di rak bawah',
      'Diletakkan di depan pintu keluar',
      'Diisi barang berat di rak paling atas',
      'Dibiarkan berdiri bebas agar mudah dipindah',
    ],
    'A',
  ),
]);

export const TRAINING_BLUEPRINT: Blueprint = Object.freeze({
  examType: 'PELATIHAN',
  name: 'Tes Kesiapsiagaan Bencana (10 soal)',
  durationMinutes: 20,
  accommodatedMinutes: 30,
  sections: [{ subtest: 'PELATIHAN', category: 'kesiapsiagaan_bencana', count: 10 }],
  thresholdsRef: 'Syarat lulus di program pelatihan (post-test)',
}) as Blueprint;
