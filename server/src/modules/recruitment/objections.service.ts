/**
 * Sanggah (RULES.md §1.6): one objection per applicant against their announced TMS, within the
 * window and the period's limits (reason length, evidence size, answer deadline), the committee's
 * list and answer, and the evidence file read under audit.
 */
import { bindUseCases } from '../../platform/context.ts';
import { answerObjection, fileObjection, objections, readObjectionEvidence } from './objections.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

/** What the sanggah factory needs: the platform adapters and the verification queue to invalidate. */
export type ObjectionDeps = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'files' | 'queue'>;

/** The sanggah use-cases bound to one context. */
export const createObjectionService = (ctx: ObjectionDeps) =>
  bindUseCases(ctx, { fileObjection, objections, answerObjection, readObjectionEvidence });

export type ObjectionService = ReturnType<typeof createObjectionService>;
