/** Recruitment endpoints: catalog, biodata, applications and uploads, verification, committee. */
import type { z } from 'zod';
import type { CreatePeriodBody, FormationBody, Profile, SessionBody, SiteBody, Stages } from '../../../../common/contracts/recruitment.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';
import type {
  Announcement,
  Application,
  Catalog,
  ExamSite,
  ImportReport,
  Objection,
  Period,
  PublicCard,
  Queue,
  TimelineEvent,
  TmsReason,
  VerificationDetail,
  VerifierAccount,
} from './types.ts';

type Ok = { ok: true };

export interface CatalogFilter {
  periodId?: string;
  organizationId?: string;
  educationLevel?: string;
  needType?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

export const recruitmentApi = {
  publicPeriods: () => api<{ periods: Period[] }>('/api/v1/public/periods'),
  catalog: (f: CatalogFilter) => api<Catalog>(`/api/v1/public/formations${queryString({ ...f })}`),
  card: (registrationNo: string, s: string) => api<PublicCard>(`/api/v1/public/cards/${encodeURIComponent(registrationNo)}${queryString({ s })}`),

  profile: () => api<{ profile: Profile | null }>('/api/v1/me/profile'),
  saveProfile: (body: Profile) => api<{ profile: Profile }>('/api/v1/me/profile', { method: 'PUT', body }),
  myApplications: () => api<{ applications: Application[] }>('/api/v1/me/applications'),
  myApplication: (id: string) => api<Application>(`/api/v1/me/applications/${id}`),
  apply: (body: { periodId: string; formationId: string }) => api<Application>('/api/v1/me/applications', { method: 'POST', body }),
  deleteDraft: (id: string) => api<Ok>(`/api/v1/me/applications/${id}`, { method: 'DELETE' }),
  submit: (id: string) => api<Application>(`/api/v1/me/applications/${id}/submit`, { method: 'POST' }),
  timeline: (id: string) => api<{ events: TimelineEvent[] }>(`/api/v1/me/applications/${id}/timeline`),
  upload: (id: string, kind: string, file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<{ kind: string; size: number; mime: string }>('PUT', `/api/v1/me/applications/${id}/documents/${kind}`, form, onProgress);
  },
  objection: (id: string, reason: string, file: File | null, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('reason', reason);
    if (file) form.append('file', file, file.name);
    return uploadForm<{ id: string; deadlineAt: string }>('POST', `/api/v1/me/applications/${id}/objection`, form, onProgress);
  },

  periods: () => api<{ periods: Period[] }>('/api/v1/periods'),
  createPeriod: (body: z.infer<typeof CreatePeriodBody>) => api<{ id: string }>('/api/v1/periods', { method: 'POST', body }),
  updateStages: (periodId: string, stages: z.infer<typeof Stages>) => api<Period>(`/api/v1/periods/${periodId}/stages`, { method: 'PUT', body: { stages } }),
  verifiers: () => api<{ verifiers: VerifierAccount[] }>('/api/v1/verifiers'),
  periodVerifiers: (periodId: string) => api<{ verifiers: VerifierAccount[] }>(`/api/v1/periods/${periodId}/verifiers`),
  assignVerifier: (periodId: string, accountId: string) => api<Ok>(`/api/v1/periods/${periodId}/verifiers`, { method: 'POST', body: { accountId } }),
  periodCommittee: (periodId: string) => api<{ members: VerifierAccount[] }>(`/api/v1/periods/${periodId}/committee`),
  committeeAccounts: () => api<{ accounts: VerifierAccount[] }>('/api/v1/committee-accounts'),
  addCommitteeMember: (periodId: string, accountId: string) => api<Ok>(`/api/v1/periods/${periodId}/committee`, { method: 'POST', body: { accountId } }),
  removeCommitteeMember: (periodId: string, accountId: string) => api<Ok>(`/api/v1/periods/${periodId}/committee/${accountId}`, { method: 'DELETE' }),
  unassignVerifier: (periodId: string, accountId: string) => api<Ok>(`/api/v1/periods/${periodId}/verifiers/${accountId}`, { method: 'DELETE' }),
  createFormation: (periodId: string, body: z.infer<typeof FormationBody>) => api<{ id: string }>(`/api/v1/periods/${periodId}/formations`, { method: 'POST', body }),
  importFormations: (periodId: string, file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<ImportReport>('POST', `/api/v1/periods/${periodId}/formations/import`, form, onProgress);
  },
  announcements: (periodId: string) => api<{ announcements: Announcement[] }>(`/api/v1/periods/${periodId}/announcements`),
  proposeAnnouncement: (periodId: string, body: { stage: 'administration' | 'reannouncement'; note: string | null }) =>
    api<{ id: string }>(`/api/v1/periods/${periodId}/announcements`, { method: 'POST', body }),
  decideAnnouncement: (id: string, body: { approve: boolean; note: string | null }) => api<{ published: number }>(`/api/v1/announcements/${id}/decision`, { method: 'POST', body }),
  objections: (periodId: string) => api<{ objections: Objection[] }>(`/api/v1/periods/${periodId}/objections`),
  answerObjection: (id: string, body: { accept: boolean; response: string }) => api<Ok>(`/api/v1/objections/${id}/answer`, { method: 'POST', body }),
  sites: (periodId: string) => api<{ sites: ExamSite[] }>(`/api/v1/periods/${periodId}/exam-sites`),
  createSite: (periodId: string, body: z.infer<typeof SiteBody>) => api<{ id: string }>(`/api/v1/periods/${periodId}/exam-sites`, { method: 'POST', body }),
  createSession: (siteId: string, body: z.infer<typeof SessionBody>) => api<{ id: string }>(`/api/v1/exam-sites/${siteId}/sessions`, { method: 'POST', body }),
  assign: (periodId: string) => api<{ assigned: number; unassigned: unknown[] }>(`/api/v1/periods/${periodId}/exam-assignments`, { method: 'POST' }),

  reasons: () => api<{ reasons: TmsReason[] }>('/api/v1/verification/reasons'),
  queue: (f: { periodId: string; status?: string; mine?: boolean; page?: number }) =>
    api<Queue>(`/api/v1/verification/queue${queryString({ periodId: f.periodId, status: f.status, mine: f.mine ? 'true' : undefined, page: f.page })}`),
  claim: (body: { periodId: string; count: number }) => api<{ claimed: number }>('/api/v1/verification/claim', { method: 'POST', body }),
  detail: (id: string) => api<VerificationDetail>(`/api/v1/verification/applications/${id}`),
  markDocument: (id: string, kind: string, body: { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }) =>
    api<Ok>(`/api/v1/verification/applications/${id}/documents/${kind}`, { method: 'PUT', body }),
  verdict: (id: string, body: { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }) =>
    api<Ok>(`/api/v1/verification/applications/${id}/verdict`, { method: 'POST', body }),
  /** Every document's MS/TMS and the file verdict in one request (all or nothing). */
  verifyFile: (id: string, body: { documents: { kind: string; verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }[]; verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }) =>
    api<Ok>(`/api/v1/verification/applications/${id}/verify`, { method: 'POST', body }),
  review: (id: string, body: { approve: boolean; note: string | null }) => api<Ok>(`/api/v1/verification/applications/${id}/review`, { method: 'POST', body }),
};

export const documentUrl = (applicationId: string, kind: string) => `/api/v1/applications/${applicationId}/documents/${kind}`;

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
