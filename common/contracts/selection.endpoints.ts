/** Selection endpoints: thresholds, scores, SKB weights, publication, and the public results. */
import { z } from 'zod';
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import {
  DecidePublicationBody,
  FormationResultsResponse,
  ImportedResponse,
  OkResponse,
  ProposedPublicationResponse,
  ProposePublicationBody,
  PublicPublicationsResponse,
  RankingPreviewResponse,
  RecordAbsencesBody,
  RecordedAbsencesResponse,
  SelectionSettingsResponse,
  SkbEntryResponse,
  SkbWeightsBody,
  SkbWeightsResponse,
  StaffPublicationsResponse,
  ThresholdRuleSetBody,
  ThresholdsResponse,
} from './selection.ts';

const Id = z.strictObject({ id: z.uuid() });
const COMMITTEE = ['committee', 'admin'] as const;

/** The open-data files a publication may hold (the names the public download accepts). */
export const PUBLISHED_FILE_NAMES = [
  'formations.csv',
  'skd.csv',
  'ranking.csv',
  'thresholds.json',
  'skb.csv',
  'final.csv',
  'optimalisasi.csv',
] as const;

/** One participant's SKB component scores from the form; null components = absent. */
export const SkbEntryBody = z.strictObject({
  components: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
      z
        .string()
        .trim()
        .regex(/^\d{1,3}(\.\d{1,2})?$/),
    )
    .nullable(),
});

const staff = defineEndpoints('selection', {
  setThresholds: {
    method: 'PUT',
    path: '/api/v1/admin/thresholds/:year',
    access: ['admin'],
    summary: 'Tetapkan nilai ambang batas suatu tahun',
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    body: ThresholdRuleSetBody,
    responses: { 200: OkResponse },
  },
  importSkd: {
    method: 'POST',
    path: '/api/v1/periods/:id/skd-scores/import',
    access: COMMITTEE,
    period: 'period',
    summary: 'Impor nilai SKD (skd.csv)',
    params: Id,
    body: MULTIPART,
    responses: { 200: ImportedResponse },
  },
  ranking: {
    method: 'GET',
    path: '/api/v1/periods/:id/ranking',
    access: COMMITTEE,
    period: 'period',
    summary: 'Pratinjau peringkat SKD dengan sumber nilai dan peserta yang belum bernilai',
    params: Id,
    responses: { 200: RankingPreviewResponse },
  },
  recordAbsences: {
    method: 'POST',
    path: '/api/v1/periods/:id/skd-scores/absences',
    access: ['committee'],
    period: 'period',
    summary: 'Catat peserta tidak hadir SKD (TH)',
    params: Id,
    body: RecordAbsencesBody,
    responses: { 200: RecordedAbsencesResponse },
  },
  skbWeights: {
    method: 'GET',
    path: '/api/v1/formations/:id/skb-weights',
    access: COMMITTEE,
    period: 'formation',
    summary: 'Bobot komponen SKB formasi',
    params: Id,
    responses: { 200: SkbWeightsResponse },
  },
  setSkbWeights: {
    method: 'PUT',
    path: '/api/v1/formations/:id/skb-weights',
    access: ['committee'],
    period: 'formation',
    summary: 'Tetapkan bobot SKB',
    params: Id,
    body: SkbWeightsBody,
    responses: { 200: OkResponse },
  },
  enterSkb: {
    method: 'PUT',
    path: '/api/v1/periods/:id/skb-scores/:participantNo',
    access: ['committee'],
    period: 'period',
    summary:
      'Isi nilai SKB satu peserta per komponen (aturan yang sama dengan impor CSV; components null = tidak hadir)',
    params: z.strictObject({ id: z.uuid(), participantNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) }),
    body: SkbEntryBody,
    responses: { 200: SkbEntryResponse },
  },
  importSkb: {
    method: 'POST',
    path: '/api/v1/periods/:id/skb-scores/import',
    access: ['committee'],
    period: 'period',
    summary: 'Impor nilai SKB per komponen (CSV)',
    params: Id,
    body: MULTIPART,
    responses: { 200: ImportedResponse },
  },
  settings: {
    method: 'GET',
    path: '/api/v1/periods/:id/selection-settings',
    access: COMMITTEE,
    period: 'period',
    summary: 'Pengaturan seleksi periode (optimalisasi)',
    params: Id,
    responses: { 200: SelectionSettingsResponse },
  },
  setSettings: {
    method: 'PUT',
    path: '/api/v1/periods/:id/selection-settings',
    access: ['committee'],
    period: 'period',
    summary: 'Aktifkan/nonaktifkan optimalisasi formasi kosong',
    params: Id,
    body: z.strictObject({ optimalisasi: z.boolean() }),
    responses: { 200: OkResponse },
  },
  publications: {
    method: 'GET',
    path: '/api/v1/periods/:id/publications',
    access: COMMITTEE,
    period: 'period',
    summary: 'Publikasi hasil (termasuk usulan)',
    params: Id,
    responses: { 200: StaffPublicationsResponse },
  },
  propose: {
    method: 'POST',
    path: '/api/v1/periods/:id/publications',
    access: ['committee'],
    period: 'period',
    summary: 'Usulkan publikasi hasil SKD/akhir',
    params: Id,
    body: ProposePublicationBody,
    responses: { 201: ProposedPublicationResponse },
  },
  decide: {
    method: 'POST',
    path: '/api/v1/publications/:id/decision',
    access: ['committee'],
    period: 'publication',
    summary: 'Setujui/tolak publikasi (anggota lain)',
    params: Id,
    body: DecidePublicationBody,
    responses: { 200: OkResponse },
  },
});

const pub = defineEndpoints('selection: public', {
  thresholds: {
    method: 'GET',
    path: '/api/v1/public/thresholds',
    access: 'public',
    summary: 'Nilai ambang batas SKD per tahun',
    responses: { 200: ThresholdsResponse },
  },
  publicResults: {
    method: 'GET',
    path: '/api/v1/public/results/periods/:id',
    access: 'public',
    summary: 'Publikasi hasil seleksi dan berkas data terbuka',
    params: Id,
    responses: { 200: PublicPublicationsResponse },
  },
  formationResults: {
    method: 'GET',
    path: '/api/v1/public/results/periods/:id/formations/:code',
    access: 'public',
    summary: 'Hasil per formasi (nama disamarkan)',
    params: z.strictObject({ id: z.uuid(), code: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/) }),
    responses: { 200: FormationResultsResponse },
  },
  announcement: {
    method: 'GET',
    path: '/api/v1/public/results/publications/:id/announcement.pdf',
    access: 'public',
    summary: 'Pengumuman resmi hasil SKD atau hasil akhir (PDF bernomor, bertanda tangan elektronik, dengan QR)',
    params: Id,
    responses: { 200: FILE },
  },
  publishedFile: {
    method: 'GET',
    path: '/api/v1/public/results/publications/:id/files/:name',
    access: 'public',
    summary: 'Unduh berkas data terbuka persis seperti diumumkan',
    params: z.strictObject({ id: z.uuid(), name: z.enum(PUBLISHED_FILE_NAMES) }),
    responses: { 200: FILE },
  },
});

export const selectionEndpoints = { ...staff, ...pub };
