/** Completion endpoints: meetings and the QR, scans, marks, scores, certificates, feedback. */
import type { z } from 'zod';
import type {
  AttendanceReport as AttendanceReportSchema,
  CertificateCheck as CertificateCheckSchema,
  CertificateView,
  FeedbackBody,
  FeedbackReport as FeedbackReportSchema,
  MeetingBody,
  MeetingQrView,
  MeetingView,
  ScanResult as ScanResultSchema,
  ScoresBody,
} from '../../../../common/contracts/development.ts';
import {
  certificateCheckEndpoints as P,
  completionEndpoints as E,
} from '../../../../common/contracts/development.endpoints.ts';
import { call, urlOf } from '../../app/client.ts';

export type Meeting = z.infer<typeof MeetingView>;
export type MeetingQr = z.infer<typeof MeetingQrView>;
export type ScanResult = z.infer<typeof ScanResultSchema>;
export type AttendanceReport = z.infer<typeof AttendanceReportSchema>;
export type Certificate = z.infer<typeof CertificateView>;
export type CertificateCheck = z.infer<typeof CertificateCheckSchema>;
export type FeedbackReport = z.infer<typeof FeedbackReportSchema>;

export const completionApi = {
  meetings: (batchId: string) => call(E.meetings, { params: { id: batchId } }),
  addMeeting: (batchId: string, body: z.input<typeof MeetingBody>) =>
    call(E.addMeeting, { params: { id: batchId }, body }),
  qr: (meetingId: string) => call(E.meetingQr, { params: { id: meetingId } }),
  scan: (token: string, scannedAt?: string) => call(E.scan, { body: scannedAt ? { token, scannedAt } : { token } }),
  mark: (meetingId: string, enrollmentId: string, present: boolean) =>
    call(E.mark, { params: { id: meetingId }, body: { enrollmentId, present } }),
  attendance: (batchId: string) => call(E.attendance, { params: { id: batchId } }),
  attendanceXlsx: (batchId: string) => urlOf(E.attendanceSheet, { params: { id: batchId } }),
  setScores: (enrollmentId: string, body: z.input<typeof ScoresBody>) =>
    call(E.setScores, { params: { id: enrollmentId }, body }),
  certificates: (batchId: string) => call(E.certificates, { params: { id: batchId } }),
  issue: (batchId: string, enrollmentIds: string[]) =>
    call(E.issueCertificates, { params: { id: batchId }, body: { enrollmentIds } }),
  revoke: (id: string, reason: string) => call(E.revokeCertificate, { params: { id }, body: { reason } }),
  pdfUrl: (id: string) => urlOf(E.certificatePdf, { params: { id } }),
  check: (id: string, s: string) => call(P.verifyCertificate, { params: { id }, query: { s } }),
  giveFeedback: (enrollmentId: string, body: z.input<typeof FeedbackBody>) =>
    call(E.giveFeedback, { params: { id: enrollmentId }, body }),
  feedbackByPartner: () => call(E.feedbackByPartner),
  feedback: (batchId: string) => call(E.feedback, { params: { id: batchId } }),
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
    return Array.isArray(v)
      ? v.filter((x): x is QueuedScan => typeof x?.token === 'string' && typeof x?.scannedAt === 'string')
      : [];
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
