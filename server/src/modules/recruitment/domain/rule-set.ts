/**
 * The yearly recruitment rule set as data (DESIGN.md convention 4: yearly rules are data, not
 * constants). One rule set per (year, CPNS|PPPK); the seeded values below are the 2024 instance and
 * an admin edits a copy per period. Validated with zod so an edited set is checked before use.
 *
 * Units: sizes are bytes with **1 KB = 1024 bytes** (SSCASN states limits in "KB" without saying
 * which; 1024 is the more permissive reading, so a file the applicant's computer shows as "200 KB"
 * is never refused). IPK is in integer hundredths (3.51 → 351). Ages are whole years.
 */
import { z } from 'zod';
import { msg } from '../../../../../common/contracts/messages.ts';

export const KB = 1024;

export const DOCUMENT_KINDS = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip', 'pendukung'] as const;
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
    maxByJabatanKeyword: z.array(z.object({ keyword: z.string().trim().min(1), max: z.number().int().min(0).max(100) })).optional(),
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
    reasonChars: z.object({ min: z.number().int().min(1).max(1000), max: z.number().int().min(20).max(10_000) }).optional(),
    /** Largest evidence file (PDF/JPG) with a sanggah. */
    evidenceMaxBytes: z.number().int().min(64 * 1024).max(10 * 1024 * 1024).optional(),
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

/** Sanggah limits where a period's rule set predates them: 20–3000 characters, 1 MB evidence, 5 working days. */
export const SANGGAH_DEFAULTS = { reasonChars: { min: 20, max: 3000 }, evidenceMaxBytes: 1024 * KB, answerWorkingDays: 5 } as const;

/** A period's sanggah limits, with SANGGAH_DEFAULTS for the ones its rule set does not state. */
export function sanggahLimits(ruleSet: RecruitmentRuleSet) {
  return {
    reasonChars: ruleSet.sanggah.reasonChars ?? SANGGAH_DEFAULTS.reasonChars,
    evidenceMaxBytes: ruleSet.sanggah.evidenceMaxBytes ?? SANGGAH_DEFAULTS.evidenceMaxBytes,
    answerWorkingDays: ruleSet.sanggah.answerWorkingDays ?? SANGGAH_DEFAULTS.answerWorkingDays,
  };
}

/** Extra exam minutes granted as a disability accommodation under a rule set (CPNS: 130 − 100 = 30; RULES.md §2.1). */
export function accommodationExtraMinutes(ruleSet: RecruitmentRuleSet): number {
  return ruleSet.exam.accommodatedMinutes - ruleSet.exam.minutes;
}

const jpeg = (maxKb: number, required: boolean, id: string, en: string): UploadLimit => ({
  mime: ['image/jpeg'],
  maxBytes: maxKb * KB,
  required,
  label: msg(id, en),
});
const pdf = (maxKb: number, required: boolean, id: string, en: string): UploadLimit => ({
  mime: ['application/pdf'],
  maxBytes: maxKb * KB,
  required,
  label: msg(id, en),
});

// RULES.md §1.4 [TIRTO-UPLOAD-2024][TORAJA-2024][TRIBUN-UPLOAD-2021]. Surat lamaran 300 KB and
// dokumen pendukung 800 KB come from 2021 sources (instansi-specific in 2024) — uncertain.
const UPLOADS_2024: Record<DocumentKind, UploadLimit> = {
  pas_foto: jpeg(200, true, 'Pas foto (latar belakang merah)', 'Passport photo (red background)'),
  ktp: jpeg(200, true, 'KTP (hasil pindai)', 'Identity card (KTP) scan'),
  swafoto: jpeg(200, true, 'Swafoto', 'Selfie'),
  surat_lamaran: pdf(300, true, 'Surat lamaran', 'Application letter'),
  ijazah: pdf(800, true, 'Ijazah (dan Serdik/STR bila disyaratkan)', 'Diploma (and teaching certificate/STR if required)'),
  transkrip: pdf(500, true, 'Transkrip nilai', 'Academic transcript'),
  pendukung: pdf(800, false, 'Dokumen pendukung lainnya', 'Other supporting documents'),
};

/**
 * CPNS 2024 (PermenPANRB 6/2024; thresholds KepMenPANRB 321/2024). Age 18–35 at the cut-off, up to 40
 * for dokter/dokter gigi spesialis, dokter pendidik klinis, dosen, peneliti, perekayasa (RULES.md §1.3).
 * Cumlaude IPK ≥ 3.51 (predikat "dengan pujian" for S1, Permendikbud 3/2020) is an assumption — uncertain.
 */
export const RULE_SET_CPNS_2024: RecruitmentRuleSet = {
  year: 2024,
  type: 'CPNS',
  regulation: 'PermenPANRB 6/2024; KepMenPANRB 321/2024',
  ageLimits: {
    min: 18,
    max: 35,
    maxByJabatanKeyword: [
      { keyword: 'dokter spesialis', max: 40 },
      { keyword: 'dokter gigi spesialis', max: 40 },
      { keyword: 'dokter pendidik klinis', max: 40 },
      { keyword: 'dosen', max: 40 },
      { keyword: 'peneliti', max: 40 },
      { keyword: 'perekayasa', max: 40 },
    ],
  },
  uploadLimits: UPLOADS_2024,
  // "3 hari" — calendar per most 2021–2024 articles, working per a 2025 article (RULES.md §9): uncertain.
  sanggah: { days: 3, mode: 'calendar', ...SANGGAH_DEFAULTS },
  reannounceWithinDays: 7,
  cumlaude: { minIpkHundredths: 351 },
  // 100 min; 130 min for disabilitas (2021/2023 said "netra" only — scope uncertain, RULES.md §2.1).
  exam: { minutes: 100, accommodatedMinutes: 130 },
  uncertain: [
    'uploadLimits.surat_lamaran.maxBytes',
    'uploadLimits.pendukung.maxBytes',
    'sanggah.mode',
    'cumlaude.minIpkHundredths',
    'exam.accommodatedMinutes',
  ],
};

/**
 * PPPK 2024 (PermenPANRB 6/2024; KepMenPANRB 347/2024). Age 20–59 "as reported" and probably really
 * "one year before the jabatan's retirement age" (RULES.md §1.3, open question 9) — uncertain.
 * Exam 120 + 10 min, disabilitas 150 + 15 min (RULES.md §2.7).
 */
export const RULE_SET_PPPK_2024: RecruitmentRuleSet = {
  year: 2024,
  type: 'PPPK',
  regulation: 'PermenPANRB 6/2024; KepMenPANRB 347/2024',
  ageLimits: { min: 20, max: 59 },
  uploadLimits: UPLOADS_2024,
  sanggah: { days: 3, mode: 'calendar', ...SANGGAH_DEFAULTS },
  reannounceWithinDays: 7,
  cumlaude: { minIpkHundredths: 351 },
  exam: { minutes: 130, accommodatedMinutes: 165 },
  uncertain: [
    'ageLimits.min',
    'ageLimits.max',
    'uploadLimits.surat_lamaran.maxBytes',
    'uploadLimits.pendukung.maxBytes',
    'sanggah.mode',
    'cumlaude.minIpkHundredths',
  ],
};

/** The seeded rule sets, keyed `${type}-${year}`; seeds copy them into the editable per-period table. */
export const SEEDED_RULE_SETS: Readonly<Record<string, RecruitmentRuleSet>> = Object.freeze({
  'CPNS-2024': RULE_SET_CPNS_2024,
  'PPPK-2024': RULE_SET_PPPK_2024,
});
