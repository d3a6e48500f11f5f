/**
 * Civil-society oversight of recruitment (issue 14): organisations (NGOs, universities, the press,
 * Ombudsman RI Sulteng) apply with a letter for accreditation on one recruitment period; the
 * committee approves with an expiry or refuses, always with a reason. An approved, unexpired
 * observer sees read-only process views — counts only, so no person appears — and files findings
 * (temuan) that the committee must answer within working days (Palu's calendar). Answered or
 * overdue findings, answers and lateness are public.
 */
import { bindUseCases } from '../../platform/context.ts';
import {
  accreditationLetter,
  applyForAccreditation,
  decideAccreditation,
  listAccreditations,
  myAccreditations,
  periodOfAccreditation,
  periodOfFinding,
} from './observer-accreditations.ts';
import {
  addFindingEvidence,
  answerFinding,
  fileFinding,
  findingEvidence,
  listFindings,
  publicFindings,
  redactFindingAnswer,
} from './observer-findings.ts';
import { processView } from './observer-process-view.ts';
import { DEFAULT_OBSERVER_LIMITS, type ObserverLimits, type ObserversContext } from './observers.shared.ts';

export { DEFAULT_OBSERVER_LIMITS, type ObserverLimits, type ObserversContext } from './observers.shared.ts';
export { notInText } from './participation.shared.ts';

/** What compose.ts hands in: the platform parts, identity, recruitment's committee scope and optional limits. */
export type ObserverDeps = Omit<ObserversContext, 'limits'> & { limits?: Partial<ObserverLimits> };

/** The observer use-cases bound to one context, for routes, tests and the committee scope registry. */
export function createObserversService(deps: ObserverDeps) {
  const limits: ObserverLimits = { ...DEFAULT_OBSERVER_LIMITS, ...deps.limits };
  const ctx: ObserversContext = { ...deps, limits };
  return {
    limits,
    ...bindUseCases(ctx, {
      periodOfAccreditation,
      periodOfFinding,
      apply: applyForAccreditation,
      mine: myAccreditations,
      list: listAccreditations,
      letter: accreditationLetter,
      decide: decideAccreditation,
      processView,
      fileFinding,
      addEvidence: addFindingEvidence,
      evidence: findingEvidence,
      findings: listFindings,
      answerFinding,
      redactAnswer: redactFindingAnswer,
      publicFindings,
    }),
  };
}

export type ObserversService = ReturnType<typeof createObserversService>;
