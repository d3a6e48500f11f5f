/**
 * Recruitment use-cases for the committee and applicants (RULES.md §1): periods with their yearly
 * rule set and windows, formations and the public catalog, applicant biodata, one application per
 * period, document uploads, submission, the registration card and the applicant's timeline.
 */
import { bindUseCases } from '../../platform/context.ts';
import { apply, deleteDraft, getProfile, saveProfile, submit, timeline } from './applications.ts';
import { readDocument, uploadDocument } from './documents.ts';
import { catalog, createFormation, exportFormations, importFormations } from './formations.ts';
import { myApplication, myApplications } from './my-application.ts';
import {
  createPeriod,
  formationExists,
  getPeriod,
  listPeriods,
  periodFormations,
  updateRuleSet,
  updateStages,
} from './periods.ts';
import { registrationCard, verifyCard } from './registration-card.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

export { presentPeriod, type RecruitmentContext } from './recruitment.shared.ts';

/** What the recruitment factory needs: the platform adapters and the cards' link secret. */
export type RecruitmentDeps = Pick<
  RecruitmentContext,
  'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'files' | 'publicUrl' | 'cardSecret'
>;

/** The recruitment use-cases bound to one context, for routes, other modules, tests and the seed. */
export const createRecruitmentService = (ctx: RecruitmentDeps) =>
  bindUseCases(ctx, {
    createPeriod,
    updateStages,
    updateRuleSet,
    listPeriods,
    getPeriod,
    periodFormations,
    formationExists,
    createFormation,
    importFormations,
    exportFormations,
    catalog,
    getProfile,
    saveProfile,
    apply,
    myApplications,
    myApplication,
    deleteDraft,
    uploadDocument,
    submit,
    timeline,
    readDocument,
    registrationCard,
    verifyCard,
  });

export type RecruitmentService = ReturnType<typeof createRecruitmentService>;
