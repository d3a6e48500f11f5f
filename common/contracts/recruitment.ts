/** Contracts for recruitment: periods, formations, profiles, applications, verification, sanggah, exam scheduling. */
import { z } from 'zod';
import { IsoDate } from './identity.ts';

import { EDUCATION_LEVELS, NEED_TYPES } from './vocabulary.ts';

export { EDUCATION_LEVELS, NEED_TYPES };
export const DOCUMENT_KINDS = [
  'pas_foto',
  'ktp',
  'swafoto',
  'surat_lamaran',
  'ijazah',
  'transkrip',
  'pendukung',
] as const;
export const STAGE_NAMES = [
  'registration',
  'verification',
  'announcement',
  'objection',
  'objection_response',
  'reannouncement',
  'exam',
] as const;

const Instant = z.iso.datetime({ offset: true });
const Window = z.strictObject({ start: Instant, end: Instant }).refine((w) => Date.parse(w.start) < Date.parse(w.end), {
  message: 'Waktu selesai harus setelah waktu mulai.',
});
export const Stages = z.strictObject(
  Object.fromEntries(STAGE_NAMES.map((s) => [s, Window.optional()])) as Record<
    (typeof STAGE_NAMES)[number],
    z.ZodOptional<typeof Window>
  >,
);

export const CreatePeriodBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{3,30}$/),
  name: z.string().trim().min(3).max(120),
  year: z.number().int().min(2020).max(2100),
  type: z.enum(['CPNS', 'PPPK']),
  ageCutoffDate: IsoDate,
  stages: Stages,
});
export const UpdateStagesBody = z.strictObject({ stages: Stages });

export const Period = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  type: z.enum(['CPNS', 'PPPK']),
  ageCutoffDate: z.string(),
  stages: z.record(z.string(), z.object({ start: z.string(), end: z.string() })),
  ruleSet: z.unknown(),
});

export const FormationBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
  organizationId: z.string().min(1).max(40),
  jabatan: z.string().trim().min(2).max(160),
  educationLevels: z.array(z.enum(EDUCATION_LEVELS)).min(1),
  majors: z.array(z.string().trim().min(1).max(120)).max(50),
  needType: z.enum(NEED_TYPES),
  quota: z.number().int().min(1).max(1000),
  placement: z.string().trim().max(160).nullable(),
});

export const Formation = FormationBody.extend({
  id: z.uuid(),
  periodId: z.uuid(),
  organizationName: z.string(),
  applicants: z.number().int(),
});

export const CatalogQuery = z.strictObject({
  periodId: z.uuid().optional(),
  organizationId: z.string().max(40).optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  needType: z.enum(NEED_TYPES).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const Profile = z.strictObject({
  nameOnIjazah: z.string().trim().min(2).max(120),
  educationLevel: z.enum(EDUCATION_LEVELS),
  major: z.string().trim().min(2).max(120),
  institution: z.string().trim().min(2).max(160),
  ipk: z.number().min(0).max(4).multipleOf(0.01).nullable(),
  graduationYear: z.number().int().min(1960).max(2100),
  ijazahNumber: z.string().trim().min(3).max(60),
  isCumlaude: z.boolean(),
  hasDisability: z.boolean(),
  disabilityNote: z.string().max(200).nullable(),
  isPapuan: z.boolean(),
  isDiaspora: z.boolean(),
  experience: z
    .array(
      z.strictObject({
        employer: z.string().trim().min(2).max(160),
        position: z.string().trim().min(2).max(120),
        fromYear: z.number().int(),
        toYear: z.number().int().nullable(),
      }),
    )
    .max(20),
});
export type Profile = z.infer<typeof Profile>;

export const ApplyBody = z.strictObject({ periodId: z.uuid(), formationId: z.uuid() });

export const VerdictBody = z.strictObject({
  verdict: z.enum(['ms', 'tms']),
  reasonCode: z.string().max(40).nullable(),
  reasonText: z.string().trim().max(1000).nullable(),
});
/**
 * A whole file in one pass: every document's MS/TMS and the file's verdict, stored together.
 * The file is TMS when any document is; an all-MS file may still be TMS with a reason of its own.
 */
export const VerifyFileBody = z.strictObject({
  documents: z
    .array(z.strictObject({ kind: z.string().regex(/^[a-z_]{2,30}$/), ...VerdictBody.shape }))
    .min(1)
    .max(20),
  verdict: z.enum(['ms', 'tms']),
  reasonCode: z.string().max(40).nullable(),
  reasonText: z.string().trim().max(1000).nullable(),
});
export type VerifyFileBody = z.infer<typeof VerifyFileBody>;
export const ReviewBody = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(1000).nullable() });
export const ClaimBody = z.strictObject({ periodId: z.uuid(), count: z.number().int().min(1).max(200) });
export const ProposeAnnouncementBody = z.strictObject({
  stage: z.enum(['administration', 'reannouncement']),
  note: z.string().max(1000).nullable(),
});
export const DecideBody = z.strictObject({ approve: z.boolean(), note: z.string().max(1000).nullable() });
export const AnswerObjectionBody = z.strictObject({
  accept: z.boolean(),
  response: z.string().trim().min(5).max(2000),
});
export const SiteBody = z.strictObject({
  name: z.string().trim().min(3).max(160),
  address: z.string().trim().min(3).max(300),
  accessible: z.boolean(),
});
export const SessionBody = z.strictObject({
  startsAt: Instant,
  durationMinutes: z.number().int().min(30).max(300),
  capacity: z.number().int().min(1).max(5000),
});

// ── responses ──
// Output schemas state the shapes without the request limits (a stored value is not re-judged by a form's rules).

export { OkResponse } from './identity.ts';
const Msg = z.strictObject({ id: z.string(), en: z.string() });
const Verdict = z.enum(['ms', 'tms']);

export const PeriodsResponse = z.object({ periods: z.array(Period) });

export const FormationOut = z.strictObject({
  id: z.uuid(),
  periodId: z.uuid(),
  code: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  jabatan: z.string(),
  educationLevels: z.array(z.enum(EDUCATION_LEVELS)),
  majors: z.array(z.string()),
  needType: z.enum(NEED_TYPES),
  quota: z.number().int(),
  placement: z.string().nullable(),
  applicants: z.number().int(),
});
export const CatalogResponse = z.strictObject({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  formations: z.array(FormationOut),
});

/** GET /public/cards/:registrationNo: what a card's QR shows anyone, only non-personal facts. */
export const PublicCardResponse = z.strictObject({
  registrationNo: z.string(),
  participantNo: z.string().nullable(),
  periodName: z.string(),
  jabatan: z.string(),
  organizationName: z.string(),
  submitted: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  administrationResult: Verdict.nullable(),
});

export const HolidaysResponse = z.strictObject({
  holidays: z.array(z.strictObject({ day: z.string(), name: z.string() })),
});
export const StaffAccount = z.strictObject({ id: z.uuid(), fullName: z.string(), email: z.string() });
export const VerifiersResponse = z.strictObject({ verifiers: z.array(StaffAccount) });
export const CommitteeMembersResponse = z.strictObject({
  members: z.array(StaffAccount.extend({ active: z.boolean(), assignedAt: z.iso.datetime() })),
});
export const CommitteeAccountsResponse = z.strictObject({ accounts: z.array(StaffAccount) });
export const CreatedResponse = z.strictObject({ id: z.uuid() });

export const FormationImportResponse = z.strictObject({
  imported: z.number().int(),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      code: z.string().nullable(),
      status: z.enum(['ok', 'error']),
      problems: z.array(Msg),
    }),
  ),
});

export const AnnouncementOut = z.strictObject({
  id: z.uuid(),
  stage: z.enum(['administration', 'reannouncement']),
  status: z.enum(['proposed', 'published', 'rejected']),
  proposedBy: z.uuid(),
  proposedAt: z.iso.datetime(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  note: z.string().nullable(),
  summary: z.strictObject({ ms: z.number().int(), tms: z.number().int() }).nullable(),
});
export const AnnouncementsResponse = z.strictObject({ announcements: z.array(AnnouncementOut) });
export const AnnouncementDecisionResponse = z.strictObject({ published: z.number().int() });

export const ObjectionOut = z.strictObject({
  id: z.uuid(),
  applicationId: z.uuid(),
  registrationNo: z.string(),
  fullName: z.string(),
  status: z.enum(['filed', 'accepted', 'rejected']),
  reason: z.string(),
  hasEvidence: z.boolean(),
  filedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  overdue: z.boolean(),
  response: z.string().nullable(),
});
export const ObjectionsResponse = z.strictObject({ objections: z.array(ObjectionOut) });
export const FiledObjectionResponse = z.strictObject({ id: z.uuid(), deadlineAt: z.iso.datetime() });

export const ExamSiteOut = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  accessible: z.boolean(),
  sessions: z.array(
    z.strictObject({
      id: z.uuid(),
      startsAt: z.iso.datetime(),
      durationMinutes: z.number().int(),
      capacity: z.number().int(),
      assigned: z.number().int(),
    }),
  ),
});
export const ExamSitesResponse = z.strictObject({ sites: z.array(ExamSiteOut) });
export const CreatedSiteResponse = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  accessible: z.boolean(),
});
export const CreatedSessionResponse = z.strictObject({
  id: z.uuid(),
  siteId: z.uuid(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
});
export const SeatingResponse = z.strictObject({
  assigned: z.number().int(),
  unassigned: z.array(
    z.strictObject({ participantId: z.uuid(), reason: z.enum(['no_capacity', 'no_accessible_capacity']) }),
  ),
});

export const TmsReasonsResponse = z.strictObject({
  reasons: z.array(z.strictObject({ code: z.string(), id: z.string(), en: z.string(), sources: z.array(z.string()) })),
});

export const QueueResponse = z.strictObject({
  /** Rows matching the current filters (status, mine), for exact paging. */
  total: z.number().int(),
  counts: z.strictObject({
    byStatus: z.record(z.string(), z.number().int()),
    unassigned: z.number().int(),
    awaitingReview: z.number().int(),
  }),
  applications: z.array(
    z.strictObject({
      id: z.uuid(),
      registrationNo: z.string(),
      status: z.string(),
      submittedAt: z.iso.datetime().nullable(),
      assignedToMe: z.boolean(),
      assigned: z.boolean(),
      proposedVerdict: Verdict.nullable(),
      reviewed: z.boolean(),
      published: z.boolean(),
      jabatan: z.string(),
      formationCode: z.string(),
      fullName: z.string(),
    }),
  ),
});
export const ClaimResponse = z.strictObject({ claimed: z.number().int() });

/** GET /verification/applications/:id: the file as a verifier judges it (the NIK is shown: matching it is the job). */
export const VerificationDetailResponse = z.strictObject({
  id: z.uuid(),
  registrationNo: z.string(),
  status: z.string(),
  verifierId: z.uuid().nullable(),
  proposedVerdict: Verdict.nullable(),
  proposedReasons: z.unknown(),
  reviewedBy: z.uuid().nullable(),
  publishedResult: Verdict.nullable(),
  applicant: z.strictObject({
    fullName: z.string(),
    nik: z.string().nullable(),
    birthPlace: z.string().nullable(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
  }),
  // The biodata as submitted (validated then); passed through as stored.
  biodata: z.custom<Profile>().nullable(),
  formation: z.strictObject({
    id: z.uuid(),
    code: z.string(),
    jabatan: z.string(),
    organizationName: z.string(),
    educationLevels: z.array(z.string()),
    majors: z.array(z.string()),
    needType: z.string(),
  }),
  documents: z.array(
    z.strictObject({
      kind: z.string(),
      label: Msg,
      mime: z.string(),
      size: z.number().int(),
      verdict: Verdict.nullable(),
      reasonCode: z.string().nullable(),
      reasonText: z.string().nullable(),
    }),
  ),
  objection: z
    .strictObject({
      id: z.uuid(),
      status: z.string(),
      reason: z.string(),
      hasEvidence: z.boolean(),
      deadlineAt: z.iso.datetime(),
      response: z.string().nullable(),
    })
    .nullable(),
});

/** A document slot of the applicant's own application: the rule, the upload and (once published) the verdict. */
export const ApplicationDocument = z.strictObject({
  kind: z.string(),
  label: Msg,
  required: z.boolean(),
  mime: z.array(z.string()),
  maxBytes: z.number().int(),
  uploaded: z
    .strictObject({
      size: z.number().int(),
      mime: z.string(),
      uploadedAt: z.iso.datetime(),
      originalName: z.string().nullable(),
    })
    .nullable(),
  verdict: Verdict.nullable(),
  /** A published TMS reason: the standard code, its label in both languages, and the verifier's note. */
  reason: z
    .strictObject({ code: z.string().nullable(), label: Msg.nullable(), text: z.string().nullable() })
    .nullable(),
});

/** The applicant's own application: status as published (never a verifier's unpublished verdict). */
export const MyApplication = z.strictObject({
  id: z.uuid(),
  registrationNo: z.string(),
  status: z.string(),
  result: Verdict.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  participantNo: z.string().nullable(),
  /** The public page the QR code on the cards opens (absolute URL); null for drafts. */
  cardCheckUrl: z.string().nullable(),
  period: Period,
  formation: FormationOut,
  documents: z.array(ApplicationDocument),
  objectionLimits: z.strictObject({
    reasonChars: z.strictObject({ min: z.number().int(), max: z.number().int() }),
    evidenceMaxBytes: z.number().int(),
  }),
  /** Where and when the exam is, once the committee has placed the participant. */
  exam: z
    .strictObject({
      siteName: z.string(),
      siteAddress: z.string(),
      startsAt: z.iso.datetime(),
      durationMinutes: z.number().int(),
      extraMinutes: z.number().int(),
      seat: z.number().int(),
    })
    .nullable(),
  objection: z
    .strictObject({
      status: z.string(),
      reason: z.string(),
      filedAt: z.iso.datetime(),
      deadlineAt: z.iso.datetime(),
      response: z.string().nullable(),
    })
    .nullable(),
});
export const MyApplicationsResponse = z.strictObject({ applications: z.array(MyApplication) });
export const TimelineResponse = z.strictObject({
  events: z.array(z.strictObject({ at: z.iso.datetime(), status: z.string(), note: Msg })),
});
export const UploadedDocumentResponse = z.strictObject({ kind: z.string(), size: z.number().int(), mime: z.string() });
export const ProfileResponse = z.strictObject({ profile: z.custom<Profile>().nullable() });
