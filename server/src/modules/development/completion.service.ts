/**
 * Completing a training (issue 12; RULES.md §3): a batch's meetings and who attended them — by
 * scanning the rotating QR on the facilitator's screen (also later, from an offline queue, at the
 * scan's own time) or marked by the facilitator —, pre/post-test scores and the assignment, the
 * programme's completion rule, numbered certificates issued in bulk (a PDF whose QR opens the
 * public check, "dicabut" once revoked), and one feedback per attendee. Completing posts the
 * programme's JP to the ledger once. Every change is audited.
 */
import { bindUseCases } from '../../platform/context.ts';
import { createLinkSigner } from '../../platform/documents/signed-links.ts';
import {
  addMeeting,
  attendanceReport,
  attendanceSheet,
  listMeetings,
  markAttendance,
  meetingQr,
  scan,
} from './attendance.ts';
import {
  batchCertificates,
  certificatePdf,
  certificatesToIssue,
  issueCertificates,
  myCertificates,
  revokeCertificate,
  verifyCertificate,
} from './certificates.ts';
import { type CompletionContext, progress, verifyUrl } from './completion.shared.ts';
import type { DevelopmentContext } from './development.shared.ts';
import { batchGain } from './domain/completion.ts';
import { batchFeedback, feedbackByPartner, giveFeedback, setScores } from './scores-feedback.ts';

export { qrOpen, ruleOf, type CompletionContext } from './completion.shared.ts';

/** What the composition root hands in: the context without what the facade builds from `cardSecret`. */
export type CompletionDeps = Omit<CompletionContext, 'certificateLinks' | 'meetingCache'> &
  Pick<DevelopmentContext, 'cardSecret'>;

/** The completion use-cases bound to one context; the certificate signer and the meeting cache are made here, once. */
export function createCompletionService(deps: CompletionDeps) {
  const ctx: CompletionContext = {
    ...deps,
    certificateLinks: createLinkSigner(deps.cardSecret, 'training-cert'),
    meetingCache: new Map(),
  };
  return bindUseCases(ctx, {
    progress: (c: CompletionContext, batchId: string) => progress(c.db, batchId),
    certificatesToIssue,
    meetings: listMeetings,
    addMeeting,
    meetingQr,
    scan,
    mark: markAttendance,
    attendance: attendanceReport,
    attendanceSheet,
    setScores,
    issueCertificates,
    revokeCertificate,
    certificatePdf,
    verifyUrl,
    verifyCertificate,
    certificates: batchCertificates,
    mine: myCertificates,
    giveFeedback,
    feedback: batchFeedback,
    feedbackByPartner,
    /** A batch's pre/post-test means and gain. */
    gainOf: (_c: CompletionContext, rows: { pre: number | null; post: number | null }[]) => batchGain(rows),
  });
}

export type CompletionService = ReturnType<typeof createCompletionService>;
