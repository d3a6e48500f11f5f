/**
 * Home page texts (Bahasa Indonesia first; English with the same keys), merged under `hm.` so the
 * shared locale files stay untouched.
 */
import i18n from 'i18next';

export const hmId = {
  tasksTitle: 'Tugas Anda',
  nothingWaiting: 'Tidak ada pekerjaan yang menunggu.',
  due: 'batas {{at}}',
  open: 'Buka',
  task: {
    announcementsToApprove: '{{count}} usulan pengumuman menunggu persetujuan Anda',
    reviewsWaiting: '{{count}} keputusan verifikasi menunggu tinjauan',
    objectionsOpen: '{{count}} sanggah belum dijawab',
    unclaimed: '{{count}} berkas belum diambil verifikator',
    myQueue: '{{count}} berkas di antrean Anda',
    sessionsToday: '{{count}} sesi ujian hari ini',
    sessionsOpen: '{{count}} sesi CAT sedang dibuka',
    analysisReady: '{{count}} sesi selesai siap dianalisis',
    accountsPending: '{{count}} akun staf menunggu aktivasi',
    outboxUnsent: '{{count}} email 24 jam terakhir belum terkirim lewat SMTP',
    committeeShort: 'Aturan dua orang: tambah {{count}} anggota panitia aktif',
  },
  period: {
    counts: 'Berkas per tahap',
    drafts: 'Draf (belum dikirim)',
    byOrg: 'Per OPD',
    byOrgLabel: 'Berkas per OPD, {{name}}',
    org: 'OPD',
    formations: 'Formasi',
    quota: 'Kebutuhan',
    stageEnds: 'Batas tahap',
    manage: 'Kelola periode',
  },
  stage: {
    registration: 'Pendaftaran ditutup',
    verification: 'Verifikasi selesai',
    announcement: 'Pengumuman',
    objection: 'Masa sanggah ditutup',
    objection_response: 'Jawaban sanggah paling lambat',
    exam: 'Ujian',
  },
  sessions: {
    title: 'Sesi ujian hari ini',
    none: 'Tidak ada sesi ujian hari ini.',
    label: 'Tabel sesi ujian hari ini',
    site: 'Lokasi',
    start: 'Mulai',
    seats: 'Peserta / kursi',
    state: 'Status',
    scheduled: 'Belum dibuka',
    open: 'Sedang berlangsung',
    closed: 'Selesai',
  },
  bank: {
    title: 'Kesehatan bank soal',
    items: 'Butir aktif {{subtest}}',
    blueprints: 'Kisi-kisi',
    latest: 'Analisis butir sesi terakhir',
  },
  accounts: {
    title: 'Akun',
    staff: 'Akun staf',
    pending: 'Menunggu aktivasi',
    disabled: 'Nonaktif',
    committee: 'Panitia aktif',
  },
  applicant: {
    title: 'Langkah berikutnya',
    none: 'Anda belum melamar. Lengkapi biodata, lalu pilih satu formasi di katalog selama pendaftaran dibuka.',
    draft: 'Unggah semua dokumen wajib, periksa, lalu kirim lamaran sebelum pendaftaran ditutup.',
    submitted: 'Lamaran Anda sudah dikirim dan sedang diverifikasi. Hasil seleksi administrasi diumumkan di sini dan lewat email.',
    ms: 'Anda Memenuhi Syarat (MS). Tunggu jadwal ujian dari panitia; kartu ujian dapat dicetak setelah jadwal terbit.',
    msExam: 'Anda Memenuhi Syarat (MS) dan terjadwal ujian CAT. Bawa kartu ujian dan KTP asli.',
    tms: 'Anda Tidak Memenuhi Syarat (TMS). Baca alasannya; Anda dapat mengajukan satu sanggah selama masa sanggah.',
    objection_filed: 'Sanggah Anda sedang diperiksa panitia.',
    tms_final: 'Hasil akhir seleksi administrasi Anda: TMS.',
    openApplication: 'Buka lamaran {{no}}',
    exam: 'Jadwal ujian',
    examWhen: 'Waktu',
    examWhere: 'Tempat',
    examSeat: 'Nomor kursi',
    examDuration: '{{minutes}} menit',
    examExtra: '{{minutes}} menit + {{extra}} menit tambahan (akomodasi disabilitas)',
    participantNo: 'Nomor peserta',
  },
  parts: {
    label: 'Bagian halaman periode',
    stages: 'Jadwal tahapan',
    verifiers: 'Verifikator',
    formations: 'Formasi',
    announcements: 'Pengumuman',
    objections: 'Sanggah',
    exam: 'Jadwal ujian',
  },
  outputs: {
    announcementPdf: 'Unduh pengumuman resmi (PDF: nomor, tanggal, daftar MS, tanda tangan)',
    outcomesXlsx: 'Unduh semua berkas dan hasil MS/TMS beserta alasannya (XLSX)',
  },
  forbidden: {
    title: 'Halaman ini bukan untuk peran Anda',
    body: 'Halaman ini hanya untuk {{roles}}. Anda masuk sebagai {{role}}.',
    home: 'Kembali ke beranda',
  },
  unbuilt: {
    title: 'Modul untuk peran Anda',
    body: 'Modul {{module}} belum tersedia di Merit. Sampai modul itu terbit, tidak ada tugas untuk Anda di sini; yang sudah dapat Anda gunakan:',
    modules: { training_admin: 'pengelolaan pelatihan (layar)', supervisor: 'SKP (penilaian kinerja)', employee: 'SKP dan pendaftaran pelatihan', observer: 'pemantauan (temuan dan laporan)' },
    results: 'Hasil seleksi yang diumumkan',
    audit: 'Log audit publik (dapat diverifikasi)',
  },
};

export const hmEn = {
  tasksTitle: 'Your tasks',
  nothingWaiting: 'Nothing is waiting for you.',
  due: 'due {{at}}',
  open: 'Open',
  task: {
    announcementsToApprove_one: '{{count}} proposed announcement awaits your approval',
    announcementsToApprove_other: '{{count}} proposed announcements await your approval',
    reviewsWaiting_one: '{{count}} verification verdict awaits review',
    reviewsWaiting_other: '{{count}} verification verdicts await review',
    objectionsOpen_one: '{{count}} objection not answered yet',
    objectionsOpen_other: '{{count}} objections not answered yet',
    unclaimed_one: '{{count}} file not claimed by a verifier',
    unclaimed_other: '{{count}} files not claimed by a verifier',
    myQueue_one: '{{count}} file in your queue',
    myQueue_other: '{{count}} files in your queue',
    sessionsToday_one: '{{count}} exam session today',
    sessionsToday_other: '{{count}} exam sessions today',
    sessionsOpen_one: '{{count}} CAT session open now',
    sessionsOpen_other: '{{count}} CAT sessions open now',
    analysisReady_one: '{{count}} finished session ready for analysis',
    analysisReady_other: '{{count}} finished sessions ready for analysis',
    accountsPending_one: '{{count}} staff account awaits activation',
    accountsPending_other: '{{count}} staff accounts await activation',
    outboxUnsent_one: '{{count}} e-mail of the last 24 hours not sent by SMTP',
    outboxUnsent_other: '{{count}} e-mails of the last 24 hours not sent by SMTP',
    committeeShort_one: 'Two-person rule: add {{count}} active committee member',
    committeeShort_other: 'Two-person rule: add {{count}} active committee members',
  },
  period: {
    counts: 'Files by stage',
    drafts: 'Drafts (not submitted)',
    byOrg: 'By OPD',
    byOrgLabel: 'Files by OPD, {{name}}',
    org: 'OPD',
    formations: 'Formations',
    quota: 'Openings',
    stageEnds: 'Stage deadlines',
    manage: 'Manage period',
  },
  stage: {
    registration: 'Registration closes',
    verification: 'Verification ends',
    announcement: 'Announcement',
    objection: 'Objections close',
    objection_response: 'Objection answers due',
    exam: 'Exam',
  },
  sessions: {
    title: "Today's exam sessions",
    none: 'No exam session today.',
    label: "Table of today's exam sessions",
    site: 'Site',
    start: 'Starts',
    seats: 'Participants / seats',
    state: 'State',
    scheduled: 'Not opened',
    open: 'In progress',
    closed: 'Finished',
  },
  bank: {
    title: 'Question bank health',
    items: 'Active {{subtest}} items',
    blueprints: 'Blueprints',
    latest: 'Item analysis of the latest session',
  },
  accounts: {
    title: 'Accounts',
    staff: 'Staff accounts',
    pending: 'Awaiting activation',
    disabled: 'Deactivated',
    committee: 'Active committee members',
  },
  applicant: {
    title: 'Next step',
    none: 'You have not applied yet. Complete your profile, then choose one formation in the catalog while registration is open.',
    draft: 'Upload every required document, check them, then submit before registration closes.',
    submitted: 'Your application is submitted and being verified. The administrative result is announced here and by e-mail.',
    ms: 'You meet the requirements (MS). Wait for the exam schedule; the exam card can be printed once it is published.',
    msExam: 'You meet the requirements (MS) and are scheduled for the CAT exam. Bring the exam card and your original KTP.',
    tms: 'You do not meet the requirements (TMS). Read the reasons; you may file one objection during the objection window.',
    objection_filed: 'The committee is reviewing your objection.',
    tms_final: 'Your final administrative result: TMS.',
    openApplication: 'Open application {{no}}',
    exam: 'Exam schedule',
    examWhen: 'When',
    examWhere: 'Where',
    examSeat: 'Seat number',
    examDuration: '{{minutes}} minutes',
    examExtra: '{{minutes}} minutes + {{extra}} extra minutes (disability accommodation)',
    participantNo: 'Participant number',
  },
  parts: {
    label: 'Parts of the period page',
    stages: 'Stage windows',
    verifiers: 'Verifiers',
    formations: 'Formations',
    announcements: 'Announcements',
    objections: 'Objections',
    exam: 'Exam schedule',
  },
  outputs: {
    announcementPdf: 'Download the official announcement (PDF: number, date, MS list, signature)',
    outcomesXlsx: 'Download every file and its MS/TMS outcome with the reasons (XLSX)',
  },
  forbidden: {
    title: 'This page is not for your role',
    body: 'This page is only for {{roles}}. You are signed in as {{role}}.',
    home: 'Back to home',
  },
  unbuilt: {
    title: 'The module for your role',
    body: 'The {{module}} module is not in Merit yet. Until it ships there are no tasks for you here; what you can already use:',
    modules: { training_admin: 'training management (screens)', supervisor: 'SKP (performance appraisal)', employee: 'SKP and training sign-up', observer: 'oversight (findings and reports)' },
    results: 'Announced selection results',
    audit: 'Public audit log (verifiable)',
  },
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { hm: hmId }, true, true);
  i18n.addResourceBundle('en', 'translation', { hm: hmEn }, true, true);
}

/** Merges the texts once i18next is initialised (see features/selection/i18n.ts). */
export function registerHomeI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerHomeI18n();
