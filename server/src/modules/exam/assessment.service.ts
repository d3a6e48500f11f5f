/**
 * The CAT engine for tests outside recruitment (training pre/post-tests, issue 12): the bank, a
 * blueprint and a per-participant seed make the form (item versions pinned and frozen as the CAT
 * does), the server owns the deadline (start + the blueprint's duration), every answer is saved at
 * once with a sequence number (an older or late write is refused), and the participant submits —
 * or the server does once the deadline and a short grace have passed (lazily when the attempt is
 * read, and in a sweep). The caller names each attempt with a key and gets the result through the
 * hook registered for the key's prefix, inside the scoring transaction.
 */
import { bindUseCases } from '../../platform/context.ts';
import { answerAssessment, submitAssessment, sweepAssessments } from './assessment-answers.ts';
import { attemptsByKeys, startAssessment, viewAssessment } from './assessment-attempts.ts';
import {
  assessmentBlueprints,
  blueprintName,
  blueprintSummaries,
  countStarted,
  isBlueprintOf,
} from './assessment-blueprints.ts';
import type { AssessmentContext, ScoredHook } from './assessment.shared.ts';
import type { ExamContext } from './exam.shared.ts';

export type { AssessmentResult, AssessmentSummary, ScoredHook } from './assessment.shared.ts';

export type AssessmentDeps = ExamContext & {
  /** How long after the deadline an answer clicked in time may still arrive (network delay). */
  graceMs?: number;
};

const DEFAULT_GRACE_MS = 30_000;

/** The assessment engine's use-cases bound to one context; the scoring hooks are registered on it by prefix. */
export function createAssessmentService(deps: AssessmentDeps) {
  const ctx: AssessmentContext = {
    db: deps.db,
    clock: deps.clock,
    ids: deps.ids,
    audit: deps.audit,
    graceMs: deps.graceMs ?? DEFAULT_GRACE_MS,
    hooks: new Map(),
  };
  return {
    /** Registers the scoring hook for keys starting with `prefix` (compose wires it once). */
    onScored(prefix: string, hook: ScoredHook) {
      ctx.hooks.set(prefix, hook);
    },
    ...bindUseCases(ctx, {
      blueprints: assessmentBlueprints,
      blueprintName,
      blueprintSummaries,
      isBlueprintOf,
      countStarted,
      start: startAssessment,
      byKeys: attemptsByKeys,
      view: viewAssessment,
      answer: answerAssessment,
      submit: submitAssessment,
      sweep: sweepAssessments,
    }),
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
