/**
 * Nomor peserta: the number printed on the exam card (RULES.md §1.8) and read out at the gate.
 *
 * Format, 18 digits, shown grouped as `YY PP IIII FFFF AAAAA C`:
 *   YY     last two digits of the recruitment year (2024 → 24)
 *   PP     period code within the year, 01–99 (e.g. 01 CPNS, 02 PPPK tahap I …)
 *   IIII   instansi code, BPS code of Kota Palu 7271 (RULES.md §6.2)
 *   FFFF   formation sequence within the period, 0001–9999
 *   AAAAA  applicant sequence within the formation, 00001–99999
 *   C      Luhn (mod 10) check digit over the first 17 digits — catches every single-digit typo and
 *          most adjacent swaps when an officer types the number in.
 * 18 digits rather than 16 so it can never be mistaken for a NIK or KK number (both 16 digits) in
 * a form or a spreadsheet; the parts are fixed-width so the number sorts by year, period, formation.
 */

export const PALU_INSTANSI_CODE = '7271';
export const PARTICIPANT_NUMBER_LENGTH = 18;

export interface ParticipantNumberParts {
  year: number;
  periodCode: string;
  formationSeq: number;
  applicantSeq: number;
  /** 4 digits; defaults to Kota Palu, 7271. */
  instansiCode?: string;
}

/** The Luhn check digit for a string of digits (the digit that makes `digits + check` pass the Luhn test). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d*$/.test(digits)) throw new RangeError('luhnCheckDigit takes digits only');
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function intIn(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new RangeError(`${name} must be an integer in ${lo}..${hi}, got ${v}`);
}

/** Builds the 18-digit participant number; the same inputs always give the same number, and it always passes `isValidParticipantNumber`. Throws RangeError on out-of-range parts. */
export function participantNumber(parts: ParticipantNumberParts): string {
  const instansi = parts.instansiCode ?? PALU_INSTANSI_CODE;
  intIn('year', parts.year, 2000, 2099);
  if (!/^\d{2}$/.test(parts.periodCode) || parts.periodCode === '00')
    throw new RangeError(`periodCode must be two digits 01–99, got "${parts.periodCode}"`);
  if (!/^\d{4}$/.test(instansi)) throw new RangeError(`instansiCode must be four digits, got "${instansi}"`);
  intIn('formationSeq', parts.formationSeq, 1, 9999);
  intIn('applicantSeq', parts.applicantSeq, 1, 99999);
  const payload =
    String(parts.year % 100).padStart(2, '0') +
    parts.periodCode +
    instansi +
    String(parts.formationSeq).padStart(4, '0') +
    String(parts.applicantSeq).padStart(5, '0');
  return payload + String(luhnCheckDigit(payload));
}

/** Splits a valid participant number into its parts (year as 20YY), or null when it is not valid. */
export function parseParticipantNumber(s: string): Required<ParticipantNumberParts> | null {
  if (!isValidParticipantNumber(s)) return null;
  return {
    year: 2000 + Number(s.slice(0, 2)),
    periodCode: s.slice(2, 4),
    instansiCode: s.slice(4, 8),
    formationSeq: Number(s.slice(8, 12)),
    applicantSeq: Number(s.slice(12, 17)),
  };
}

/** Whether `s` is exactly 18 digits with non-zero period, formation and applicant parts and a correct Luhn check digit; spaces are not accepted (strip display grouping first). */
export function isValidParticipantNumber(s: string): boolean {
  if (!/^\d{18}$/.test(s)) return false;
  if (s.slice(2, 4) === '00' || s.slice(8, 12) === '0000' || s.slice(12, 17) === '00000') return false;
  return luhnCheckDigit(s.slice(0, 17)) === s.charCodeAt(17) - 48;
}

/** Groups a participant number for display and print: `24 01 7271 0012 00345 7`. */
export function formatParticipantNumber(s: string): string {
  return [s.slice(0, 2), s.slice(2, 4), s.slice(4, 8), s.slice(8, 12), s.slice(12, 17), s.slice(17)].join(' ');
}
