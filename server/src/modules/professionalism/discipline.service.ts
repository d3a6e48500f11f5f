/**
 * Hukuman disiplin (issue 26 §1; PP 94/2021, PP 79/2021): BKPSDM records, corrects and imports
 * punishments with their SK and objection; the person themself reads their own. Nobody else sees
 * them. Every read and change is audited.
 */
import { bindUseCases } from '../../platform/context.ts';
import { createRecord, recordObjection, updateRecord, uploadSk } from './discipline-records.ts';
import { disciplineTemplate, importDisciplineSheet } from './discipline-sheets.ts';
import {
  absenceSuggestion,
  getRecord,
  kinds,
  listRecords,
  myRecords,
  recordsOfEmployee,
  skFile,
} from './discipline-views.ts';
import type { DisciplineContext } from './discipline.shared.ts';

export type { DisciplineContext } from './discipline.shared.ts';

/** The discipline use-cases bound to one context, for routes, tests and the seed. */
export const createDisciplineService = (ctx: DisciplineContext) =>
  bindUseCases(ctx, {
    kinds,
    list: listRecords,
    get: getRecord,
    ofEmployee: recordsOfEmployee,
    mine: myRecords,
    sk: skFile,
    create: createRecord,
    update: updateRecord,
    objection: recordObjection,
    uploadSk,
    template: disciplineTemplate,
    importSheet: importDisciplineSheet,
    absence: absenceSuggestion,
  });

export type DisciplineService = ReturnType<typeof createDisciplineService>;
