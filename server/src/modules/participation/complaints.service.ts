/**
 * Complaints (pengaduan, SP4N-LAPOR! style, RULES.md §5.1): anyone files — signed in or not,
 * open, confidential (identity for the coordinator only) or anonymous (no identity kept) — and gets
 * a tracking ID to follow and answer the report without an account. The coordinator (BKPSDM admin
 * or the selection committee) verifies and disposes to an OPD within 3 working days; the OPD
 * follows up within 5; the reporter replies, reopens or accepts, and a report closes by itself 10
 * working days after a follow-up without reply. Every step is audit-logged; statistics are public.
 */
import { bindUseCases } from '../../platform/context.ts';
import { complaintAttachment, complaintDetail, complaintHandoff, listComplaints } from './complaint-staff.ts';
import { complaintStatistics, saveComplaintSla } from './complaint-statistics.ts';
import { disposeComplaint, followUpComplaint, redactComplaintEvent, rejectComplaint } from './complaint-steps.ts';
import { sweepComplaints } from './complaint-sweep.ts';
import {
  complaintSettings,
  type ComplaintLimits,
  type ComplaintsContext,
  DEFAULT_COMPLAINT_LIMITS,
} from './complaints.shared.ts';
import { attachToComplaint, fileChecked, fileComplaint } from './file-complaint.ts';
import { reporterAction, trackComplaint } from './track-complaint.ts';

export {
  type ComplaintLimits,
  type ComplaintsContext,
  DEFAULT_COMPLAINT_LIMITS,
  isCoordinator,
} from './complaints.shared.ts';

/** What compose.ts hands in: the platform parts, the identity service, the challenges and optional limits. */
export type ComplaintDeps = Omit<ComplaintsContext, 'limits' | 'state'> & { limits?: Partial<ComplaintLimits> };

/** The complaint use-cases bound to one context (with its per-instance caches), for routes, tests and the seed. */
export function createComplaintsService(deps: ComplaintDeps) {
  const limits: ComplaintLimits = { ...DEFAULT_COMPLAINT_LIMITS, ...deps.limits };
  const ctx: ComplaintsContext = { ...deps, limits, state: { filing: null, lastSweep: Number.NEGATIVE_INFINITY } };
  return {
    limits,
    challenge: () => ctx.challenges.issue('complaint'),
    ...bindUseCases(ctx, {
      settings: complaintSettings,
      sweep: sweepComplaints,
      file: fileComplaint,
      fileChecked,
      attach: attachToComplaint,
      track: trackComplaint,
      reporterAction,
      list: listComplaints,
      detail: complaintDetail,
      handoff: complaintHandoff,
      attachment: complaintAttachment,
      dispose: disposeComplaint,
      reject: rejectComplaint,
      followUp: followUpComplaint,
      redactEvent: redactComplaintEvent,
      statistics: complaintStatistics,
      saveSla: saveComplaintSla,
    }),
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
