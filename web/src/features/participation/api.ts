/** Participation endpoints: complaints, surveys, observers, open data. */
import type { z } from 'zod';
import type { BandsBody, ComplaintBody, ServiceUnitBody, SlaBody, SurveyBody } from '../../../../common/contracts/participation.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';
import { solvePow } from './pow.ts';

export type ComplaintInput = Omit<z.input<typeof ComplaintBody>, 'challenge'>;
export type SurveyInput = Omit<z.input<typeof SurveyBody>, 'challenge'>;
export type UnitInput = z.input<typeof ServiceUnitBody>;

export interface Clock {
  awaiting: 'verification' | 'follow_up' | 'reporter' | null;
  dueOn: string | null;
  late: boolean;
  lateDays: number;
}
export interface ThreadEvent {
  kind: string;
  author: 'reporter' | 'coordinator' | 'opd' | 'system';
  organization: string | null;
  body: string;
  at: string;
}
export interface Tracked {
  trackingId: string;
  kind: string;
  category: string;
  title: string;
  body: string;
  privacy: string;
  status: string;
  organization: { id: string; name: string } | null;
  filedAt: string;
  clock: Clock;
  reporterActions: ('reopen' | 'accept')[];
  canReply: boolean;
  canAttach: boolean;
  attachments: { mime: string; size: number; sha256: string }[];
  events: ThreadEvent[];
}
export interface StaffComplaint {
  id: string;
  trackingId: string;
  kind: string;
  category: string;
  title: string;
  privacy: string;
  status: string;
  organization: { id: string; name: string } | null;
  filedAt: string;
  clock: Clock;
}
export interface StaffComplaintDetail extends StaffComplaint {
  body: string;
  reporter: { name: string | null; contact: string | null; hasAccount: boolean } | null;
  actions: { dispose: boolean; reject: boolean; followUp: boolean };
  attachments: { id: string; mime: string; size: number; sha256: string }[];
  events: ThreadEvent[];
}
export interface OpdRow {
  organizationId: string;
  name: string;
  disposed: number;
  onTime: number;
  late: number;
  pending: number;
  percent: number | null;
}
export interface ComplaintStats {
  updatedAt: string;
  sla: { verifyDays: number; followUpDays: number; closeAfterDays: number };
  total: number;
  byCategory: { category: string; total: number; byStatus: Record<string, number> }[];
  verification: { verified: number; onTime: number; percent: number | null };
  lateNow: number;
  byOrganization: OpdRow[];
}
export interface Unit {
  id: string;
  name: string;
  organization: { id: string; name: string };
  desk: string;
  periodKind: 'triwulan' | 'semester' | 'tahunan';
  unsur: { code: string; label: string; weight: number | null }[];
  population: number;
  sampleNeeded: number;
  currentPeriod: string;
  active: boolean;
  responses?: number;
}
export interface SurveyResults {
  unit: Unit;
  period: string;
  periods: string[];
  respondents: number;
  sampleNeeded: number;
  sampleMet: boolean;
  ikm: number | null;
  converted: number | null;
  band: { grade: string; label: string } | null;
  unsur: { code: string; label: string; weight: number; nrr: number; weighted: number }[];
  bands: { grade: string; min: number; label: string }[];
  profile: Record<'gender' | 'ageBand' | 'education' | 'occupation', { value: string; count: number }[]>;
  updatedAt: string;
}

async function solved(purpose: 'complaint' | 'survey') {
  const c = await api<{ token: string; difficulty: number }>(`/api/v1/public/challenge?purpose=${purpose}`);
  return { token: c.token, solution: await solvePow(c.token, c.difficulty) };
}

const enc = encodeURIComponent;

export const participationApi = {
  /** Files a report; when nobody is signed in the browser first solves the anti-spam challenge. */
  fileComplaint: async (body: ComplaintInput, signedIn: boolean) =>
    api<{ trackingId: string; verificationDueOn: string }>('/api/v1/public/complaints', { method: 'POST', body: { ...body, challenge: signedIn ? null : await solved('complaint') } }),
  attach: (trackingId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<{ id: string }>('POST', `/api/v1/public/complaints/${enc(trackingId)}/attachments`, form);
  },
  track: (trackingId: string) => api<Tracked>(`/api/v1/public/complaints/${enc(trackingId)}`),
  reply: (trackingId: string, action: 'reply' | 'reopen' | 'accept', body: string) => api<Tracked>(`/api/v1/public/complaints/${enc(trackingId)}/replies`, { method: 'POST', body: { action, body } }),
  stats: () => api<ComplaintStats>('/api/v1/public/complaint-statistics'),
  staffList: (status: string, late: string) => {
    const p = new URLSearchParams();
    if (status) p.set('status', status);
    if (late) p.set('late', late);
    return api<{ total: number; complaints: StaffComplaint[] }>(`/api/v1/complaints?${p.toString()}`);
  },
  staffDetail: (id: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}`),
  dispose: (id: string, organizationId: string, note: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}/dispose`, { method: 'POST', body: { organizationId, note } }),
  reject: (id: string, reason: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}/reject`, { method: 'POST', body: { reason } }),
  followUp: (id: string, body: string) => api<StaffComplaintDetail>(`/api/v1/complaints/${id}/follow-up`, { method: 'POST', body: { body } }),
  handoffUrl: (id: string) => `/api/v1/complaints/${id}/lapor-handoff.txt`,
  attachmentUrl: (id: string, attachmentId: string) => `/api/v1/complaints/${id}/attachments/${attachmentId}`,

  units: () => api<{ units: Unit[] }>('/api/v1/public/service-units'),
  unit: (id: string) => api<Unit>(`/api/v1/public/service-units/${enc(id)}`),
  settings: () => api<{ sla: z.infer<typeof SlaBody>; bands: z.infer<typeof BandsBody>['bands'] }>('/api/v1/participation/settings'),
  saveSla: (body: z.infer<typeof SlaBody>) => api<unknown>('/api/v1/admin/participation/sla', { method: 'PUT', body }),
  saveBands: (body: z.infer<typeof BandsBody>) => api<unknown>('/api/v1/admin/participation/ikm-bands', { method: 'PUT', body }),
  createUnit: (body: UnitInput) => api<{ id: string }>('/api/v1/service-units', { method: 'POST', body }),
  respond: async (unitId: string, body: SurveyInput, signedIn: boolean) =>
    api<{ id: string; period: string }>(`/api/v1/public/service-units/${enc(unitId)}/responses`, { method: 'POST', body: { ...body, challenge: signedIn ? null : await solved('survey') } }),
  results: (unitId: string, period?: string) => api<SurveyResults>(`/api/v1/public/service-units/${enc(unitId)}/results${period ? `?period=${enc(period)}` : ''}`),
  posterUrl: (unitId: string) => `/api/v1/service-units/${enc(unitId)}/poster.pdf`,
};

export interface Accreditation {
  id: string;
  periodId: string;
  periodName: string;
  organizationName: string;
  organizationKind: string;
  contactPerson: string | null;
  letter: { size: number; sha256: string };
  status: 'pending' | 'approved' | 'refused';
  reason: string | null;
  expiresOn: string | null;
  active: boolean;
  createdAt: string;
}
export interface Finding {
  id: string;
  periodId: string;
  periodName: string;
  organizationName: string;
  stage: string;
  title: string;
  body: string;
  hasEvidence?: boolean;
  status: 'open' | 'answered';
  filedOn: string;
  dueOn: string;
  answer: string | null;
  answeredOn: string | null;
  late: boolean;
}
export interface ProcessView {
  period: { id: string; name: string; year: number };
  generatedAt: string;
  applicationsByStatus: { status: string; count: number }[];
  formations: { formationId: string; code: string; jabatan: string; submitted: number; ms: number; tms: number; pending: number; reasons: { reason: string; count: number }[] }[];
  objections: { status: string; count: number; announced: number }[];
  examSessions: { id: string; site: string; startsAt: string; capacity: number; assigned: number; started: number; submitted: number; state: 'scheduled' | 'open' | 'closed' }[];
  announcements: { stage: string; status: string; proposedAt: string | null; decidedAt: string | null }[];
  publications: { stage: string; version: number; status: string; proposedAt: string | null; decidedAt: string | null }[];
  findings: { total: number; open: number; overdue: number };
  auditPath: string;
}

export const observerApi = {
  apply: (q: { periodId: string; organizationName: string; organizationKind: string; contactPerson: string }, letter: File) => {
    const form = new FormData();
    form.append('file', letter, letter.name);
    return uploadForm<{ id: string }>('POST', `/api/v1/observer/accreditations?${new URLSearchParams(q).toString()}`, form);
  },
  mine: () => api<{ accreditations: Accreditation[] }>('/api/v1/observer/accreditations'),
  all: () => api<{ accreditations: Accreditation[] }>('/api/v1/accreditations'),
  letterUrl: (id: string) => `/api/v1/accreditations/${id}/letter`,
  decide: (id: string, approve: boolean, reason: string, expiresOn: string | null) => api<{ ok: true }>(`/api/v1/accreditations/${id}/decision`, { method: 'POST', body: { approve, reason, expiresOn } }),
  process: (periodId: string) => api<ProcessView>(`/api/v1/observer/periods/${periodId}/process`),
  fileFinding: (periodId: string, body: { stage: string; title: string; body: string }) => api<{ id: string; dueOn: string }>(`/api/v1/observer/periods/${periodId}/findings`, { method: 'POST', body }),
  evidence: (findingId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<{ sha256: string }>('POST', `/api/v1/observer/findings/${findingId}/evidence`, form);
  },
  findings: (periodId?: string) => api<{ findings: Finding[] }>(`/api/v1/findings${periodId ? `?periodId=${periodId}` : ''}`),
  evidenceUrl: (id: string) => `/api/v1/findings/${id}/evidence`,
  answer: (id: string, answer: string) => api<{ ok: true }>(`/api/v1/findings/${id}/answer`, { method: 'POST', body: { answer } }),
  publicFindings: () => api<{ findings: Finding[] }>('/api/v1/public/findings'),
};

export interface OpenDataset {
  id: string;
  title: string;
  description: string;
  fields: { name: string; type: string; description: string }[];
  rows: number;
  updatedAt: string;
  licence: { id: string; name: string; url: string };
  files: { format: 'csv' | 'json'; url: string; sha256: string }[];
}
export const openDataApi = {
  catalog: () => api<{ generatedAt: string; licence: { id: string; name: string; url: string }; datasets: OpenDataset[] }>('/api/v1/public/open-data'),
};

export interface ConsultationSummary {
  id: string;
  title: string;
  summary: string;
  state: 'draft' | 'scheduled' | 'open' | 'closed' | 'final';
  opensAt: string | null;
  closesAt: string | null;
}
export interface ConsultationView extends ConsultationSummary {
  periodId: string | null;
  moderationRules: string;
  finalNote: string | null;
  finalizedAt: string | null;
  canComment: boolean;
  sections: {
    id: string;
    position: number;
    heading: string;
    draft: string;
    final: string | null;
    changeReason: string | null;
    diff: { op: 'same' | 'add' | 'del'; text: string }[] | null;
    comments: { id: string; author: string; mine: boolean; status: 'visible' | 'hidden'; body: string | null; hiddenReason: string | null; answer: string | null; answeredAt: string | null; createdAt: string }[];
  }[];
  statistics: { comments: number; hidden: number; answered: number; commenters: number; perSection: { sectionId: string; heading: string; comments: number }[] };
}
export const consultationApi = {
  list: () => api<{ consultations: ConsultationSummary[] }>('/api/v1/public/consultations'),
  view: (id: string) => api<ConsultationView>(`/api/v1/public/consultations/${id}`),
  create: (body: { title: string; summary: string; periodId: null; moderationRules: string; sections: { heading: string; body: string }[] }) => api<{ id: string }>('/api/v1/consultations', { method: 'POST', body }),
  open: (id: string, opensAt: string, closesAt: string) => api<ConsultationView>(`/api/v1/consultations/${id}/open`, { method: 'POST', body: { opensAt, closesAt } }),
  finalize: (id: string, body: { note: string; sections: { sectionId: string; body: string; reason: string }[] }) => api<ConsultationView>(`/api/v1/consultations/${id}/final`, { method: 'POST', body }),
  comment: (sectionId: string, body: string) => api<{ id: string }>(`/api/v1/consultation-sections/${sectionId}/comments`, { method: 'POST', body: { body } }),
  hide: (commentId: string, reason: string) => api<{ ok: true }>(`/api/v1/consultation-comments/${commentId}/hide`, { method: 'POST', body: { reason } }),
  answer: (commentId: string, answer: string) => api<{ ok: true }>(`/api/v1/consultation-comments/${commentId}/answer`, { method: 'POST', body: { answer } }),
};

export interface ForumAction {
  id: string;
  description: string;
  owner: string;
  dueOn: string;
  status: 'open' | 'done';
  doneAt: string | null;
  doneNote: string | null;
  late: boolean;
}
export interface Forum {
  id: string;
  title: string;
  topic: string;
  agenda: string;
  heldAt: string;
  venue: string;
  mode: 'tatap_muka' | 'daring' | 'hibrida';
  capacity: number;
  registered: number;
  seatsLeft: number;
  status: 'scheduled' | 'held' | 'cancelled';
  minutes: string | null;
}
export const forumApi = {
  list: () => api<{ forums: (Forum & { actions: { total: number; done: number; late: number } })[] }>('/api/v1/public/forums'),
  view: (id: string) => api<Forum & { registeredMe: boolean; actions: ForumAction[] }>(`/api/v1/public/forums/${id}`),
  create: (body: { title: string; topic: string; agenda: string; heldAt: string; venue: string; mode: Forum['mode']; capacity: number }) => api<{ id: string }>('/api/v1/forums', { method: 'POST', body }),
  register: (id: string) => api<unknown>(`/api/v1/forums/${id}/registrations`, { method: 'POST' }),
  unregister: (id: string) => api<unknown>(`/api/v1/forums/${id}/registrations`, { method: 'DELETE' }),
  minutes: (id: string, body: { minutes: string; actions: { description: string; owner: string; dueOn: string }[] }) => api<unknown>(`/api/v1/forums/${id}/minutes`, { method: 'POST', body }),
  done: (actionId: string, note: string) => api<{ ok: true }>(`/api/v1/forum-actions/${actionId}/done`, { method: 'POST', body: { note } }),
};
