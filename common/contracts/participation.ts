/** Contracts for participation: complaints, SKM/IKM surveys, observers and their findings, open data. */
import { z } from 'zod';

export const COMPLAINT_KINDS = ['pengaduan', 'aspirasi', 'informasi'] as const;
export const COMPLAINT_CATEGORIES = ['recruitment', 'exam', 'training', 'service'] as const;
export const COMPLAINT_PRIVACY = ['open', 'confidential', 'anonymous'] as const;
export const COMPLAINT_STATUS_VALUES = ['submitted', 'disposed', 'followed_up', 'closed', 'rejected'] as const;
export const AGE_BANDS = ['<20', '20-29', '30-39', '40-49', '50+'] as const;
export const EDUCATION_VALUES = ['SD', 'SMP', 'SMA', 'D3', 'S1', 'S2'] as const;
export const OCCUPATIONS = ['asn', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;
export const PERIOD_KINDS = ['triwulan', 'semester', 'tahunan'] as const;
export const OBSERVER_ORG_KINDS = ['lsm', 'universitas', 'pers', 'ombudsman', 'lainnya'] as const;
export const FINDING_STAGES = [
  'pendaftaran',
  'verifikasi',
  'sanggah',
  'ujian',
  'pengolahan_nilai',
  'pengumuman',
  'lainnya',
] as const;

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const UnitId = z.string().regex(/^[a-z0-9-]{2,40}$/);
const OrgId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** A solved proof-of-work challenge (GET /api/v1/public/challenge): the token and the counter found. */
export const ChallengeAnswer = z.strictObject({
  token: z.string().min(20).max(400),
  solution: z.string().regex(/^\d{1,12}$/),
});

export const ComplaintBody = z.strictObject({
  kind: z.enum(COMPLAINT_KINDS),
  category: z.enum(COMPLAINT_CATEGORIES),
  title: Text(5, 160),
  body: Text(20, 5000),
  privacy: z.enum(COMPLAINT_PRIVACY),
  /** Only for 'open' and 'confidential' reports by someone not signed in; ignored when anonymous. */
  name: Text(2, 120).nullable().default(null),
  contact: Text(5, 160).nullable().default(null),
  challenge: ChallengeAnswer.nullable().default(null),
});

export const TrackingParams = z.strictObject({ trackingId: z.string().min(10).max(24) });
export const ReporterReplyBody = z.strictObject({
  action: z.enum(['reply', 'reopen', 'accept']),
  body: z.string().trim().max(3000).default(''),
});
export const DisposeBody = z.strictObject({ organizationId: OrgId, note: Text(5, 2000) });
export const RejectBody = z.strictObject({ reason: Text(10, 2000) });
export const FollowUpBody = z.strictObject({ body: Text(20, 5000) });
export const ComplaintListQuery = z.strictObject({
  status: z.enum(COMPLAINT_STATUS_VALUES).optional(),
  late: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const SlaBody = z.strictObject({
  verifyDays: z.number().int().min(1).max(60),
  followUpDays: z.number().int().min(1).max(60),
  closeAfterDays: z.number().int().min(1).max(60),
});

// ── SKM/IKM ──
/** The nine unsur of PermenPANRB 14/2017 (ruang lingkup minimal). */
export const DEFAULT_UNSUR: readonly { code: string; label: string; weight: number | null }[] = Object.freeze([
  { code: 'U1', label: 'Persyaratan', weight: null },
  { code: 'U2', label: 'Sistem, mekanisme, dan prosedur', weight: null },
  { code: 'U3', label: 'Waktu penyelesaian', weight: null },
  { code: 'U4', label: 'Biaya/tarif', weight: null },
  { code: 'U5', label: 'Produk spesifikasi jenis pelayanan', weight: null },
  { code: 'U6', label: 'Kompetensi pelaksana', weight: null },
  { code: 'U7', label: 'Perilaku pelaksana', weight: null },
  { code: 'U8', label: 'Penanganan pengaduan, saran dan masukan', weight: null },
  { code: 'U9', label: 'Sarana dan prasarana', weight: null },
]);
export const UnsurInput = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{1,6}$/),
  label: Text(3, 160),
  weight: z.number().gt(0).max(1).nullable(),
});
export const ServiceUnitBody = z.strictObject({
  id: UnitId,
  name: Text(3, 160),
  organizationId: OrgId,
  desk: z.string().trim().max(120).default(''),
  periodKind: z.enum(PERIOD_KINDS),
  /** Null: the nine unsur of PermenPANRB 14/2017 at equal weights. */
  unsur: z.array(UnsurInput).min(1).max(20).nullable().default(null),
  population: z.number().int().min(0).max(10_000_000).default(0),
});
export const UnitParams = z.strictObject({ unitId: UnitId });
export const SurveyBody = z.strictObject({
  /** One 1–4 score per unsur, in the unit's order. */
  scores: z.array(z.number().int().min(1).max(4)).min(1).max(20),
  gender: z.enum(['L', 'P']),
  ageBand: z.enum(AGE_BANDS),
  education: z.enum(EDUCATION_VALUES),
  occupation: z.enum(OCCUPATIONS),
  /** The service ticket (nomor antrean/berkas) or phone number: one answer per respondent per period. Only a keyed digest is kept. */
  respondentRef: z.string().trim().min(4).max(40).nullable().default(null),
  suggestion: z.string().trim().max(1000).default(''),
  challenge: ChallengeAnswer.nullable().default(null),
});
export const SurveyResultQuery = z.strictObject({
  period: z
    .string()
    .regex(/^\d{4}(-[ST]\d)?$/)
    .optional(),
});
export const BandsBody = z.strictObject({
  bands: z
    .array(
      z.strictObject({
        grade: z.enum(['A', 'B', 'C', 'D']),
        minHundredths: z.number().int().min(2500).max(10000),
        label: Text(2, 60),
      }),
    )
    .length(4),
});

// ── observers ──
export const AccreditationQuery = z.strictObject({
  periodId: z.uuid(),
  organizationName: Text(3, 160),
  organizationKind: z.enum(OBSERVER_ORG_KINDS),
  contactPerson: Text(3, 120),
});
export const AccreditationDecisionBody = z.strictObject({
  approve: z.boolean(),
  reason: Text(5, 1000),
  expiresOn: z.iso.date().nullable().default(null),
});
export const FindingBody = z.strictObject({ stage: z.enum(FINDING_STAGES), title: Text(5, 160), body: Text(20, 5000) });
export const FindingAnswerBody = z.strictObject({ answer: Text(20, 5000) });
export const IdParams = z.strictObject({ id: z.uuid() });
export const PeriodParams = z.strictObject({ periodId: z.uuid() });

// ── open data ──
export const DATASET_IDS = [
  'formations',
  'applicants-per-formation',
  'verification-outcomes',
  'complaints-by-category',
  'complaint-follow-up-by-opd',
  'ikm',
  'observer-findings',
  'jp-compliance',
  'skp-predikat',
  'ip-asn',
  'selection-correlation',
] as const;
export const DatasetParams = z.strictObject({ dataset: z.enum(DATASET_IDS), format: z.enum(['csv', 'json']) });

// ── public consultation ──
export const ConsultationSectionInput = z.strictObject({ heading: Text(3, 160), body: Text(10, 20_000) });
export const ConsultationBody = z.strictObject({
  title: Text(5, 200),
  summary: Text(10, 2000),
  periodId: z.uuid().nullable().default(null),
  moderationRules: Text(10, 3000),
  sections: z.array(ConsultationSectionInput).min(1).max(30),
});
export const ConsultationOpenBody = z.strictObject({
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
});
export const ConsultationFinalBody = z.strictObject({
  note: Text(10, 3000),
  sections: z
    .array(
      z.strictObject({ sectionId: z.uuid(), body: Text(10, 20_000), reason: z.string().trim().max(2000).default('') }),
    )
    .min(1)
    .max(30),
});
export const CommentBody = z.strictObject({ body: Text(10, 3000) });
export const HideCommentBody = z.strictObject({ reason: Text(5, 500) });
export const AnswerCommentBody = z.strictObject({ answer: Text(5, 3000) });

// ── public forums ──
export const ForumBody = z.strictObject({
  title: Text(5, 200),
  topic: Text(5, 500),
  agenda: Text(10, 5000),
  heldAt: z.iso.datetime({ offset: true }),
  venue: Text(3, 300),
  mode: z.enum(['tatap_muka', 'daring', 'hibrida']),
  capacity: z.number().int().min(1).max(10_000),
});
export const ForumMinutesBody = z.strictObject({
  minutes: Text(20, 20_000),
  actions: z.array(z.strictObject({ description: Text(5, 1000), owner: Text(2, 200), dueOn: z.iso.date() })).max(50),
});
export const ForumActionDoneBody = z.strictObject({ note: Text(5, 2000) });

// ── responses (the serializer enforces them; the web infers its types from them) ──
const Instant = z.iso.datetime();
const Org = z.strictObject({ id: z.string(), name: z.string() });
const Int = z.number().int();
export const OkResponse = z.strictObject({ ok: z.literal(true) });
export const IdResponse = z.strictObject({ id: z.uuid() });

export const ChallengeResponse = z.strictObject({ token: z.string(), difficulty: Int, expiresAt: Instant });

export const ComplaintFiledResponse = z.strictObject({
  trackingId: z.string(),
  status: z.literal('submitted'),
  verificationDueOn: z.string(),
  /** The due day's year when its holiday list is not loaded yet (the deadline is provisional). */
  provisionalYear: Int.nullable(),
});
export const ComplaintAttachmentResponse = z.strictObject({
  id: z.uuid(),
  mime: z.string(),
  size: Int,
  sha256: z.string(),
});
export const ComplaintClock = z.strictObject({
  awaiting: z.enum(['verification', 'follow_up', 'reporter']).nullable(),
  dueOn: z.string().nullable(),
  late: z.boolean(),
  lateDays: Int,
  /** The due day's year when its SKB holiday list is not loaded: the deadline is provisional. */
  provisionalYear: Int.nullable(),
});
/** Who spoke, as a role (coordinator, OPD): never a staff member's name. */
export const ThreadEvent = z.strictObject({
  kind: z.enum(['filed', 'disposed', 'rejected', 'follow_up', 'reporter_reply', 'reopened', 'accepted', 'expired']),
  author: z.enum(['reporter', 'coordinator', 'opd', 'system']),
  organization: z.string().nullable(),
  body: z.string(),
  at: Instant,
});
/** Staff see the original text and, for a coordinator's or OPD's entry, what the tracking page shows. */
export const StaffThreadEvent = ThreadEvent.extend({ id: z.uuid(), publicBody: z.string().nullable() });
/** A name (or other words) the coordinator takes out of a public text (issue 23 §7). */
export const RedactBody = z.strictObject({ phrase: z.string().trim().min(2).max(200) });
export const RedactResponse = z.strictObject({ publicText: z.string(), count: Int });
const ComplaintHead = {
  trackingId: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  category: z.enum(COMPLAINT_CATEGORIES),
  title: z.string(),
  privacy: z.enum(COMPLAINT_PRIVACY),
  status: z.enum(COMPLAINT_STATUS_VALUES),
  organization: Org.nullable(),
  filedAt: Instant,
  clock: ComplaintClock,
};
/** The report as the tracking ID's holder sees it: never the reporter's identity. */
export const TrackedComplaint = z.strictObject({
  ...ComplaintHead,
  body: z.string(),
  reporterActions: z.array(z.enum(['reopen', 'accept'])),
  canReply: z.boolean(),
  canAttach: z.boolean(),
  attachments: z.array(z.strictObject({ mime: z.string(), size: Int, sha256: z.string() })),
  events: z.array(ThreadEvent),
});
export const StaffComplaint = z.strictObject({ id: z.uuid(), ...ComplaintHead });
export const StaffComplaintList = z.strictObject({
  total: Int,
  page: Int,
  pageSize: Int,
  complaints: z.array(StaffComplaint),
});
/** The reporter's identity only for a coordinator, and only when the report is not anonymous. */
export const StaffComplaintDetail = StaffComplaint.extend({
  body: z.string(),
  reporter: z
    .strictObject({ name: z.string().nullable(), contact: z.string().nullable(), hasAccount: z.boolean() })
    .nullable(),
  actions: z.strictObject({ dispose: z.boolean(), reject: z.boolean(), followUp: z.boolean() }),
  attachments: z.array(z.strictObject({ id: z.uuid(), mime: z.string(), size: Int, sha256: z.string() })),
  events: z.array(StaffThreadEvent),
});
export const Sla = z.strictObject({ verifyDays: Int, followUpDays: Int, closeAfterDays: Int });
export const OpdRow = z.strictObject({
  organizationId: z.string(),
  name: z.string(),
  disposed: Int,
  onTime: Int,
  late: Int,
  pending: Int,
  percent: Int.nullable(),
});
export const ComplaintStatistics = z.strictObject({
  updatedAt: Instant,
  sla: Sla,
  total: Int,
  byCategory: z.array(z.strictObject({ category: z.string(), total: Int, byStatus: z.record(z.string(), Int) })),
  verification: z.strictObject({ verified: Int, onTime: Int, percent: Int.nullable() }),
  lateNow: Int,
  byOrganization: z.array(OpdRow),
});
const Band = z.strictObject({ grade: z.enum(['A', 'B', 'C', 'D']), minHundredths: Int, label: z.string() });
export const SettingsResponse = z.strictObject({ sla: Sla, bands: z.array(Band) });
export const BandsResponse = z.strictObject({ bands: z.array(Band) });

// SKM/IKM
export const ServiceUnit = z.strictObject({
  id: z.string(),
  name: z.string(),
  organization: Org,
  desk: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  unsur: z.array(z.strictObject({ code: z.string(), label: z.string(), weight: z.number().nullable() })),
  population: Int,
  sampleNeeded: Int,
  currentPeriod: z.string(),
  active: z.boolean(),
});
export const ServiceUnitList = z.strictObject({ units: z.array(ServiceUnit.extend({ responses: Int })) });
export const UnitCreatedResponse = z.strictObject({ id: z.string() });
export const SurveyAnsweredResponse = z.strictObject({ id: z.uuid(), period: z.string() });
const ProfileRows = z.array(z.strictObject({ value: z.string(), count: Int }));
export const SurveyResults = z.strictObject({
  unit: ServiceUnit,
  period: z.string(),
  periods: z.array(z.string()),
  respondents: Int,
  sampleNeeded: Int,
  sampleMet: z.boolean(),
  ikm: z.number().nullable(),
  converted: z.number().nullable(),
  band: z.strictObject({ grade: z.string(), label: z.string() }).nullable(),
  unsur: z.array(
    z.strictObject({ code: z.string(), label: z.string(), weight: z.number(), nrr: z.number(), weighted: z.number() }),
  ),
  bands: z.array(z.strictObject({ grade: z.string(), min: z.number(), label: z.string() })),
  profile: z.strictObject({
    gender: ProfileRows,
    ageBand: ProfileRows,
    education: ProfileRows,
    occupation: ProfileRows,
  }),
  updatedAt: Instant,
});

// observers
export const AccreditationApplied = z.strictObject({ id: z.uuid(), status: z.literal('pending') });
/** The contact person only for the committee. */
export const Accreditation = z.strictObject({
  id: z.uuid(),
  periodId: z.uuid(),
  periodName: z.string(),
  organizationName: z.string(),
  organizationKind: z.enum(OBSERVER_ORG_KINDS),
  contactPerson: z.string().nullable(),
  letter: z.strictObject({ size: Int, sha256: z.string() }),
  status: z.enum(['pending', 'approved', 'refused']),
  reason: z.string().nullable(),
  expiresOn: z.string().nullable(),
  active: z.boolean(),
  createdAt: Instant,
  decidedAt: Instant.nullable(),
});
export const AccreditationList = z.strictObject({ accreditations: z.array(Accreditation) });
const FindingFields = {
  id: z.uuid(),
  periodId: z.uuid(),
  periodName: z.string(),
  organizationName: z.string(),
  stage: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(['open', 'answered']),
  filedOn: z.string(),
  dueOn: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  late: z.boolean(),
};
/** `answer` is the committee's original; `publicAnswer` what the public page and open data show. */
export const Finding = z.strictObject({
  ...FindingFields,
  hasEvidence: z.boolean(),
  publicAnswer: z.string().nullable(),
});
export const FindingList = z.strictObject({ findings: z.array(Finding) });
/** Whether evidence exists stays off the public page; `answer` is the public version (masked, redacted). */
export const PublicFindingList = z.strictObject({ findings: z.array(z.strictObject(FindingFields)) });
export const FindingFiledResponse = z.strictObject({ id: z.uuid(), dueOn: z.string() });
export const EvidenceResponse = z.strictObject({ sha256: z.string() });
/** Counts only: no name, NIK or registration number. */
export const ProcessView = z.strictObject({
  period: z.strictObject({ id: z.uuid(), name: z.string(), year: Int }),
  generatedAt: Instant,
  applicationsByStatus: z.array(z.strictObject({ status: z.string(), count: Int })),
  formations: z.array(
    z.strictObject({
      formationId: z.string(),
      code: z.string(),
      jabatan: z.string(),
      submitted: Int,
      ms: Int,
      tms: Int,
      pending: Int,
      reasons: z.array(z.strictObject({ reason: z.string(), count: Int })),
    }),
  ),
  objections: z.array(z.strictObject({ status: z.string(), count: Int, announced: Int })),
  examSessions: z.array(
    z.strictObject({
      id: z.uuid(),
      site: z.string(),
      startsAt: Instant,
      capacity: Int,
      assigned: Int,
      started: Int,
      submitted: Int,
      state: z.enum(['scheduled', 'open', 'closed']),
    }),
  ),
  announcements: z.array(
    z.strictObject({
      stage: z.string(),
      status: z.string(),
      proposedAt: Instant.nullable(),
      decidedAt: Instant.nullable(),
    }),
  ),
  publications: z.array(
    z.strictObject({
      stage: z.string(),
      version: Int,
      status: z.string(),
      proposedAt: Instant.nullable(),
      decidedAt: Instant.nullable(),
    }),
  ),
  findings: z.strictObject({ total: Int, open: Int, overdue: Int }),
  auditPath: z.string(),
});

// open data
const Licence = z.strictObject({ id: z.string(), name: z.string(), url: z.string() });
export const OpenDataset = z.strictObject({
  id: z.enum(DATASET_IDS),
  title: z.string(),
  description: z.string(),
  fields: z.array(z.strictObject({ name: z.string(), type: z.string(), description: z.string() })),
  rows: Int,
  updatedAt: Instant,
  licence: Licence,
  files: z.array(z.strictObject({ format: z.enum(['csv', 'json']), url: z.string(), sha256: z.string() })),
});
export const OpenDataCatalog = z.strictObject({
  generatedAt: Instant,
  licence: Licence,
  datasets: z.array(OpenDataset),
});

// consultations
export const ConsultationSummary = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  state: z.enum(['draft', 'scheduled', 'open', 'closed', 'final']),
  opensAt: Instant.nullable(),
  closesAt: Instant.nullable(),
});
export const ConsultationList = z.strictObject({ consultations: z.array(ConsultationSummary) });
/** Commenters' names masked; a hidden comment's text only for the committee. */
export const ConsultationView = ConsultationSummary.extend({
  periodId: z.uuid().nullable(),
  moderationRules: z.string(),
  finalNote: z.string().nullable(),
  finalizedAt: Instant.nullable(),
  /** Set when the committee closed the comment window before its planned end. */
  closedEarlyAt: Instant.nullable(),
  canComment: z.boolean(),
  sections: z.array(
    z.strictObject({
      id: z.uuid(),
      position: Int,
      heading: z.string(),
      draft: z.string(),
      final: z.string().nullable(),
      changeReason: z.string().nullable(),
      diff: z.array(z.strictObject({ op: z.enum(['same', 'add', 'del']), text: z.string() })).nullable(),
      comments: z.array(
        z.strictObject({
          id: z.uuid(),
          author: z.string(),
          mine: z.boolean(),
          status: z.enum(['visible', 'hidden']),
          body: z.string().nullable(),
          hiddenReason: z.string().nullable(),
          answer: z.string().nullable(),
          answeredAt: Instant.nullable(),
          createdAt: Instant,
        }),
      ),
    }),
  ),
  statistics: z.strictObject({
    comments: Int,
    hidden: Int,
    answered: Int,
    commenters: Int,
    perSection: z.array(z.strictObject({ sectionId: z.uuid(), heading: z.string(), comments: Int })),
  }),
});

/** A participant's own forum registrations and consultation comments (GET /api/v1/me/participation). */
export const MyParticipation = z.strictObject({
  forums: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      heldAt: Instant,
      venue: z.string(),
      mode: z.enum(['tatap_muka', 'daring', 'hibrida']),
      status: z.enum(['scheduled', 'held', 'cancelled']),
      upcoming: z.boolean(),
    }),
  ),
  comments: z.array(
    z.strictObject({
      id: z.uuid(),
      consultationId: z.uuid(),
      consultationTitle: z.string(),
      sectionHeading: z.string(),
      consultationState: z.enum(['draft', 'scheduled', 'open', 'closed', 'final']),
      status: z.enum(['visible', 'hidden']),
      answered: z.boolean(),
      createdAt: Instant,
    }),
  ),
});

// forums
export const ForumAction = z.strictObject({
  id: z.uuid(),
  description: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: Instant.nullable(),
  doneNote: z.string().nullable(),
  late: z.boolean(),
});
export const Forum = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  topic: z.string(),
  agenda: z.string(),
  heldAt: Instant,
  venue: z.string(),
  mode: z.enum(['tatap_muka', 'daring', 'hibrida']),
  capacity: Int,
  registered: Int,
  seatsLeft: Int,
  status: z.enum(['scheduled', 'held', 'cancelled']),
  minutes: z.string().nullable(),
});
export const ForumList = z.strictObject({
  forums: z.array(Forum.extend({ actions: z.strictObject({ total: Int, done: Int, late: Int }) })),
});
export const ForumView = Forum.extend({ registeredMe: z.boolean(), actions: z.array(ForumAction) });
