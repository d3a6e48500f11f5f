/**
 * Labels for the codes the server stores and sends (item categories, audit actions, publication
 * states), in both languages, so no raw code reaches a screen. Merged under `code.`; use
 * `codeLabel(t, group, code)`, which falls back to the code itself for one nobody labelled yet.
 */
import i18n from 'i18next';
import type { TFunction } from 'i18next';

type Pair = readonly [id: string, en: string];

const CATEGORY: Record<string, Pair> = {
  nasionalisme: ['Nasionalisme', 'Nationalism'],
  integritas: ['Integritas', 'Integrity'],
  bela_negara: ['Bela negara', 'Defence of the state'],
  pilar_negara: ['Pilar negara', 'Pillars of the state'],
  bahasa_indonesia: ['Bahasa Indonesia', 'Indonesian language'],
  verbal: ['Verbal', 'Verbal'],
  numerik: ['Numerik', 'Numerical'],
  figural: ['Figural', 'Figural'],
  pelayanan_publik: ['Pelayanan publik', 'Public service'],
  jejaring_kerja: ['Jejaring kerja', 'Networking'],
  sosial_budaya: ['Sosial budaya', 'Socio-cultural'],
  tik: ['Teknologi informasi dan komunikasi (TIK)', 'Information and communication technology (ICT)'],
  profesionalisme: ['Profesionalisme', 'Professionalism'],
  anti_radikalisme: ['Anti radikalisme', 'Anti-radicalism'],
  teknis: ['Kompetensi teknis', 'Technical competence'],
  manajerial: ['Kompetensi manajerial', 'Managerial competence'],
  sosio_kultural: ['Kompetensi sosio-kultural', 'Socio-cultural competence'],
  wawancara: ['Wawancara', 'Interview'],
};

const AUDIT: Record<string, Pair> = {
  'account.change_role': ['Peran akun diubah', 'Account role changed'],
  'account.create': ['Akun dibuat', 'Account created'],
  'account.create_staff': ['Akun petugas dibuat', 'Staff account created'],
  'account.deactivate': ['Akun dinonaktifkan', 'Account deactivated'],
  'account.reactivate': ['Akun diaktifkan kembali', 'Account reactivated'],
  'account.login': ['Masuk', 'Signed in'],
  'account.register': ['Pendaftaran akun pelamar', 'Applicant registered'],
  'account.reset_password': ['Kata sandi diatur ulang', 'Password reset'],
  'account.send_reset': ['Tautan atur ulang dikirim admin', 'Reset link sent by an admin'],
  'account.update_staff': ['Data akun petugas diubah', 'Staff account edited'],
  'account.verify_email': ['Email diverifikasi', 'E-mail verified'],
  'announcement.propose': ['Pengumuman diusulkan', 'Announcement proposed'],
  'announcement.publish': ['Pengumuman diterbitkan', 'Announcement published'],
  'announcement.reject': ['Usulan pengumuman ditolak', 'Announcement rejected'],
  'application.create': ['Lamaran dibuat', 'Application started'],
  'application.delete_draft': ['Draf lamaran dihapus', 'Draft application deleted'],
  'application.submit': ['Lamaran dikirim', 'Application submitted'],
  'application.view': ['Berkas lamaran dilihat petugas', 'Application viewed by staff'],
  'blueprint.create': ['Kisi-kisi dibuat', 'Blueprint created'],
  'blueprint.update': ['Kisi-kisi diubah', 'Blueprint changed'],
  'cat.attempt.auto_submit': ['Ujian dikirim otomatis (waktu habis)', 'Exam submitted automatically (time up)'],
  'cat.attempt.start': ['Peserta mulai ujian', 'Participant started the exam'],
  'cat.attempt.submit': ['Peserta mengirim ujian', 'Participant submitted the exam'],
  'cat.device.approve': ['Perangkat baru disetujui pengawas', 'New device approved by the proctor'],
  'cat.device.change': ['Permintaan ganti perangkat', 'Device change requested'],
  'cat.item_analysis.read': ['Analisis butir dibuka', 'Item analysis opened'],
  'cat.session.close': ['Sesi CAT ditutup', 'CAT session closed'],
  'cat.session.new_token': ['Token sesi baru diterbitkan', 'New session token issued'],
  'cat.session.open': ['Sesi CAT dibuka', 'CAT session opened'],
  'cat.time_grant': ['Tambahan waktu diberikan', 'Extra time granted'],
  'document.upload': ['Dokumen diunggah', 'Document uploaded'],
  'document.verify': ['Dokumen dinilai MS/TMS', 'Document marked MS/TMS'],
  'document.view': ['Dokumen dilihat petugas', 'Document viewed by staff'],
  'exam.assign_sessions': ['Peserta ditempatkan ke sesi ujian', 'Participants placed in exam sessions'],
  'exam_session.create': ['Sesi ujian dibuat', 'Exam session created'],
  'exam_site.create': ['Lokasi ujian dibuat', 'Exam site created'],
  'formation.create': ['Formasi dibuat', 'Formation created'],
  'formation.import': ['Formasi diimpor', 'Formations imported'],
  'item.create': ['Butir soal dibuat', 'Item created'],
  'item.export': ['Bank soal diekspor', 'Item bank exported'],
  'item.import': ['Butir soal diimpor', 'Items imported'],
  'item.list': ['Daftar butir soal dibuka', 'Item list opened'],
  'item.read': ['Butir soal dibuka', 'Item opened'],
  'item.retire': ['Butir soal dipensiunkan', 'Item retired'],
  'objection.accept': ['Sanggah diterima', 'Objection accepted'],
  'objection.file': ['Sanggah diajukan', 'Objection filed'],
  'objection.reject': ['Sanggah ditolak', 'Objection rejected'],
  'objection.view_evidence': ['Bukti sanggah dilihat', 'Objection evidence viewed'],
  'period.assign_verifier': ['Verifikator ditugaskan', 'Verifier assigned'],
  'period.create': ['Periode seleksi dibuka', 'Selection period opened'],
  'period.unassign_verifier': ['Tugas verifikator dicabut', 'Verifier unassigned'],
  'period.update_rule_set': ['Aturan tahunan periode diubah', 'Period rule set changed'],
  'period.update_stages': ['Jadwal tahapan diubah', 'Stage windows changed'],
  'profile.save': ['Biodata disimpan', 'Profile saved'],
  'publication.propose': ['Publikasi hasil diusulkan', 'Result publication proposed'],
  'publication.publish': ['Hasil seleksi diterbitkan', 'Results published'],
  'publication.reject': ['Usulan publikasi ditolak', 'Publication rejected'],
  'selection.settings': ['Pengaturan seleksi diubah', 'Selection settings changed'],
  'session.login': ['Masuk', 'Signed in'],
  'session.logout': ['Keluar', 'Signed out'],
  'skb.import': ['Nilai SKB diimpor', 'SKB scores imported'],
  'skb.set_weights': ['Bobot SKB ditetapkan', 'SKB weights set'],
  'skd.import': ['Nilai SKD diimpor', 'SKD scores imported'],
  'thresholds.set': ['Nilai ambang batas ditetapkan', 'Passing grades set'],
  'verification.claim': ['Berkas diambil verifikator', 'Files claimed by a verifier'],
  'verification.propose': ['Keputusan verifikasi diusulkan', 'Verification verdict proposed'],
  'verification.approve': ['Keputusan verifikasi disetujui peninjau', 'Verification verdict approved by a reviewer'],
  'verification.return': ['Keputusan verifikasi dikembalikan peninjau', 'Verification verdict returned by a reviewer'],
};

const SUBJECT: Record<string, Pair> = {
  account: ['Akun', 'Account'],
  application: ['Lamaran', 'Application'],
  announcement: ['Pengumuman', 'Announcement'],
  objection: ['Sanggah', 'Objection'],
  period: ['Periode', 'Period'],
  formation: ['Formasi', 'Formation'],
  exam_site: ['Lokasi ujian', 'Exam site'],
  exam_session: ['Sesi ujian', 'Exam session'],
  attempt: ['Sesi ujian peserta', 'Attempt'],
  item: ['Butir soal', 'Item'],
  blueprint: ['Kisi-kisi', 'Blueprint'],
  publication: ['Publikasi hasil', 'Publication'],
};

export const CODE_GROUPS = { category: CATEGORY, audit: AUDIT, subject: SUBJECT } as const;
export type CodeGroup = keyof typeof CODE_GROUPS;

/** Codes contain dots (`session.login`); i18next keys must not, so they are stored with `~`. */
const keyOf = (code: string) => code.replace(/\./g, '~');

function bundle(lang: 0 | 1) {
  return Object.fromEntries(Object.entries(CODE_GROUPS).map(([g, m]) => [g, Object.fromEntries(Object.entries(m).map(([k, v]) => [keyOf(k), v[lang]]))]));
}

/** The label of a stored code in the current language, or the code itself when unlabelled. */
export function codeLabel(t: TFunction, group: CodeGroup, code: string | null | undefined): string {
  if (!code) return '—';
  return t(`code.${group}.${keyOf(code)}`, { defaultValue: code });
}

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { code: bundle(0) }, true, true);
  i18n.addResourceBundle('en', 'translation', { code: bundle(1) }, true, true);
}

/** Merges the texts once i18next is initialised (see features/selection/i18n.ts). */
export function registerCodesI18n() {
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

registerCodesI18n();
