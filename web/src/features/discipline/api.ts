/** Hukuman disiplin endpoints; request and answer types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/discipline.ts';
import { disciplineEndpoints as E } from '../../../../common/contracts/discipline.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export type DisciplineRecord = C.DisciplineRecord;
export type DisciplineImport = C.DisciplineImport;
export type DisciplineInput = z.input<typeof C.DisciplineBody>;
export type DisciplineEditInput = z.input<typeof C.DisciplineEditBody>;
export type ObjectionInput = z.input<typeof C.ObjectionBody>;
export type ActiveFilter = 'all' | 'active' | 'inactive';

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

export const disciplineApi = {
  kinds: (start?: string) => call(E.kinds, { query: { start: start || undefined } }),
  list: (organizationId: string, active: ActiveFilter) =>
    call(E.list, { query: { organizationId: organizationId || undefined, active } }),
  get: (id: string) => call(E.get, { params: { id } }),
  create: (body: DisciplineInput) => call(E.create, { body }),
  update: (id: string, body: DisciplineEditInput) => call(E.update, { params: { id }, body }),
  objection: (id: string, body: ObjectionInput) => call(E.objection, { params: { id }, body }),
  uploadSk: (id: string, file: File, onProgress?: (p: number) => void) =>
    upload(E.uploadSk, { params: { id } }, fileForm(file), onProgress),
  skUrl: (id: string) => urlOf(E.sk, { params: { id } }),
  ofEmployee: (employeeId: string) => call(E.ofEmployee, { params: { id: employeeId } }),
  mine: () => call(E.mine),
  templateUrl: (format: 'xlsx' | 'csv') => urlOf(E.template, { query: { format } }),
  importSheet: (file: File, commit: boolean, onProgress?: (p: number) => void) =>
    upload(E.importSheet, { query: { commit: commit ? 'true' : 'false' } }, fileForm(file), onProgress),
  absence: (year: number, cumulativeDays: number, longestRun: number) =>
    call(E.absence, { query: { year, cumulativeDays, longestRun } }),
};
