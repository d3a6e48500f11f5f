/** Appointment (a published final result into CPNS/PPPK records) and probation endpoints. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';

export type Candidate = z.infer<typeof C.CandidatesResponse>['candidates'][number];
export type ProbationState = (typeof C.PROBATION_STATE_VALUES)[number];
export type ProbationRow = z.infer<typeof C.ProbationRow>;
export type AppointResult = z.infer<typeof C.AppointResponse>;
export type AppointmentImport = z.infer<typeof C.AppointmentImportResponse>;

export const appointmentApi = {
  sheetUrl: (periodId: string, format: 'xlsx' | 'csv') => `/api/v1/appointments/periods/${periodId}/sheet?format=${format}`,
  importSheet: (periodId: string, file: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<AppointmentImport>('POST', `/api/v1/appointments/periods/${periodId}/import?commit=${commit}`, form);
  },
  candidates: (periodId: string) => api<z.infer<typeof C.CandidatesResponse>>(`/api/v1/appointments/periods/${periodId}`),
  appoint: (body: z.input<typeof C.AppointBody>) => api<AppointResult>('/api/v1/appointments', { method: 'POST', body }),
  probation: () => api<z.infer<typeof C.ProbationListResponse>>('/api/v1/probation'),
  remind: () => api<z.infer<typeof C.RemindedResponse>>('/api/v1/probation/reminders', { method: 'POST' }),
  mine: () => api<z.infer<typeof C.MyProbationResponse>>('/api/v1/me/probation'),
};
