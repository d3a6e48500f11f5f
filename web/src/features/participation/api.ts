/** Participation endpoints (common/contracts/participation.endpoints.ts): complaints, surveys, observers, open data, consultations, forums. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/participation.ts';
import { participationEndpoints as P } from '../../../../common/contracts/participation.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';
import { solvePow } from './pow.ts';

export type ComplaintInput = Omit<z.input<typeof C.ComplaintBody>, 'challenge'>;
export type SurveyInput = Omit<z.input<typeof C.SurveyBody>, 'challenge'>;
export type UnitInput = z.input<typeof C.ServiceUnitBody>;

export type Clock = z.infer<typeof C.ComplaintClock>;
export type ThreadEvent = z.infer<typeof C.ThreadEvent>;
export type Tracked = z.infer<typeof C.TrackedComplaint>;
export type StaffComplaint = z.infer<typeof C.StaffComplaint>;
export type StaffComplaintDetail = z.infer<typeof C.StaffComplaintDetail>;
export type OpdRow = z.infer<typeof C.OpdRow>;
export type ComplaintStats = z.infer<typeof C.ComplaintStatistics>;
/** A unit; the list also counts the current period's questionnaires. */
export type Unit = z.infer<typeof C.ServiceUnit> & { responses?: number };
export type SurveyResults = z.infer<typeof C.SurveyResults>;

async function solved(purpose: 'complaint' | 'survey') {
  const c = await call(P.challenge, { query: { purpose } });
  return { token: c.token, solution: await solvePow(c.token, c.difficulty) };
}

/** A form holding one file under "file", as the upload endpoints read it. */
function fileForm(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

type StaffListQuery = z.input<typeof C.ComplaintListQuery>;

export const participationApi = {
  /** Files a report; when nobody is signed in the browser first solves the anti-spam challenge. */
  fileComplaint: async (body: ComplaintInput, signedIn: boolean) =>
    call(P.fileComplaint, { body: { ...body, challenge: signedIn ? null : await solved('complaint') } }),
  attach: (trackingId: string, file: File) => upload(P.attachComplaint, { params: { trackingId } }, fileForm(file)),
  track: (trackingId: string) => call(P.trackComplaint, { params: { trackingId } }),
  reply: (trackingId: string, action: 'reply' | 'reopen' | 'accept', body: string) =>
    call(P.replyComplaint, { params: { trackingId }, body: { action, body } }),
  stats: () => call(P.complaintStatistics),
  /** Empty filters are left out of the query. */
  staffList: (status: string, late: string) =>
    call(P.staffComplaints, {
      query: {
        status: (status || undefined) as StaffListQuery['status'],
        late: (late || undefined) as StaffListQuery['late'],
      },
    }),
  staffDetail: (id: string) => call(P.staffComplaint, { params: { id } }),
  dispose: (id: string, organizationId: string, note: string) =>
    call(P.disposeComplaint, { params: { id }, body: { organizationId, note } }),
  reject: (id: string, reason: string) => call(P.rejectComplaint, { params: { id }, body: { reason } }),
  followUp: (id: string, body: string) => call(P.followUpComplaint, { params: { id }, body: { body } }),
  redactEvent: (id: string, eventId: string, phrase: string) =>
    call(P.redactComplaintEvent, { params: { id, eventId }, body: { phrase } }),
  handoffUrl: (id: string) => urlOf(P.complaintHandoff, { params: { id } }),
  attachmentUrl: (id: string, attachmentId: string) => urlOf(P.complaintAttachment, { params: { id, attachmentId } }),

  units: () => call(P.serviceUnits),
  unit: (id: string): Promise<Unit> => call(P.serviceUnit, { params: { unitId: id } }),
  settings: () => call(P.settings),
  saveSla: (body: z.input<typeof C.SlaBody>) => call(P.saveSla, { body }),
  saveBands: (body: z.input<typeof C.BandsBody>) => call(P.saveBands, { body }),
  createUnit: (body: UnitInput) => call(P.createServiceUnit, { body }),
  respond: async (unitId: string, body: SurveyInput, signedIn: boolean) =>
    call(P.respondSurvey, {
      params: { unitId },
      body: { ...body, challenge: signedIn ? null : await solved('survey') },
    }),
  results: (unitId: string, period?: string) => call(P.surveyResults, { params: { unitId }, query: { period } }),
  posterUrl: (unitId: string) => urlOf(P.surveyPoster, { params: { unitId } }),
};

export type Accreditation = z.infer<typeof C.Accreditation>;
/** A finding; whether it has evidence is not on the public page. */
/** Staff and observers get `hasEvidence` and `publicAnswer`; the public list has neither (its `answer` is already the public one). */
export type Finding = Omit<z.infer<typeof C.Finding>, 'hasEvidence' | 'publicAnswer'> & {
  hasEvidence?: boolean;
  publicAnswer?: string | null;
};
export type RedactResult = z.infer<typeof C.RedactResponse>;
export type ProcessView = z.infer<typeof C.ProcessView>;
type AccreditationInput = z.input<typeof C.AccreditationQuery>;

export const observerApi = {
  apply: (
    q: { periodId: string; organizationName: string; organizationKind: string; contactPerson: string },
    letter: File,
  ) =>
    upload(
      P.applyAccreditation,
      { query: { ...q, organizationKind: q.organizationKind as AccreditationInput['organizationKind'] } },
      fileForm(letter),
    ),
  mine: () => call(P.myAccreditations),
  all: () => call(P.accreditations),
  letterUrl: (id: string) => urlOf(P.accreditationLetter, { params: { id } }),
  decide: (id: string, approve: boolean, reason: string, expiresOn: string | null) =>
    call(P.decideAccreditation, { params: { id }, body: { approve, reason, expiresOn } }),
  process: (periodId: string) => call(P.processView, { params: { periodId } }),
  fileFinding: (periodId: string, body: { stage: string; title: string; body: string }) =>
    call(P.fileFinding, {
      params: { periodId },
      body: { ...body, stage: body.stage as z.input<typeof C.FindingBody>['stage'] },
    }),
  evidence: (findingId: string, file: File) =>
    upload(P.addFindingEvidence, { params: { id: findingId } }, fileForm(file)),
  findings: (periodId?: string) => call(P.findings, { query: { periodId } }),
  evidenceUrl: (id: string) => urlOf(P.findingEvidence, { params: { id } }),
  answer: (id: string, answer: string) => call(P.answerFinding, { params: { id }, body: { answer } }),
  redactAnswer: (id: string, phrase: string) => call(P.redactFinding, { params: { id }, body: { phrase } }),
  publicFindings: () => call(P.publicFindings),
};

export type OpenDataset = z.infer<typeof C.OpenDataset>;
export const openDataApi = {
  catalog: () => call(P.openDataCatalog),
};

export type ConsultationSummary = z.infer<typeof C.ConsultationSummary>;
export type ConsultationView = z.infer<typeof C.ConsultationView>;
export const consultationApi = {
  list: () => call(P.consultations),
  view: (id: string) => call(P.consultation, { params: { id } }),
  create: (body: {
    title: string;
    summary: string;
    periodId: null;
    moderationRules: string;
    sections: { heading: string; body: string }[];
  }) => call(P.createConsultation, { body }),
  open: (id: string, opensAt: string, closesAt: string) =>
    call(P.openConsultation, { params: { id }, body: { opensAt, closesAt } }),
  finalize: (id: string, body: { note: string; sections: { sectionId: string; body: string; reason: string }[] }) =>
    call(P.finalizeConsultation, { params: { id }, body }),
  comment: (sectionId: string, body: string) => call(P.commentSection, { params: { id: sectionId }, body: { body } }),
  hide: (commentId: string, reason: string) => call(P.hideComment, { params: { id: commentId }, body: { reason } }),
  answer: (commentId: string, answer: string) => call(P.answerComment, { params: { id: commentId }, body: { answer } }),
  close: (id: string) => call(P.closeConsultation, { params: { id } }),
  /** The signed-in person's forum registrations and comments. */
  mine: () => call(P.myParticipation),
};

export type ForumAction = z.infer<typeof C.ForumAction>;
export type Forum = z.infer<typeof C.Forum>;
export const forumApi = {
  list: () => call(P.forums),
  view: (id: string) => call(P.forum, { params: { id } }),
  create: (body: {
    title: string;
    topic: string;
    agenda: string;
    heldAt: string;
    venue: string;
    mode: Forum['mode'];
    capacity: number;
  }) => call(P.createForum, { body }),
  register: (id: string) => call(P.registerForum, { params: { id } }),
  unregister: (id: string) => call(P.unregisterForum, { params: { id } }),
  minutes: (id: string, body: { minutes: string; actions: { description: string; owner: string; dueOn: string }[] }) =>
    call(P.forumMinutes, { params: { id }, body }),
  done: (actionId: string, note: string) => call(P.forumActionDone, { params: { id: actionId }, body: { note } }),
};
