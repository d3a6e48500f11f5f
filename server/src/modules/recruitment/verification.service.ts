/**
 * Administrative verification (RULES.md §1.5): verifiers assigned to a period, the queue and
 * claiming files from it, per-document MS/TMS with standard reasons, the file's proposed verdict,
 * and a second person's review before anything can be announced.
 */
import { bindUseCases } from '../../platform/context.ts';
import { TMS_REASONS } from './domain/index.ts';
import { createQueueCountCache } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { markDocument, proposeVerdict, review, verifyFile } from './verification-marks.ts';
import {
  assignVerifier,
  claim,
  detail,
  periodVerifiers,
  queue,
  unassignVerifier,
  verifierAccounts,
} from './verification-queue.ts';

/** What the verification factory needs; the queue-count cache is built here, once per instance. */
export type VerificationDeps = Pick<RecruitmentContext, 'db' | 'clock' | 'audit' | 'steps'>;

/** The verification use-cases bound to one context with this instance's queue-count cache. */
export function createVerificationService(deps: VerificationDeps) {
  const counts = createQueueCountCache(deps.db);
  const ctx = { ...deps, counts };
  return {
    /** Drops this instance's cached queue counts; announcements and sanggah call it when they change files. */
    invalidate: counts.invalidate,
    tmsReasons: () => TMS_REASONS,
    ...bindUseCases(ctx, {
      assignVerifier,
      unassignVerifier,
      verifierAccounts,
      periodVerifiers,
      queue,
      claim,
      detail,
      markDocument,
      proposeVerdict,
      verifyFile,
      review,
    }),
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
