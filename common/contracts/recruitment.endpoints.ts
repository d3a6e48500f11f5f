/**
 * Recruitment endpoints: the public catalog and cards, the committee's periods, formations,
 * verifiers, announcements, sanggah and exam schedule, the applicant's biodata and application,
 * administrative verification, and the administration's official outputs (XLSX, PENGUMUMAN PDF).
 * Each group keeps its OpenAPI tag.
 */
import { z } from 'zod';
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import { RecruitmentRuleSet } from './recruitment-rules.ts';
import {
  AnnouncementDecisionResponse,
  AnnouncementsResponse,
  AnswerObjectionBody,
  ApplyBody,
  CatalogQuery,
  CatalogResponse,
  ClaimBody,
  ClaimResponse,
  CommitteeAccountsResponse,
  CommitteeMembersResponse,
  CreatedResponse,
  CreatedSessionResponse,
  CreatedSiteResponse,
  CreatePeriodBody,
  DecideBody,
  ExamSitesResponse,
  FiledObjectionResponse,
  FormationBody,
  FormationImportResponse,
  FormationOut,
  MyApplication,
  MyApplicationsResponse,
  ObjectionsResponse,
  OkResponse,
  Period,
  PeriodsResponse,
  Profile,
  ProfileResponse,
  ProposeAnnouncementBody,
  PublicCardResponse,
  QueueResponse,
  ReviewBody,
  SeatingResponse,
  SessionBody,
  SiteBody,
  TimelineResponse,
  TmsReasonsResponse,
  UpdateStagesBody,
  UploadedDocumentResponse,
  VerdictBody,
  VerificationDetailResponse,
  VerifiersResponse,
  VerifyFileBody,
} from './recruitment.ts';

const Id = z.strictObject({ id: z.uuid() });
const IdKind = z.strictObject({ id: z.uuid(), kind: z.string().regex(/^[a-z_]{2,30}$/) });
const IdAccount = z.strictObject({ id: z.uuid(), accountId: z.uuid() });
const AccountBody = z.strictObject({ accountId: z.uuid() });
const COMMITTEE = ['committee', 'admin'] as const;
const STAFF = ['verifier', 'committee'] as const;

/** The verification queue's filter: one period, a status, only my files, one page. */
export const QueueQuery = z.strictObject({
  periodId: z.uuid(),
  status: z.enum(['submitted', 'ms', 'tms', 'objection_filed', 'tms_final']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
/** The formation sheet's format (export and import share it). */
export const SheetFormatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

const publicEndpoints = defineEndpoints('recruitment: public', {
  publicPeriods: { method: 'GET', path: '/api/v1/public/periods', access: 'public', summary: 'Periode seleksi', responses: { 200: PeriodsResponse } },
  catalog: { method: 'GET', path: '/api/v1/public/formations', access: 'public', summary: 'Katalog formasi dengan jumlah pelamar', query: CatalogQuery, responses: { 200: CatalogResponse } },
  verifyCard: {
    method: 'GET',
    path: '/api/v1/public/cards/:registrationNo',
    access: 'public',
    summary: 'Verifikasi kartu (QR): hanya fakta non-pribadi',
    params: z.strictObject({ registrationNo: z.string().max(60) }),
    query: z.strictObject({ s: z.string().max(60) }),
    responses: { 200: PublicCardResponse },
  },
});

const committeeEndpoints = defineEndpoints('recruitment: committee', {
  periods: { method: 'GET', path: '/api/v1/periods', access: [...COMMITTEE, 'verifier'], summary: 'Daftar periode (panitia: periode yang panitianya mencantumkan dia)', responses: { 200: PeriodsResponse } },
  committeeMembers: { method: 'GET', path: '/api/v1/periods/:id/committee', access: COMMITTEE, period: 'period', summary: 'Anggota panitia seleksi periode', params: Id, responses: { 200: CommitteeMembersResponse } },
  committeeAccounts: { method: 'GET', path: '/api/v1/committee-accounts', access: ['admin'], summary: 'Akun panitia aktif yang dapat ditambahkan ke periode', responses: { 200: CommitteeAccountsResponse } },
  addCommitteeMember: { method: 'POST', path: '/api/v1/periods/:id/committee', access: ['admin'], summary: 'Tambah anggota panitia periode (admin)', params: Id, body: AccountBody, responses: { 200: OkResponse } },
  removeCommitteeMember: { method: 'DELETE', path: '/api/v1/periods/:id/committee/:accountId', access: ['admin'], summary: 'Keluarkan anggota panitia periode (admin)', params: IdAccount, responses: { 200: OkResponse } },
  createPeriod: { method: 'POST', path: '/api/v1/periods', access: COMMITTEE, summary: 'Buka periode seleksi', body: CreatePeriodBody, responses: { 201: Period } },
  updateStages: { method: 'PUT', path: '/api/v1/periods/:id/stages', access: COMMITTEE, period: 'period', summary: 'Ubah jadwal tahapan', params: Id, body: UpdateStagesBody, responses: { 200: Period } },
  updateRuleSet: { method: 'PUT', path: '/api/v1/periods/:id/rule-set', access: COMMITTEE, period: 'period', summary: 'Ubah aturan tahunan periode (batas unggah, usia, sanggah)', params: Id, body: RecruitmentRuleSet, responses: { 200: Period } },
  createFormation: { method: 'POST', path: '/api/v1/periods/:id/formations', access: COMMITTEE, period: 'period', summary: 'Tambah formasi', params: Id, body: FormationBody, responses: { 201: FormationOut } },
  importFormations: { method: 'POST', path: '/api/v1/periods/:id/formations/import', access: COMMITTEE, period: 'period', summary: 'Impor formasi dari XLSX/CSV (semua atau tidak sama sekali)', params: Id, body: MULTIPART, responses: { 200: FormationImportResponse } },
  exportFormations: { method: 'GET', path: '/api/v1/periods/:id/formations/export', access: COMMITTEE, period: 'period', summary: 'Ekspor formasi (format sama dengan impor)', params: Id, query: SheetFormatQuery, responses: { 200: FILE } },
  verifierAccounts: { method: 'GET', path: '/api/v1/verifiers', access: COMMITTEE, summary: 'Akun verifikator yang dapat ditugaskan', responses: { 200: VerifiersResponse } },
  periodVerifiers: { method: 'GET', path: '/api/v1/periods/:id/verifiers', access: COMMITTEE, period: 'period', summary: 'Verifikator periode', params: Id, responses: { 200: VerifiersResponse } },
  assignVerifier: { method: 'POST', path: '/api/v1/periods/:id/verifiers', access: COMMITTEE, period: 'period', summary: 'Tugaskan verifikator ke periode', params: Id, body: AccountBody, responses: { 200: OkResponse } },
  unassignVerifier: { method: 'DELETE', path: '/api/v1/periods/:id/verifiers/:accountId', access: COMMITTEE, period: 'period', summary: 'Cabut tugas verifikator', params: IdAccount, responses: { 200: OkResponse } },
  announcements: { method: 'GET', path: '/api/v1/periods/:id/announcements', access: COMMITTEE, period: 'period', summary: 'Pengumuman periode', params: Id, responses: { 200: AnnouncementsResponse } },
  proposeAnnouncement: { method: 'POST', path: '/api/v1/periods/:id/announcements', access: ['committee'], period: 'period', summary: 'Usulkan pengumuman', params: Id, body: ProposeAnnouncementBody, responses: { 201: CreatedResponse } },
  decideAnnouncement: { method: 'POST', path: '/api/v1/announcements/:id/decision', access: ['committee'], period: 'announcement', summary: 'Setujui/tolak pengumuman (anggota lain)', params: Id, body: DecideBody, responses: { 200: AnnouncementDecisionResponse } },
  objections: { method: 'GET', path: '/api/v1/periods/:id/objections', access: COMMITTEE, period: 'period', summary: 'Daftar sanggah', params: Id, responses: { 200: ObjectionsResponse } },
  answerObjection: { method: 'POST', path: '/api/v1/objections/:id/answer', access: ['committee'], period: 'objection', summary: 'Jawab sanggah', params: Id, body: AnswerObjectionBody, responses: { 200: OkResponse } },
  objectionEvidence: { method: 'GET', path: '/api/v1/objections/:id/evidence', access: COMMITTEE, period: 'objection', summary: 'Bukti sanggah', params: Id, responses: { 200: FILE } },
  examSites: { method: 'GET', path: '/api/v1/periods/:id/exam-sites', access: COMMITTEE, period: 'period', summary: 'Lokasi dan sesi ujian', params: Id, responses: { 200: ExamSitesResponse } },
  createSite: { method: 'POST', path: '/api/v1/periods/:id/exam-sites', access: COMMITTEE, period: 'period', summary: 'Tambah lokasi ujian', params: Id, body: SiteBody, responses: { 201: CreatedSiteResponse } },
  createSession: { method: 'POST', path: '/api/v1/exam-sites/:id/sessions', access: COMMITTEE, period: 'exam-site', summary: 'Tambah sesi ujian', params: Id, body: SessionBody, responses: { 201: CreatedSessionResponse } },
  assignSessions: { method: 'POST', path: '/api/v1/periods/:id/exam-assignments', access: COMMITTEE, period: 'period', summary: 'Tempatkan peserta MS ke sesi ujian', params: Id, responses: { 200: SeatingResponse } },
});

const applicantEndpoints = defineEndpoints('recruitment: applicant', {
  profile: { method: 'GET', path: '/api/v1/me/profile', access: ['applicant'], summary: 'Biodata pelamar', responses: { 200: ProfileResponse } },
  saveProfile: { method: 'PUT', path: '/api/v1/me/profile', access: ['applicant'], summary: 'Simpan biodata', body: Profile, responses: { 200: ProfileResponse } },
  myApplications: { method: 'GET', path: '/api/v1/me/applications', access: ['applicant'], summary: 'Lamaran saya', responses: { 200: MyApplicationsResponse } },
  apply: { method: 'POST', path: '/api/v1/me/applications', access: ['applicant'], summary: 'Pilih formasi (cek kelayakan)', body: ApplyBody, responses: { 201: MyApplication } },
  myApplication: { method: 'GET', path: '/api/v1/me/applications/:id', access: ['applicant'], summary: 'Rincian lamaran', params: Id, responses: { 200: MyApplication } },
  deleteDraft: { method: 'DELETE', path: '/api/v1/me/applications/:id', access: ['applicant'], summary: 'Hapus draf lamaran', params: Id, responses: { 200: OkResponse } },
  uploadDocument: { method: 'PUT', path: '/api/v1/me/applications/:id/documents/:kind', access: ['applicant'], summary: 'Unggah dokumen (multipart, field "file")', params: IdKind, body: MULTIPART, responses: { 200: UploadedDocumentResponse } },
  submit: { method: 'POST', path: '/api/v1/me/applications/:id/submit', access: ['applicant'], summary: 'Kirim dan kunci lamaran', params: Id, responses: { 200: MyApplication } },
  timeline: { method: 'GET', path: '/api/v1/me/applications/:id/timeline', access: ['applicant'], summary: 'Riwayat status lamaran', params: Id, responses: { 200: TimelineResponse } },
  registrationCard: { method: 'GET', path: '/api/v1/me/applications/:id/registration-card.pdf', access: ['applicant'], summary: 'Kartu pendaftaran (PDF)', params: Id, responses: { 200: FILE } },
  examCard: { method: 'GET', path: '/api/v1/me/applications/:id/exam-card.pdf', access: ['applicant'], summary: 'Kartu peserta ujian (PDF)', params: Id, responses: { 200: FILE } },
  fileObjection: { method: 'POST', path: '/api/v1/me/applications/:id/objection', access: ['applicant'], summary: 'Ajukan sanggah (multipart: reason, file opsional)', params: Id, body: MULTIPART, responses: { 201: FiledObjectionResponse } },
});

const verificationEndpoints = defineEndpoints('recruitment: verification', {
  document: { method: 'GET', path: '/api/v1/applications/:id/documents/:kind', access: ['applicant', 'verifier', 'committee'], period: 'application', summary: 'Lihat dokumen (pemilik atau petugas; dicatat di log audit)', params: IdKind, responses: { 200: FILE } },
  tmsReasons: { method: 'GET', path: '/api/v1/verification/reasons', access: STAFF, summary: 'Daftar baku alasan TMS', responses: { 200: TmsReasonsResponse } },
  queue: { method: 'GET', path: '/api/v1/verification/queue', access: STAFF, summary: 'Antrean verifikasi', query: QueueQuery, responses: { 200: QueueResponse } },
  claim: { method: 'POST', path: '/api/v1/verification/claim', access: ['verifier'], summary: 'Ambil berkas ke antrean saya', body: ClaimBody, responses: { 200: ClaimResponse } },
  verificationDetail: { method: 'GET', path: '/api/v1/verification/applications/:id', access: STAFF, period: 'application', summary: 'Berkas pelamar', params: Id, responses: { 200: VerificationDetailResponse } },
  markDocument: { method: 'PUT', path: '/api/v1/verification/applications/:id/documents/:kind', access: ['verifier'], period: 'application', summary: 'Nilai dokumen MS/TMS', params: IdKind, body: VerdictBody, responses: { 200: OkResponse } },
  proposeVerdict: { method: 'POST', path: '/api/v1/verification/applications/:id/verdict', access: ['verifier'], period: 'application', summary: 'Keputusan berkas MS/TMS', params: Id, body: VerdictBody, responses: { 200: OkResponse } },
  verifyFile: { method: 'POST', path: '/api/v1/verification/applications/:id/verify', access: ['verifier'], period: 'application', summary: 'Nilai semua dokumen dan usulkan keputusan berkas sekaligus', params: Id, body: VerifyFileBody, responses: { 200: OkResponse } },
  review: { method: 'POST', path: '/api/v1/verification/applications/:id/review', access: STAFF, period: 'application', summary: 'Tinjau keputusan (verifikator lain/panitia)', params: Id, body: ReviewBody, responses: { 200: OkResponse } },
});

/** The administration's official outputs (their own OpenAPI tags, as before). */
const outcomeEndpoints = {
  ...defineEndpoints('committee', {
    outcomesXlsx: { method: 'GET', path: '/api/v1/periods/:id/outcomes.xlsx', access: COMMITTEE, period: 'period', summary: 'Unduh berkas pelamar dan hasil MS/TMS (XLSX; dicatat di log audit)', params: Id, responses: { 200: FILE } },
  }),
  ...defineEndpoints('public', {
    announcementPdf: { method: 'GET', path: '/api/v1/public/announcements/:id.pdf', access: 'public', summary: 'Pengumuman resmi hasil seleksi administrasi (PDF)', params: Id, responses: { 200: FILE } },
  }),
};

export const recruitmentEndpoints = { ...publicEndpoints, ...committeeEndpoints, ...applicantEndpoints, ...verificationEndpoints, ...outcomeEndpoints };
