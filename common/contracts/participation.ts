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
export const FINDING_STAGES = ['pendaftaran', 'verifikasi', 'sanggah', 'ujian', 'pengolahan_nilai', 'pengumuman', 'lainnya'] as const;

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const UnitId = z.string().regex(/^[a-z0-9-]{2,40}$/);
const OrgId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** A solved proof-of-work challenge (GET /api/v1/public/challenge): the token and the counter found. */
export const ChallengeAnswer = z.strictObject({ token: z.string().min(20).max(400), solution: z.string().regex(/^\d{1,12}$/) });

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
export const ReporterReplyBody = z.strictObject({ action: z.enum(['reply', 'reopen', 'accept']), body: z.string().trim().max(3000).default('') });
export const DisposeBody = z.strictObject({ organizationId: OrgId, note: Text(5, 2000) });
export const RejectBody = z.strictObject({ reason: Text(10, 2000) });
export const FollowUpBody = z.strictObject({ body: Text(20, 5000) });
export const ComplaintListQuery = z.strictObject({
  status: z.enum(COMPLAINT_STATUS_VALUES).optional(),
  late: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const SlaBody = z.strictObject({ verifyDays: z.number().int().min(1).max(60), followUpDays: z.number().int().min(1).max(60), closeAfterDays: z.number().int().min(1).max(60) });

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
export const UnsurInput = z.strictObject({ code: z.string().regex(/^[A-Z0-9]{1,6}$/), label: Text(3, 160), weight: z.number().gt(0).max(1).nullable() });
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
export const SurveyResultQuery = z.strictObject({ period: z.string().regex(/^\d{4}(-[ST]\d)?$/).optional() });
export const BandsBody = z.strictObject({
  bands: z.array(z.strictObject({ grade: z.enum(['A', 'B', 'C', 'D']), minHundredths: z.number().int().min(2500).max(10000), label: Text(2, 60) })).length(4),
});

// ── observers ──
export const AccreditationQuery = z.strictObject({ periodId: z.uuid(), organizationName: Text(3, 160), organizationKind: z.enum(OBSERVER_ORG_KINDS), contactPerson: Text(3, 120) });
export const AccreditationDecisionBody = z.strictObject({ approve: z.boolean(), reason: Text(5, 1000), expiresOn: z.iso.date().nullable().default(null) });
export const FindingBody = z.strictObject({ stage: z.enum(FINDING_STAGES), title: Text(5, 160), body: Text(20, 5000) });
export const FindingAnswerBody = z.strictObject({ answer: Text(20, 5000) });
export const IdParams = z.strictObject({ id: z.uuid() });
export const PeriodParams = z.strictObject({ periodId: z.uuid() });

// ── open data ──
export const DATASET_IDS = ['formations', 'applicants-per-formation', 'verification-outcomes', 'complaints-by-category', 'complaint-follow-up-by-opd', 'ikm', 'observer-findings', 'jp-compliance', 'skp-predikat'] as const;
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
export const ConsultationOpenBody = z.strictObject({ opensAt: z.iso.datetime({ offset: true }), closesAt: z.iso.datetime({ offset: true }) });
export const ConsultationFinalBody = z.strictObject({
  note: Text(10, 3000),
  sections: z.array(z.strictObject({ sectionId: z.uuid(), body: Text(10, 20_000), reason: z.string().trim().max(2000).default('') })).min(1).max(30),
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
