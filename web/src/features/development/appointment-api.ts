/** Appointment (a published final result into CPNS/PPPK records) and probation endpoints. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/development.ts';
import { appointmentEndpoints as A } from '../../../../common/contracts/development.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export type Candidate = z.infer<typeof C.CandidatesResponse>['candidates'][number];
export type ProbationState = (typeof C.PROBATION_STATE_VALUES)[number];
export type ProbationRow = z.infer<typeof C.ProbationRow>;
export type AppointResult = z.infer<typeof C.AppointResponse>;
export type AppointmentImport = z.infer<typeof C.AppointmentImportResponse>;

export const appointmentApi = {
  sheetUrl: (periodId: string, format: 'xlsx' | 'csv') =>
    urlOf(A.sheet, { params: { id: periodId }, query: { format } }),
  importSheet: (periodId: string, file: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(A.importSheet, { params: { id: periodId }, query: { commit: commit ? 'true' : 'false' } }, form);
  },
  candidates: (periodId: string) => call(A.candidates, { params: { id: periodId } }),
  appoint: (body: z.input<typeof C.AppointBody>) => call(A.appoint, { body }),
  probation: () => call(A.probations),
  remind: () => call(A.remind),
  mine: () => call(A.mine),
};
