/** Performance (SKP) and policy endpoints; request types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/performance.ts';
import { policyEndpoints as P } from '../../../../common/contracts/policy.endpoints.ts';
import { api } from '../../app/api.ts';
import { call } from '../../app/client.ts';
import { uploadForm } from '../../app/upload.ts';

export type Rating = (typeof C.RATING_VALUES)[number];
export type Predikat = (typeof C.PREDIKAT_VALUES)[number];
export type Period = (typeof C.PERIOD_VALUES)[number];
export type OrgPredikat = (typeof C.ORG_PREDIKAT_VALUES)[number];

export type Distribution = z.infer<typeof C.Distribution>;
export type Evaluation = z.infer<typeof C.Evaluation>;
export type PlanView = z.infer<typeof C.PlanView>;
export type Team = z.infer<typeof C.TeamResponse>;
export type Recommendation = z.infer<typeof C.Recommendation>;
export type MySkp = z.infer<typeof C.MySkpResponse>;
export type Dashboard = z.infer<typeof C.DashboardResponse>;
export type CompetencyPlan = z.infer<typeof C.CompetencyPlanResponse>;
export type PublicFigures = z.infer<typeof C.PublicFiguresResponse>;
export type ImportReport = z.infer<typeof C.ImportReportResponse>;
type Id = z.infer<typeof C.IdResponse>;

export type ResultInput = z.input<typeof C.ResultBody>;
export type CascadeInput = z.input<typeof C.CascadeBody>;
export type EvaluationInput = z.input<typeof C.EvaluationBody>;
export type NoteInput = z.input<typeof C.NoteBody>;

export const performanceApi = {
  team: (year: number) => api<Team>(`/api/v1/performance/team?year=${year}`),
  startPlan: (year: number, employeeId: string | null) => api<z.infer<typeof C.StartPlanResponse>>('/api/v1/performance/plans', { method: 'POST', body: { year, employeeId } }),
  plan: (id: string) => api<PlanView>(`/api/v1/performance/plans/${id}`),
  addResult: (planId: string, body: ResultInput) => api<Id>(`/api/v1/performance/plans/${planId}/results`, { method: 'POST', body }),
  cascade: (resultId: string, body: CascadeInput) => api<z.infer<typeof C.CascadeResponse>>(`/api/v1/performance/results/${resultId}/cascade`, { method: 'POST', body }),
  setBehaviours: (planId: string, expectations: Record<string, string>) => api<PlanView>(`/api/v1/performance/plans/${planId}/behaviours`, { method: 'PUT', body: { expectations } }),
  agree: (planId: string, clarification: string) => api<PlanView>(`/api/v1/performance/plans/${planId}/agree`, { method: 'POST', body: { clarification } }),
  reopen: (planId: string) => api<PlanView>(`/api/v1/performance/plans/${planId}/reopen`, { method: 'POST' }),
  saveEvaluation: (planId: string, period: Period, body: EvaluationInput) => api<z.infer<typeof C.EvaluationResponse>>(`/api/v1/performance/plans/${planId}/evaluations/${period}`, { method: 'PUT', body }),
  finalise: (planId: string, period: Period) => api<z.infer<typeof C.EvaluationResponse>>(`/api/v1/performance/plans/${planId}/evaluations/${period}/finalise`, { method: 'POST' }),
  addNote: (resultId: string, body: NoteInput) => api<Id>(`/api/v1/performance/results/${resultId}/notes`, { method: 'POST', body }),
  addFile: (resultId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<Id>('POST', `/api/v1/performance/results/${resultId}/files`, form);
  },
  fileUrl: (noteId: string) => `/api/v1/performance/notes/${noteId}/file`,
  mine: (year: number) => api<MySkp>(`/api/v1/me/performance?year=${year}`),
  enroll: (year: number, programId: string, batchId: string) => api<z.infer<typeof C.EnrolledResponse>>(`/api/v1/me/performance/enrollments?year=${year}`, { method: 'POST', body: { programId, batchId } }),
  /** Without a year or period the server shows the newest period with final evaluations and names it. */
  dashboard: (year: number | null, period: Period | '', organizationId = '') => {
    const p = new URLSearchParams();
    if (year !== null) p.set('year', String(year));
    if (period) p.set('period', period);
    if (organizationId) p.set('organizationId', organizationId);
    return api<Dashboard>(`/api/v1/performance/dashboard?${p.toString()}`);
  },
  competencyPlan: (year: number) => api<CompetencyPlan>(`/api/v1/performance/competency-plan?year=${year}`),
  competencyPlanUrl: (year: number) => `/api/v1/performance/competency-plan/export?year=${year}&format=xlsx`,
  competencyPlanPdfUrl: (year: number) => `/api/v1/performance/competency-plan/pdf?year=${year}`,
  importResults: (file: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<ImportReport>('POST', `/api/v1/performance/import?commit=${commit}`, form);
  },
  publicFigures: () => api<PublicFigures>('/api/v1/public/performance'),
  exportUrl: (year: number, period: Period) => `/api/v1/performance/export?year=${year}&period=${period}&format=xlsx`,
};

// ── policy follow-up ──
export type MilestoneView = z.infer<typeof C.MilestoneView>;
export type PolicyView = z.infer<typeof C.PolicyView>;
export type PolicyInput = z.input<typeof C.PolicyBody>;
export type ActionInput = z.input<typeof C.ActionBody>;
export type MilestoneUpdate = z.input<typeof C.MilestoneUpdateBody>;

export const policyApi = {
  list: () => call(P.list),
  get: (id: string) => call(P.get, { params: { id } }),
  create: (body: PolicyInput) => call(P.create, { body }),
  addAction: (policyId: string, body: ActionInput) => call(P.addAction, { params: { id: policyId }, body }),
  updateMilestone: (id: string, body: MilestoneUpdate) => call(P.updateMilestone, { params: { id }, body }),
  publicList: () => call(P.publicList),
  publicGet: (id: string) => call(P.publicGet, { params: { id } }),
};
