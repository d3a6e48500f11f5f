/**
 * Closed lists that every module and both sides spell the same way: education levels and jenis
 * kebutuhan (as formations.csv and the passing-grade rule sets spell them). Defined once here.
 */
export const EDUCATION_LEVELS = ['SMA', 'D3', 'D4', 'S1', 'S2', 'S3', 'PROFESI'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Jenis kebutuhan (RULES.md §1.2, §2.2), in the order forms and filters list them. */
export const NEED_TYPES = [
  'umum',
  'cumlaude',
  'disabilitas',
  'papua',
  'diaspora',
  'kalimantan',
  'daerah_tertinggal',
] as const;
export type NeedType = (typeof NEED_TYPES)[number];

/** Whether a string is one of the seven jenis kebutuhan. */
export function isNeedType(s: string): s is NeedType {
  return (NEED_TYPES as readonly string[]).includes(s);
}
