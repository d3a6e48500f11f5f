/**
 * What a typed NIK says about its owner, for the hint under the NIK field. The regency table is
 * not shipped to the browser (the server checks it); here only the birth date and sex matter, so
 * an applicant sees early that a woman's NIK day is her birth day + 40 and nothing is wrong.
 */
import { parseNik, type Gender } from '../../../../common/rules/nik.ts';

export interface NikHint {
  day: number;
  /** 1–12 */
  month: number;
  /** Two digits, as the NIK stores them: "99". */
  yy: string;
  gender: Gender;
  /** True when the NIK's day field was written +40 (women). */
  isPlusForty: boolean;
}

export function nikHint(nik: string): NikHint | null {
  const parsed = parseNik(nik.trim(), () => true);
  if (!parsed.ok) return null;
  const p = parsed.parts;
  return {
    day: p.birthDay,
    month: p.birthMonth,
    yy: String(p.birthYearTwoDigits).padStart(2, '0'),
    gender: p.gender,
    isPlusForty: p.gender === 'P',
  };
}

/**
 * Does a typed birth date (YYYY-MM-DD) and sex disagree with the NIK? Null when it cannot be told
 * yet (NIK or date incomplete). Shown as a gentle hint; the server's check is the one that counts.
 */
export function nikDisagrees(hint: NikHint | null, birthDate: string, gender: string | undefined): boolean | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!hint || !m) return null;
  const [, y, mo, d] = m;
  if (Number(d) !== hint.day || Number(mo) !== hint.month || String(Number(y) % 100).padStart(2, '0') !== hint.yy)
    return true;
  if (gender === 'L' || gender === 'P') return gender !== hint.gender;
  return false;
}
