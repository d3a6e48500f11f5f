/**
 * From a published final result to an ASN record (issue 12; RULES.md §3.1–3.2): the NIP / NI PPPK
 * BKPSDM enters must be the right kind for the period (CPNS → NIP, PPPK → NI PPPK), agree with the
 * TMT entered and with the appointee's own birth date and gender; a CPNS serves one year of
 * probation (masa percobaan) and must pass Latsar in it — which is at risk when less than three
 * months remain without it. Pure: today is the caller's.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { parseNip } from '../../../../../common/rules/nip.ts';

export const PROBATION_MONTHS = 12;
/** With less than this left and no Latsar passed, the probation is at risk. */
export const AT_RISK_MONTHS = 3;

export interface Appointee {
  periodType: 'CPNS' | 'PPPK';
  birthDate: string | null;
  gender: 'L' | 'P' | null;
}

/** Why this NIP / TMT cannot be this appointee's (empty = fine). */
export function appointmentProblems(a: Appointee, nip: string, tmt: string): Msg[] {
  const parsed = parseNip(nip);
  if (!parsed.ok) return [parsed.error];
  const p = parsed.parts;
  const problems: Msg[] = [];
  if (a.periodType === 'CPNS' && p.kind !== 'nip')
    problems.push(
      msg(
        'Pengadaan CPNS memakai NIP (angka 13–14 = bulan TMT), bukan NI PPPK.',
        'A CPNS appointment takes an NIP (digits 13–14 = TMT month), not an NI PPPK.',
      ),
    );
  if (a.periodType === 'PPPK' && p.kind !== 'ni_pppk')
    problems.push(
      msg(
        'Pengadaan PPPK memakai NI PPPK (angka 13–14 = 21), bukan NIP.',
        'A PPPK appointment takes an NI PPPK (digits 13–14 = 21), not an NIP.',
      ),
    );
  if (p.kind === 'nip' && tmt.slice(0, 7) !== p.tmt)
    problems.push(
      msg(`TMT ${tmt} tidak sesuai TMT di NIP (${p.tmt}).`, `TMT ${tmt} does not match the NIP's TMT (${p.tmt}).`),
    );
  if (p.kind === 'ni_pppk' && tmt.slice(0, 4) !== p.tmt)
    problems.push(
      msg(
        `TMT ${tmt} tidak sesuai tahun di NI PPPK (${p.tmt}).`,
        `TMT ${tmt} does not match the NI PPPK's year (${p.tmt}).`,
      ),
    );
  if (a.birthDate && a.birthDate !== p.birthDate)
    problems.push(
      msg(
        `Tanggal lahir di NIP (${p.birthDate}) tidak sama dengan tanggal lahir pelamar (${a.birthDate}).`,
        `The NIP's birth date (${p.birthDate}) differs from the applicant's (${a.birthDate}).`,
      ),
    );
  if (a.gender && a.gender !== p.gender)
    problems.push(
      msg(
        `Kode jenis kelamin di NIP (${p.gender === 'L' ? '1 = laki-laki' : '2 = perempuan'}) tidak sesuai data pelamar.`,
        `The NIP's gender digit (${p.gender === 'L' ? '1 = male' : '2 = female'}) does not match the applicant.`,
      ),
    );
  return problems;
}

/** `YYYY-MM-DD` plus whole months (the day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type LatsarState = 'completed' | 'not_completed' | 'enrolled' | 'waitlisted' | null;
export type ProbationState = 'passed' | 'on_track' | 'at_risk' | 'overdue' | 'failed';

/** A CPNS's probation: its deadline (TMT + 1 year), the days left and whether Latsar is at risk. */
export function probation(
  tmt: string,
  today: string,
  latsar: LatsarState,
): { deadline: string; daysLeft: number; state: ProbationState; reason: Msg } {
  const deadline = addMonths(tmt, PROBATION_MONTHS);
  const daysLeft = daysBetween(today, deadline);
  const atRiskFrom = addMonths(deadline, -AT_RISK_MONTHS);
  if (latsar === 'completed')
    return {
      deadline,
      daysLeft,
      state: 'passed',
      reason: msg(
        'Latsar sudah lulus; dapat diusulkan diangkat menjadi PNS.',
        'Latsar passed; can be proposed for appointment as PNS.',
      ),
    };
  if (latsar === 'not_completed')
    return {
      deadline,
      daysLeft,
      state: 'failed',
      reason: msg(
        'Tidak lulus Latsar (hanya dapat diikuti sekali): syarat pengangkatan PNS tidak terpenuhi.',
        'Did not pass Latsar (taken once only): the condition for appointment as PNS is not met.',
      ),
    };
  if (daysLeft < 0)
    return {
      deadline,
      daysLeft,
      state: 'overdue',
      reason: msg(
        `Masa percobaan berakhir ${-daysLeft} hari lalu tanpa Latsar lulus.`,
        `Probation ended ${-daysLeft} days ago without Latsar passed.`,
      ),
    };
  const what =
    latsar === 'enrolled'
      ? msg('terdaftar Latsar, belum selesai', 'enrolled in Latsar, not finished')
      : latsar === 'waitlisted'
        ? msg('masih di daftar tunggu Latsar', 'still on the Latsar waitlist')
        : msg('belum terdaftar Latsar', 'not enrolled in Latsar');
  if (today >= atRiskFrom)
    return {
      deadline,
      daysLeft,
      state: 'at_risk',
      reason: msg(
        `Berisiko: sisa ${daysLeft} hari masa percobaan dan ${what.id}.`,
        `At risk: ${daysLeft} days of probation left and ${what.en}.`,
      ),
    };
  return {
    deadline,
    daysLeft,
    state: 'on_track',
    reason: msg(`Sisa ${daysLeft} hari masa percobaan; ${what.id}.`, `${daysLeft} days of probation left; ${what.en}.`),
  };
}
