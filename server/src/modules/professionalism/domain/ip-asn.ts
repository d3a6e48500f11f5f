/**
 * Indeks Profesionalitas ASN (PermenPANRB 38/2018; Peraturan BKN 8/2019; PROFESSIONALISM.md §1):
 * four dimensions — kualifikasi (25), kompetensi (40), kinerja (30), disiplin (5) — summed to 0–100
 * and banded. The point tables are an *instrument*: data, versioned per year, because several cells
 * are not settled by any source (§7) and BKN has drafted an amendment. Every cell says whether a
 * source verifies it; the UI marks the others provisional. Pure: the instrument, the measurement
 * date and the person's records are parameters; a missing input is reported, never a silent zero.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import type { PREDIKAT_VALUES } from '../../../../../common/contracts/performance.ts';
import {
  COMPETENCY_KIND_VALUES,
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVEL_VALUES,
  LEADERSHIP_LEVEL_VALUES,
} from '../../../../../common/contracts/records.ts';
import { shiftDate } from '../../../../../common/rules/calendar.ts';

// ── Catalogues ──

/** Jenjang pendidikan formal, lowest first (the contract's catalogue: forms, sheets and the index share it). */
export const EDUCATION_LEVELS = EDUCATION_LEVEL_VALUES;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = EDUCATION_LEVEL_NAMES;

/** The groups the kualifikasi table scores (BKN's forms group D-II, D-I and SLTA; S-1 with D-IV). */
export const EDUCATION_GROUPS = ['s3', 's2', 's1_d4', 'd3', 'd2_d1_sma', 'smp_sd'] as const;
export type EducationGroup = (typeof EDUCATION_GROUPS)[number];
const EDUCATION_GROUP: Record<EducationLevel, EducationGroup> = {
  s3: 's3',
  s2: 's2',
  s1: 's1_d4',
  d4: 's1_d4',
  d3: 'd3',
  d2: 'd2_d1_sma',
  d1: 'd2_d1_sma',
  sma: 'd2_d1_sma',
  smp: 'smp_sd',
  sd: 'smp_sd',
};
export const groupOfEducation = (level: EducationLevel): EducationGroup => EDUCATION_GROUP[level];

/** Jenis jabatan: which kompetensi column applies (§1.3.2). */
export const JABATAN_TYPES = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export type JabatanType = (typeof JABATAN_TYPES)[number];
export const JABATAN_LABELS: Record<JabatanType, Msg> = {
  jpt: msg('Jabatan Pimpinan Tinggi', 'Senior executive (JPT)'),
  administrator: msg('Administrator', 'Administrator'),
  pengawas: msg('Pengawas', 'Supervisor (Pengawas)'),
  fungsional: msg('Jabatan Fungsional', 'Functional position'),
  pelaksana: msg('Pelaksana', 'Executor (Pelaksana)'),
};

/**
 * Leadership courses, highest first. Legacy Diklatpim II/III/IV are recorded as PKN II / PKA / PKP
 * (RULES.md §3.4). A course at or above the level of the post held counts (derived: "sesuai
 * dengan jabatan yang diduduki" — a lower one does not, §1.3.2).
 */
export const LEADERSHIP_LEVELS = LEADERSHIP_LEVEL_VALUES;
export type LeadershipLevel = (typeof LEADERSHIP_LEVELS)[number];
export const LEADERSHIP_LABELS: Record<LeadershipLevel, string> = {
  pkn_i: 'PKN Tingkat I',
  pkn_ii: 'PKN Tingkat II',
  pka: 'Pelatihan Kepemimpinan Administrator (PKA)',
  pkp: 'Pelatihan Kepemimpinan Pengawas (PKP)',
};
/** The course each structural post needs; a city's JPT are pratama (PKN II). */
export const LEADERSHIP_FOR: Partial<Record<JabatanType, LeadershipLevel>> = {
  jpt: 'pkn_ii',
  administrator: 'pka',
  pengawas: 'pkp',
};
const leadershipRank = (l: LeadershipLevel) => LEADERSHIP_LEVELS.length - LEADERSHIP_LEVELS.indexOf(l);

export const COMPETENCY_KINDS = COMPETENCY_KIND_VALUES;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];

/** SKP predikat (PermenPANRB 6/2022), the kinerja input. */
export type Predikat = (typeof PREDIKAT_VALUES)[number];
export const PREDIKAT_NAMES: Record<Predikat, string> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
};

export const DISCIPLINE_LEVELS = ['ringan', 'sedang', 'berat'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

export const BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;
export type Band = (typeof BANDS)[number];
export const BAND_LABELS: Record<Band, Msg> = {
  sangat_tinggi: msg('Sangat Tinggi', 'Very high'),
  tinggi: msg('Tinggi', 'High'),
  sedang: msg('Sedang', 'Medium'),
  rendah: msg('Rendah', 'Low'),
  sangat_rendah: msg('Sangat Rendah', 'Very low'),
};

export const DIMENSIONS = ['kualifikasi', 'kompetensi', 'kinerja', 'disiplin'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, Msg> = {
  kualifikasi: msg('Kualifikasi', 'Qualification'),
  kompetensi: msg('Kompetensi', 'Competence'),
  kinerja: msg('Kinerja', 'Performance'),
  disiplin: msg('Disiplin', 'Discipline'),
};

// ── The instrument ──

/** One number of the instrument with whether a source settles it (else it is shown as provisional). */
export interface Cell {
  points: number;
  verified: boolean;
  /** The source or, for a default, why it was chosen (PROFESSIONALISM.md). */
  note: string;
}

export interface IpAsnInstrument {
  version: string;
  maxima: Record<Dimension, number>;
  education: Record<EducationGroup, Cell>;
  kompetensi: {
    /** JPT, Administrator, Pengawas. */
    structural: { kepemimpinan: Cell; teknis: Cell; seminar: Cell };
    fungsional: { fungsional: Cell; teknis: Cell; seminar: Cell };
    pelaksana: { teknis: Cell; seminar: Cell };
  };
  /** Diklat teknis counts at this many JP (Pasal 8 [S3]). */
  teknisMinJp: Cell;
  /** The window (months before the measurement date) for diklat teknis [S5] and seminars (uncertain). */
  teknisWindowMonths: Cell;
  seminarWindowMonths: Cell;
  /** true: the JP of several courses in the window add up (linked to the 20 JP/year ledger); false: one course must reach it. */
  teknisAccumulates: boolean;
  kinerja: Record<Predikat, Cell>;
  disiplin: Record<'none' | DisciplineLevel, Cell>;
  /** 'year': a punishment counts when its SK is dated in the year; 'year+masa': also when its term overlaps the year. */
  disiplinWindow: 'year' | 'year+masa';
  /** Lower bounds, highest first; a total in a gap (80.5) falls to the lower band (§1.5, derived). */
  bands: { min: number; band: Band }[];
}

const v = (points: number, note: string): Cell => ({ points, verified: true, note });
const u = (points: number, note: string): Cell => ({ points, verified: false, note });

/**
 * Perban BKN 8/2019 as PROFESSIONALISM.md §1.3 reads it. Verified: S-3 25, S-2 20, the kompetensi
 * cells of Pasal 8, 20 JP, the 12-month teknis window, the bands. Provisional (no retrieved source):
 * S-1 and below (widely circulated defaults), kinerja per predikat (no BKN mapping after
 * PermenPANRB 6/2022; §1.3.3's proposal), disiplin points and window, the seminar window.
 */
export const IP_ASN_2019: IpAsnInstrument = Object.freeze({
  version: 'perban-8-2019',
  maxima: { kualifikasi: 25, kompetensi: 40, kinerja: 30, disiplin: 5 },
  education: {
    s3: v(25, 'Perban BKN 8/2019 Pasal 7 [S1]'),
    s2: v(20, 'Perban BKN 8/2019 Pasal 7 [S1][S4]'),
    s1_d4: u(15, 'Nilai umum yang beredar; belum ditemukan dalam teks Perban'),
    d3: u(10, 'Nilai umum yang beredar; belum ditemukan dalam teks Perban'),
    d2_d1_sma: u(5, 'Nilai umum yang beredar; formulir BKN mengelompokkan D-II, D-I dan SLTA'),
    smp_sd: u(1, 'Nilai umum yang beredar; belum ditemukan dalam teks Perban'),
  },
  kompetensi: {
    structural: {
      kepemimpinan: v(15, 'Perban BKN 8/2019 Pasal 8 [S3][S5]'),
      teknis: v(15, 'Perban BKN 8/2019 Pasal 8 [S3]'),
      seminar: u(10, 'Diturunkan: 40 − 15 − 15 (sumber terpotong) [S4]'),
    },
    fungsional: {
      fungsional: v(15, 'Perban BKN 8/2019 Pasal 8 [S3]'),
      teknis: v(15, 'Perban BKN 8/2019 Pasal 8 [S3]'),
      seminar: u(10, 'Diturunkan: 40 − 15 − 15 (sumber terpotong) [S4]'),
    },
    pelaksana: {
      teknis: u(22.5, 'Sumber sekunder [S4]'),
      seminar: u(17.5, 'Sumber sekunder [S4]'),
    },
  },
  teknisMinJp: v(20, 'Perban BKN 8/2019 Pasal 8: paling sedikit 20 JP [S3]'),
  teknisWindowMonths: v(12, 'Formulir BKN 2020: 1 tahun terakhir [S5]'),
  seminarWindowMonths: u(12, 'Disamakan dengan diklat teknis; formulir BKN tidak menyebut jangka waktu'),
  teknisAccumulates: true,
  kinerja: {
    sangat_baik: u(30, 'Usulan: setara Sangat Baik lama (PermenPANRB 6/2022 belum dipetakan BKN)'),
    baik: u(25, 'Usulan: setara Baik lama'),
    butuh_perbaikan: u(15, 'Usulan: setara Cukup lama'),
    kurang: u(5, 'Usulan: setara Kurang lama'),
    sangat_kurang: u(1, 'Usulan: setara Buruk lama'),
  },
  disiplin: {
    none: u(5, 'Nilai umum yang beredar (tidak pernah dihukum)'),
    ringan: u(3, 'Nilai umum yang beredar'),
    sedang: u(1, 'Nilai umum yang beredar'),
    berat: u(0, 'Nilai umum yang beredar'),
  },
  disiplinWindow: 'year+masa',
  bands: [
    { min: 91, band: 'sangat_tinggi' },
    { min: 81, band: 'tinggi' },
    { min: 71, band: 'sedang' },
    { min: 61, band: 'rendah' },
    { min: Number.NEGATIVE_INFINITY, band: 'sangat_rendah' },
  ],
}) as IpAsnInstrument;

// ── A person's records ──

export interface CompetencyRecord {
  kind: CompetencyKind;
  /** Completion date (YYYY-MM-DD). */
  date: string;
  jp?: number | null;
  /** For kepemimpinan. */
  leadershipLevel?: LeadershipLevel | null;
  /** For fungsional: the course is the one of the JF held (set by BKPSDM when recording it). */
  matchesJabatan?: boolean | null;
}

export interface PunishmentRecord {
  level: DisciplineLevel;
  /** SK date (YYYY-MM-DD). */
  skDate: string;
  /** The term, inclusive; `end` null for none (teguran) or permanent. */
  start: string;
  end: string | null;
  /** An SK later cancelled does not count (§4.7 ex. 5). */
  cancelled: boolean;
}

export interface IpAsnInput {
  /** The measurement date: 31 December of the year, or today for the running year. */
  asOf: string;
  jabatan: JabatanType | null;
  /** Every formal education on record; the highest counts. */
  education: readonly EducationLevel[];
  competencies: readonly CompetencyRecord[];
  /** The latest annual SKP predikat at the measurement date, or null when there is none. */
  predikat: { year: number; predikat: Predikat } | null;
  punishments: readonly PunishmentRecord[];
}

// ── The result ──

/** One reason in words; `verified` false when its points rest on a provisional cell. */
export interface Line {
  text: Msg;
  points: number;
  max: number;
  verified: boolean;
}
export interface DimensionResult {
  dimension: Dimension;
  points: number;
  max: number;
  /** false: an input is missing — "data belum lengkap", never a silent zero. */
  complete: boolean;
  lines: Line[];
}
export interface IpAsnResult {
  instrumentVersion: string;
  asOf: string;
  dimensions: Record<Dimension, DimensionResult>;
  total: number;
  band: Band;
  complete: boolean;
  /** Some points come from a provisional cell. */
  provisional: boolean;
}

const MISSING = msg('data belum lengkap', 'data incomplete');

function kualifikasi(inst: IpAsnInstrument, input: IpAsnInput): DimensionResult {
  const max = inst.maxima.kualifikasi;
  const highest = [...input.education].sort((a, b) => EDUCATION_LEVELS.indexOf(b) - EDUCATION_LEVELS.indexOf(a))[0];
  if (!highest) {
    const text = msg(
      `Pendidikan terakhir belum tercatat — ${MISSING.id}.`,
      `Highest education not on record — ${MISSING.en}.`,
    );
    return {
      dimension: 'kualifikasi',
      points: 0,
      max,
      complete: false,
      lines: [{ text, points: 0, max, verified: true }],
    };
  }
  const cell = inst.education[groupOfEducation(highest)];
  const name = EDUCATION_LABELS[highest];
  return {
    dimension: 'kualifikasi',
    points: cell.points,
    max,
    complete: true,
    lines: [
      {
        text: msg(
          `Pendidikan terakhir ${name}: ${cell.points} poin.`,
          `Highest education ${name}: ${cell.points} points.`,
        ),
        points: cell.points,
        max,
        verified: cell.verified,
      },
    ],
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The first day of the window of `months` months ending on `date` (12 months to 31 Dec 2025 start 1 Jan 2025). */
// A recompute asks for the same few windows (one measurement date per year) for every person.
const windowStarts = new Map<string, string>();
function windowStart(date: string, months: number): string {
  const key = `${date}|${months}`;
  let start = windowStarts.get(key);
  if (start === undefined) {
    if (windowStarts.size > 1000) windowStarts.clear();
    start = computeWindowStart(date, months);
    windowStarts.set(key, start);
  }
  return start;
}
function computeWindowStart(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const [year, month] = [Math.floor(index / 12), index % 12];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return shiftDate(`${year}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`, 1);
}
const within = (date: string, from: string, to: string) => date >= from && date <= to;

/** JP of diklat teknis inside the window: their sum, or the largest single course when JP do not accumulate. */
export function teknisJp(inst: IpAsnInstrument, records: readonly CompetencyRecord[], asOf: string): number {
  const from = windowStart(asOf, inst.teknisWindowMonths.points);
  const jp = records.filter((r) => r.kind === 'teknis' && within(r.date, from, asOf)).map((r) => r.jp ?? 0);
  return inst.teknisAccumulates ? jp.reduce((a, b) => a + b, 0) : Math.max(0, ...jp);
}

function teknisLine(inst: IpAsnInstrument, cell: Cell, input: IpAsnInput): Line {
  const jp = teknisJp(inst, input.competencies, input.asOf);
  const min = inst.teknisMinJp.points;
  const months = inst.teknisWindowMonths.points;
  const done = jp >= min;
  return {
    text: done
      ? msg(
          `Diklat teknis ${jp} JP dalam ${months} bulan terakhir (≥ ${min} JP): ${cell.points} poin.`,
          `Technical training ${jp} JP in the last ${months} months (≥ ${min} JP): ${cell.points} points.`,
        )
      : msg(
          `Belum ada diklat teknis ≥ ${min} JP dalam ${months} bulan terakhir (baru ${jp} JP): 0 dari ${cell.points} poin.`,
          `No technical training of ≥ ${min} JP in the last ${months} months (${jp} JP so far): 0 of ${cell.points} points.`,
        ),
    points: done ? cell.points : 0,
    max: cell.points,
    verified: (!done || cell.verified) && inst.teknisMinJp.verified && inst.teknisWindowMonths.verified,
  };
}

function seminarLine(inst: IpAsnInstrument, cell: Cell, input: IpAsnInput): Line {
  const months = inst.seminarWindowMonths.points;
  const from = windowStart(input.asOf, months);
  const done = input.competencies.some((r) => r.kind === 'seminar' && within(r.date, from, input.asOf));
  return {
    text: done
      ? msg(
          `Seminar/workshop/kursus dalam ${months} bulan terakhir: ${cell.points} poin.`,
          `Seminar/workshop/course in the last ${months} months: ${cell.points} points.`,
        )
      : msg(
          `Belum ada seminar/workshop/kursus dalam ${months} bulan terakhir: 0 dari ${cell.points} poin.`,
          `No seminar/workshop/course in the last ${months} months: 0 of ${cell.points} points.`,
        ),
    points: done ? cell.points : 0,
    max: cell.points,
    verified: (!done || cell.verified) && inst.seminarWindowMonths.verified,
  };
}

function leadershipLine(cell: Cell, jabatan: JabatanType, input: IpAsnInput): Line {
  const needed = LEADERSHIP_FOR[jabatan]!;
  const done = input.competencies.some(
    (r) =>
      r.kind === 'kepemimpinan' &&
      r.date <= input.asOf &&
      r.leadershipLevel &&
      leadershipRank(r.leadershipLevel) >= leadershipRank(needed),
  );
  const name = LEADERSHIP_LABELS[needed];
  return {
    text: done
      ? msg(`${name} sesuai jabatan: ${cell.points} poin.`, `${name} matching the post: ${cell.points} points.`)
      : msg(
          `Belum mengikuti ${name} yang sesuai jabatan: 0 dari ${cell.points} poin.`,
          `${name} matching the post not yet done: 0 of ${cell.points} points.`,
        ),
    points: done ? cell.points : 0,
    max: cell.points,
    verified: cell.verified,
  };
}

function functionalLine(cell: Cell, input: IpAsnInput): Line {
  const done = input.competencies.some((r) => r.kind === 'fungsional' && r.matchesJabatan && r.date <= input.asOf);
  return {
    text: done
      ? msg(
          `Diklat fungsional sesuai JF: ${cell.points} poin.`,
          `Functional training for the JF held: ${cell.points} points.`,
        )
      : msg(
          `Belum mengikuti diklat fungsional sesuai JF yang diduduki: 0 dari ${cell.points} poin.`,
          `Functional training for the JF held not yet done: 0 of ${cell.points} points.`,
        ),
    points: done ? cell.points : 0,
    max: cell.points,
    verified: cell.verified,
  };
}

function kompetensi(inst: IpAsnInstrument, input: IpAsnInput): DimensionResult {
  const max = inst.maxima.kompetensi;
  const j = input.jabatan;
  if (!j) {
    const text = msg(
      `Jenis jabatan belum tercatat, jadi tabel kompetensi belum bisa dipilih — ${MISSING.id}.`,
      `Position type not on record, so the competence table cannot be chosen — ${MISSING.en}.`,
    );
    return {
      dimension: 'kompetensi',
      points: 0,
      max,
      complete: false,
      lines: [{ text, points: 0, max, verified: true }],
    };
  }
  const k = inst.kompetensi;
  const lines =
    j === 'pelaksana'
      ? [teknisLine(inst, k.pelaksana.teknis, input), seminarLine(inst, k.pelaksana.seminar, input)]
      : j === 'fungsional'
        ? [
            functionalLine(k.fungsional.fungsional, input),
            teknisLine(inst, k.fungsional.teknis, input),
            seminarLine(inst, k.fungsional.seminar, input),
          ]
        : [
            leadershipLine(k.structural.kepemimpinan, j, input),
            teknisLine(inst, k.structural.teknis, input),
            seminarLine(inst, k.structural.seminar, input),
          ];
  return { dimension: 'kompetensi', points: sum(lines.map((l) => l.points)), max, complete: true, lines };
}

function kinerja(inst: IpAsnInstrument, input: IpAsnInput): DimensionResult {
  const max = inst.maxima.kinerja;
  const p = input.predikat;
  if (!p) {
    const text = msg(`Belum ada predikat SKP tahunan — ${MISSING.id}.`, `No annual SKP rating yet — ${MISSING.en}.`);
    return { dimension: 'kinerja', points: 0, max, complete: false, lines: [{ text, points: 0, max, verified: true }] };
  }
  const cell = inst.kinerja[p.predikat];
  const name = PREDIKAT_NAMES[p.predikat];
  return {
    dimension: 'kinerja',
    points: cell.points,
    max,
    complete: true,
    lines: [
      {
        text: msg(
          `Predikat SKP ${p.year} ${name}: ${cell.points} poin.`,
          `SKP rating ${p.year} ${name}: ${cell.points} points.`,
        ),
        points: cell.points,
        max,
        verified: cell.verified,
      },
    ],
  };
}

/** The punishments that count in the measurement year: not cancelled, and dated (or, by the instrument, running) in it. */
export function countedPunishments(inst: IpAsnInstrument, punishments: readonly PunishmentRecord[], asOf: string) {
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  return punishments.filter(
    (p) =>
      !p.cancelled &&
      (within(p.skDate, yearStart, asOf) ||
        (inst.disiplinWindow === 'year+masa' && p.start <= asOf && (p.end ?? p.start) >= yearStart)),
  );
}

function disiplin(inst: IpAsnInstrument, input: IpAsnInput): DimensionResult {
  const max = inst.maxima.disiplin;
  const year = input.asOf.slice(0, 4);
  const counted = countedPunishments(inst, input.punishments, input.asOf);
  const worst = [...DISCIPLINE_LEVELS].reverse().find((l) => counted.some((p) => p.level === l));
  const cell = inst.disiplin[worst ?? 'none'];
  const text = worst
    ? msg(
        `Hukuman disiplin tingkat ${worst} pada ${year}: ${cell.points} dari ${max} poin.`,
        `A ${worst} disciplinary punishment in ${year}: ${cell.points} of ${max} points.`,
      )
    : msg(
        `Tidak ada hukuman disiplin pada ${year}: ${cell.points} poin.`,
        `No disciplinary punishment in ${year}: ${cell.points} points.`,
      );
  return {
    dimension: 'disiplin',
    points: cell.points,
    max,
    complete: true,
    lines: [{ text, points: cell.points, max, verified: cell.verified }],
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The band of a total under the instrument's lower bounds. */
export function bandOf(inst: IpAsnInstrument, total: number): Band {
  return inst.bands.find((b) => total >= b.min)?.band ?? 'sangat_rendah';
}

/** One person's index at the measurement date. */
export function computeIpAsn(inst: IpAsnInstrument, input: IpAsnInput): IpAsnResult {
  const dimensions = {
    kualifikasi: kualifikasi(inst, input),
    kompetensi: kompetensi(inst, input),
    kinerja: kinerja(inst, input),
    disiplin: disiplin(inst, input),
  };
  const all = DIMENSIONS.map((d) => dimensions[d]);
  const total = sum(all.map((d) => d.points));
  return {
    instrumentVersion: inst.version,
    asOf: input.asOf,
    dimensions,
    total,
    band: bandOf(inst, total),
    complete: all.every((d) => d.complete),
    provisional: all.some((d) => d.lines.some((l) => !l.verified)),
  };
}

/** Round half up to 2 decimals, as BKN publishes instansi figures (§1.5). */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export interface IpAsnAggregate {
  /** People with a complete index (the mean is over them). */
  n: number;
  /** Everyone asked about, complete or not: the participation rate is n / of. */
  of: number;
  means: Record<Dimension, number>;
  total: number;
  band: Band | null;
  bands: Record<Band, number>;
}

/** What a group's figure is built from: counts, and sums over its complete results — summable across groups. */
export interface IpAsnSums {
  of: number;
  n: number;
  points: Record<Dimension, number>;
  total: number;
  bands: Record<Band, number>;
}

/** The sums of a list of results (the complete ones carry the points). */
export function sumsOf(results: readonly IpAsnResult[]): IpAsnSums {
  const complete = results.filter((r) => r.complete);
  return {
    of: results.length,
    n: complete.length,
    points: Object.fromEntries(DIMENSIONS.map((d) => [d, sum(complete.map((r) => r.dimensions[d].points))])) as Record<
      Dimension,
      number
    >,
    total: sum(complete.map((r) => r.total)),
    bands: Object.fromEntries(BANDS.map((b) => [b, complete.filter((r) => r.band === b).length])) as Record<
      Band,
      number
    >,
  };
}

/**
 * A unit's or the city's figure from its sums (§1.6): per-dimension means over the people with a
 * complete index, the index the mean of the totals (= the sum of the means), rounded half up to 2
 * decimals and then banded. Incomplete results are counted in `of`, not averaged as zeros. Sums
 * let the database add up the city's results and the figure still be defined once, here.
 */
export function aggregateOfSums(inst: IpAsnInstrument, s: IpAsnSums): IpAsnAggregate {
  const n = s.n;
  const means = Object.fromEntries(DIMENSIONS.map((d) => [d, n ? round2(s.points[d] / n) : 0])) as Record<
    Dimension,
    number
  >;
  const total = n ? round2(s.total / n) : 0;
  return { n, of: s.of, means, total, band: n ? bandOf(inst, total) : null, bands: { ...s.bands } };
}

/** A unit's or the city's figure (§1.6) from its people's results. */
export function aggregateIpAsn(inst: IpAsnInstrument, results: readonly IpAsnResult[]): IpAsnAggregate {
  return aggregateOfSums(inst, sumsOf(results));
}

// ── What would raise it ──

export type RaiseAction = 'education' | 'kepemimpinan' | 'fungsional' | 'teknis' | 'seminar' | 'skp' | 'record';
export interface Raise {
  dimension: Dimension;
  action: RaiseAction;
  /** Points the index would gain; 0 for a missing record (its gain is unknown until it is filled in). */
  gain: number;
  text: Msg;
  /** For 'teknis': the JP still missing in the window. */
  jpMissing?: number;
}

/** The next education group up and its gain, if any. */
function educationRaise(inst: IpAsnInstrument, input: IpAsnInput, r: IpAsnResult): Raise | null {
  const d = r.dimensions.kualifikasi;
  if (!d.complete)
    return {
      dimension: 'kualifikasi',
      action: 'record',
      gain: 0,
      text: msg('Lengkapi riwayat pendidikan beserta ijazahnya.', 'Complete the education history with its diploma.'),
    };
  const better = EDUCATION_GROUPS.map((g) => inst.education[g]).filter((c) => c.points > d.points);
  if (better.length === 0) return null;
  const next = better.reduce((a, b) => (b.points < a.points ? b : a));
  const gain = next.points - d.points;
  return {
    dimension: 'kualifikasi',
    action: 'education',
    gain,
    text: msg(
      `Pendidikan satu jenjang lebih tinggi menambah Kualifikasi ${gain} poin.`,
      `Education one level higher adds ${gain} qualification points.`,
    ),
  };
}

function kompetensiRaises(inst: IpAsnInstrument, input: IpAsnInput, r: IpAsnResult): Raise[] {
  const d = r.dimensions.kompetensi;
  if (!d.complete)
    return [
      {
        dimension: 'kompetensi',
        action: 'record',
        gain: 0,
        text: msg('Minta BKPSDM mencatat jenis jabatan Anda.', 'Ask BKPSDM to record your position type.'),
      },
    ];
  const j = input.jabatan!;
  const actions: RaiseAction[] =
    j === 'pelaksana'
      ? ['teknis', 'seminar']
      : j === 'fungsional'
        ? ['fungsional', 'teknis', 'seminar']
        : ['kepemimpinan', 'teknis', 'seminar'];
  const out: Raise[] = [];
  d.lines.forEach((line, i) => {
    if (line.points >= line.max) return;
    const action = actions[i]!;
    const gain = line.max - line.points;
    if (action === 'teknis') {
      const missing = inst.teknisMinJp.points - teknisJp(inst, input.competencies, input.asOf);
      out.push({
        dimension: 'kompetensi',
        action,
        gain,
        jpMissing: missing,
        text: msg(
          `Diklat teknis ≥ ${inst.teknisMinJp.points} JP (kurang ${missing} JP) menambah Kompetensi ${gain} poin.`,
          `Technical training of ≥ ${inst.teknisMinJp.points} JP (${missing} JP to go) adds ${gain} competence points.`,
        ),
      });
    } else {
      const leadership = LEADERSHIP_LABELS[LEADERSHIP_FOR[j] ?? 'pkp'];
      const course =
        action === 'kepemimpinan'
          ? msg(leadership, leadership)
          : action === 'fungsional'
            ? msg('Diklat fungsional sesuai JF', 'Functional training for your JF')
            : msg('Satu seminar, workshop atau kursus', 'One seminar, workshop or course');
      out.push({
        dimension: 'kompetensi',
        action,
        gain,
        text: msg(`${course.id} menambah Kompetensi ${gain} poin.`, `${course.en} adds ${gain} competence points.`),
      });
    }
  });
  return out;
}

function kinerjaRaise(inst: IpAsnInstrument, input: IpAsnInput, r: IpAsnResult): Raise | null {
  const d = r.dimensions.kinerja;
  if (!d.complete)
    return {
      dimension: 'kinerja',
      action: 'skp',
      gain: 0,
      text: msg(
        'Selesaikan SKP tahunan bersama atasan agar Kinerja terhitung.',
        'Complete the annual SKP with your supervisor so performance counts.',
      ),
    };
  const gain = inst.kinerja.sangat_baik.points - d.points;
  if (gain <= 0) return null;
  return {
    dimension: 'kinerja',
    action: 'skp',
    gain,
    text: msg(
      `Predikat SKP Sangat Baik menambah Kinerja ${gain} poin.`,
      `An SKP rating of Sangat Baik adds ${gain} performance points.`,
    ),
  };
}

/** What would raise the index, largest gain first; missing records come first of all (nothing counts without them). */
export function whatWouldRaise(inst: IpAsnInstrument, input: IpAsnInput, r: IpAsnResult): Raise[] {
  const all = [educationRaise(inst, input, r), ...kompetensiRaises(inst, input, r), kinerjaRaise(inst, input, r)];
  return all
    .filter((x): x is Raise => x !== null)
    .sort((a, b) => (a.action === 'record' ? -1 : 0) - (b.action === 'record' ? -1 : 0) || b.gain - a.gain);
}
