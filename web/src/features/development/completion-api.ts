/** Completion endpoints: meetings and the QR, scans, marks, scores, certificates, feedback. */
import type { z } from 'zod';
import type { FeedbackBody, MeetingBody, ScoresBody } from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';

export interface Meeting {
  id: string;
  seq: number;
  title: string;
  startsAt: string;
  endsAt: string;
}
export interface MeetingQr {
  meeting: Meeting & { batchId: string; batchName: string; programTitle: string };
  token: string;
  url: string;
  svg: string;
  expiresAt: string;
  windowSeconds: number;
  open: boolean;
}
export interface ScanResult {
  recorded: boolean;
  already: boolean;
  meeting: { seq: number; title: string };
  batch: { id: string; name: string; programTitle: string };
  attendedAt: string;
}
export interface AttendanceReport {
  minAttendancePct: number;
  meetings: (Meeting & { present: number })[];
  participants: { enrollmentId: string; nip: string; fullName: string; attended: number; percent: number | null; marks: { meetingId: string; method: 'scan' | 'manual' | null; at: string | null }[] }[];
}
export interface Certificate {
  id: string;
  enrollmentId: string;
  number: string;
  fullName: string;
  issuedAt: string;
  revoked: { at: string; reason: string } | null;
  verifyUrl: string;
}
export interface CertificateCheck {
  number: string;
  fullName: string;
  programTitle: string;
  batchName: string;
  partnerName: string | null;
  jp: number;
  startsOn: string;
  endsOn: string;
  issuedAt: string;
  revoked: { at: string; reason: string } | null;
}
export interface FeedbackReport {
  responses: number;
  aspects: { aspect: 'facilitator' | 'material' | 'venue' | 'usefulness'; mean: number | null; counts: number[] }[];
  comments: string[];
}

export const completionApi = {
  meetings: (batchId: string) => api<{ meetings: Meeting[] }>(`/api/v1/training/batches/${batchId}/meetings`),
  addMeeting: (batchId: string, body: z.input<typeof MeetingBody>) => api<{ id: string }>(`/api/v1/training/batches/${batchId}/meetings`, { method: 'POST', body }),
  qr: (meetingId: string) => api<MeetingQr>(`/api/v1/training/meetings/${meetingId}/qr`),
  scan: (token: string, scannedAt?: string) => api<ScanResult>('/api/v1/me/attendance', { method: 'POST', body: scannedAt ? { token, scannedAt } : { token } }),
  mark: (meetingId: string, enrollmentId: string, present: boolean) => api<{ changed: boolean }>(`/api/v1/training/meetings/${meetingId}/attendance`, { method: 'POST', body: { enrollmentId, present } }),
  attendance: (batchId: string) => api<AttendanceReport>(`/api/v1/training/batches/${batchId}/attendance`),
  attendanceXlsx: (batchId: string) => `/api/v1/training/batches/${batchId}/attendance.xlsx`,
  setScores: (enrollmentId: string, body: z.input<typeof ScoresBody>) => api<{ gain: number | null }>(`/api/v1/training/enrollments/${enrollmentId}/scores`, { method: 'PUT', body }),
  certificates: (batchId: string) => api<{ certificates: Certificate[] }>(`/api/v1/training/batches/${batchId}/certificates`),
  issue: (batchId: string, enrollmentIds: string[]) => api<{ issued: { id: string; number: string; fullName: string }[]; already: number }>(`/api/v1/training/batches/${batchId}/certificates`, { method: 'POST', body: { enrollmentIds } }),
  revoke: (id: string, reason: string) => api<{ ok: true }>(`/api/v1/training/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
  pdfUrl: (id: string) => `/api/v1/training/certificates/${id}/pdf`,
  check: (id: string, s: string) => api<CertificateCheck>(`/api/v1/public/training/certificates/${id}?s=${encodeURIComponent(s)}`),
  giveFeedback: (enrollmentId: string, body: z.input<typeof FeedbackBody>) => api<{ ok: true }>(`/api/v1/me/enrollments/${enrollmentId}/feedback`, { method: 'POST', body }),
  feedbackByPartner: () => api<{ partners: { partner: { id: string; name: string } | null; batches: number; responses: number; aspects: FeedbackReport['aspects'] }[] }>('/api/v1/training/feedback/partners'),
  feedback: (batchId: string) => api<FeedbackReport>(`/api/v1/training/batches/${batchId}/feedback`),
};

// ── the offline scan queue (localStorage) ──
const QUEUE_KEY = 'merit.attendance.queue';
export interface QueuedScan {
  token: string;
  scannedAt: string;
}
export function queuedScans(): QueuedScan[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is QueuedScan => typeof x?.token === 'string' && typeof x?.scannedAt === 'string') : [];
  } catch {
    return [];
  }
}
export function saveQueue(list: QueuedScan[]) {
  if (list.length === 0) localStorage.removeItem(QUEUE_KEY);
  else localStorage.setItem(QUEUE_KEY, JSON.stringify(list.slice(-50)));
}
export function enqueueScan(scan: QueuedScan) {
  const list = queuedScans().filter((q) => q.token !== scan.token);
  saveQueue([...list, scan]);
}
