/**
 * NIP (Nomor Induk Pegawai, CPNS/PNS): 18 digits `YYYYMMDD YYYYMM G NNN` — birth date, TMT CPNS
 * (year and month), gender (1 = laki-laki, 2 = perempuan) and a sequence number. NI PPPK has the
 * same length with `YYYY 21` in place of the TMT month: the appointment year and the code 21, as
 * published NI PPPK numbers show (no regulation text was found: docs/development.md marks it
 * uncertain). Pure and shared, so the import and the form reject the same numbers.
 */
import { type Msg, msg } from '../contracts/messages.ts';
import { parseIsoDate } from './calendar.ts';

export interface NipParts {
  /** `nip` for CPNS/PNS, `ni_pppk` for PPPK. */
  kind: 'nip' | 'ni_pppk';
  birthDate: string; // YYYY-MM-DD
  /** TMT as the number encodes it: `YYYY-MM` (NIP) or `YYYY` (NI PPPK). */
  tmt: string;
  gender: 'L' | 'P';
  sequence: number;
}

export type NipResult = { ok: true; parts: NipParts } | { ok: false; error: Msg };

/** Youngest age at appointment (UU 5/2014 Pasal 61: applicants are at least 18). */
export const MIN_AGE_AT_TMT = 18;

const refuse = (id: string, en: string): NipResult => ({ ok: false, error: msg(id, en) });

/** Spaces and dots people type between the groups are ignored: "19900101 201503 1 001". */
export const normalizeNip = (input: string) => input.replace(/[\s.]/g, '');

/** Parses and checks an NIP / NI PPPK; the message says which part is wrong. */
export function parseNip(input: string): NipResult {
  const nip = normalizeNip(input);
  if (!/^\d{18}$/.test(nip))
    return refuse(
      'NIP harus 18 angka (tanggal lahir, TMT, jenis kelamin, nomor urut).',
      'An NIP has 18 digits (birth date, TMT, gender, sequence).',
    );
  const birth = parseIsoDate(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`);
  if (!birth || birth.year < 1940)
    return refuse(
      `Delapan angka pertama NIP (${nip.slice(0, 8)}) bukan tanggal lahir yang sah (TTTTBBHH).`,
      `The first eight digits (${nip.slice(0, 8)}) are not a valid birth date (YYYYMMDD).`,
    );
  const tmtYear = Number(nip.slice(8, 12));
  const code = nip.slice(12, 14);
  const kind = code === '21' ? 'ni_pppk' : 'nip';
  const tmtMonth = kind === 'nip' ? Number(code) : null;
  if (tmtYear < 1950 || (tmtMonth !== null && (tmtMonth < 1 || tmtMonth > 12)))
    return refuse(
      `Angka 9–14 NIP (${nip.slice(8, 14)}) bukan bulan TMT yang sah (TTTTBB; NI PPPK: TTTT21).`,
      `Digits 9–14 (${nip.slice(8, 14)}) are not a valid TMT month (YYYYMM; NI PPPK: YYYY21).`,
    );
  const ageAtTmt = tmtYear - birth.year - (tmtMonth !== null && tmtMonth < birth.month ? 1 : 0);
  if (ageAtTmt < MIN_AGE_AT_TMT)
    return refuse(
      `Menurut NIP ini pegawai berumur ${Math.max(ageAtTmt, 0)} tahun saat TMT; minimal ${MIN_AGE_AT_TMT} tahun. Periksa tanggal lahir dan TMT.`,
      `By this NIP the employee was ${Math.max(ageAtTmt, 0)} at TMT; the minimum is ${MIN_AGE_AT_TMT}. Check the birth date and TMT.`,
    );
  const g = nip[14];
  if (g !== '1' && g !== '2')
    return refuse(
      `Angka ke-15 NIP adalah jenis kelamin: 1 (laki-laki) atau 2 (perempuan), bukan ${g}.`,
      `Digit 15 is the gender: 1 (male) or 2 (female), not ${g}.`,
    );
  const sequence = Number(nip.slice(15));
  if (sequence === 0)
    return refuse(
      'Tiga angka terakhir NIP (nomor urut) tidak boleh 000.',
      'The last three digits (sequence) cannot be 000.',
    );
  return {
    ok: true,
    parts: {
      kind,
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      tmt: kind === 'nip' ? `${nip.slice(8, 12)}-${code}` : nip.slice(8, 12),
      gender: g === '1' ? 'L' : 'P',
      sequence,
    },
  };
}
