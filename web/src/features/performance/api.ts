/** Performance (SKP) and policy endpoints; request types come from the contracts the server validates against. */
import type { z } from 'zod';
import type { ActionBody, CascadeBody, EvaluationBody, NoteBody, PolicyBody, ResultBody, MilestoneUpdateBody } from '../../../../common/contracts/performance.ts';
import type { Msg } from '../../../../common/contracts/messages.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';

export type Rating = 'above' | 'meets' | 'below';
export type Predikat = 'sangat_baik' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
export type Period = 'q1' | 'q2' | 'q3' | 'q4' | 'annual';
export type OrgPredikat = 'istimewa' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';

export interface Distribution {
  organizationPredikat: OrgPredikat;
  organizationPredikatSet: boolean;
  counts: Record<Predikat, number>;
  warnings: Msg[];
}
export interface Evaluation {
  id: string;
  period: Period;
  status: 'draft' | 'final';
  ratingResults: Rating;
  ratingBehaviour: Rating;
  predikat: Predikat;
  resultRatings: Record<string, Rating>;
  behaviourRatings: Record<string, Rating>;
  realisations: Record<string, string>;
  note: string;
  finalisedAt: string | null;
}
export interface PlanView {
  plan: {
    id: string;
    year: number;
    status: 'draft' | 'agreed';
    clarification: string;
    agreedAt: string | null;
    employee: { id: string; nip: string; fullName: string; jabatan: string; unit: string; organization: { id: string; name: string } };
    evaluator: { id: string; nip: string; fullName: string; jabatan: string } | null;
    atasan: { nip: string; fullName: string } | null;
  };
  viewer: 'employee' | 'evaluator' | 'atasan' | 'staff';
  can: { addResult: boolean; setBehaviours: boolean; agree: boolean; reopen: boolean; evaluate: boolean; addNote: boolean };
  results: {
    id: string;
    title: string;
    perspective: string;
    isMain: boolean;
    cascadeKind: 'direct' | 'indirect' | null;
    parentTitle: string | null;
    proposedBy: 'evaluator' | 'employee';
    indicators: { id: string; description: string; kind: 'quantitative' | 'qualitative'; target: string; unit: string }[];
    notes: { id: string; side: 'employee' | 'evaluator'; kind: 'feedback' | 'link' | 'file'; body: string; url: string | null; fileMime: string | null; fileSize: number | null; author: string; createdAt: string }[];
  }[];
  behaviours: { value: string; label: string; expectation: string }[];
  evaluations: Evaluation[];
  nextPeriod: Period | null;
  distributions: Partial<Record<Period, Distribution>>;
}
export interface Team {
  year: number;
  me: { id: string; nip: string; fullName: string; jabatan: string; organization: { id: string; name: string } };
  myPlan: { id: string; status: 'draft' | 'agreed'; results: { id: string; title: string; perspective: string }[] } | null;
  members: { employee: { id: string; nip: string; fullName: string; jabatan: string; status: string; organization: { id: string; name: string } }; plan: { id: string; status: 'draft' | 'agreed'; results: number } | null; evaluations: Partial<Record<Period, { status: 'draft' | 'final'; predikat: Predikat }>> }[];
}
export interface Recommendation {
  program: { id: string; title: string; competencyArea: string; jp: number; kind: string; modality: string; batches: { id: string; name: string; startsOn: string; endsOn: string; venue: string; seated: number; capacity: number }[] };
  reasons: Msg[];
  period: Period;
}
export interface MySkp {
  year: number;
  employee: { id: string; nip: string; fullName: string; jabatan: string; organization: { id: string; name: string } };
  plan: { id: string; status: 'draft' | 'agreed'; evaluator: { nip: string; fullName: string } | null } | null;
  evaluations: Evaluation[];
  recommendations: Recommendation[];
}
export interface Dashboard {
  year: number;
  period: Period;
  organizations: { organizationId: string; name: string; employees: number; plans: number; agreed: number; final: Record<Period, number>; predikat: Record<Predikat, number>; organizationPredikat: OrgPredikat | null; warnings: Msg[] }[];
  totals: { employees: number; plans: number; agreed: number; final: number; predikat: Record<Predikat, number> };
  lateEvaluators: { id: string; nip: string; fullName: string; organization: { id: string; name: string }; pending: number }[];
  due: { period: Period; dueOn: string; overdue: boolean };
}

export interface CompetencyPlan {
  year: number;
  organizations: {
    organizationId: string;
    name: string;
    assessed: number;
    withNeeds: number;
    valuesBelow: { value: string; label: string; employees: number }[];
    rows: { program: { id: string; title: string; competencyArea: string; jp: number; costRupiah: number }; employees: number; jp: number; costRupiah: number; reasons: { reason: Msg; count: number }[] }[];
    jp: number;
    costRupiah: number;
  }[];
  totals: { jp: number; costRupiah: number };
}

export interface PublicFigures {
  year: number;
  period: Period;
  minGroup: number;
  predikat: Record<Predikat, number>;
  evaluated: number;
  byOrganization: { organizationId: string; name: string; evaluated: number; predikat: Record<Predikat, number> | null }[];
  jp: { required: number; employees: number; met: number; percent: number; byOrganization: { organizationId: string; name: string; employees: number; percent: number | null }[] };
}

export interface ImportReport {
  committed: boolean;
  ok: boolean;
  counts: { import: number; skip: number; error: number };
  report: { line: number; nip: string | null; status: 'import' | 'skip' | 'error'; problems: Msg[] }[];
}

export type ResultInput = z.input<typeof ResultBody>;
export type CascadeInput = z.input<typeof CascadeBody>;
export type EvaluationInput = z.input<typeof EvaluationBody>;
export type NoteInput = z.input<typeof NoteBody>;

export const performanceApi = {
  team: (year: number) => api<Team>(`/api/v1/performance/team?year=${year}`),
  startPlan: (year: number, employeeId: string | null) => api<{ id: string; created: boolean }>('/api/v1/performance/plans', { method: 'POST', body: { year, employeeId } }),
  plan: (id: string) => api<PlanView>(`/api/v1/performance/plans/${id}`),
  addResult: (planId: string, body: ResultInput) => api<{ id: string }>(`/api/v1/performance/plans/${planId}/results`, { method: 'POST', body }),
  cascade: (resultId: string, body: CascadeInput) => api<{ cascaded: number; skipped: { employeeId: string; reason: 'agreed' | 'already' }[] }>(`/api/v1/performance/results/${resultId}/cascade`, { method: 'POST', body }),
  setBehaviours: (planId: string, expectations: Record<string, string>) => api<PlanView>(`/api/v1/performance/plans/${planId}/behaviours`, { method: 'PUT', body: { expectations } }),
  agree: (planId: string, clarification: string) => api<PlanView>(`/api/v1/performance/plans/${planId}/agree`, { method: 'POST', body: { clarification } }),
  reopen: (planId: string) => api<PlanView>(`/api/v1/performance/plans/${planId}/reopen`, { method: 'POST' }),
  saveEvaluation: (planId: string, period: Period, body: EvaluationInput) => api<{ evaluation: Evaluation; distribution: Distribution }>(`/api/v1/performance/plans/${planId}/evaluations/${period}`, { method: 'PUT', body }),
  finalise: (planId: string, period: Period) => api<{ evaluation: Evaluation; distribution: Distribution }>(`/api/v1/performance/plans/${planId}/evaluations/${period}/finalise`, { method: 'POST' }),
  addNote: (resultId: string, body: NoteInput) => api<{ id: string }>(`/api/v1/performance/results/${resultId}/notes`, { method: 'POST', body }),
  addFile: (resultId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<{ id: string }>('POST', `/api/v1/performance/results/${resultId}/files`, form);
  },
  fileUrl: (noteId: string) => `/api/v1/performance/notes/${noteId}/file`,
  mine: (year: number) => api<MySkp>(`/api/v1/me/performance?year=${year}`),
  enroll: (year: number, programId: string, batchId: string) => api<{ id: string; status: 'enrolled' | 'waitlisted' }>(`/api/v1/me/performance/enrollments?year=${year}`, { method: 'POST', body: { programId, batchId } }),
  dashboard: (year: number, period: Period | '', organizationId = '') => {
    const p = new URLSearchParams({ year: String(year) });
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
  publicFigures: (year: number) => api<PublicFigures>(`/api/v1/public/performance?year=${year}`),
  exportUrl: (year: number, period: Period) => `/api/v1/performance/export?year=${year}&period=${period}&format=xlsx`,
};

// ── policy follow-up ──
export interface MilestoneView {
  id: string;
  title: string;
  dueOn: string;
  deadline: string;
  status: 'planned' | 'in_progress' | 'done';
  doneOn: string | null;
  evidenceUrl: string | null;
  evidencePublic: boolean;
  late: boolean;
  workingDaysLate: number;
  lateAnswer: string | null;
}
export interface PolicyView {
  id: string;
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  summary: string;
  progress: { done: number; total: number; percent: number; late: number };
  actions: { id: string; title: string; organization: { id: string; name: string }; canUpdate: boolean; milestones: MilestoneView[] }[];
}
export type PolicyInput = z.input<typeof PolicyBody>;
export type ActionInput = z.input<typeof ActionBody>;
export type MilestoneUpdate = z.input<typeof MilestoneUpdateBody>;

export const policyApi = {
  list: () => api<{ policies: (Omit<PolicyView, 'actions'>)[] }>('/api/v1/policies'),
  get: (id: string) => api<PolicyView>(`/api/v1/policies/${id}`),
  create: (body: PolicyInput) => api<{ id: string }>('/api/v1/policies', { method: 'POST', body }),
  addAction: (policyId: string, body: ActionInput) => api<{ id: string }>(`/api/v1/policies/${policyId}/actions`, { method: 'POST', body }),
  updateMilestone: (id: string, body: MilestoneUpdate) => api<MilestoneView>(`/api/v1/policy-milestones/${id}`, { method: 'PATCH', body }),
  publicList: () => api<{ policies: (Omit<PolicyView, 'actions'>)[] }>('/api/v1/public/policies'),
  publicGet: (id: string) => api<PolicyView>(`/api/v1/public/policies/${id}`),
};
