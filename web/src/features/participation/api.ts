/** Participation endpoints: complaints, surveys, observers, open data. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/participation.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';
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
  const c = await api<z.infer<typeof C.ChallengeResponse>>(`/api/v1/public/challenge?purpose=${purpose}`);
  return { token: c.token, solution: await solvePow(c.token, c.difficulty) };
}

const enc = encodeURIComponent;

export const participationApi = {
  /** Files a report; when nobody is signed in the browser first solves the anti-spam challenge. */
  fileComplaint: async (body: ComplaintInput, signedIn: boolean) =>
    api<z.infer<typeof C.ComplaintFiledResponse>>('/api/v1/public/complaints', { method: 'POST', body: { ...body, challenge: signedIn ? null : await solved('complaint') } }),
  attach: (trackingId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<z.infer<typeof C.ComplaintAttachmentResponse>>('POST', `/api/v1/public/complaints/${enc(trackingId)}/attachments`, form);
  },
  track: (trackingId: string) => api<Tracked>(`/api/v1/public/complaints/${enc(trackingId)}`),
  reply: (trackingId: string, action: 'reply' | 'reopen' | 'accept', body: string) => api<Tracked>(`/api/v1/public/complaints/${enc(trackingId)}/replies`, { method: 'POST', body: { action, body } }),
  stats: () => api<ComplaintStats>('/api/v1/public/complaint-statistics'),
  staffList: (status: string, late: string) => {
    const p = new URLSearchParams();
    if (status) p.set('status', status);
    if (late) p.set('late', late);
    return api<z.infer<typeof C.StaffComplaintList>>(`/api/v1/complaints?${p.toString()}`);
  },
  staffDetail: (id: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}`),
  dispose: (id: string, organizationId: string, note: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}/dispose`, { method: 'POST', body: { organizationId, note } }),
  reject: (id: string, reason: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}/reject`, { method: 'POST', body: { reason } }),
  followUp: (id: string, body: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}/follow-up`, { method: 'POST', body: { body } }),
  redactEvent: (id: string, eventId: string, phrase: string) => api<RedactResult>(`/api/v1/complaints/${id}/events/${eventId}/redact`, { method: 'POST', body: { phrase } }),
  handoffUrl: (id: string) => `/api/v1/complaints/${id}/lapor-handoff.txt`,
  attachmentUrl: (id: string, attachmentId: string) => `/api/v1/complaints/${id}/attachments/${attachmentId}`,

  units: () => api<z.infer<typeof C.ServiceUnitList>>('/api/v1/public/service-units'),
  unit: (id: string) => api<Unit>(`/api/v1/public/service-units/${enc(id)}`),
  settings: () => api<z.infer<typeof C.SettingsResponse>>('/api/v1/participation/settings'),
  saveSla: (body: z.infer<typeof C.SlaBody>) => api<z.infer<typeof C.Sla>>('/api/v1/admin/participation/sla', { method: 'PUT', body }),
  saveBands: (body: z.infer<typeof C.BandsBody>) => api<z.infer<typeof C.BandsResponse>>('/api/v1/admin/participation/ikm-bands', { method: 'PUT', body }),
  createUnit: (body: UnitInput) => api<z.infer<typeof C.UnitCreatedResponse>>('/api/v1/service-units', { method: 'POST', body }),
  respond: async (unitId: string, body: SurveyInput, signedIn: boolean) =>
    api<z.infer<typeof C.SurveyAnsweredResponse>>(`/api/v1/public/service-units/${enc(unitId)}/responses`, { method: 'POST', body: { ...body, challenge: signedIn ? null : await solved('survey') } }),
  results: (unitId: string, period?: string) => api<SurveyResults>(`/api/v1/public/service-units/${enc(unitId)}/results${period ? `?period=${enc(period)}` : ''}`),
  posterUrl: (unitId: string) => `/api/v1/service-units/${enc(unitId)}/poster.pdf`,
};

export type Accreditation = z.infer<typeof C.Accreditation>;
/** A finding; whether it has evidence is not on the public page. */
/** Staff and observers get `hasEvidence` and `publicAnswer`; the public list has neither (its `answer` is already the public one). */
export type Finding = Omit<z.infer<typeof C.Finding>, 'hasEvidence' | 'publicAnswer'> & { hasEvidence?: boolean; publicAnswer?: string | null };
export type RedactResult = z.infer<typeof C.RedactResponse>;
export type ProcessView = z.infer<typeof C.ProcessView>;

export const observerApi = {
  apply: (q: { periodId: string; organizationName: string; organizationKind: string; contactPerson: string }, letter: File) => {
    const form = new FormData();
    form.append('file', letter, letter.name);
    return uploadForm<z.infer<typeof C.AccreditationApplied>>('POST', `/api/v1/observer/accreditations?${new URLSearchParams(q).toString()}`, form);
  },
  mine: () => api<z.infer<typeof C.AccreditationList>>('/api/v1/observer/accreditations'),
  all: () => api<z.infer<typeof C.AccreditationList>>('/api/v1/accreditations'),
  letterUrl: (id: string) => `/api/v1/accreditations/${id}/letter`,
  decide: (id: string, approve: boolean, reason: string, expiresOn: string | null) => api<z.infer<typeof C.OkResponse>>(`/api/v1/accreditations/${id}/decision`, { method: 'POST', body: { approve, reason, expiresOn } }),
  process: (periodId: string) => api<ProcessView>(`/api/v1/observer/periods/${periodId}/process`),
  fileFinding: (periodId: string, body: { stage: string; title: string; body: string }) => api<z.infer<typeof C.FindingFiledResponse>>(`/api/v1/observer/periods/${periodId}/findings`, { method: 'POST', body }),
  evidence: (findingId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<z.infer<typeof C.EvidenceResponse>>('POST', `/api/v1/observer/findings/${findingId}/evidence`, form);
  },
  findings: (periodId?: string) => api<z.infer<typeof C.FindingList>>(`/api/v1/findings${periodId ? `?periodId=${periodId}` : ''}`),
  evidenceUrl: (id: string) => `/api/v1/findings/${id}/evidence`,
  answer: (id: string, answer: string) => api<z.infer<typeof C.OkResponse>>(`/api/v1/findings/${id}/answer`, { method: 'POST', body: { answer } }),
  redactAnswer: (id: string, phrase: string) => api<RedactResult>(`/api/v1/findings/${id}/redact`, { method: 'POST', body: { phrase } }),
  publicFindings: () => api<z.infer<typeof C.PublicFindingList>>('/api/v1/public/findings'),
};

export type OpenDataset = z.infer<typeof C.OpenDataset>;
export const openDataApi = {
  catalog: () => api<z.infer<typeof C.OpenDataCatalog>>('/api/v1/public/open-data'),
};

export type ConsultationSummary = z.infer<typeof C.ConsultationSummary>;
export type ConsultationView = z.infer<typeof C.ConsultationView>;
export const consultationApi = {
  list: () => api<z.infer<typeof C.ConsultationList>>('/api/v1/public/consultations'),
  view: (id: string) => api<ConsultationView>(`/api/v1/public/consultations/${id}`),
  create: (body: { title: string; summary: string; periodId: null; moderationRules: string; sections: { heading: string; body: string }[] }) => api<z.infer<typeof C.IdResponse>>('/api/v1/consultations', { method: 'POST', body }),
  open: (id: string, opensAt: string, closesAt: string) => api<ConsultationView>(`/api/v1/consultations/${id}/open`, { method: 'POST', body: { opensAt, closesAt } }),
  finalize: (id: string, body: { note: string; sections: { sectionId: string; body: string; reason: string }[] }) => api<ConsultationView>(`/api/v1/consultations/${id}/final`, { method: 'POST', body }),
  comment: (sectionId: string, body: string) => api<z.infer<typeof C.IdResponse>>(`/api/v1/consultation-sections/${sectionId}/comments`, { method: 'POST', body: { body } }),
  hide: (commentId: string, reason: string) => api<z.infer<typeof C.OkResponse>>(`/api/v1/consultation-comments/${commentId}/hide`, { method: 'POST', body: { reason } }),
  answer: (commentId: string, answer: string) => api<z.infer<typeof C.OkResponse>>(`/api/v1/consultation-comments/${commentId}/answer`, { method: 'POST', body: { answer } }),
  close: (id: string) => api<ConsultationView>(`/api/v1/consultations/${id}/close`, { method: 'POST' }),
  /** The signed-in person's forum registrations and comments. */
  mine: () => api<z.infer<typeof C.MyParticipation>>('/api/v1/me/participation'),
};

export type ForumAction = z.infer<typeof C.ForumAction>;
export type Forum = z.infer<typeof C.Forum>;
export const forumApi = {
  list: () => api<z.infer<typeof C.ForumList>>('/api/v1/public/forums'),
  view: (id: string) => api<z.infer<typeof C.ForumView>>(`/api/v1/public/forums/${id}`),
  create: (body: { title: string; topic: string; agenda: string; heldAt: string; venue: string; mode: Forum['mode']; capacity: number }) => api<z.infer<typeof C.IdResponse>>('/api/v1/forums', { method: 'POST', body }),
  register: (id: string) => api<z.infer<typeof C.ForumView>>(`/api/v1/forums/${id}/registrations`, { method: 'POST' }),
  unregister: (id: string) => api<z.infer<typeof C.ForumView>>(`/api/v1/forums/${id}/registrations`, { method: 'DELETE' }),
  minutes: (id: string, body: { minutes: string; actions: { description: string; owner: string; dueOn: string }[] }) => api<z.infer<typeof C.ForumView>>(`/api/v1/forums/${id}/minutes`, { method: 'POST', body }),
  done: (actionId: string, note: string) => api<z.infer<typeof C.OkResponse>>(`/api/v1/forum-actions/${actionId}/done`, { method: 'POST', body: { note } }),
};
