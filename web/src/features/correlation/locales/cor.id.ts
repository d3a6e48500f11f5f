/** Teks `cor.` (apakah seleksi memilih orang yang berkinerja?) dalam Bahasa Indonesia (bahasa utama). */
export const corId = {
  title: 'Apakah seleksi memilih orang yang berkinerja?',
  publicTitle: 'Seleksi dan kinerja sesudahnya',
  lead: 'Korelasi peringkat Spearman (ρ) antara nilai seleksi dan yang terjadi sesudahnya: hasil Latsar, predikat SKP tahun pertama, dan IP ASN. Hanya angka agregat — tidak ada pasangan nilai perorangan yang ditampilkan.',
  publicLead:
    'Untuk setiap periode seleksi yang pegawainya sudah menjalani satu tahun SKP: seberapa kuat nilai seleksi berkaitan dengan kinerja sesudahnya. Hanya angka agregat; kelompok di bawah {{min}} orang dan sel grafik di bawah 5 orang tidak ditampilkan.',
  demo: 'Data demo (sintetis)',
  demoNote:
    'Periode ini berisi data buatan (dibangkitkan acak dengan hubungan sedang ditambah derau) untuk demonstrasi. Jangan dibaca sebagai hasil seleksi sungguhan.',
  period: 'Periode seleksi',
  noPeriods:
    'Belum ada periode seleksi yang pegawainya sudah punya predikat SKP tahunan. Halaman ini terisi setelah SKP tahun pertama mereka final.',
  summary:
    '{{appointees}} pegawai dari periode ini punya nilai seleksi; {{withSkp}} di antaranya sudah punya predikat SKP tahun pertama.',
  available: 'Data hasil: Latsar {{latsar}} orang, SKP {{skp}} orang, IP ASN {{ipAsn}} orang.',
  availableNoIp:
    'Data hasil: Latsar {{latsar}} orang, SKP {{skp}} orang, IP ASN belum ada (belum dihitung untuk pegawai periode ini).',
  predictor: {
    skd: 'SKD total',
    twk: 'SKD – TWK',
    tiu: 'SKD – TIU',
    tkp: 'SKD – TKP',
    skb: 'SKB',
    final: 'Nilai akhir (integrasi)',
  },
  outcome: { latsar: 'Hasil Latsar', skp: 'Predikat SKP tahun pertama', ipAsn: 'IP ASN (total)' },
  matrix: {
    title: 'Matriks korelasi',
    caption: 'ρ Spearman dengan selang kepercayaan 95 % dan jumlah orang (n), nilai seleksi × hasil sesudahnya',
    region: 'Tabel matriks korelasi (dapat digulir)',
    score: 'Nilai seleksi',
    rho: 'ρ = {{rho}}',
    interval: 'SK 95 %: {{low}} s.d. {{high}}',
    n: 'n = {{n}}',
    none: 'belum ada',
    flat: 'Tidak dapat dihitung: salah satu nilai tidak bervariasi.',
    reading:
      'Cara membaca: ρ mendekati 1 berarti yang bernilai seleksi tinggi cenderung juga tinggi hasilnya; mendekati 0 berarti hampir tidak berkaitan. Selang kepercayaan yang melewati 0 berarti hubungan itu belum pasti.',
  },
  small: 'Sampel kecil (n < {{min}}): jangan ditarik kesimpulan',
  groups: {
    title: 'Menurut kelompok',
    lead: 'Dipisah menurut jenis kebutuhan dan jenis formasi hanya bila kelompoknya berisi sedikitnya {{min}} orang.',
    needType: 'Jenis kebutuhan: {{key}}',
    formationKind: 'Jenis formasi: {{key}}',
    size: '{{n}} orang',
    hidden: 'Disembunyikan karena kecil (kurang dari {{min}} orang).',
    hiddenSized: 'Disembunyikan karena kecil ({{n}} orang, kurang dari {{min}}).',
  },
  needType: {
    umum: 'Umum',
    cumlaude: 'Lulusan cumlaude',
    disabilitas: 'Penyandang disabilitas',
    papua: 'Putra/putri Papua',
    diaspora: 'Diaspora',
    kalimantan: 'Putra/putri Kalimantan',
    daerah_tertinggal: 'Daerah tertinggal',
  },
  formationKind: { guru: 'Tenaga guru', kesehatan: 'Tenaga kesehatan', teknis: 'Tenaga teknis' },
  grid: {
    title: 'Sebaran (grafik jumlah orang)',
    lead: 'Bukan titik perorangan: nilai seleksi dibagi lima kelompok sama besar (kuintil) dan setiap kotak menunjukkan berapa orang di dalamnya. Kotak berisi 1–4 orang ditulis "<5".',
    score: 'Nilai seleksi',
    outcome: 'Hasil',
    none: 'Grafik hanya dibuat untuk sedikitnya {{min}} pasangan nilai; untuk pilihan ini belum ada.',
    chart: 'Jumlah orang menurut {{x}} (mendatar) dan {{y}} (tegak), n = {{n}}.',
    tableCaption: 'Jumlah orang per kotak: baris {{y}}, kolom {{x}}',
    region: 'Tabel sebaran (dapat digulir)',
    lowest: '≤ {{v}}',
    between: '{{a}}–{{b}}',
    above: '> {{v}}',
    emptyBin: '(kosong)',
    xAxis: '{{x}}, kuintil rendah → tinggi',
    yAxis: '{{y}}, rendah → tinggi',
  },
  predikat: {
    sangat_kurang: 'Sangat Kurang',
    kurang: 'Kurang',
    butuh_perbaikan: 'Butuh Perbaikan',
    baik: 'Baik',
    sangat_baik: 'Sangat Baik',
  },
  publicLink: 'Versi publik halaman ini',
};

export default corId;
