/**
 * Training with partner institutions (RULES.md §3): programmes with their JP and eligibility,
 * batches (angkatan) with capacity, enrolment by BKPSDM or by a supervisor's nomination with a
 * waitlist that moves up when a seat frees, completion that posts JP to the employee's ledger, and
 * the yearly 20 JP report. Status changes run the enrolment machine through the process step;
 * people hear about their seat in the app and by e-mail.
 */
import { bindUseCases } from '../../platform/context.ts';
import { decideClaim, listClaims, submitClaim } from './jp-claims.ts';
import { jpReport, jpSheet, myTraining, remindShort } from './jp-ledger.ts';
import {
  createBatch,
  createPartner,
  createProgram,
  getBatch,
  listPartners,
  listPrograms,
  rescheduleBatch,
  type TrainingContext,
} from './training-catalog.ts';
import { cancelEnrollment, enroll, finishBatch } from './training-enrollment.ts';

export type { TrainingContext } from './training-catalog.ts';

/** The training use-cases bound to one context, for routes, other modules and tests. */
export const createTrainingService = (ctx: TrainingContext) =>
  bindUseCases(ctx, {
    partners: listPartners,
    createPartner,
    programs: listPrograms,
    createProgram,
    createBatch,
    reschedule: rescheduleBatch,
    batch: getBatch,
    enroll,
    cancel: cancelEnrollment,
    finish: finishBatch,
    jpReport,
    jpSheet,
    remindShort,
    mine: myTraining,
    submitClaim,
    claims: listClaims,
    decideClaim,
  });

export type TrainingService = ReturnType<typeof createTrainingService>;
