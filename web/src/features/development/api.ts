/** Development endpoints; the response types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';

export type Employee = z.infer<typeof C.EmployeeView>;
export type EmployeeList = z.infer<typeof C.EmployeeListResponse>;
export type EmployeeImport = z.infer<typeof C.EmployeeImportResponse>;
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

  partners: () => api<z.infer<typeof C.PartnerListResponse>>('/api/v1/training/partners'),
  programs: () => api<z.infer<typeof C.ProgramListResponse>>('/api/v1/training/programs'),
  createProgram: (body: ProgramInput) => api<Created>('/api/v1/training/programs', { method: 'POST', body }),
  createBatch: (programId: string, body: BatchInput) => api<Created>(`/api/v1/training/programs/${programId}/batches`, { method: 'POST', body }),
  batch: (id: string) => api<BatchView>(`/api/v1/training/batches/${id}`),
  reschedule: (batchId: string, body: z.infer<typeof C.BatchScheduleBody>) => api<z.infer<typeof C.OkResponse>>(`/api/v1/training/batches/${batchId}/schedule`, { method: 'PUT', body }),
  enroll: (batchId: string, employeeId: string) => api<z.infer<typeof C.EnrollResponse>>(`/api/v1/training/batches/${batchId}/enrollments`, { method: 'POST', body: { employeeId } }),
  cancel: (enrollmentId: string) => api<z.infer<typeof C.CancelResponse>>(`/api/v1/training/enrollments/${enrollmentId}/cancel`, { method: 'POST' }),
  finish: (batchId: string, enrollmentIds: string[], passed: boolean) => api<z.infer<typeof C.FinishResponse>>(`/api/v1/training/batches/${batchId}/finish`, { method: 'POST', body: { enrollmentIds, passed } }),
  jp: (year: number, organizationId = '') => api<JpReport>(`/api/v1/training/jp?year=${year}${organizationId ? `&organizationId=${encodeURIComponent(organizationId)}` : ''}`),
  jpXlsxUrl: (year: number) => `/api/v1/training/jp.xlsx?year=${year}`,
  remindJp: (year: number) => api<z.infer<typeof C.RemindedResponse>>('/api/v1/training/jp/reminders', { method: 'POST', body: { year } }),
  myTraining: (year: number) => api<MyTraining>(`/api/v1/me/training?year=${year}`),
  submitClaim: (body: ClaimInput) => api<z.infer<typeof C.ClaimSubmittedResponse>>('/api/v1/me/jp-claims', { method: 'POST', body }),
  claims: (status: 'submitted' | 'approved' | 'rejected' = 'submitted') => api<z.infer<typeof C.ClaimListResponse>>(`/api/v1/training/jp-claims?status=${status}`),
  decideClaim: (id: string, approve: boolean, note: string | null) => api<z.infer<typeof C.OkResponse>>(`/api/v1/training/jp-claims/${id}/decision`, { method: 'POST', body: { approve, note } }),
};

export type ProgramInput = z.input<typeof C.ProgramBody>;
export type ClaimInput = z.input<typeof C.JpClaimBody>;
export type Claim = z.infer<typeof C.Claim>;
export type BatchInput = z.input<typeof C.BatchBody>;
export type Partner = z.infer<typeof C.Partner>;
export type Batch = z.infer<typeof C.Batch>;
export type Program = z.infer<typeof C.Program>;
export type EnrollmentStatus = (typeof C.ENROLLMENT_STATUS_VALUES)[number];
export type Progress = z.infer<typeof C.Progress>;
export type BatchView = z.infer<typeof C.BatchView>;
export type Compliance = z.infer<typeof C.Compliance>;
export type JpReport = z.infer<typeof C.JpReportResponse>;
export type MyTraining = z.infer<typeof C.MyTrainingResponse>;
type Created = z.infer<typeof C.CreatedResponse>;
