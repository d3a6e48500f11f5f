/** Performance (SKP) endpoints: the year's rules, planning and cascading, evaluations, evidence, the OPD reports, the employee's own year. */
import { z } from 'zod';
import { EmployeeImportQuery } from './development.ts';
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import {
  AgreeBody, BehavioursBody, CascadeBody, CascadeResponse, CompetencyPlanResponse, DashboardQuery, DashboardResponse, EnrolledResponse, EnrollRecommendedBody, EvaluationBody, EvaluationParams, EvaluationResponse, ExportQuery, IdResponse, ImportReportResponse, MySkpResponse, NoteBody, OrgPredikatBody, OrgPredikatParams, OrgPredikatResponse, PlanView, PublicFiguresResponse, ResultBody, RulesBody, RulesResponse, StartPlanBody, StartPlanResponse, TeamResponse, YearParams, YearQuery,
} from './performance.ts';

const Id = z.strictObject({ id: z.uuid() });
/** SKP is for every ASN (PNS and PPPK), whatever their Merit role: the service checks the account's employee record. */
const ASN = 'signed-in' as const;
const REPORTS = ['admin', 'training_admin', 'supervisor'] as const;
const BKPSDM = ['admin', 'training_admin'] as const;
/** The competency plan: one year, optionally one OPD (BKPSDM only; a supervisor always sees their own). */
export const CompetencyPlanQuery = DashboardQuery.omit({ period: true }).extend(YearQuery.shape);
export const CompetencyPlanExportQuery = ExportQuery.omit({ period: true });
/** The public figures: a year and a period, never one OPD. */
export const PublicFiguresQuery = DashboardQuery.omit({ organizationId: true });

export const performanceEndpoints = defineEndpoints('performance', {
  rules: { method: 'GET', path: '/api/v1/performance/years/:year/rules', access: 'signed-in', summary: 'Matriks predikat tahun ini dan predikat organisasi per OPD', params: YearParams, responses: { 200: RulesResponse } },
  setRules: { method: 'PUT', path: '/api/v1/performance/years/:year/rules', access: ['admin'], summary: 'Tetapkan matriks predikat tahun ini (sumbernya belum pasti)', params: YearParams, body: RulesBody, responses: { 200: RulesResponse } },
  setOrganizationPredikat: { method: 'PUT', path: '/api/v1/performance/years/:year/organizations/:organizationId', access: ['admin'], summary: 'Tetapkan predikat kinerja organisasi (pola distribusi)', params: OrgPredikatParams, body: OrgPredikatBody, responses: { 200: OrgPredikatResponse } },

  team: { method: 'GET', path: '/api/v1/performance/team', access: ['supervisor'], summary: 'SKP bawahan langsung (atasan sebagai pejabat penilai)', query: YearQuery, responses: { 200: TeamResponse } },
  /** 201 when the plan is opened, 200 when it already existed (the handler sets which). */
  startPlan: { method: 'POST', path: '/api/v1/performance/plans', access: ASN, summary: 'Mulai SKP setahun (milik sendiri, atau bawahan langsung)', body: StartPlanBody, responses: { 200: StartPlanResponse, 201: StartPlanResponse } },
  plan: { method: 'GET', path: '/api/v1/performance/plans/:id', access: 'signed-in', summary: 'Satu SKP: hasil kerja, indikator, perilaku, evaluasi, bukti', params: Id, responses: { 200: PlanView } },
  addResult: { method: 'POST', path: '/api/v1/performance/plans/:id/results', access: ASN, summary: 'Tambah hasil kerja (pejabat penilai) atau usulkan (pegawai)', params: Id, body: ResultBody, responses: { 201: IdResponse } },
  cascade: { method: 'POST', path: '/api/v1/performance/results/:id/cascade', access: ['supervisor'], summary: 'Turunkan hasil kerja ke bawahan langsung atau seluruh unit', params: Id, body: CascadeBody, responses: { 200: CascadeResponse } },
  setBehaviours: { method: 'PUT', path: '/api/v1/performance/plans/:id/behaviours', access: ['supervisor'], summary: 'Ekspektasi khusus per nilai BerAKHLAK', params: Id, body: BehavioursBody, responses: { 200: PlanView } },
  agree: { method: 'POST', path: '/api/v1/performance/plans/:id/agree', access: ASN, summary: 'Pegawai menyetujui SKP (klarifikasi ekspektasi dicatat)', params: Id, body: AgreeBody, responses: { 200: PlanView } },
  reopen: { method: 'POST', path: '/api/v1/performance/plans/:id/reopen', access: ['supervisor'], summary: 'Buka kembali SKP yang disepakati (sebelum dievaluasi)', params: Id, responses: { 200: PlanView } },
  saveEvaluation: { method: 'PUT', path: '/api/v1/performance/plans/:id/evaluations/:period', access: ['supervisor'], summary: 'Simpan draf evaluasi (predikat dan peringatan distribusi)', params: EvaluationParams, body: EvaluationBody, responses: { 200: EvaluationResponse } },
  finalise: { method: 'POST', path: '/api/v1/performance/plans/:id/evaluations/:period/finalise', access: ['supervisor'], summary: 'Finalkan evaluasi (tidak dapat diubah lagi)', params: EvaluationParams, responses: { 200: EvaluationResponse } },
  addNote: { method: 'POST', path: '/api/v1/performance/results/:id/notes', access: ASN, summary: 'Umpan balik atau tautan bukti dukung untuk hasil kerja', params: Id, body: NoteBody, responses: { 201: IdResponse } },
  addFile: { method: 'POST', path: '/api/v1/performance/results/:id/files', access: ASN, summary: 'Unggah berkas bukti dukung (PDF/JPG, maks. 2 MB)', params: Id, body: MULTIPART, responses: { 201: IdResponse } },
  noteFile: { method: 'GET', path: '/api/v1/performance/notes/:id/file', access: 'signed-in', summary: 'Unduh berkas bukti dukung', params: Id, responses: { 200: FILE } },

  dashboard: { method: 'GET', path: '/api/v1/performance/dashboard', access: REPORTS, summary: 'Dasbor kinerja per OPD (BKPSDM: semua; atasan: OPD-nya)', query: DashboardQuery, responses: { 200: DashboardResponse } },
  export: { method: 'GET', path: '/api/v1/performance/export', access: BKPSDM, summary: 'Ekspor SKP dan hasil penilaian (kolom e-Kinerja BKN)', query: ExportQuery, responses: { 200: FILE } },
  competencyPlan: { method: 'GET', path: '/api/v1/performance/competency-plan', access: REPORTS, summary: 'Draf rencana pengembangan kompetensi per OPD dari hasil evaluasi', query: CompetencyPlanQuery, responses: { 200: CompetencyPlanResponse } },
  competencyPlanExport: { method: 'GET', path: '/api/v1/performance/competency-plan/export', access: REPORTS, summary: 'Unduh draf rencana pengembangan kompetensi (XLSX/CSV)', query: CompetencyPlanExportQuery, responses: { 200: FILE } },
  importResults: { method: 'POST', path: '/api/v1/performance/import', access: BKPSDM, summary: 'Periksa (commit=false) atau impor hasil SKP tahun-tahun lalu dari e-Kinerja (XLSX/CSV): semua baris atau tidak sama sekali', query: EmployeeImportQuery, body: MULTIPART, responses: { 200: ImportReportResponse } },
  publicFigures: { method: 'GET', path: '/api/v1/public/performance', access: 'public', summary: 'Angka kinerja dan 20 JP ASN per OPD (agregat, publik)', query: PublicFiguresQuery, responses: { 200: PublicFiguresResponse } },
  competencyPlanPdf: { method: 'GET', path: '/api/v1/performance/competency-plan/pdf', access: REPORTS, summary: 'Unduh draf rencana pengembangan kompetensi (PDF)', query: YearQuery, responses: { 200: FILE } },
  mine: { method: 'GET', path: '/api/v1/me/performance', access: 'signed-in', summary: 'SKP saya tahun ini, evaluasi final dan rekomendasi pelatihan', query: YearQuery, responses: { 200: MySkpResponse } },
  enrollRecommended: { method: 'POST', path: '/api/v1/me/performance/enrollments', access: 'signed-in', summary: 'Daftar ke angkatan program yang direkomendasikan', query: YearQuery, body: EnrollRecommendedBody, responses: { 201: EnrolledResponse } },
});
