/** Contracts for recruitment: periods, formations, profiles, applications, verification, sanggah, exam scheduling. */
import { z } from 'zod';
import { IsoDate } from './identity.ts';

import { EDUCATION_LEVELS, NEED_TYPES } from './vocabulary.ts';

export { EDUCATION_LEVELS, NEED_TYPES };
export const DOCUMENT_KINDS = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip', 'pendukung'] as const;
export const STAGE_NAMES = ['registration', 'verification', 'announcement', 'objection', 'objection_response', 'reannouncement', 'exam'] as const;

const Instant = z.iso.datetime({ offset: true });
const Window = z.strictObject({ start: Instant, end: Instant }).refine((w) => Date.parse(w.start) < Date.parse(w.end), {
  message: 'Waktu selesai harus setelah waktu mulai.',
});
export const Stages = z.strictObject(Object.fromEntries(STAGE_NAMES.map((s) => [s, Window.optional()])) as Record<(typeof STAGE_NAMES)[number], z.ZodOptional<typeof Window>>);

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
    .array(z.strictObject({ employer: z.string().trim().min(2).max(160), position: z.string().trim().min(2).max(120), fromYear: z.number().int(), toYear: z.number().int().nullable() }))
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
  documents: z.array(z.strictObject({ kind: z.string().regex(/^[a-z_]{2,30}$/), ...VerdictBody.shape })).min(1).max(20),
  verdict: z.enum(['ms', 'tms']),
  reasonCode: z.string().max(40).nullable(),
  reasonText: z.string().trim().max(1000).nullable(),
});
export type VerifyFileBody = z.infer<typeof VerifyFileBody>;
export const ReviewBody = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(1000).nullable() });
export const ClaimBody = z.strictObject({ periodId: z.uuid(), count: z.number().int().min(1).max(200) });
export const ProposeAnnouncementBody = z.strictObject({ stage: z.enum(['administration', 'reannouncement']), note: z.string().max(1000).nullable() });
export const DecideBody = z.strictObject({ approve: z.boolean(), note: z.string().max(1000).nullable() });
export const AnswerObjectionBody = z.strictObject({ accept: z.boolean(), response: z.string().trim().min(5).max(2000) });
export const SiteBody = z.strictObject({ name: z.string().trim().min(3).max(160), address: z.string().trim().min(3).max(300), accessible: z.boolean() });
export const SessionBody = z.strictObject({ startsAt: Instant, durationMinutes: z.number().int().min(30).max(300), capacity: z.number().int().min(1).max(5000) });
