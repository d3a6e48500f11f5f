/**
 * NIK (Nomor Induk Kependudukan) parsing — RULES.md §6.1: `PP KK CC DD MM YY NNNN`.
 * Pure: the area table is passed in, so the same rule runs on the server and in the browser.
 */

export type Gender = 'L' | 'P';

export interface NikParts {
  provinceCode: string; // "72"
  regencyCode: string; // "72.71" (Kemendagri dotted form)
  districtCode: string; // "72.71.04"
  birthDay: number; // real day of month (women's +40 removed)
  birthMonth: number;
  birthYearTwoDigits: number;
  gender: Gender;
  serial: string;
}

export type NikProblem = 'format' | 'region' | 'birth_date' | 'serial';

export type NikResult = { ok: true; parts: NikParts } | { ok: false; problem: NikProblem };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a NIK and checks its structure. `isKnownRegency` receives "PP.KK".
 * Only the regency is checked against the area table: the kecamatan part is where the NIK was
 * first issued and may predate later splits (Palu went from 4 to 8 kecamatan), so it is only
 * required to be non-zero.
 */
export function parseNik(nik: string, isKnownRegency: (code: string) => boolean): NikResult {
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'format' };
  const pp = nik.slice(0, 2);
  const kk = nik.slice(2, 4);
  const cc = nik.slice(4, 6);
  const regencyCode = `${pp}.${kk}`;
  if (cc === '00' || !isKnownRegency(regencyCode)) return { ok: false, problem: 'region' };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year = Number(nik.slice(10, 12));
  const gender: Gender = rawDay > 40 ? 'P' : 'L';
  const day = gender === 'P' ? rawDay - 40 : rawDay;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) {
    return { ok: false, problem: 'birth_date' };
  }
  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, problem: 'serial' };
  return {
    ok: true,
    parts: {
      provinceCode: pp,
      regencyCode,
      districtCode: `${regencyCode}.${cc}`,
      birthDay: day,
      birthMonth: month,
      birthYearTwoDigits: year,
      gender,
      serial,
    },
  };
}

/**
 * Does a typed birth date (YYYY-MM-DD) and gender agree with what the NIK encodes?
 * The NIK holds only two year digits, so the century comes from the typed date.
 */
export function nikMatchesPerson(parts: NikParts, birthDate: string, gender: Gender): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return false;
  const [, y, mo, d] = m;
  return (
    Number(y) % 100 === parts.birthYearTwoDigits &&
    Number(mo) === parts.birthMonth &&
    Number(d) === parts.birthDay &&
    gender === parts.gender
  );
}

/** Masks a NIK for any output that is not the owner's own: keeps the region, hides the person. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 6)}**********` : '****************';
}
