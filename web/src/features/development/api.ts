/** Development endpoints; the response types come from the contracts the server validates against. */
import type { z } from 'zod';
import type { BatchBody, EmployeeImportResponse, EmployeeListResponse, EmployeeView, JpClaimBody, ProgramBody } from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';

export type Employee = z.infer<typeof EmployeeView>;
export type EmployeeList = z.infer<typeof EmployeeListResponse>;
export type EmployeeImport = z.infer<typeof EmployeeImportResponse>;
export interface EmployeeFilters {
  q: string;
  organizationId: string;
  status: string;
  page: number;
}

const query = (f: EmployeeFilters) => {
  const p = new URLSearchParams({ page: String(f.page), pageSize: '50' });
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.organizationId) p.set('organizationId', f.organizationId);
  if (f.status) p.set('status', f.status);
  return p.toString();
};

export const developmentApi = {
  employees: (f: EmployeeFilters) => api<EmployeeList>(`/api/v1/employees?${query(f)}`),
  employee: (id: string) => api<Employee>(`/api/v1/employees/${id}`),
  mine: () => api<Employee>('/api/v1/me/employee'),
  importSheet: (file: File, commit: boolean, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<EmployeeImport>('POST', `/api/v1/employees/import?commit=${commit}`, form, onProgress);
  },
  sheetUrl: (kind: 'export' | 'template', format: 'xlsx' | 'csv') => `/api/v1/employees/${kind}?format=${format}`,

  partners: () => api<{ partners: Partner[] }>('/api/v1/training/partners'),
  programs: () => api<{ programs: Program[] }>('/api/v1/training/programs'),
  createProgram: (body: ProgramInput) => api<{ id: string }>('/api/v1/training/programs', { method: 'POST', body }),
  createBatch: (programId: string, body: BatchInput) => api<{ id: string }>(`/api/v1/training/programs/${programId}/batches`, { method: 'POST', body }),
  batch: (id: string) => api<BatchView>(`/api/v1/training/batches/${id}`),
  enroll: (batchId: string, employeeId: string) => api<{ id: string; status: 'enrolled' | 'waitlisted' }>(`/api/v1/training/batches/${batchId}/enrollments`, { method: 'POST', body: { employeeId } }),
  cancel: (enrollmentId: string) => api<{ promoted: string[] }>(`/api/v1/training/enrollments/${enrollmentId}/cancel`, { method: 'POST' }),
  finish: (batchId: string, enrollmentIds: string[], passed: boolean) => api<{ finished: number }>(`/api/v1/training/batches/${batchId}/finish`, { method: 'POST', body: { enrollmentIds, passed } }),
  jp: (year: number, organizationId = '') => api<JpReport>(`/api/v1/training/jp?year=${year}${organizationId ? `&organizationId=${encodeURIComponent(organizationId)}` : ''}`),
  jpXlsxUrl: (year: number) => `/api/v1/training/jp.xlsx?year=${year}`,
  remindJp: (year: number) => api<{ reminded: number }>('/api/v1/training/jp/reminders', { method: 'POST', body: { year } }),
  myTraining: (year: number) => api<MyTraining>(`/api/v1/me/training?year=${year}`),
  submitClaim: (body: ClaimInput) => api<{ id: string; jp: number }>('/api/v1/me/jp-claims', { method: 'POST', body }),
  claims: (status: 'submitted' | 'approved' | 'rejected' = 'submitted') => api<{ claims: Claim[] }>(`/api/v1/training/jp-claims?status=${status}`),
  decideClaim: (id: string, approve: boolean, note: string | null) => api<{ ok: true }>(`/api/v1/training/jp-claims/${id}/decision`, { method: 'POST', body: { approve, note } }),
};

export type ProgramInput = z.input<typeof ProgramBody>;
export type ClaimInput = z.input<typeof JpClaimBody>;
export interface Claim {
  id: string;
  employee: { id: string; nip: string; fullName: string };
  kind: string;
  title: string;
  organizer: string;
  heldOn: string;
  minutes: number;
  jp: number;
  evidenceUrl: string;
  status: 'submitted' | 'approved' | 'rejected';
  submittedAt: string;
  decisionNote: string | null;
}
export type BatchInput = z.input<typeof BatchBody>;
export interface Partner {
  id: string;
  name: string;
  kind: string;
}
export interface Batch {
  id: string;
  programId: string;
  programTitle: string;
  jp: number;
  name: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  facilitators: string;
  capacity: number;
  status: 'open' | 'closed' | 'cancelled';
  seated: number;
  waiting: number;
}
export interface Program {
  id: string;
  code: string;
  title: string;
  kind: string;
  competencyArea: string;
  jp: number;
  modality: string;
  partner: { id: string; name: string } | null;
  eligibility: { statuses?: string[]; jabatanKinds?: string[]; organizationIds?: string[] };
  costRupiah: number;
  description: string;
  completion: { minAttendancePct: number; postTestPass: number | null; assignmentRequired: boolean };
  batches: Batch[];
}
export type EnrollmentStatus = 'enrolled' | 'waitlisted' | 'cancelled' | 'completed' | 'not_completed';
export interface Progress {
  attended: number;
  attendancePct: number | null;
  preTest: number | null;
  postTest: number | null;
  gain: number | null;
  assignmentDone: boolean;
  problems: { id: string; en: string }[];
}
export interface BatchView {
  batch: Batch;
  program: Omit<Program, 'batches'>;
  meetings: number;
  gain: { count: number; pre: number | null; post: number | null; gain: number | null };
  enrollments: { id: string; employeeId: string; nip: string; fullName: string; organization: { id: string; name: string }; status: EnrollmentStatus; source: string; requestedAt: string; progress: Progress }[];
}
export interface Compliance {
  jp: number;
  required: number;
  short: number;
  met: boolean;
}
export interface JpReport {
  year: number;
  required: number;
  employees: number;
  met: number;
  byOrganization: { organizationId: string; name: string; employees: number; met: number; percent: number }[];
  short: ({ employeeId: string; nip: string; fullName: string; organization: { id: string; name: string }; unit: string } & Compliance)[];
}
export interface MyTraining {
  year: number;
  compliance: Compliance;
  enrollments: { id: string; status: EnrollmentStatus; batchId: string; batchName: string; title: string; kind: string; jp: number; startsOn: string; endsOn: string; venue: string; dates: string; feedbackGiven: boolean; attended: boolean }[];
  certificates: { id: string; enrollmentId: string; number: string; issuedAt: string; revoked: { at: string; reason: string } | null; verifyUrl: string }[];
  ledger: { id: string; year: number; jp: number; source: string; title: string; recordedAt: string }[];
  claims: { id: string; kind: string; title: string; organizer: string; heldOn: string; jp: number; status: 'submitted' | 'approved' | 'rejected'; decisionNote: string | null }[];
}
