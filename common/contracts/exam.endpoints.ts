/**
 * Exam (CAT) endpoints: the item bank and blueprints (exam admin), the proctor console, the
 * participant's exam and the public scoreboard. Four groups keep the OpenAPI tags the routes had.
 */
import { z } from 'zod';
import { CAT_SOCKET_PATH, SaveAckSchema, SaveAnswerSchema } from './cat-socket.ts';
import { FILE, MULTIPART, defineEndpoints } from './endpoint.ts';
import { BlueprintSchema, ItemContentSchema } from './exam-requests.ts';
import {
  AttemptView,
  BankItemDetail,
  BankItemPage,
  BlueprintList,
  BlueprintRow,
  CatSessionDetail,
  CatSessionPage,
  CertificateCheck,
  DeviceApproved,
  EXAM_TYPES,
  ExamResult,
  ImportReport,
  IncidentList,
  ItemAnalysis,
  ItemImageUploaded,
  ItemUpdateResult,
  LockoutCleared,
  MyResult,
  OkResponse,
  ParticipantsSnapshot,
  Scoreboard,
  SessionClosed,
  SessionOpened,
  SessionProctors,
  SUBTESTS,
  TimeGranted,
} from './exam.ts';
import { AddressBlockList, AddressLifted, NetworkAddress } from './identity.ts';

const Id = z.strictObject({ id: z.uuid() });
const EXAM_ADMIN = ['exam_admin'] as const;
const PROCTORS = ['proctor', 'committee'] as const;
const PROCTORS_AND_ADMIN = [...PROCTORS, ...EXAM_ADMIN] as const;
const BANK_READERS = [...EXAM_ADMIN, ...PROCTORS] as const;
const Format = z.enum(['xlsx', 'csv']).default('xlsx');

/** The item bank's filter (GET /exam/items; the export takes it without paging). */
export const ItemQuery = z.strictObject({
  examType: z.enum(EXAM_TYPES).optional(),
  subtest: z.enum(SUBTESTS).optional(),
  category: z.string().max(60).optional(),
  q: z.string().max(200).optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ItemExportQuery = ItemQuery.omit({ page: true, pageSize: true }).extend({ format: Format });
export const CatSessionQuery = z.strictObject({
  periodId: z.uuid().optional(),
  state: z.enum(['open', 'all']).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const OpenSessionBody = z.strictObject({
  blueprintId: z.uuid(),
  graceSeconds: z.number().int().min(0).max(600).optional(),
});
export const GrantBody = z.strictObject({
  applicationId: z.uuid(),
  minutes: z.number().int().min(1).max(120),
  reason: z.string().trim().min(5).max(500),
});
export const CatLoginBody = z.strictObject({
  participantNo: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6}$/),
});
export const ApplicationBody = z.strictObject({ applicationId: z.uuid() });
export const ProctorAssignBody = z.strictObject({ accountId: z.uuid() });

const bank = defineEndpoints('exam: item bank', {
  listItems: {
    method: 'GET',
    path: '/api/v1/exam/items',
    access: EXAM_ADMIN,
    summary: 'Daftar soal (tersaring, dicatat di log audit)',
    query: ItemQuery,
    responses: { 200: BankItemPage },
  },
  createItem: {
    method: 'POST',
    path: '/api/v1/exam/items',
    access: EXAM_ADMIN,
    summary: 'Tambah soal',
    body: ItemContentSchema,
    responses: { 201: BankItemDetail },
  },
  exportItems: {
    method: 'GET',
    path: '/api/v1/exam/items/export',
    access: EXAM_ADMIN,
    summary: 'Ekspor soal XLSX/CSV (format impor; dicatat di log audit)',
    query: ItemExportQuery,
    responses: { 200: FILE },
  },
  uploadItemImage: {
    method: 'POST',
    path: '/api/v1/exam/item-images',
    access: EXAM_ADMIN,
    summary: 'Unggah gambar soal (JPG/PNG, maks. 300 KB; multipart "file")',
    body: MULTIPART,
    responses: { 201: ItemImageUploaded },
  },
  itemImage: {
    method: 'GET',
    path: '/api/v1/exam/item-images/:id',
    access: 'signed-in',
    summary:
      'Gambar soal (admin bank soal; peserta CAT atau tes pelatihan hanya selama ujian/tesnya memuat soal bergambar ini)',
    params: Id,
    responses: { 200: FILE },
  },
  importItems: {
    method: 'POST',
    path: '/api/v1/exam/items/import',
    access: EXAM_ADMIN,
    summary: 'Impor soal XLSX/CSV (multipart "file"; semua atau tidak sama sekali, laporan per baris)',
    body: MULTIPART,
    responses: { 200: ImportReport },
  },
  getItem: {
    method: 'GET',
    path: '/api/v1/exam/items/:id',
    access: EXAM_ADMIN,
    summary: 'Rincian soal dengan versinya (dicatat di log audit)',
    params: Id,
    responses: { 200: BankItemDetail },
  },
  updateItem: {
    method: 'PUT',
    path: '/api/v1/exam/items/:id',
    access: EXAM_ADMIN,
    summary: 'Ubah soal (versi baru bila sudah pernah diujikan)',
    params: Id,
    body: ItemContentSchema,
    responses: { 200: ItemUpdateResult },
  },
  retireItem: {
    method: 'DELETE',
    path: '/api/v1/exam/items/:id',
    access: EXAM_ADMIN,
    summary: 'Pensiunkan soal (tidak dipakai di paket baru)',
    params: Id,
    responses: { 200: OkResponse },
  },
  listBlueprints: {
    method: 'GET',
    path: '/api/v1/exam/blueprints',
    access: BANK_READERS,
    summary: 'Daftar kisi-kisi',
    responses: { 200: BlueprintList },
  },
  createBlueprint: {
    method: 'POST',
    path: '/api/v1/exam/blueprints',
    access: EXAM_ADMIN,
    summary: 'Tambah kisi-kisi',
    body: BlueprintSchema,
    responses: { 201: BlueprintRow },
  },
  getBlueprint: {
    method: 'GET',
    path: '/api/v1/exam/blueprints/:id',
    access: BANK_READERS,
    summary: 'Rincian kisi-kisi',
    params: Id,
    responses: { 200: BlueprintRow },
  },
  updateBlueprint: {
    method: 'PUT',
    path: '/api/v1/exam/blueprints/:id',
    access: EXAM_ADMIN,
    summary: 'Ubah kisi-kisi (selama belum dipakai)',
    params: Id,
    body: BlueprintSchema,
    responses: { 200: BlueprintRow },
  },
  itemAnalysis: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/item-analysis',
    access: EXAM_ADMIN,
    period: 'exam-session',
    summary: 'Analisis butir soal sesi (p, point-biserial, sebaran pilihan); ?format=csv',
    params: Id,
    query: z.strictObject({ format: z.enum(['json', 'csv']).default('json') }),
    responses: { 200: z.union([ItemAnalysis, z.string().describe('CSV (?format=csv)')]) },
  },
});

const proctor = defineEndpoints('exam: proctor', {
  catSessions: {
    method: 'GET',
    path: '/api/v1/cat/sessions',
    access: PROCTORS_AND_ADMIN,
    summary: 'Daftar sesi ujian dengan keadaan CAT-nya (terbaru dahulu; tanpa token)',
    query: CatSessionQuery,
    responses: { 200: CatSessionPage },
  },
  catSession: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id',
    access: PROCTORS_AND_ADMIN,
    period: 'exam-session',
    summary: 'Keadaan CAT satu sesi dan ringkasan kisi-kisinya (tanpa token)',
    params: Id,
    responses: { 200: CatSessionDetail },
  },
  proctors: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/proctors',
    access: ['committee'],
    period: 'exam-session',
    summary: 'Pengawas yang ditugaskan pada sesi',
    params: Id,
    responses: { 200: SessionProctors },
  },
  assignProctor: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/proctors',
    access: ['committee'],
    period: 'exam-session',
    summary:
      'Tugaskan akun pengawas pada sesi (hanya pengawas yang ditugaskan dapat membuka/menutup sesi dan memberi waktu; dicatat di log audit)',
    params: Id,
    body: ProctorAssignBody,
    responses: { 200: SessionProctors },
  },
  unassignProctor: {
    method: 'DELETE',
    path: '/api/v1/cat/sessions/:id/proctors/:accountId',
    access: ['committee'],
    period: 'exam-session',
    summary: 'Lepas pengawas dari sesi (dicatat di log audit)',
    params: z.strictObject({ id: z.uuid(), accountId: z.uuid() }),
    responses: { 200: SessionProctors },
  },
  openSession: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/open',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Buka sesi CAT dengan kisi-kisi; menghasilkan token sesi (buka lagi = token baru)',
    params: Id,
    body: OpenSessionBody,
    responses: { 200: SessionOpened },
  },
  closeSession: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/close',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Tutup sesi (peserta baru tidak dapat masuk)',
    params: Id,
    responses: { 200: SessionClosed },
  },
  sessionResults: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/results',
    access: PROCTORS_AND_ADMIN,
    period: 'exam-session',
    summary: 'Unduh hasil sesi CAT per peserta (XLSX/CSV; dicatat di log audit)',
    params: Id,
    query: z.strictObject({ format: Format }),
    responses: { 200: FILE },
  },
  participants: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/participants',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Keadaan setiap peserta sesi',
    params: Id,
    responses: { 200: ParticipantsSnapshot },
  },
  grant: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/grants',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Tambah waktu peserta dengan alasan',
    params: Id,
    body: GrantBody,
    responses: { 200: TimeGranted },
  },
  approveDevice: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/device-approvals',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Setujui pergantian perangkat peserta (sekali pakai)',
    params: Id,
    body: ApplicationBody,
    responses: { 200: DeviceApproved },
  },
  clearLockout: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/lockouts/clear',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Hapus penguncian masuk peserta sesi ini (setelah salah kata sandi berulang; dicatat di log audit)',
    params: Id,
    body: ApplicationBody,
    responses: { 200: LockoutCleared },
  },
  hallAddresses: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/address-blocks',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Alamat jaringan yang masuk ke sesi ini, dengan kegagalan masuk dan perlambatannya',
    params: Id,
    responses: { 200: AddressBlockList },
  },
  liftHallAddress: {
    method: 'POST',
    path: '/api/v1/cat/sessions/:id/address-blocks/lift',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Cabut perlambatan masuk satu alamat jaringan ruang ujian sesi ini (dicatat di log audit)',
    params: Id,
    body: z.strictObject({ address: NetworkAddress }),
    responses: { 200: AddressLifted },
  },
  incidents: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/incidents',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'Catatan kejadian sesi',
    params: Id,
    responses: { 200: IncidentList },
  },
  events: {
    method: 'GET',
    path: '/api/v1/cat/sessions/:id/events',
    access: PROCTORS,
    period: 'exam-session',
    summary: 'SSE: keadaan peserta secara langsung',
    params: Id,
    responses: { 200: FILE },
  },
});

const participant = defineEndpoints('exam: participant', {
  login: {
    method: 'POST',
    path: '/api/v1/cat/login',
    access: 'public',
    summary: 'Masuk ujian CAT: nomor peserta, kata sandi, token sesi',
    body: CatLoginBody,
    responses: { 200: AttemptView },
  },
  attempt: {
    method: 'GET',
    path: '/api/v1/cat/attempt',
    access: ['applicant'],
    summary:
      'Paket soal, jawaban tersimpan, dan sisa waktu menurut server (?items=false: tanpa soal, untuk sinkron ulang)',
    query: z.strictObject({ items: z.enum(['true', 'false']).default('true') }),
    responses: { 200: AttemptView },
  },
  saveAnswer: {
    method: 'PUT',
    path: '/api/v1/cat/answers',
    access: ['applicant'],
    summary:
      'Simpan satu jawaban (dijawab setelah tersimpan permanen; seq per soal, idempoten). Halaman ujian memakai WebSocket /api/v1/cat/socket; ini cadangannya.',
    body: SaveAnswerSchema,
    responses: { 200: SaveAckSchema },
  },
  /**
   * The answer WebSocket. Registered by hand (exam.routes.ts: route() has no wsHandler) from this
   * declaration's method, path, access and summary; the web builds its ws:// address from urlOf.
   */
  answerSocket: {
    method: 'GET',
    path: CAT_SOCKET_PATH,
    access: ['applicant'],
    summary:
      'WebSocket jawaban: {type:"save",itemId,chosen,flagged,seq} → satu {type:"ack",…} setelah tersimpan permanen atau {type:"error",…} (lihat API.md). Tanpa upgrade: 426.',
    responses: { 200: FILE },
  },
  submit: {
    method: 'POST',
    path: '/api/v1/cat/submit',
    access: ['applicant'],
    summary: 'Selesai ujian: nilai dihitung di server',
    responses: { 200: ExamResult },
  },
  result: {
    method: 'GET',
    path: '/api/v1/cat/result',
    access: ['applicant'],
    summary: 'Nilai saya (TWK/TIU/TKP/total, lulus ambang batas)',
    responses: { 200: MyResult },
  },
  certificate: {
    method: 'GET',
    path: '/api/v1/cat/certificate.pdf',
    access: ['applicant'],
    summary: 'Sertifikat hasil ujian (PDF dengan QR)',
    responses: { 200: FILE },
  },
});

const pub = defineEndpoints('exam: public', {
  scoreboard: {
    method: 'GET',
    path: '/api/v1/public/cat/sessions/:id/scoreboard',
    access: 'public',
    summary: 'Papan skor langsung (nama disamarkan)',
    params: Id,
    responses: { 200: Scoreboard },
  },
  scoreboardStream: {
    method: 'GET',
    path: '/api/v1/public/cat/sessions/:id/scoreboard/stream',
    access: 'public',
    summary: 'SSE papan skor langsung',
    params: Id,
    responses: { 200: FILE },
  },
  verifyCertificate: {
    method: 'GET',
    path: '/api/v1/public/cat/certificates/:id',
    access: 'public',
    summary: 'Verifikasi sertifikat hasil CAT (QR)',
    params: Id,
    query: z.strictObject({ s: z.string().max(60) }),
    responses: { 200: CertificateCheck },
  },
});

export const examEndpoints = { ...bank, ...proctor, ...participant, ...pub };
