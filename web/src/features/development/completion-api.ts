/** Completion endpoints: meetings and the QR, scans, marks, scores, certificates, feedback. */
import type { z } from 'zod';
import type {
  AttendanceReport as AttendanceReportSchema,
  CertificateCheck as CertificateCheckSchema,
  CertificateList,
  CertificateView,
  CreatedId,
  FeedbackBody,
  FeedbackReport as FeedbackReportSchema,
  IssueResult,
  MarkResult,
  MeetingBody,
  MeetingList,
  MeetingQrView,
  MeetingView,
  OkResponse,
  PartnerFeedback,
  ScanResult as ScanResultSchema,
  ScoresBody,
  ScoresResult,
} from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';

export type Meeting = z.infer<typeof MeetingView>;
export type MeetingQr = z.infer<typeof MeetingQrView>;
export type ScanResult = z.infer<typeof ScanResultSchema>;
export type AttendanceReport = z.infer<typeof AttendanceReportSchema>;
export type Certificate = z.infer<typeof CertificateView>;
export type CertificateCheck = z.infer<typeof CertificateCheckSchema>;
export type FeedbackReport = z.infer<typeof FeedbackReportSchema>;

export const completionApi = {
  meetings: (batchId: string) => api<z.infer<typeof MeetingList>>(`/api/v1/training/batches/${batchId}/meetings`),
  addMeeting: (batchId: string, body: z.input<typeof MeetingBody>) => api<z.infer<typeof CreatedId>>(`/api/v1/training/batches/${batchId}/meetings`, { method: 'POST', body }),
  qr: (meetingId: string) => api<MeetingQr>(`/api/v1/training/meetings/${meetingId}/qr`),
  scan: (token: string, scannedAt?: string) => api<ScanResult>('/api/v1/me/attendance', { method: 'POST', body: scannedAt ? { token, scannedAt } : { token } }),
  mark: (meetingId: string, enrollmentId: string, present: boolean) => api<z.infer<typeof MarkResult>>(`/api/v1/training/meetings/${meetingId}/attendance`, { method: 'POST', body: { enrollmentId, present } }),
  attendance: (batchId: string) => api<AttendanceReport>(`/api/v1/training/batches/${batchId}/attendance`),
  attendanceXlsx: (batchId: string) => `/api/v1/training/batches/${batchId}/attendance.xlsx`,
  setScores: (enrollmentId: string, body: z.input<typeof ScoresBody>) => api<z.infer<typeof ScoresResult>>(`/api/v1/training/enrollments/${enrollmentId}/scores`, { method: 'PUT', body }),
  certificates: (batchId: string) => api<z.infer<typeof CertificateList>>(`/api/v1/training/batches/${batchId}/certificates`),
  issue: (batchId: string, enrollmentIds: string[]) => api<z.infer<typeof IssueResult>>(`/api/v1/training/batches/${batchId}/certificates`, { method: 'POST', body: { enrollmentIds } }),
  revoke: (id: string, reason: string) => api<z.infer<typeof OkResponse>>(`/api/v1/training/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
  pdfUrl: (id: string) => `/api/v1/training/certificates/${id}/pdf`,
  check: (id: string, s: string) => api<CertificateCheck>(`/api/v1/public/training/certificates/${id}?s=${encodeURIComponent(s)}`),
  giveFeedback: (enrollmentId: string, body: z.input<typeof FeedbackBody>) => api<z.infer<typeof OkResponse>>(`/api/v1/me/enrollments/${enrollmentId}/feedback`, { method: 'POST', body }),
  feedbackByPartner: () => api<z.infer<typeof PartnerFeedback>>('/api/v1/training/feedback/partners'),
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
