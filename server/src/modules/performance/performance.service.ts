/**
 * SKP (PermenPANRB 6/2022, RULES.md §4): a performance year per employee with the pejabat penilai
 * and atasan pejabat penilai from the supervisor tree; hasil kerja cascaded by the evaluator (to
 * one direct report or the whole unit) with indicators and targets; the seven BerAKHLAK values
 * with ekspektasi khusus; the employee's agreement; quarterly and annual evaluations by the
 * pejabat penilai only, in order, with the predikat from the year's matrix and the distribution
 * warnings shown before finalising; feedback and evidence per hasil kerja; and the training
 * programmes recommended from the result, enrolled through the development module. Every change
 * is audited in its transaction.
 */
import { bindUseCases } from '../../platform/context.ts';
import { cascade } from './cascade-result.ts';
import { competencyPlan, competencyPlanPdf, competencyPlanSheet } from './competency-plan.ts';
import { importResults } from './import-results.ts';
import { enrollRecommended, mine } from './my-performance.ts';
import { dashboard, exportSheet, publicFigures } from './performance-dashboard.ts';
import { finalise, saveEvaluation } from './performance-evaluations.ts';
import { addFile, addNote, noteFile } from './performance-evidence.ts';
import { addResult, agree, getPlan, reopen, setBehaviours, startPlan, team } from './performance-plans.ts';
import { getRules, setOrganizationPredikat, setRules } from './performance-rules.ts';
import type { PerformanceContext } from './performance.shared.ts';

export { PUBLIC_MIN_GROUP } from './performance-dashboard.ts';
export { EVIDENCE_RULE, type PerformanceContext } from './performance.shared.ts';

/** The performance use-cases bound to one context, for routes, other modules, tests and the seed. */
export const createPerformanceService = (ctx: PerformanceContext) =>
  bindUseCases(ctx, {
    rules: getRules,
    setRules,
    setOrganizationPredikat,
    team,
    startPlan,
    plan: getPlan,
    addResult,
    cascade,
    setBehaviours,
    agree,
    reopen,
    saveEvaluation,
    finalise,
    addNote,
    addFile,
    noteFile,
    dashboard,
    exportSheet,
    publicFigures,
    importResults,
    competencyPlan,
    competencyPlanSheet,
    competencyPlanPdf,
    mine,
    enrollRecommended,
  });

export type PerformanceService = ReturnType<typeof createPerformanceService>;
