/**
 * Hukuman disiplin PNS (PP 94/2021; Peraturan BKN 6/2022; PROFESSIONALISM.md §4): the nine kinds
 * in three levels with their terms, whether a punishment is running on a day, the objection route
 * (PP 79/2021), and the punishment the absence thresholds of Pasal 11 point to. That last one is a
 * suggestion only: imposing a punishment is an official's decision after an examination (BAP).
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import type { DisciplineLevel } from './ip-asn.ts';

export const PUNISHMENT_KINDS = [
  'teguran_lisan',
  'teguran_tertulis',
  'pernyataan_tidak_puas',
  'tukin_25_6',
  'tukin_25_9',
  'tukin_25_12',
  'penurunan_jabatan',
  'pembebasan_jabatan',
  'pdhtaps',
] as const;
export type PunishmentKind = (typeof PUNISHMENT_KINDS)[number];

/** Level, term in months (null: none, or permanent for PDHTAPS) and name of each kind (§4.2). */
export const PUNISHMENTS: Record<PunishmentKind, { level: DisciplineLevel; months: number | null; name: Msg }> = {
  teguran_lisan: { level: 'ringan', months: null, name: msg('Teguran lisan', 'Oral reprimand') },
  teguran_tertulis: { level: 'ringan', months: null, name: msg('Teguran tertulis', 'Written reprimand') },
  pernyataan_tidak_puas: {
    level: 'ringan',
    months: null,
    name: msg('Pernyataan tidak puas secara tertulis', 'Written statement of dissatisfaction'),
  },
  tukin_25_6: {
    level: 'sedang',
    months: 6,
    name: msg('Pemotongan tunjangan kinerja 25% selama 6 bulan', 'Performance allowance cut by 25% for 6 months'),
  },
  tukin_25_9: {
    level: 'sedang',
    months: 9,
    name: msg('Pemotongan tunjangan kinerja 25% selama 9 bulan', 'Performance allowance cut by 25% for 9 months'),
  },
  tukin_25_12: {
    level: 'sedang',
    months: 12,
    name: msg('Pemotongan tunjangan kinerja 25% selama 12 bulan', 'Performance allowance cut by 25% for 12 months'),
  },
  penurunan_jabatan: {
    level: 'berat',
    months: 12,
    name: msg('Penurunan jabatan setingkat lebih rendah selama 12 bulan', 'Demotion by one level for 12 months'),
  },
  pembebasan_jabatan: {
    level: 'berat',
    months: 12,
    name: msg(
      'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan',
      'Release from the post to a pelaksana post for 12 months',
    ),
  },
  pdhtaps: {
    level: 'berat',
    months: null,
    name: msg(
      'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
      'Honourable discharge not at own request',
    ),
  },
};

/** The last day of a punishment's term starting on `start` (inclusive), or null when it has none. */
export function termEnd(kind: PunishmentKind, start: string): string | null {
  const months = PUNISHMENTS[kind].months;
  if (months === null) return null;
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  // Same day `months` later, minus one: 1 March + 6 months runs to 31 August.
  const end = new Date(Date.UTC(y, m - 1 + months, d - 1));
  return end.toISOString().slice(0, 10);
}

/** Whether the punishment is running on `day`: started, not past its end, not cancelled. */
export function isActive(p: { start: string; end: string | null; cancelled: boolean }, day: string): boolean {
  return !p.cancelled && p.start <= day && (p.end === null ? false : day <= p.end);
}

/**
 * PP 79/2021: a discharge goes to banding administratif at BPASN; any other punishment to keberatan
 * with the official's superior.
 */
export const objectionRoute = (kind: PunishmentKind): 'banding' | 'keberatan' =>
  kind === 'pdhtaps' ? 'banding' : 'keberatan';

/**
 * The punishment Pasal 11 points to for absence without a valid reason: cumulative days in a year,
 * or 10 consecutive working days (PDHTAPS) — §4.3. Null below 3 days.
 */
export function suggestedForAbsence(cumulativeDays: number, maxConsecutive: number): PunishmentKind | null {
  if (maxConsecutive >= 10 || cumulativeDays >= 28) return 'pdhtaps';
  const bands: [number, PunishmentKind][] = [
    [25, 'pembebasan_jabatan'],
    [21, 'penurunan_jabatan'],
    [17, 'tukin_25_12'],
    [14, 'tukin_25_9'],
    [11, 'tukin_25_6'],
    [7, 'pernyataan_tidak_puas'],
    [4, 'teguran_tertulis'],
    [3, 'teguran_lisan'],
  ];
  return bands.find(([min]) => cumulativeDays >= min)?.[1] ?? null;
}
