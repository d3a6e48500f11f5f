/** Appointment (a published final result into CPNS/PPPK records) and probation endpoints. */
import type { z } from 'zod';
import type { AppointBody } from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';

export interface Candidate {
  applicationId: string;
  participantNo: string;
  fullName: string;
  formationCode: string;
  jabatan: string;
  organization: { id: string; name: string };
  employee: { id: string; nip: string } | null;
}
export type ProbationState = 'passed' | 'on_track' | 'at_risk' | 'overdue' | 'failed';
export interface ProbationRow {
  employee: { id: string; nip: string; fullName: string; organization: { id: string; name: string } };
  tmt: string;
  deadline: string;
  daysLeft: number;
  state: ProbationState;
  reason: { id: string; en: string };
  latsar: { status: string; batchId: string; batchName: string; programTitle: string } | null;
}
export interface AppointResult {
  employeeId: string;
  status: 'CPNS' | 'PPPK';
  enrollment: { batchId: string; batchName: string; programTitle: string; startsOn: string; status: 'enrolled' | 'waitlisted' } | null;
  probation: { deadline: string; daysLeft: number; state: ProbationState } | null;
}

export interface AppointmentImport {
  committed: boolean;
  ok: boolean;
  counts: { new: number; later: number; recorded: number; error: number };
  report: { line: number; participantNo: string | null; status: 'new' | 'later' | 'recorded' | 'error'; problems: { id: string; en: string }[] }[];
}

export const appointmentApi = {
  sheetUrl: (periodId: string, format: 'xlsx' | 'csv') => `/api/v1/appointments/periods/${periodId}/sheet?format=${format}`,
  importSheet: (periodId: string, file: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<AppointmentImport>('POST', `/api/v1/appointments/periods/${periodId}/import?commit=${commit}`, form);
  },
  candidates: (periodId: string) => api<{ published: boolean; type: 'CPNS' | 'PPPK' | null; candidates: Candidate[] }>(`/api/v1/appointments/periods/${periodId}`),
  appoint: (body: z.input<typeof AppointBody>) => api<AppointResult>('/api/v1/appointments', { method: 'POST', body }),
  probation: () => api<{ atRisk: number; rows: ProbationRow[] }>('/api/v1/probation'),
  remind: () => api<{ reminded: number }>('/api/v1/probation/reminders', { method: 'POST' }),
  mine: () => api<{ probation: ProbationRow | null }>('/api/v1/me/probation'),
};
