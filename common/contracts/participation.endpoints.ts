/**
 * Participation endpoints: complaints, SKM/IKM surveys, observers and their findings, open data,
 * public consultations and forums. Each is declared once here; the server registers it
 * (participation.routes.ts) and the web calls it by name (features/participation/api.ts).
 */
import { z } from 'zod';
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import {
  AccreditationApplied, AccreditationDecisionBody, AccreditationList, AccreditationQuery, AnswerCommentBody, BandsBody, BandsResponse, ChallengeResponse, CommentBody, ComplaintAttachmentResponse, ComplaintBody, ComplaintFiledResponse, ComplaintListQuery, ComplaintStatistics, ConsultationBody, ConsultationFinalBody, ConsultationList, ConsultationOpenBody, ConsultationView, DATASET_IDS, DisposeBody, EvidenceResponse, FindingAnswerBody, FindingBody, FindingFiledResponse, FindingList, FollowUpBody, ForumActionDoneBody, ForumBody, ForumList, ForumMinutesBody, ForumView, HideCommentBody, IdResponse, MyParticipation, OkResponse, OpenDataCatalog, PeriodParams, ProcessView, PublicFindingList, RedactBody, RedactResponse, RejectBody, ReporterReplyBody, ServiceUnit, ServiceUnitBody, ServiceUnitList, SettingsResponse, Sla, SlaBody, StaffComplaintDetail, StaffComplaintList, SurveyAnsweredResponse, SurveyBody, SurveyResultQuery, SurveyResults, TrackedComplaint, TrackingParams, UnitCreatedResponse, UnitParams,
} from './participation.ts';

const Id = z.strictObject({ id: z.uuid() });
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const EventParams = z.strictObject({ id: z.uuid(), eventId: z.uuid() });
/** The anti-spam challenge's query: which anonymous form it is for. */
export const ChallengeQuery = z.strictObject({ purpose: z.enum(['complaint', 'survey']) });
/** An optional period filter (accreditations, findings). */
export const PeriodFilterQuery = z.strictObject({ periodId: z.uuid().optional() });
/** One open-data file: `<dataset>.csv` or `<dataset>.json`. */
export const OpenDataFileParams = z.strictObject({ file: z.string().regex(new RegExp(`^(${DATASET_IDS.join('|')})\\.(csv|json)$`), 'Nama berkas: <dataset>.csv atau <dataset>.json') });

/** Staff who may act for an OPD a report is disposed to; the service narrows to their own OPD. */
export const COMPLAINT_STAFF = ['admin', 'committee', 'verifier', 'exam_admin', 'proctor', 'training_admin', 'supervisor', 'employee'] as const;
const COORDINATORS = ['admin', 'committee'] as const;
const COMMITTEE = ['committee', 'admin'] as const;
const OBSERVER_OR_COMMITTEE = ['observer', ...COMMITTEE] as const;
/** The committee's steps in consultations and forums are the coordinators'. */
const ORGANISERS = ['committee', 'admin'] as const;

export const participationEndpoints = defineEndpoints('participation', {
  challenge: { method: 'GET', path: '/api/v1/public/challenge', access: 'public', summary: 'Tantangan anti-spam (proof-of-work) untuk formulir pengaduan dan survei tanpa akun', query: ChallengeQuery, responses: { 200: ChallengeResponse } },

  // ── complaints ──
  fileComplaint: { method: 'POST', path: '/api/v1/public/complaints', access: 'public', summary: 'Kirim pengaduan/aspirasi (dengan atau tanpa akun; terbuka, rahasia atau anonim); menghasilkan nomor pelacakan', body: ComplaintBody, responses: { 201: ComplaintFiledResponse } },
  attachComplaint: { method: 'POST', path: '/api/v1/public/complaints/:trackingId/attachments', access: 'public', summary: 'Lampirkan bukti (JPG/PDF, paling besar 2 MB) sebelum laporan diverifikasi', params: TrackingParams, body: MULTIPART, responses: { 201: ComplaintAttachmentResponse } },
  trackComplaint: { method: 'GET', path: '/api/v1/public/complaints/:trackingId', access: 'public', summary: 'Lacak laporan dengan nomor pelacakan (tanpa akun)', params: TrackingParams, responses: { 200: TrackedComplaint } },
  replyComplaint: { method: 'POST', path: '/api/v1/public/complaints/:trackingId/replies', access: 'public', summary: 'Pelapor menanggapi, membuka kembali atau menyatakan selesai', params: TrackingParams, body: ReporterReplyBody, responses: { 200: TrackedComplaint } },
  complaintStatistics: { method: 'GET', path: '/api/v1/public/complaint-statistics', access: 'public', summary: 'Statistik pengaduan: per kategori, ketepatan waktu per OPD', responses: { 200: ComplaintStatistics } },
  staffComplaints: { method: 'GET', path: '/api/v1/complaints', access: COMPLAINT_STAFF, summary: 'Daftar pengaduan (koordinator: semua; OPD: yang didisposisikan ke OPD-nya)', query: ComplaintListQuery, responses: { 200: StaffComplaintList } },
  staffComplaint: { method: 'GET', path: '/api/v1/complaints/:id', access: COMPLAINT_STAFF, summary: 'Satu pengaduan dengan riwayatnya', params: Id, responses: { 200: StaffComplaintDetail } },
  complaintAttachment: { method: 'GET', path: '/api/v1/complaints/:id/attachments/:attachmentId', access: COMPLAINT_STAFF, summary: 'Unduh lampiran pengaduan', params: AttachmentParams, responses: { 200: FILE } },
  complaintHandoff: { method: 'GET', path: '/api/v1/complaints/:id/lapor-handoff.txt', access: COORDINATORS, summary: 'Catatan penerusan laporan ke SP4N-LAPOR! (teks)', params: Id, responses: { 200: FILE } },
  disposeComplaint: { method: 'POST', path: '/api/v1/complaints/:id/dispose', access: COORDINATORS, summary: 'Verifikasi dan disposisikan ke OPD (≤ 3 hari kerja)', params: Id, body: DisposeBody, responses: { 200: StaffComplaintDetail } },
  rejectComplaint: { method: 'POST', path: '/api/v1/complaints/:id/reject', access: COORDINATORS, summary: 'Tolak laporan (di luar kewenangan / tidak jelas) dengan alasan', params: Id, body: RejectBody, responses: { 200: StaffComplaintDetail } },
  redactComplaintEvent: { method: 'POST', path: '/api/v1/complaints/:id/events/:eventId/redact', access: COORDINATORS, summary: 'Samarkan nama di catatan koordinator/OPD pada halaman pelacakan (aslinya tetap untuk petugas)', params: EventParams, body: RedactBody, responses: { 200: RedactResponse } },
  followUpComplaint: { method: 'POST', path: '/api/v1/complaints/:id/follow-up', access: COMPLAINT_STAFF, summary: 'Tindak lanjut OPD (≤ 5 hari kerja setelah disposisi)', params: Id, body: FollowUpBody, responses: { 200: StaffComplaintDetail } },
  settings: { method: 'GET', path: '/api/v1/participation/settings', access: COORDINATORS, summary: 'Batas waktu pengaduan dan rentang mutu IKM yang berlaku', responses: { 200: SettingsResponse } },
  saveSla: { method: 'PUT', path: '/api/v1/admin/participation/sla', access: ['admin'], summary: 'Ubah batas waktu pengaduan (hari kerja)', body: SlaBody, responses: { 200: Sla } },
  saveBands: { method: 'PUT', path: '/api/v1/admin/participation/ikm-bands', access: ['admin'], summary: 'Ubah rentang mutu IKM (A–D)', body: BandsBody, responses: { 200: BandsResponse } },

  // ── SKM/IKM ──
  serviceUnits: { method: 'GET', path: '/api/v1/public/service-units', access: 'public', summary: 'Unit layanan yang disurvei, periode berjalan dan sampel yang dibutuhkan', responses: { 200: ServiceUnitList } },
  createServiceUnit: { method: 'POST', path: '/api/v1/service-units', access: ['admin'], summary: 'Tambah unit layanan (unsur default: 9 unsur PermenPANRB 14/2017)', body: ServiceUnitBody, responses: { 201: UnitCreatedResponse } },
  serviceUnit: { method: 'GET', path: '/api/v1/public/service-units/:unitId', access: 'public', summary: 'Kuesioner SKM satu unit layanan', params: UnitParams, responses: { 200: ServiceUnit } },
  respondSurvey: { method: 'POST', path: '/api/v1/public/service-units/:unitId/responses', access: 'public', summary: 'Isi SKM (sekali per responden per periode)', params: UnitParams, body: SurveyBody, responses: { 201: SurveyAnsweredResponse } },
  surveyResults: { method: 'GET', path: '/api/v1/public/service-units/:unitId/results', access: 'public', summary: 'IKM unit per periode: NRR per unsur, nilai konversi, mutu', params: UnitParams, query: SurveyResultQuery, responses: { 200: SurveyResults } },
  surveyPoster: { method: 'GET', path: '/api/v1/service-units/:unitId/poster.pdf', access: ['admin'], summary: 'Poster QR survei untuk loket layanan (PDF)', params: UnitParams, responses: { 200: FILE } },

  // ── observers ──
  applyAccreditation: { method: 'POST', path: '/api/v1/observer/accreditations', access: ['observer'], summary: 'Ajukan akreditasi pemantau untuk satu periode, dengan surat organisasi (PDF)', query: AccreditationQuery, body: MULTIPART, responses: { 201: AccreditationApplied } },
  myAccreditations: { method: 'GET', path: '/api/v1/observer/accreditations', access: ['observer'], summary: 'Akreditasi pemantau saya', responses: { 200: AccreditationList } },
  accreditations: { method: 'GET', path: '/api/v1/accreditations', access: COMMITTEE, summary: 'Permohonan dan akreditasi pemantau (panitia: periode yang panitianya mencantumkan dia)', query: PeriodFilterQuery, responses: { 200: AccreditationList } },
  accreditationLetter: { method: 'GET', path: '/api/v1/accreditations/:id/letter', access: COMMITTEE, period: 'accreditation', summary: 'Surat permohonan akreditasi (PDF)', params: Id, responses: { 200: FILE } },
  decideAccreditation: { method: 'POST', path: '/api/v1/accreditations/:id/decision', access: ['committee'], period: 'accreditation', summary: 'Setujui (dengan tanggal berakhir) atau tolak akreditasi, dengan alasan', params: Id, body: AccreditationDecisionBody, responses: { 200: OkResponse } },
  processView: { method: 'GET', path: '/api/v1/observer/periods/:periodId/process', access: OBSERVER_OR_COMMITTEE, summary: 'Tampilan proses seleksi untuk pemantau (jumlah saja; tanpa data pribadi)', params: PeriodParams, responses: { 200: ProcessView } },
  fileFinding: { method: 'POST', path: '/api/v1/observer/periods/:periodId/findings', access: ['observer'], summary: 'Laporkan temuan pemantauan; panitia wajib menjawab dalam hari kerja', params: PeriodParams, body: FindingBody, responses: { 201: FindingFiledResponse } },
  addFindingEvidence: { method: 'POST', path: '/api/v1/observer/findings/:id/evidence', access: ['observer'], summary: 'Lampirkan bukti temuan (PDF/JPG)', params: Id, body: MULTIPART, responses: { 201: EvidenceResponse } },
  findings: { method: 'GET', path: '/api/v1/findings', access: OBSERVER_OR_COMMITTEE, summary: 'Temuan (pemantau: miliknya; panitia: periode yang panitianya mencantumkan dia)', query: PeriodFilterQuery, responses: { 200: FindingList } },
  findingEvidence: { method: 'GET', path: '/api/v1/findings/:id/evidence', access: OBSERVER_OR_COMMITTEE, period: 'finding', summary: 'Unduh bukti temuan', params: Id, responses: { 200: FILE } },
  answerFinding: { method: 'POST', path: '/api/v1/findings/:id/answer', access: ['committee'], period: 'finding', summary: 'Jawab temuan pemantau', params: Id, body: FindingAnswerBody, responses: { 200: OkResponse } },
  redactFinding: { method: 'POST', path: '/api/v1/findings/:id/redact', access: ['committee', 'admin'], period: 'finding', summary: 'Samarkan nama di jawaban publik temuan (aslinya tetap untuk panitia)', params: Id, body: RedactBody, responses: { 200: RedactResponse } },
  publicFindings: { method: 'GET', path: '/api/v1/public/findings', access: 'public', summary: 'Temuan pemantau yang sudah dijawab atau lewat batas waktu, dengan jawabannya', query: PeriodFilterQuery, responses: { 200: PublicFindingList } },

  // ── open data ──
  openDataCatalog: { method: 'GET', path: '/api/v1/public/open-data', access: 'public', summary: 'Katalog data terbuka: dataset, dokumentasi kolom, lisensi, waktu pembaruan, SHA-256', responses: { 200: OpenDataCatalog } },
  openDataFile: { method: 'GET', path: '/api/v1/public/open-data/:file', access: 'public', summary: 'Satu dataset terbuka (CSV atau JSON)', params: OpenDataFileParams, responses: { 200: FILE } },

  // ── public consultation ──
  consultations: { method: 'GET', path: '/api/v1/public/consultations', access: 'public', summary: 'Konsultasi publik kriteria seleksi (panitia juga melihat rancangan)', responses: { 200: ConsultationList } },
  consultation: { method: 'GET', path: '/api/v1/public/consultations/:id', access: 'public', summary: 'Satu konsultasi: bagian, komentar (nama disamarkan), moderasi dengan alasan, jawaban, versi final dan perbedaannya', params: Id, responses: { 200: ConsultationView } },
  createConsultation: { method: 'POST', path: '/api/v1/consultations', access: ORGANISERS, summary: 'Buat rancangan konsultasi', body: ConsultationBody, responses: { 201: IdResponse } },
  updateConsultation: { method: 'PUT', path: '/api/v1/consultations/:id', access: ORGANISERS, summary: 'Ubah rancangan (hanya sebelum dibuka)', params: Id, body: ConsultationBody, responses: { 200: ConsultationView } },
  openConsultation: { method: 'POST', path: '/api/v1/consultations/:id/open', access: ORGANISERS, summary: 'Terbitkan rancangan dengan masa komentar', params: Id, body: ConsultationOpenBody, responses: { 200: ConsultationView } },
  finalizeConsultation: { method: 'POST', path: '/api/v1/consultations/:id/final', access: ORGANISERS, summary: 'Versi final dengan alasan setiap perubahan (setelah masa komentar)', params: Id, body: ConsultationFinalBody, responses: { 200: ConsultationView } },
  closeConsultation: { method: 'POST', path: '/api/v1/consultations/:id/close', access: ORGANISERS, summary: 'Tutup masa komentar sekarang (sebelum waktunya); sesudahnya teks final dapat ditetapkan', params: Id, responses: { 200: ConsultationView } },
  myParticipation: { method: 'GET', path: '/api/v1/me/participation', access: 'signed-in', summary: 'Forum yang saya ikuti dan komentar konsultasi saya', responses: { 200: MyParticipation } },
  commentSection: { method: 'POST', path: '/api/v1/consultation-sections/:id/comments', access: 'signed-in', summary: 'Komentari satu bagian (selama masa komentar)', params: Id, body: CommentBody, responses: { 201: IdResponse } },
  hideComment: { method: 'POST', path: '/api/v1/consultation-comments/:id/hide', access: ORGANISERS, summary: 'Sembunyikan komentar dengan alasan (alasan diumumkan)', params: Id, body: HideCommentBody, responses: { 200: OkResponse } },
  answerComment: { method: 'POST', path: '/api/v1/consultation-comments/:id/answer', access: ORGANISERS, summary: 'Jawab komentar', params: Id, body: AnswerCommentBody, responses: { 200: OkResponse } },

  // ── public forums ──
  forums: { method: 'GET', path: '/api/v1/public/forums', access: 'public', summary: 'Forum konsultasi publik: jadwal, kapasitas, arsip notulen dan tindak lanjut', responses: { 200: ForumList } },
  forum: { method: 'GET', path: '/api/v1/public/forums/:id', access: 'public', summary: 'Satu forum: agenda, notulen, tindak lanjut dengan penanggung jawab dan batas waktu', params: Id, responses: { 200: ForumView } },
  createForum: { method: 'POST', path: '/api/v1/forums', access: ORGANISERS, summary: 'Jadwalkan forum', body: ForumBody, responses: { 201: IdResponse } },
  registerForum: { method: 'POST', path: '/api/v1/forums/:id/registrations', access: 'signed-in', summary: 'Daftar sebagai peserta (selama kursi tersedia)', params: Id, responses: { 201: ForumView } },
  unregisterForum: { method: 'DELETE', path: '/api/v1/forums/:id/registrations', access: 'signed-in', summary: 'Batalkan pendaftaran saya', params: Id, responses: { 200: ForumView } },
  forumMinutes: { method: 'POST', path: '/api/v1/forums/:id/minutes', access: ORGANISERS, summary: 'Terbitkan notulen dan tindak lanjut (setelah forum)', params: Id, body: ForumMinutesBody, responses: { 200: ForumView } },
  forumActionDone: { method: 'POST', path: '/api/v1/forum-actions/:id/done', access: ORGANISERS, summary: 'Nyatakan tindak lanjut selesai, dengan catatan', params: Id, body: ForumActionDoneBody, responses: { 200: OkResponse } },
});
