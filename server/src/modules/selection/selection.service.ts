/**
 * Selection in the platform (RULES.md §2.2–2.6): passing grades per year as editable data, SKD
 * scores (from the CAT or imported), SKB weights and scores, ranking and integration through the
 * very functions `merit rank` / `merit integrate` run, and two-person, immutable, versioned
 * publication of the open-data files whose SHA-256 goes into the audit log.
 */
import { bindUseCases } from '../../platform/context.ts';
import {
  proposePublication,
  decidePublication,
  publishedPublications,
  allPublications,
  publishedFile,
} from './publications.ts';
import { appointees, formationResults, periodsWithFinal } from './published-results.ts';
import { listThresholds, selectionSettings, setSelectionSettings, setThresholds } from './selection-settings.ts';
import { ruleSet, type SelectionContext } from './selection.shared.ts';
import { enterSkb, importSkb, setSkbWeights, skbWeights } from './skb-scores.ts';
import { importSkd, rankingPreview, recordAbsences, recordSkdFromCat } from './skd-scores.ts';

export { FINAL_FILES, SKD_FILES, skdCode, type SelectionContext } from './selection.shared.ts';

/** The selection use-cases bound to one context, for routes, the CAT, the appointment desk, tests and the seed. */
export const createSelectionService = (ctx: SelectionContext) =>
  bindUseCases(ctx, {
    thresholds: listThresholds,
    setThresholds,
    importSkd,
    rankingPreview,
    recordAbsences,
    skbWeights,
    setSkbWeights,
    enterSkb,
    importSkb,
    settings: selectionSettings,
    setSettings: setSelectionSettings,
    propose: proposePublication,
    decide: decidePublication,
    publishedPublications,
    allPublications,
    publishedFile,
    formationResults,
    periodsWithFinal,
    appointees,
    recordSkdFromCat,
    ruleSet,
  });

export type SelectionService = ReturnType<typeof createSelectionService>;
