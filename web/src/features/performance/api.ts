/** Performance (SKP) and policy endpoints; request types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/performance.ts';
import { performanceEndpoints as E } from '../../../../common/contracts/performance.endpoints.ts';
import { policyEndpoints as P } from '../../../../common/contracts/policy.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';

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

export type ResultInput = z.input<typeof C.ResultBody>;
export type CascadeInput = z.input<typeof C.CascadeBody>;
export type EvaluationInput = z.input<typeof C.EvaluationBody>;
export type NoteInput = z.input<typeof C.NoteBody>;

export const performanceApi = {
  team: (year: number) => call(E.team, { query: { year } }),
  startPlan: (year: number, employeeId: string | null) => call(E.startPlan, { body: { year, employeeId } }),
  plan: (id: string) => call(E.plan, { params: { id } }),
  addResult: (planId: string, body: ResultInput) => call(E.addResult, { params: { id: planId }, body }),
  cascade: (resultId: string, body: CascadeInput) => call(E.cascade, { params: { id: resultId }, body }),
  setBehaviours: (planId: string, expectations: Record<string, string>) =>
    call(E.setBehaviours, { params: { id: planId }, body: { expectations } }),
  agree: (planId: string, clarification: string) => call(E.agree, { params: { id: planId }, body: { clarification } }),
  reopen: (planId: string) => call(E.reopen, { params: { id: planId } }),
  saveEvaluation: (planId: string, period: Period, body: EvaluationInput) =>
    call(E.saveEvaluation, { params: { id: planId, period }, body }),
  finalise: (planId: string, period: Period) => call(E.finalise, { params: { id: planId, period } }),
  addNote: (resultId: string, body: NoteInput) => call(E.addNote, { params: { id: resultId }, body }),
  addFile: (resultId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(E.addFile, { params: { id: resultId } }, form);
  },
  fileUrl: (noteId: string) => urlOf(E.noteFile, { params: { id: noteId } }),
  mine: (year: number) => call(E.mine, { query: { year } }),
  enroll: (year: number, programId: string, batchId: string) =>
    call(E.enrollRecommended, { query: { year }, body: { programId, batchId } }),
  /** Without a year or period the server shows the newest period with final evaluations and names it. */
  dashboard: (year: number | null, period: Period | '', organizationId = '') =>
    call(E.dashboard, {
      query: { year: year ?? undefined, period: period || undefined, organizationId: organizationId || undefined },
    }),
  competencyPlan: (year: number) => call(E.competencyPlan, { query: { year } }),
  competencyPlanUrl: (year: number) => urlOf(E.competencyPlanExport, { query: { year, format: 'xlsx' } }),
  competencyPlanPdfUrl: (year: number) => urlOf(E.competencyPlanPdf, { query: { year } }),
  importResults: (file: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(E.importResults, { query: { commit: commit ? 'true' : 'false' } }, form);
  },
  publicFigures: () => call(E.publicFigures),
  exportUrl: (year: number, period: Period) => urlOf(E.export, { query: { year, period, format: 'xlsx' } }),
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
