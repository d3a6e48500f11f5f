/** Recruitment endpoints: catalog, biodata, applications and uploads, verification, committee. */
import type { z } from 'zod';
import { recruitmentEndpoints as E } from '../../../../common/contracts/recruitment.endpoints.ts';
import type {
  CreatePeriodBody,
  FormationBody,
  Profile,
  SessionBody,
  SiteBody,
  Stages,
} from '../../../../common/contracts/recruitment.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export interface CatalogFilter {
  periodId?: string;
  organizationId?: string;
  educationLevel?: string;
  needType?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

type Verdict = { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null };
const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

export const recruitmentApi = {
  publicPeriods: () => call(E.publicPeriods),
  catalog: (f: CatalogFilter) => call(E.catalog, { query: f as z.input<typeof E.catalog.query> }),
  card: (registrationNo: string, s: string) => call(E.verifyCard, { params: { registrationNo }, query: { s } }),

  profile: () => call(E.profile),
  saveProfile: (body: Profile) => call(E.saveProfile, { body }),
  myApplications: () => call(E.myApplications),
  myApplication: (id: string) => call(E.myApplication, { params: { id } }),
  apply: (body: { periodId: string; formationId: string }) => call(E.apply, { body }),
  deleteDraft: (id: string) => call(E.deleteDraft, { params: { id } }),
  submit: (id: string) => call(E.submit, { params: { id } }),
  timeline: (id: string) => call(E.timeline, { params: { id } }),
  upload: (id: string, kind: string, file: File, onProgress?: (p: number) => void) =>
    upload(E.uploadDocument, { params: { id, kind } }, fileForm(file), onProgress),
  objection: (id: string, reason: string, file: File | null, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('reason', reason);
    if (file) form.append('file', file, file.name);
    return upload(E.fileObjection, { params: { id } }, form, onProgress);
  },

  periods: () => call(E.periods),
  createPeriod: (body: z.infer<typeof CreatePeriodBody>) => call(E.createPeriod, { body }),
  updateStages: (periodId: string, stages: z.infer<typeof Stages>) =>
    call(E.updateStages, { params: { id: periodId }, body: { stages } }),
  verifiers: () => call(E.verifierAccounts),
  periodVerifiers: (periodId: string) => call(E.periodVerifiers, { params: { id: periodId } }),
  assignVerifier: (periodId: string, accountId: string) =>
    call(E.assignVerifier, { params: { id: periodId }, body: { accountId } }),
  periodCommittee: (periodId: string) => call(E.committeeMembers, { params: { id: periodId } }),
  committeeAccounts: () => call(E.committeeAccounts),
  addCommitteeMember: (periodId: string, accountId: string) =>
    call(E.addCommitteeMember, { params: { id: periodId }, body: { accountId } }),
  removeCommitteeMember: (periodId: string, accountId: string) =>
    call(E.removeCommitteeMember, { params: { id: periodId, accountId } }),
  unassignVerifier: (periodId: string, accountId: string) =>
    call(E.unassignVerifier, { params: { id: periodId, accountId } }),
  createFormation: (periodId: string, body: z.infer<typeof FormationBody>) =>
    call(E.createFormation, { params: { id: periodId }, body }),
  importFormations: (periodId: string, file: File, onProgress?: (p: number) => void) =>
    upload(E.importFormations, { params: { id: periodId } }, fileForm(file), onProgress),
  /** The formation sheet of a period, for a download link. */
  exportFormationsUrl: (periodId: string, format: 'xlsx' | 'csv') =>
    urlOf(E.exportFormations, { params: { id: periodId }, query: { format } }),
  /** Every file and its MS/TMS outcome as XLSX, for a download link. */
  outcomesXlsxUrl: (periodId: string) => urlOf(E.outcomesXlsx, { params: { id: periodId } }),
  /** A published announcement's PENGUMUMAN PDF, for a link. */
  announcementPdfUrl: (announcementId: string) => urlOf(E.announcementPdf, { params: { id: announcementId } }),
  announcements: (periodId: string) => call(E.announcements, { params: { id: periodId } }),
  proposeAnnouncement: (periodId: string, body: { stage: 'administration' | 'reannouncement'; note: string | null }) =>
    call(E.proposeAnnouncement, { params: { id: periodId }, body }),
  decideAnnouncement: (id: string, body: { approve: boolean; note: string | null }) =>
    call(E.decideAnnouncement, { params: { id }, body }),
  objections: (periodId: string) => call(E.objections, { params: { id: periodId } }),
  answerObjection: (id: string, body: { accept: boolean; response: string }) =>
    call(E.answerObjection, { params: { id }, body }),
  /** A sanggah's evidence file, for a link. */
  objectionEvidenceUrl: (id: string) => urlOf(E.objectionEvidence, { params: { id } }),
  sites: (periodId: string) => call(E.examSites, { params: { id: periodId } }),
  createSite: (periodId: string, body: z.infer<typeof SiteBody>) =>
    call(E.createSite, { params: { id: periodId }, body }),
  createSession: (siteId: string, body: z.infer<typeof SessionBody>) =>
    call(E.createSession, { params: { id: siteId }, body }),
  assign: (periodId: string) => call(E.assignSessions, { params: { id: periodId } }),

  reasons: () => call(E.tmsReasons),
  queue: (f: { periodId: string; status?: string; mine?: boolean; page?: number }) =>
    call(E.queue, {
      query: {
        periodId: f.periodId,
        status: f.status as z.input<typeof E.queue.query>['status'],
        mine: f.mine ? 'true' : undefined,
        page: f.page,
      },
    }),
  claim: (body: { periodId: string; count: number }) => call(E.claim, { body }),
  detail: (id: string) => call(E.verificationDetail, { params: { id } }),
  markDocument: (id: string, kind: string, body: Verdict) => call(E.markDocument, { params: { id, kind }, body }),
  verdict: (id: string, body: Verdict) => call(E.proposeVerdict, { params: { id }, body }),
  /** Every document's MS/TMS and the file verdict in one request (all or nothing). */
  verifyFile: (id: string, body: { documents: ({ kind: string } & Verdict)[] } & Verdict) =>
    call(E.verifyFile, { params: { id }, body }),
  review: (id: string, body: { approve: boolean; note: string | null }) => call(E.review, { params: { id }, body }),
  /** The applicant's registration and exam cards (PDF), for download links. */
  registrationCardUrl: (id: string) => urlOf(E.registrationCard, { params: { id } }),
  examCardUrl: (id: string) => urlOf(E.examCard, { params: { id } }),
};

export const documentUrl = (applicationId: string, kind: string) =>
  urlOf(E.document, { params: { id: applicationId, kind } });

/**
 * The path and query of the card-check URL the server gives (its absolute origin is the public
 * URL, which may differ from the one the app is opened on), so the link stays in this app.
 */
export function cardCheckPath(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, window.location.origin);
    return `${u.pathname}${u.search}`;
  } catch {
    return null;
  }
}
