/**
 * The schema of the yearly recruitment rule set (DESIGN.md convention 4: yearly rules are data):
 * shared by the server's rule-set domain (server/src/modules/recruitment/domain/rule-set.ts, which
 * seeds the values and explains the units) and the endpoint that replaces a period's rule set.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from './recruitment.ts';

export const KB = 1024;

// One list of document kinds: the contracts' own.
export { DOCUMENT_KINDS };
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const UPLOAD_MIME_TYPES = ['image/jpeg', 'application/pdf'] as const;
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number];

export const SELECTION_TYPES = ['CPNS', 'PPPK'] as const;
export type SelectionType = (typeof SELECTION_TYPES)[number];

const Label = z.object({ id: z.string().min(1), en: z.string().min(1) });

const UploadLimit = z.object({
  mime: z.array(z.enum(UPLOAD_MIME_TYPES)).min(1),
  maxBytes: z.number().int().positive(),
  required: z.boolean(),
  label: Label,
});
export type UploadLimit = z.infer<typeof UploadLimit>;

const AgeLimits = z
  .object({
    min: z.number().int().min(0).max(100),
    max: z.number().int().min(0).max(100),
    /** A jabatan whose name contains every word of `keyword` may be applied for up to `max`. */
    maxByJabatanKeyword: z
      .array(z.object({ keyword: z.string().trim().min(1), max: z.number().int().min(0).max(100) }))
      .optional(),
  })
  .refine((a) => a.min <= a.max, { message: 'ageLimits.min must not exceed ageLimits.max' });

export const RecruitmentRuleSet = z.object({
  year: z.number().int().min(2000).max(2099),
  type: z.enum(SELECTION_TYPES),
  /** Regulations this set follows, cited in the UI and documentation. */
  regulation: z.string().min(1),
  ageLimits: AgeLimits,
  uploadLimits: z.record(z.enum(DOCUMENT_KINDS), UploadLimit),
  /** Objection window after the administration result is announced (RULES.md §1.6). */
  sanggah: z.object({
    days: z.number().int().min(1).max(30),
    mode: z.enum(['calendar', 'working']),
    /** Length of the applicant's reason, in characters (absent in older periods: SANGGAH_DEFAULTS). */
    reasonChars: z
      .object({ min: z.number().int().min(1).max(1000), max: z.number().int().min(20).max(10_000) })
      .optional(),
    /** Largest evidence file (PDF/JPG) with a sanggah. */
    evidenceMaxBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(10 * 1024 * 1024)
      .optional(),
    /** Working days the committee has to answer when no jawab sanggah window is set. */
    answerWorkingDays: z.number().int().min(1).max(30).optional(),
  }),
  /** Accepted objections are re-announced within this many days after the window closes (RULES.md §1.6). */
  reannounceWithinDays: z.number().int().min(1).max(60),
  /** Minimum IPK for formasi cumlaude, in hundredths. */
  cumlaude: z.object({ minIpkHundredths: z.number().int().min(0).max(400) }),
  /** CAT duration and the accommodated duration for disabled participants (RULES.md §2.1, §2.7). */
  exam: z
    .object({ minutes: z.number().int().positive(), accommodatedMinutes: z.number().int().positive() })
    .refine((e) => e.accommodatedMinutes >= e.minutes, { message: 'exam.accommodatedMinutes must be ≥ exam.minutes' }),
  /** Dotted paths of values whose source is thin (RULES.md §9); the UI shows them as "perlu dikonfirmasi". */
  uncertain: z.array(z.string()),
});
export type RecruitmentRuleSet = z.infer<typeof RecruitmentRuleSet>;
