/**
 * Education and competency history (issue 26 §1): the records the IP ASN index reads for
 * kualifikasi and kompetensi, kept by BKPSDM (forms and sheet imports), seen by the person, who may
 * propose corrections with evidence. The index itself is computed elsewhere from these tables.
 */
import { bindUseCases } from '../../platform/context.ts';
import { addCompetency, deleteCompetency, editCompetency } from './competency-records.ts';
import { correctionEvidence, decideCorrection, listCorrections, proposeCorrection } from './education-corrections.ts';
import {
  addEducation,
  deleteEducation,
  editEducation,
  ijazahFile,
  markHighest,
  myRecords,
  personRecords,
  uploadIjazah,
} from './education-records.ts';
import {
  competencyTemplate,
  educationTemplate,
  importCompetencySheet,
  importEducationSheet,
} from './education-sheets.ts';
import type { RecordsContext } from './education.shared.ts';

export type { RecordsContext } from './education.shared.ts';

/** The history use-cases bound to one context, for routes, tests and the seed. */
export const createRecordsService = (ctx: RecordsContext) =>
  bindUseCases(ctx, {
    personRecords,
    myRecords,
    addEducation,
    editEducation,
    deleteEducation,
    markHighest,
    uploadIjazah,
    ijazahFile,
    addCompetency,
    editCompetency,
    deleteCompetency,
    importEducationSheet,
    importCompetencySheet,
    educationTemplate,
    competencyTemplate,
    proposeCorrection,
    listCorrections,
    decideCorrection,
    correctionEvidence,
  });

export type RecordsService = ReturnType<typeof createRecordsService>;
