/**
 * The yearly recruitment rule set as data (DESIGN.md convention 4: yearly rules are data, not
 * constants). One rule set per (year, CPNS|PPPK); the seeded values below are the 2024 instance and
 * an admin edits a copy per period. Validated with zod so an edited set is checked before use.
 *
 * Units: sizes are bytes with **1 KB = 1024 bytes** (SSCASN states limits in "KB" without saying
 * which; 1024 is the more permissive reading, so a file the applicant's computer shows as "200 KB"
 * is never refused). IPK is in integer hundredths (3.51 → 351). Ages are whole years.
 */
import { msg } from '../../../../../common/contracts/messages.ts';
import {
  type DocumentKind,
  KB,
  type RecruitmentRuleSet,
  type UploadLimit,
} from '../../../../../common/contracts/recruitment-rules.ts';

// The schema moved to common/contracts so the endpoint declaration can name it; re-exported here.
export {
  DOCUMENT_KINDS,
  type DocumentKind,
  KB,
  RecruitmentRuleSet,
  SELECTION_TYPES,
  type SelectionType,
  UPLOAD_MIME_TYPES,
  type UploadLimit,
  type UploadMimeType,
} from '../../../../../common/contracts/recruitment-rules.ts';

/** Sanggah limits where a period's rule set predates them: 20–3000 characters, 1 MB evidence, 5 working days. */
export const SANGGAH_DEFAULTS = {
  reasonChars: { min: 20, max: 3000 },
  evidenceMaxBytes: 1024 * KB,
  answerWorkingDays: 5,
} as const;

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
  ijazah: pdf(
    800,
    true,
    'Ijazah (dan Serdik/STR bila disyaratkan)',
    'Diploma (and teaching certificate/STR if required)',
  ),
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
