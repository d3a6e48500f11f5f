/**
 * Development texts (Bahasa Indonesia first; English with the same keys), merged into the shared
 * bundle under `dev.` — the shared locale files stay untouched.
 */
import i18n from 'i18next';

export const devId = {
  nav: { employees: 'Data pegawai', mine: 'Data kepegawaian saya' },
  status: { CPNS: 'CPNS', PNS: 'PNS', PPPK: 'PPPK' },
  jabatanKind: { struktural: 'Struktural', fungsional: 'Fungsional', pelaksana: 'Pelaksana' },
  gender: { L: 'Laki-laki', P: 'Perempuan' },
  list: {
    title: 'Data pegawai ASN',
    leadAll: 'Seluruh ASN Pemerintah Kota Palu: CPNS, PNS dan PPPK per perangkat daerah, dengan atasan langsungnya. Dasar pelatihan, catatan 20 JP dan SKP.',
    leadUnit: 'Pegawai di unit Anda: yang atasan langsungnya Anda, dan bawahan mereka.',
    filters: 'Saring data pegawai',
    search: 'Cari nama, NIP atau jabatan',
    organization: 'Perangkat daerah',
    allOrganizations: 'Semua perangkat daerah',
    status: 'Status',
    allStatuses: 'Semua status',
    apply: 'Terapkan',
    count: '{{count}} pegawai',
    empty: 'Tidak ada pegawai yang cocok dengan saringan ini.',
    emptyUnit: 'Belum ada pegawai yang tercatat di bawah Anda. Minta BKPSDM mencatat atasan langsung di data pegawai.',
    table: 'Tabel data pegawai (dapat digulir)',
    nip: 'NIP / NI PPPK',
    name: 'Nama',
    jabatan: 'Jabatan',
    golongan: 'Gol.',
    supervisor: 'Atasan langsung',
    unit: 'Unit',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    page: 'Halaman {{page}} dari {{pages}}',
  },
  sheet: {
    title: 'Impor dan ekspor data pegawai',
    lead: 'Unggah berkas XLSX atau CSV dengan kolom templat. Merit memeriksa setiap baris lebih dulu; impor hanya berjalan bila semua baris benar, dan baris dengan NIP yang sudah ada memperbarui datanya.',
    template: 'Unduh templat ({{format}})',
    export: 'Ekspor data ({{format}})',
    file: 'Berkas data pegawai (XLSX atau CSV)',
    check: 'Periksa berkas',
    commit: 'Impor {{count}} baris',
    checking: 'Memeriksa… {{percent}} %',
    choose: 'Pilih berkas lebih dulu.',
    okSummary: 'Semua baris benar: {{new}} pegawai baru, {{update}} diperbarui. Tekan "Impor" untuk menyimpan.',
    badSummary: '{{error}} baris bermasalah. Perbaiki di berkas lalu periksa lagi; tidak ada yang disimpan.',
    done: 'Tersimpan: {{new}} pegawai baru, {{update}} diperbarui.',
    report: 'Laporan pemeriksaan per baris (dapat digulir)',
    line: 'Baris',
    result: 'Hasil',
    problems: 'Masalah',
    rowNew: 'Baru',
    rowUpdate: 'Diperbarui',
    rowError: 'Salah',
    fileLevel: 'Berkas',
  },
  mine: {
    title: 'Data kepegawaian saya',
    lead: 'Data Anda seperti tercatat di BKPSDM. Bila ada yang keliru, hubungi BKPSDM Kota Palu.',
    birthDate: 'Tanggal lahir',
    gender: 'Jenis kelamin',
    tmt: 'TMT',
    organization: 'Perangkat daerah',
    jenjang: 'Jenjang',
    kind: 'Jenis jabatan',
    noSupervisor: 'Belum tercatat',
  },
};

export const devEn: typeof devId = {
  nav: { employees: 'Employees', mine: 'My employee record' },
  status: { CPNS: 'CPNS', PNS: 'PNS', PPPK: 'PPPK' },
  jabatanKind: { struktural: 'Structural', fungsional: 'Functional', pelaksana: 'Staff' },
  gender: { L: 'Male', P: 'Female' },
  list: {
    title: 'ASN employee records',
    leadAll: 'Every civil servant of the Palu city government: CPNS, PNS and PPPK per agency, with their direct supervisor. The base of training, the 20 JP ledger and SKP.',
    leadUnit: 'The employees of your unit: those you supervise directly, and theirs.',
    filters: 'Filter employees',
    search: 'Search name, NIP or position',
    organization: 'Agency (OPD)',
    allOrganizations: 'All agencies',
    status: 'Status',
    allStatuses: 'All statuses',
    apply: 'Apply',
    count: '{{count}} employees',
    empty: 'No employee matches these filters.',
    emptyUnit: 'No employee is recorded under you yet. Ask BKPSDM to record direct supervisors in the employee records.',
    table: 'Employee records table (scrollable)',
    nip: 'NIP / NI PPPK',
    name: 'Name',
    jabatan: 'Position',
    golongan: 'Grade',
    supervisor: 'Direct supervisor',
    unit: 'Unit',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {{page}} of {{pages}}',
  },
  sheet: {
    title: 'Import and export employee records',
    lead: 'Upload an XLSX or CSV file with the template columns. Merit checks every row first; the import runs only when every row is right, and rows whose NIP exists update that record.',
    template: 'Download the template ({{format}})',
    export: 'Export records ({{format}})',
    file: 'Employee file (XLSX or CSV)',
    check: 'Check the file',
    commit: 'Import {{count}} rows',
    checking: 'Checking… {{percent}} %',
    choose: 'Choose a file first.',
    okSummary: 'Every row is right: {{new}} new employees, {{update}} updated. Press "Import" to save.',
    badSummary: '{{error}} rows have problems. Fix them in the file and check again; nothing was saved.',
    done: 'Saved: {{new}} new employees, {{update}} updated.',
    report: 'Row-by-row check report (scrollable)',
    line: 'Line',
    result: 'Result',
    problems: 'Problems',
    rowNew: 'New',
    rowUpdate: 'Updated',
    rowError: 'Wrong',
    fileLevel: 'File',
  },
  mine: {
    title: 'My employee record',
    lead: 'Your record as BKPSDM keeps it. If anything is wrong, contact BKPSDM Kota Palu.',
    birthDate: 'Birth date',
    gender: 'Gender',
    tmt: 'TMT',
    organization: 'Agency (OPD)',
    jenjang: 'Level',
    kind: 'Position kind',
    noSupervisor: 'Not recorded',
  },
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { dev: devId }, true, true);
  i18n.addResourceBundle('en', 'translation', { dev: devEn }, true, true);
}

/** Merges the texts once i18next is initialised (init replaces the store, so adding earlier would be lost). */
export function registerDevelopmentI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerDevelopmentI18n();
