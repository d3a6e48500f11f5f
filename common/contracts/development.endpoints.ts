/**
 * Development endpoints: ASN records and their sheets, the training catalogue and enrolment, the
 * 20 JP ledger and claims, completion (meetings, attendance, scores, certificates, feedback),
 * appointments with CPNS probation, and the batch pre/post-tests on the CAT engine.
 */
import { z } from 'zod';
import {
  AppointBody, AppointmentImportResponse, AppointResponse, AttendanceReport, BatchBody, BatchScheduleBody, BatchView, CancelResponse, CandidatesResponse, CertificateCheck, CertificateList, CertificatesBody,
  ClaimDecisionBody, ClaimListQuery, ClaimListResponse, ClaimSubmittedResponse, CreatedId, CreatedResponse, EmployeeImportQuery, EmployeeImportResponse, EmployeeListQuery, EmployeeListResponse, EmployeeView,
  EnrollBody, EnrollResponse, FeedbackBody, FeedbackReport, FinishBody, FinishResponse, IssueResult, JpClaimBody, JpReportQuery, JpReportResponse, MarkBody, MarkResult, MeetingBody, MeetingList, MeetingQrView,
  MyProbationResponse, MyTrainingResponse, OkResponse, PartnerBody, PartnerCreatedResponse, PartnerFeedback, PartnerListResponse, ProbationListResponse, ProgramBody, ProgramListResponse, RemindedResponse,
  RevokeBody, ScanBody, ScanResult, ScoresBody, ScoresResult, SheetFormatQuery,
} from './development.ts';
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import { BatchTest, BatchTestBody, BatchTestList, MyTestList, Ok, PhaseParams, StartedTest, SubmittedTest, TestAnswerAck, TestAnswerBody, TestAttemptView, TestBlueprintList } from './training-tests.ts';

const Id = z.strictObject({ id: z.uuid() });
const BKPSDM = ['admin', 'training_admin'] as const;
const STAFF = ['admin', 'training_admin', 'supervisor'] as const;
const TA = ['training_admin'] as const;
const Year = JpReportQuery.pick({ year: true });

/** ASN records (data pegawai) and their sheets. */
export const employeeEndpoints = defineEndpoints('development', {
  list: { method: 'GET', path: '/api/v1/employees', access: STAFF, summary: 'Data pegawai (BKPSDM: semua; atasan: unitnya)', query: EmployeeListQuery, responses: { 200: EmployeeListResponse } },
  mine: { method: 'GET', path: '/api/v1/me/employee', access: 'signed-in', summary: 'Data kepegawaian saya', responses: { 200: EmployeeView } },
  template: { method: 'GET', path: '/api/v1/employees/template', access: BKPSDM, summary: 'Templat data pegawai (XLSX/CSV)', query: SheetFormatQuery, responses: { 200: FILE } },
  exportSheet: { method: 'GET', path: '/api/v1/employees/export', access: BKPSDM, summary: 'Ekspor data pegawai (format sama dengan impor)', query: SheetFormatQuery, responses: { 200: FILE } },
  importSheet: { method: 'POST', path: '/api/v1/employees/import', access: BKPSDM, summary: 'Periksa (commit=false) atau impor data pegawai dari XLSX/CSV: semua baris atau tidak sama sekali', query: EmployeeImportQuery, body: MULTIPART, responses: { 200: EmployeeImportResponse } },
  get: { method: 'GET', path: '/api/v1/employees/:id', access: STAFF, summary: 'Satu data pegawai', params: Id, responses: { 200: EmployeeView } },
});

/** The training catalogue, enrolment, the 20 JP ledger and JP claims. */
export const trainingEndpoints = defineEndpoints('development', {
  partners: { method: 'GET', path: '/api/v1/training/partners', access: STAFF, summary: 'Mitra pelaksana pelatihan', responses: { 200: PartnerListResponse } },
  createPartner: { method: 'POST', path: '/api/v1/training/partners', access: TA, summary: 'Tambah mitra pelaksana', body: PartnerBody, responses: { 201: PartnerCreatedResponse } },
  programs: { method: 'GET', path: '/api/v1/training/programs', access: STAFF, summary: 'Katalog program pelatihan dengan angkatannya', responses: { 200: ProgramListResponse } },
  createProgram: { method: 'POST', path: '/api/v1/training/programs', access: TA, summary: 'Tambah program pelatihan', body: ProgramBody, responses: { 201: CreatedResponse } },
  createBatch: { method: 'POST', path: '/api/v1/training/programs/:id/batches', access: TA, summary: 'Tambah angkatan', params: Id, body: BatchBody, responses: { 201: CreatedResponse } },
  reschedule: { method: 'PUT', path: '/api/v1/training/batches/:id/schedule', access: TA, summary: 'Ubah tanggal angkatan (dengan alasan)', params: Id, body: BatchScheduleBody, responses: { 200: OkResponse } },
  batch: { method: 'GET', path: '/api/v1/training/batches/:id', access: STAFF, summary: 'Angkatan dan pesertanya', params: Id, responses: { 200: BatchView } },
  enroll: { method: 'POST', path: '/api/v1/training/batches/:id/enrollments', access: ['training_admin', 'supervisor'], summary: 'Daftarkan/usulkan pegawai (kuota, lalu daftar tunggu)', params: Id, body: EnrollBody, responses: { 201: EnrollResponse } },
  cancel: { method: 'POST', path: '/api/v1/training/enrollments/:id/cancel', access: ['training_admin', 'supervisor'], summary: 'Batalkan pendaftaran (daftar tunggu naik otomatis)', params: Id, responses: { 200: CancelResponse } },
  finish: { method: 'POST', path: '/api/v1/training/batches/:id/finish', access: TA, summary: 'Nyatakan peserta selesai (JP masuk catatan) atau tidak selesai', params: Id, body: FinishBody, responses: { 200: FinishResponse } },
  jpReport: { method: 'GET', path: '/api/v1/training/jp', access: STAFF, summary: 'Pemenuhan 20 JP per tahun (BKPSDM: semua; atasan: unitnya)', query: JpReportQuery, responses: { 200: JpReportResponse } },
  jpSheet: { method: 'GET', path: '/api/v1/training/jp.xlsx', access: STAFF, summary: 'Ekspor JP per pegawai setahun (XLSX) untuk rencana pengembangan kompetensi', query: Year, responses: { 200: FILE } },
  remindShort: { method: 'POST', path: '/api/v1/training/jp/reminders', access: BKPSDM, summary: 'Ingatkan pegawai yang belum memenuhi 20 JP tahun ini', body: Year, responses: { 200: RemindedResponse } },
  submitClaim: { method: 'POST', path: '/api/v1/me/jp-claims', access: 'signed-in', summary: 'Laporkan kegiatan pengembangan di luar pelatihan (klaim JP)', body: JpClaimBody, responses: { 201: ClaimSubmittedResponse } },
  claims: { method: 'GET', path: '/api/v1/training/jp-claims', access: STAFF, summary: 'Klaim JP yang diputuskan atasan/BKPSDM', query: ClaimListQuery, responses: { 200: ClaimListResponse } },
  decideClaim: { method: 'POST', path: '/api/v1/training/jp-claims/:id/decision', access: STAFF, summary: 'Setujui (JP masuk catatan) atau tolak klaim JP', params: Id, body: ClaimDecisionBody, responses: { 200: OkResponse } },
  mine: { method: 'GET', path: '/api/v1/me/training', access: 'signed-in', summary: 'Pelatihan dan JP saya', query: Year, responses: { 200: MyTrainingResponse } },
});

/** Completing a training: meetings and the rotating QR, scans, marks, scores, certificates, feedback. */
export const completionEndpoints = defineEndpoints('development', {
  meetings: { method: 'GET', path: '/api/v1/training/batches/:id/meetings', access: STAFF, summary: 'Pertemuan angkatan', params: Id, responses: { 200: MeetingList } },
  addMeeting: { method: 'POST', path: '/api/v1/training/batches/:id/meetings', access: TA, summary: 'Tambah pertemuan', params: Id, body: MeetingBody, responses: { 201: CreatedId } },
  meetingQr: { method: 'GET', path: '/api/v1/training/meetings/:id/qr', access: TA, summary: 'Kode QR presensi yang sedang berlaku (berganti tiap 30 detik)', params: Id, responses: { 200: MeetingQrView } },
  scan: { method: 'POST', path: '/api/v1/me/attendance', access: 'signed-in', summary: 'Presensi dengan memindai QR fasilitator (juga pindaian luring dengan waktu aslinya)', body: ScanBody, responses: { 200: ScanResult } },
  mark: { method: 'POST', path: '/api/v1/training/meetings/:id/attendance', access: TA, summary: 'Fasilitator mencatat (atau membatalkan) kehadiran peserta', params: Id, body: MarkBody, responses: { 200: MarkResult } },
  attendance: { method: 'GET', path: '/api/v1/training/batches/:id/attendance', access: STAFF, summary: 'Kehadiran per pertemuan dan per peserta', params: Id, responses: { 200: AttendanceReport } },
  attendanceSheet: { method: 'GET', path: '/api/v1/training/batches/:id/attendance.xlsx', access: BKPSDM, summary: 'Ekspor kehadiran angkatan (XLSX)', params: Id, responses: { 200: FILE } },
  setScores: { method: 'PUT', path: '/api/v1/training/enrollments/:id/scores', access: TA, summary: 'Nilai pre-test/post-test dan tugas peserta', params: Id, body: ScoresBody, responses: { 200: ScoresResult } },
  certificates: { method: 'GET', path: '/api/v1/training/batches/:id/certificates', access: BKPSDM, summary: 'Sertifikat angkatan', params: Id, responses: { 200: CertificateList } },
  issueCertificates: { method: 'POST', path: '/api/v1/training/batches/:id/certificates', access: TA, summary: 'Terbitkan sertifikat bagi peserta yang selesai (semua atau tidak sama sekali)', params: Id, body: CertificatesBody, responses: { 201: IssueResult } },
  revokeCertificate: { method: 'POST', path: '/api/v1/training/certificates/:id/revoke', access: TA, summary: 'Cabut sertifikat (alasan tampil di halaman verifikasi)', params: Id, body: RevokeBody, responses: { 200: OkResponse } },
  certificatePdf: { method: 'GET', path: '/api/v1/training/certificates/:id/pdf', access: 'signed-in', summary: 'Sertifikat pelatihan (PDF dengan QR)', params: Id, responses: { 200: FILE } },
  giveFeedback: { method: 'POST', path: '/api/v1/me/enrollments/:id/feedback', access: 'signed-in', summary: 'Umpan balik peserta (sekali)', params: Id, body: FeedbackBody, responses: { 201: OkResponse } },
  feedbackByPartner: { method: 'GET', path: '/api/v1/training/feedback/partners', access: BKPSDM, summary: 'Hasil umpan balik per mitra pelaksana', responses: { 200: PartnerFeedback } },
  feedback: { method: 'GET', path: '/api/v1/training/batches/:id/feedback', access: BKPSDM, summary: 'Hasil umpan balik angkatan', params: Id, responses: { 200: FeedbackReport } },
});

/** The public certificate check the QR opens (its own OpenAPI tag). */
export const certificateCheckEndpoints = defineEndpoints('public', {
  verifyCertificate: { method: 'GET', path: '/api/v1/public/training/certificates/:id', access: 'public', summary: 'Verifikasi sertifikat pelatihan (QR)', params: Id, query: z.strictObject({ s: z.string().max(60) }), responses: { 200: CertificateCheck } },
});

/** Appointments (a published final result into CPNS/PPPK records) and CPNS probation. */
export const appointmentEndpoints = defineEndpoints('development', {
  candidates: { method: 'GET', path: '/api/v1/appointments/periods/:id', access: BKPSDM, summary: 'Pelamar berstatus L di hasil akhir yang diumumkan, dan yang sudah dicatat', params: Id, responses: { 200: CandidatesResponse } },
  sheet: { method: 'GET', path: '/api/v1/appointments/periods/:id/sheet', access: BKPSDM, summary: 'Lembar pengangkatan periode (XLSX/CSV): isi NIP dan TMT', params: Id, query: SheetFormatQuery, responses: { 200: FILE } },
  importSheet: { method: 'POST', path: '/api/v1/appointments/periods/:id/import', access: BKPSDM, summary: 'Periksa (commit=false) atau catat lembar pengangkatan: semua baris terisi atau tidak sama sekali', params: Id, query: EmployeeImportQuery, body: MULTIPART, responses: { 200: AppointmentImportResponse } },
  appoint: { method: 'POST', path: '/api/v1/appointments', access: BKPSDM, summary: 'Catat NIP/NI PPPK dan TMT: data CPNS/PPPK dibuat, akun menjadi pegawai, Latsar/orientasi didaftarkan', body: AppointBody, responses: { 201: AppointResponse } },
  probations: { method: 'GET', path: '/api/v1/probation', access: STAFF, summary: 'Masa percobaan CPNS (BKPSDM: semua; atasan: unitnya), yang berisiko lebih dulu', responses: { 200: ProbationListResponse } },
  remind: { method: 'POST', path: '/api/v1/probation/reminders', access: BKPSDM, summary: 'Kirim pengingat ke CPNS yang masa percobaannya berisiko dan atasannya', responses: { 200: RemindedResponse } },
  mine: { method: 'GET', path: '/api/v1/me/probation', access: 'signed-in', summary: 'Masa percobaan CPNS saya', responses: { 200: MyProbationResponse } },
});

/** A batch's pre/post-tests on the CAT engine: the admin's choice per batch, the participant's test. */
export const trainingTestEndpoints = defineEndpoints('development', {
  blueprints: { method: 'GET', path: '/api/v1/training/test-blueprints', access: BKPSDM, summary: 'Kisi-kisi tes pelatihan yang dapat dipilih (nama, durasi, jumlah soal)', responses: { 200: TestBlueprintList } },
  tests: { method: 'GET', path: '/api/v1/training/batches/:id/tests', access: BKPSDM, summary: 'Pre-test/post-test angkatan di mesin CAT', params: Id, responses: { 200: BatchTestList } },
  setTest: { method: 'PUT', path: '/api/v1/training/batches/:id/tests/:phase', access: TA, summary: 'Atur kisi-kisi dan jadwal pre-test/post-test angkatan', params: PhaseParams, body: BatchTestBody, responses: { 200: BatchTest } },
  removeTest: { method: 'DELETE', path: '/api/v1/training/batches/:id/tests/:phase', access: TA, summary: 'Hapus tes CAT angkatan (selama belum ada yang memulai)', params: PhaseParams, responses: { 200: Ok } },
  mine: { method: 'GET', path: '/api/v1/me/training-tests', access: 'signed-in', summary: 'Pre-test/post-test saya', responses: { 200: MyTestList } },
  start: { method: 'POST', path: '/api/v1/me/enrollments/:id/tests/:phase/start', access: 'signed-in', summary: 'Mulai (atau lanjutkan) pre-test/post-test', params: PhaseParams, responses: { 200: StartedTest } },
  view: { method: 'GET', path: '/api/v1/me/training-tests/:id', access: 'signed-in', summary: 'Soal, jawaban tersimpan dan sisa waktu tes saya', params: Id, responses: { 200: TestAttemptView } },
  answer: { method: 'PUT', path: '/api/v1/me/training-tests/:id/answers', access: 'signed-in', summary: 'Simpan satu jawaban (dengan nomor urut)', params: Id, body: TestAnswerBody, responses: { 200: TestAnswerAck } },
  submit: { method: 'POST', path: '/api/v1/me/training-tests/:id/submit', access: 'signed-in', summary: 'Kumpulkan tes', params: Id, responses: { 200: SubmittedTest } },
});
