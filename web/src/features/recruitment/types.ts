/**
 * Response shapes of the recruitment API: inferred from the contracts the server enforces
 * (common/contracts/recruitment.ts).
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
export type AppDocument = z.infer<typeof C.ApplicationDocument>;
export type Application = z.infer<typeof C.MyApplication>;
export type TimelineEvent = z.infer<typeof C.TimelineResponse>['events'][number];
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
