/** Response shapes of the recruitment API (as the server's services return them). */
import type { z } from 'zod';
import type { EDUCATION_LEVELS, NEED_TYPES, Profile } from '../../../../common/contracts/recruitment.ts';

export type Msg = { id: string; en: string };
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type NeedType = (typeof NEED_TYPES)[number];
export type { Profile };

export interface Period {
  id: string;
  code: string;
  name: string;
  year: number;
  type: 'CPNS' | 'PPPK';
  ageCutoffDate: string;
  stages: Record<string, { start: string; end: string }>;
  ruleSet: unknown;
}

export interface Formation {
  id: string;
  periodId: string;
  code: string;
  organizationId: string;
  organizationName: string;
  jabatan: string;
  educationLevels: EducationLevel[];
  majors: string[];
  needType: NeedType;
  quota: number;
  placement: string | null;
  applicants: number;
}

export interface Catalog {
  total: number;
  page: number;
  pageSize: number;
  formations: Formation[];
}

export interface AppDocument {
  kind: string;
  label: Msg;
  required: boolean;
  mime: string[];
  maxBytes: number;
  uploaded: { size: number; mime: string; uploadedAt: string; originalName: string | null } | null;
  verdict: 'ms' | 'tms' | null;
  /** A published TMS reason: the standard code, its label in both languages, and the verifier's note. */
  reason: { code: string | null; label: Msg | null; text: string | null } | null;
}

export interface Application {
  id: string;
  registrationNo: string;
  status: string;
  result: 'ms' | 'tms' | null;
  submittedAt: string | null;
  participantNo: string | null;
  /** The public page the QR code on the cards opens (absolute URL); null for drafts. */
  cardCheckUrl: string | null;
  period: Period;
  formation: Formation;
  documents: AppDocument[];
  objectionLimits: { reasonChars: { min: number; max: number }; evidenceMaxBytes: number };
  /** Where and when the exam is, once the committee has placed the participant. */
  exam: { siteName: string; siteAddress: string; startsAt: string; durationMinutes: number; extraMinutes: number; seat: number } | null;
  objection: { status: string; reason: string; filedAt: string; deadlineAt: string; response: string | null } | null;
}

export interface TimelineEvent {
  at: string;
  status: string;
  note: Msg;
}

export interface TmsReason {
  code: string;
  id: string;
  en: string;
}

export interface QueueItem {
  id: string;
  registrationNo: string;
  status: string;
  submittedAt: string | null;
  assignedToMe: boolean;
  assigned: boolean;
  proposedVerdict: 'ms' | 'tms' | null;
  reviewed: boolean;
  published: boolean;
  jabatan: string;
  formationCode: string;
  fullName: string;
}

export interface Queue {
  /** Rows matching the current filters (status, mine), for exact paging. */
  total: number;
  counts: { byStatus: Record<string, number>; unassigned: number; awaitingReview: number };
  applications: QueueItem[];
}

export interface VerificationDetail {
  id: string;
  registrationNo: string;
  status: string;
  verifierId: string | null;
  proposedVerdict: 'ms' | 'tms' | null;
  proposedReasons: unknown;
  reviewedBy: string | null;
  publishedResult: 'ms' | 'tms' | null;
  applicant: { fullName: string; nik: string | null; birthPlace: string | null; birthDate: string | null; gender: string | null; email: string; phone: string | null };
  biodata: z.infer<typeof Profile> | null;
  formation: { id: string; code: string; jabatan: string; organizationName: string; educationLevels: string[]; majors: string[]; needType: string };
  documents: { kind: string; label: Msg; mime: string; size: number; verdict: 'ms' | 'tms' | null; reasonCode: string | null; reasonText: string | null }[];
  objection: { id: string; status: string; reason: string; hasEvidence: boolean; deadlineAt: string; response: string | null } | null;
}

export interface Announcement {
  id: string;
  stage: 'administration' | 'reannouncement';
  status: string;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  summary: { ms: number; tms: number } | null;
}

export interface Objection {
  id: string;
  applicationId: string;
  registrationNo: string;
  fullName: string;
  status: string;
  reason: string;
  hasEvidence: boolean;
  filedAt: string;
  deadlineAt: string;
  overdue: boolean;
  response: string | null;
}

export interface ExamSite {
  id: string;
  name: string;
  address: string;
  accessible: boolean;
  sessions: { id: string; startsAt: string; durationMinutes: number; capacity: number; assigned: number }[];
}

export interface ImportReport {
  imported: number;
  report: { line: number; code: string | null; status: 'ok' | 'error'; problems: Msg[] }[];
}

export interface PublicCard {
  registrationNo: string;
  participantNo: string | null;
  periodName: string;
  jabatan: string;
  organizationName: string;
  submitted: boolean;
  submittedAt: string | null;
  administrationResult: 'ms' | 'tms' | null;
}

export interface VerifierAccount {
  id: string;
  fullName: string;
  email: string;
}
