/** Participation endpoints: complaints, surveys, observers, open data. */
import type { z } from 'zod';
import type { ComplaintBody, ServiceUnitBody, SurveyBody } from '../../../../common/contracts/participation.ts';
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
  attachmentUrl: (id: string, attachmentId: string) => `/api/v1/complaints/${id}/attachments/${attachmentId}`,

  units: () => api<{ units: Unit[] }>('/api/v1/public/service-units'),
  unit: (id: string) => api<Unit>(`/api/v1/public/service-units/${enc(id)}`),
  createUnit: (body: UnitInput) => api<{ id: string }>('/api/v1/service-units', { method: 'POST', body }),
  respond: async (unitId: string, body: SurveyInput, signedIn: boolean) =>
    api<{ id: string; period: string }>(`/api/v1/public/service-units/${enc(unitId)}/responses`, { method: 'POST', body: { ...body, challenge: signedIn ? null : await solved('survey') } }),
  results: (unitId: string, period?: string) => api<SurveyResults>(`/api/v1/public/service-units/${enc(unitId)}/results${period ? `?period=${enc(period)}` : ''}`),
  posterUrl: (unitId: string) => `/api/v1/service-units/${enc(unitId)}/poster.pdf`,
};
