/** Development endpoints; the response types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/development.ts';
import { employeeEndpoints as EM, trainingEndpoints as T } from '../../../../common/contracts/development.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export type Employee = z.infer<typeof C.EmployeeView>;
export type EmployeeList = z.infer<typeof C.EmployeeListResponse>;
export type EmployeeImport = z.infer<typeof C.EmployeeImportResponse>;
export interface EmployeeFilters {
  q: string;
  organizationId: string;
  status: string;
  page: number;
}

export const developmentApi = {
  employees: (f: EmployeeFilters) =>
    call(EM.list, {
      query: {
        page: f.page,
        pageSize: 50,
        q: f.q.trim() || undefined,
        organizationId: f.organizationId || undefined,
        status: (f.status || undefined) as EmployeeStatus | undefined,
      },
    }),
  employee: (id: string) => call(EM.get, { params: { id } }),
  mine: () => call(EM.mine),
  importSheet: (file: File, commit: boolean, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(EM.importSheet, { query: { commit: commit ? 'true' : 'false' } }, form, onProgress);
  },
  sheetUrl: (kind: 'export' | 'template', format: 'xlsx' | 'csv') =>
    urlOf(kind === 'export' ? EM.exportSheet : EM.template, { query: { format } }),

  partners: () => call(T.partners),
  programs: () => call(T.programs),
  createProgram: (body: ProgramInput) => call(T.createProgram, { body }),
  createBatch: (programId: string, body: BatchInput) => call(T.createBatch, { params: { id: programId }, body }),
  batch: (id: string) => call(T.batch, { params: { id } }),
  reschedule: (batchId: string, body: z.input<typeof C.BatchScheduleBody>) =>
    call(T.reschedule, { params: { id: batchId }, body }),
  enroll: (batchId: string, employeeId: string) => call(T.enroll, { params: { id: batchId }, body: { employeeId } }),
  cancel: (enrollmentId: string) => call(T.cancel, { params: { id: enrollmentId } }),
  finish: (batchId: string, enrollmentIds: string[], passed: boolean) =>
    call(T.finish, { params: { id: batchId }, body: { enrollmentIds, passed } }),
  jp: (year: number, organizationId = '') =>
    call(T.jpReport, { query: { year, organizationId: organizationId || undefined } }),
  jpXlsxUrl: (year: number) => urlOf(T.jpSheet, { query: { year } }),
  remindJp: (year: number) => call(T.remindShort, { body: { year } }),
  myTraining: (year: number) => call(T.mine, { query: { year } }),
  submitClaim: (body: ClaimInput) => call(T.submitClaim, { body }),
  claims: (status: 'submitted' | 'approved' | 'rejected' = 'submitted') => call(T.claims, { query: { status } }),
  decideClaim: (id: string, approve: boolean, note: string | null) =>
    call(T.decideClaim, { params: { id }, body: { approve, note } }),
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
type EmployeeStatus = (typeof C.EMPLOYEE_STATUS_VALUES)[number];
