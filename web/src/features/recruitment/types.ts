/**
 * Response shapes of the recruitment API: inferred from the contracts the server enforces
 * (common/contracts/recruitment.ts); the applicant's own views are still written here by hand.
 */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/recruitment.ts';
import type { EDUCATION_LEVELS, NEED_TYPES, Profile } from '../../../../common/contracts/recruitment.ts';

export type Msg = { id: string; en: string };
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type NeedType = (typeof NEED_TYPES)[number];
export type { Profile };

export type Period = z.infer<typeof C.Period>;

export type Formation = z.infer<typeof C.FormationOut>;

export type Catalog = z.infer<typeof C.CatalogResponse>;

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

export type TmsReason = z.infer<typeof C.TmsReasonsResponse>['reasons'][number];

export type QueueItem = Queue['applications'][number];

export type Queue = z.infer<typeof C.QueueResponse>;

export type VerificationDetail = z.infer<typeof C.VerificationDetailResponse>;

export type Announcement = z.infer<typeof C.AnnouncementOut>;

export type Objection = z.infer<typeof C.ObjectionOut>;

export type ExamSite = z.infer<typeof C.ExamSiteOut>;

export type ImportReport = z.infer<typeof C.FormationImportResponse>;

export type PublicCard = z.infer<typeof C.PublicCardResponse>;

export type VerifierAccount = z.infer<typeof C.StaffAccount>;
