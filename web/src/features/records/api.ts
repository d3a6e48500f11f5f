/** Education and competency history endpoints; the types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/records.ts';
import { recordsEndpoints as E } from '../../../../common/contracts/records.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export type PersonRecords = z.infer<typeof C.PersonRecordsView>;
export type Education = z.infer<typeof C.EducationView>;
export type Competency = z.infer<typeof C.CompetencyView>;
export type Correction = z.infer<typeof C.CorrectionView>;
export type RecordImport = z.infer<typeof C.RecordImportResponse>;
export type EducationInput = z.input<typeof C.EducationCreateBody>;
export type CompetencyInput = z.input<typeof C.CompetencyBody>;
export type SheetKind = 'education' | 'competency';

const fileForm = (file: File, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return form;
};

export const recordsApi = {
  person: (id: string) => call(E.person, { params: { id } }),
  mine: () => call(E.mine),
  addEducation: (employeeId: string, body: EducationInput) =>
    call(E.addEducation, { params: { id: employeeId }, body }),
  editEducation: (id: string, body: Omit<EducationInput, 'isHighest'>) =>
    call(E.editEducation, { params: { id }, body }),
  deleteEducation: (id: string) => call(E.deleteEducation, { params: { id } }),
  markHighest: (id: string) => call(E.markHighest, { params: { id } }),
  uploadIjazah: (id: string, file: File) => upload(E.uploadIjazah, { params: { id } }, fileForm(file)),
  ijazahUrl: (id: string) => urlOf(E.ijazah, { params: { id } }),
  addCompetency: (employeeId: string, body: CompetencyInput) =>
    call(E.addCompetency, { params: { id: employeeId }, body }),
  editCompetency: (id: string, body: CompetencyInput) => call(E.editCompetency, { params: { id }, body }),
  deleteCompetency: (id: string) => call(E.deleteCompetency, { params: { id } }),
  importSheet: (kind: SheetKind, file: File, commit: boolean, onProgress?: (percent: number) => void) =>
    upload(
      kind === 'education' ? E.importEducation : E.importCompetency,
      { query: { commit: commit ? 'true' : 'false' } },
      fileForm(file),
      onProgress,
    ),
  templateUrl: (kind: SheetKind, format: 'xlsx' | 'csv') =>
    urlOf(kind === 'education' ? E.educationTemplate : E.competencyTemplate, { query: { format } }),
  proposeCorrection: (fields: { proposal: string; educationRecordId: string }, file: File) =>
    upload(E.proposeCorrection, {}, fileForm(file, fields)),
  corrections: (status: 'submitted' | 'accepted' | 'rejected') => call(E.corrections, { query: { status } }),
  decideCorrection: (id: string, body: z.input<typeof C.CorrectionDecisionBody>) =>
    call(E.decideCorrection, { params: { id }, body }),
  evidenceUrl: (id: string) => urlOf(E.correctionEvidence, { params: { id } }),
};
