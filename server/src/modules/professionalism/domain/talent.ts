/**
 * Manajemen Talenta ASN (PermenPANRB 3/2020 as amended by PermenPANRB 20/2025; PROFESSIONALISM.md §2):
 * kinerja (3 statuses, from the final annual SKP predikat) × potensial (3 levels, from an assessment
 * centre result) → a box 1–9 of the kotak talenta. The sources disagree on the grid's orientation
 * and so on what each box number means (§2.4, §7), so the grid is *data*: a `TalentGrid` says which
 * number sits in which kinerja × potensial cell, each box's recommended actions, its source and
 * whether a source settles it. Pure: the grid, the rules, the dates and the inputs are parameters.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { parseIsoDate } from '../../../../../common/rules/calendar.ts';
import type { RATING_VALUES } from '../../../../../common/contracts/performance.ts';
import type { Cell, Predikat } from './ip-asn.ts';
import type { FieldProblem } from './ip-asn-edit.ts';

// ── Catalogues ──

/** Kinerja statuses, best first (PermenPANRB 20/2025 Pasal 17, §2.3, verified [S19]). */
export const KINERJA_LEVELS = ['di_atas', 'sesuai', 'di_bawah'] as const;
export type KinerjaLevel = (typeof KINERJA_LEVELS)[number];
export const KINERJA_LABELS: Record<KinerjaLevel, Msg> = {
  di_atas: msg('Di Atas Ekspektasi', 'Above expectation'),
  sesuai: msg('Sesuai Ekspektasi', 'Meets expectation'),
  di_bawah: msg('Di Bawah Ekspektasi', 'Below expectation'),
};

/** Potensial levels, highest first (§2.3, verified [S19]). */
export const POTENSIAL_LEVELS = ['tinggi', 'menengah', 'rendah'] as const;
export type PotensialLevel = (typeof POTENSIAL_LEVELS)[number];
export const POTENSIAL_LABELS: Record<PotensialLevel, Msg> = {
  tinggi: msg('Tinggi', 'High'),
  menengah: msg('Menengah', 'Medium'),
  rendah: msg('Rendah', 'Low'),
};

/** What a box's recommendation asks for; each becomes a development entry for the person (issue 27 §2). */
export const ACTION_KINDS = [
  'acceleration',
  'retention',
  'rotation',
  'enrichment',
  'placement',
  'coaching',
  'training',
  'counselling',
  'per_rules',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_LABELS: Record<ActionKind, Msg> = {
  acceleration: msg('Akselerasi/promosi', 'Acceleration/promotion'),
  retention: msg('Retensi', 'Retention'),
  rotation: msg('Rotasi', 'Rotation'),
  enrichment: msg('Pengayaan/perluasan jabatan', 'Job enrichment/enlargement'),
  placement: msg('Penempatan yang sesuai', 'Proper placement'),
  coaching: msg('Coaching', 'Coaching'),
  training: msg('Pengembangan kompetensi (pelatihan)', 'Competency development (training)'),
  counselling: msg('Konseling', 'Counselling'),
  per_rules: msg('Diproses sesuai ketentuan', 'Handled under the rules'),
};

export const BOX_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type BoxNumber = (typeof BOX_NUMBERS)[number];

// ── The grid ──

/** One box: its name, what is recommended, and whether a source settles it. */
export interface BoxInfo {
  name: Msg;
  actions: ActionKind[];
  /** In the instansi's kelompok rencana suksesi (KRS) — boxes 7–9 per [S22][S25][S24]. */
  krs: boolean;
  /** Also a candidate for the national KRS (box 9 per [S22]). */
  nationalKrs: boolean;
  source: string;
  verified: boolean;
}

/**
 * The kotak talenta as data. `cells[kinerja][potensial]` is the box number; `orientation` says how the
 * printed grid is read (Y = kinerja or X = kinerja) and is descriptive — the cells decide.
 */
export interface TalentGrid {
  version: string;
  orientation: 'y_kinerja' | 'x_kinerja';
  cells: Record<KinerjaLevel, Record<PotensialLevel, number>>;
  boxes: Record<BoxNumber, BoxInfo>;
  source: string;
  verified: boolean;
  note: string;
}

/**
 * Recommended actions per box (§2.5): commonly quoted from the PermenPANRB 3/2020 Lampiran — 9 promote
 * and retain; 7–8 retain, rotate or enrich; 4–6 placement, coaching, competency development; 2–3
 * coaching/counselling; 1 "diproses sesuai ketentuan" — but not found in a retrieved source, so every
 * box is unverified. The actions follow the box *number* (its rank), so they read the same under both
 * orientations; only the kinerja × potensial a number stands for changes.
 */
function defaultBoxes(): Record<BoxNumber, BoxInfo> {
  const box = (n: BoxNumber, actions: ActionKind[]): BoxInfo => ({
    name: msg(`Kotak ${n}`, `Box ${n}`),
    actions,
    krs: n >= 7,
    nationalKrs: n === 9,
    source:
      n >= 7
        ? 'PROFESSIONALISM.md §2.5 [S22][S25][S24] (KRS); tindakan: Lampiran PermenPANRB 3/2020 seperti dikutip, tidak ditemukan'
        : 'PROFESSIONALISM.md §2.5: tindakan per kotak seperti dikutip, Lampiran PermenPANRB 3/2020 tidak ditemukan',
    verified: false,
  });
  return {
    1: box(1, ['per_rules']),
    2: box(2, ['coaching', 'counselling']),
    3: box(3, ['coaching', 'counselling']),
    4: box(4, ['placement', 'coaching', 'training']),
    5: box(5, ['placement', 'coaching', 'training']),
    6: box(6, ['placement', 'coaching', 'training']),
    7: box(7, ['retention', 'rotation', 'enrichment']),
    8: box(8, ['retention', 'rotation', 'enrichment']),
    9: box(9, ['acceleration', 'retention']),
  };
}

/**
 * The documented reading (§2.4, medium confidence): the KemenPANRB slide's rows 4 7 9 / 2 5 8 / 1 3 6
 * [S21] with kinerja on the Y axis (top = di atas) and potensial on the X axis (left = rendah), as most
 * sources describe [S22][S25]. Provisional until BKPSDM checks the Lampiran of PermenPANRB 3/2020.
 */
export const TALENT_GRID_Y_KINERJA: TalentGrid = Object.freeze({
  version: 'permenpanrb-3-2020-y-kinerja',
  orientation: 'y_kinerja',
  cells: {
    di_atas: { rendah: 4, menengah: 7, tinggi: 9 },
    sesuai: { rendah: 2, menengah: 5, tinggi: 8 },
    di_bawah: { rendah: 1, menengah: 3, tinggi: 6 },
  },
  boxes: defaultBoxes(),
  source: 'PROFESSIONALISM.md §2.4: slide KemenPANRB [S21]; Y = kinerja [S22][S25]',
  verified: false,
  note: 'Sumber berbeda soal sumbu (§7); bacaan ini dipakai sampai BKPSDM mencocokkan dengan Lampiran PermenPANRB 3/2020.',
}) as TalentGrid;

/**
 * The other documented reading (§2.4): the same printed numbers with kinerja on the X axis (left = di
 * bawah) and potensial on the Y axis (top = tinggi), as Pemprov Sulut describes [S24]. Boxes 2↔3, 4↔6
 * and 7↔8 swap meaning; 1, 5 and 9 stay.
 */
export const TALENT_GRID_X_KINERJA: TalentGrid = Object.freeze({
  version: 'permenpanrb-3-2020-x-kinerja',
  orientation: 'x_kinerja',
  cells: {
    di_atas: { rendah: 6, menengah: 8, tinggi: 9 },
    sesuai: { rendah: 3, menengah: 5, tinggi: 7 },
    di_bawah: { rendah: 1, menengah: 2, tinggi: 4 },
  },
  boxes: defaultBoxes(),
  source: 'PROFESSIONALISM.md §2.4: slide KemenPANRB [S21]; X = kinerja (Pemprov Sulut) [S24]',
  verified: false,
  note: 'Bacaan alternatif (§7): kotak 2↔3, 4↔6 dan 7↔8 bertukar arti.',
}) as TalentGrid;

/** The grid Merit uses until BKPSDM configures one. */
export const DEFAULT_TALENT_GRID = TALENT_GRID_Y_KINERJA;

/** The box for a kinerja status and potensial level under a grid. */
export const boxOf = (grid: TalentGrid, kinerja: KinerjaLevel, potensial: PotensialLevel): BoxNumber =>
  grid.cells[kinerja][potensial] as BoxNumber;

/** The kinerja × potensial a box stands for under a grid (for its meaning; the grid is validated first). */
export function cellOfBox(grid: TalentGrid, box: BoxNumber): { kinerja: KinerjaLevel; potensial: PotensialLevel } {
  for (const kinerja of KINERJA_LEVELS)
    for (const potensial of POTENSIAL_LEVELS) if (grid.cells[kinerja][potensial] === box) return { kinerja, potensial };
  throw new Error(`box ${box} is not in grid ${grid.version}`);
}

/** A box's meaning in words under a grid: "Kinerja Di Atas Ekspektasi, potensial Tinggi". */
export function boxMeaning(grid: TalentGrid, box: BoxNumber): Msg {
  const { kinerja, potensial } = cellOfBox(grid, box);
  return msg(
    `Kinerja ${KINERJA_LABELS[kinerja].id}, potensial ${POTENSIAL_LABELS[potensial].id}`,
    `Performance ${KINERJA_LABELS[kinerja].en.toLowerCase()}, potential ${POTENSIAL_LABELS[potensial].en.toLowerCase()}`,
  );
}

const isBox = (n: unknown): n is BoxNumber => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 9;

function cellChecks(cells: unknown, problems: FieldProblem[]) {
  const rows = (cells ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const seen = new Map<number, string[]>();
  for (const k of KINERJA_LEVELS)
    for (const p of POTENSIAL_LEVELS) {
      const n = rows[k]?.[p];
      const field = `cells.${k}.${p}`;
      if (!isBox(n)) {
        problems.push({
          field,
          message: msg(
            `Sel kinerja "${KINERJA_LABELS[k].id}" × potensial "${POTENSIAL_LABELS[p].id}" harus nomor kotak 1–9.`,
            `Cell performance "${KINERJA_LABELS[k].en}" × potential "${POTENSIAL_LABELS[p].en}" must be a box number 1–9.`,
          ),
        });
        continue;
      }
      seen.set(n, [...(seen.get(n) ?? []), field]);
    }
  for (const [n, fields] of seen)
    if (fields.length > 1)
      for (const field of fields.slice(1))
        problems.push({
          field,
          message: msg(`Kotak ${n} dipakai lebih dari sekali.`, `Box ${n} is used more than once.`),
        });
  const missing = BOX_NUMBERS.filter((n) => !seen.has(n));
  if (missing.length > 0)
    problems.push({
      field: 'cells',
      message: msg(
        `Setiap kotak 1–9 harus dipakai tepat sekali; belum ada: ${missing.join(', ')}.`,
        `Every box 1–9 must be used exactly once; missing: ${missing.join(', ')}.`,
      ),
    });
}

function boxChecks(boxes: unknown, problems: FieldProblem[]) {
  const all = (boxes ?? {}) as Record<string, Partial<BoxInfo> | undefined>;
  for (const n of BOX_NUMBERS) {
    const b = all[n];
    if (!b || typeof b.name?.id !== 'string' || b.name.id.trim() === '')
      problems.push({
        field: `boxes.${n}.name`,
        message: msg(`Kotak ${n} harus punya nama.`, `Box ${n} needs a name.`),
      });
    const actions = b?.actions;
    if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => ACTION_KINDS.includes(a)))
      problems.push({
        field: `boxes.${n}.actions`,
        message: msg(
          `Kotak ${n} harus punya minimal satu tindakan yang dikenal (${ACTION_KINDS.join(', ')}).`,
          `Box ${n} needs at least one known action (${ACTION_KINDS.join(', ')}).`,
        ),
      });
    if (typeof b?.source !== 'string' || b.source.trim() === '')
      problems.push({
        field: `boxes.${n}.source`,
        message: msg(`Sumber kotak ${n} wajib diisi.`, `Box ${n} needs its source.`),
      });
  }
}

/**
 * Why a grid cannot be used (empty = usable), one Indonesian message per field: the nine cells number
 * the boxes 1–9 exactly once, and every box has a name, at least one known action and a source.
 * Same shape as the IP ASN instrument's checks (ip-asn-edit.ts), so the edit form shows them per field.
 */
export function validateTalentGrid(grid: unknown): FieldProblem[] {
  const g = (grid ?? {}) as Partial<TalentGrid>;
  const problems: FieldProblem[] = [];
  if (typeof g.version !== 'string' || g.version.trim() === '')
    problems.push({ field: 'version', message: msg('Nama versi wajib diisi.', 'The version name is required.') });
  if (g.orientation !== 'y_kinerja' && g.orientation !== 'x_kinerja')
    problems.push({
      field: 'orientation',
      message: msg(
        'Orientasi harus "kinerja di sumbu Y" atau "kinerja di sumbu X".',
        'Orientation must be "performance on the Y axis" or "performance on the X axis".',
      ),
    });
  cellChecks(g.cells, problems);
  boxChecks(g.boxes, problems);
  return problems;
}

// ── Kinerja ──

/**
 * Predikat → kinerja status. No source gives the mapping (§2.3 "uncertain"); this is the proposal of
 * §2.3 (Sangat Baik → di atas; Baik → sesuai; the rest → di bawah), kept as data and provisional.
 */
export interface KinerjaMapping {
  byPredikat: Record<Predikat, KinerjaLevel>;
  verified: boolean;
  note: string;
}
export const DEFAULT_KINERJA_MAPPING: KinerjaMapping = Object.freeze({
  byPredikat: {
    sangat_baik: 'di_atas',
    baik: 'sesuai',
    butuh_perbaikan: 'di_bawah',
    kurang: 'di_bawah',
    sangat_kurang: 'di_bawah',
  },
  verified: false,
  note: 'Usulan PROFESSIONALISM.md §2.3 (tidak ada pemetaan resmi predikat → status kinerja).',
}) as KinerjaMapping;

/** The kinerja status of a final annual SKP predikat under a mapping (§2.3). */
export const kinerjaFromPredikat = (predikat: Predikat, mapping: KinerjaMapping = DEFAULT_KINERJA_MAPPING) =>
  mapping.byPredikat[predikat];

/** The alternative input §2.3 names: the rating hasil kerja carries the same three labels (RULES §4.3). */
export const kinerjaFromRating = (rating: (typeof RATING_VALUES)[number]): KinerjaLevel =>
  rating === 'above' ? 'di_atas' : rating === 'meets' ? 'sesuai' : 'di_bawah';

// ── Potensial: assessment results and their validity ──

/** One assessment centre / uji kompetensi result as BKPSDM imports it (issue 27 §1). */
export interface AssessmentResult {
  date: string;
  /** Kompetensi manajerial and sosial-kultural levels (PermenPANRB 38/2017 levels). */
  manajerial: number;
  sosialKultural: number;
  /** Kompetensi teknis level when the assessment measured it. */
  teknis?: number | null;
  potensial: PotensialLevel;
  institution?: string;
}

/**
 * How long a result counts. No source states it (§2.7 example 5, §8 question 4): "the validity the
 * instansi sets". Default 3 years, provisional, for BKPSDM to confirm.
 */
export const ASSESSMENT_VALIDITY_YEARS: Cell = Object.freeze({
  points: 3,
  verified: false,
  note: 'Masa berlaku hasil asesmen tidak ditemukan (PROFESSIONALISM.md §2.7 contoh 5, §8 no. 4); 3 tahun sementara, ditetapkan instansi.',
});

/** `date` plus whole years; 29 February falls to 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`not a date: ${date}`);
  const y = p.year + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = p.month === 2 && p.day === 29 && !leap ? 28 : p.day;
  return `${String(y).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface AssessmentValidity {
  status: 'valid' | 'expired';
  /** The first day the result no longer counts. */
  expiresOn: string;
}

/**
 * Whether an assessment result still counts on `asOf`: valid up to the day before its anniversary
 * `validityYears` later (§2.7 example 5: an expired result leaves the person "belum diases").
 */
export function assessmentValidity(
  result: Pick<AssessmentResult, 'date'>,
  asOf: string,
  validityYears: Cell = ASSESSMENT_VALIDITY_YEARS,
): AssessmentValidity {
  const expiresOn = addYears(result.date, validityYears.points);
  return { status: asOf < expiresOn ? 'valid' : 'expired', expiresOn };
}

/** The newest result that is valid on `asOf` (a later assessment replaces an earlier one), or null. */
export function currentAssessment<T extends AssessmentResult>(
  results: readonly T[],
  asOf: string,
  validityYears: Cell = ASSESSMENT_VALIDITY_YEARS,
): T | null {
  const usable = results.filter((r) => r.date <= asOf && assessmentValidity(r, asOf, validityYears).status === 'valid');
  return usable.reduce<T | null>((best, r) => (best === null || r.date > best.date ? r : best), null);
}

/**
 * Rekam jejak inputs (§2.3: "starts with pendidikan formal, pelatihan, …"; rest cut off in the source).
 * How they combine with kompetensi and potensi into tinggi/menengah/rendah is not in the retrieved text
 * (§2.3, §8 no. 4), and the reported weightings are local or uncertain (Kep Ka BKN 41/2025, Tanjungpinang).
 * So Merit only records them next to the mapping and takes the potensial level from the assessment.
 */
export interface RekamJejak {
  pendidikanTerakhir: string | null;
  /** JP of training in the last 12 months (RULES §3.3 ledger). */
  pelatihanJp: number | null;
  /** Most recent hukuman disiplin level and its SK date, for the optional exclusion below. */
  lastPunishment: { level: 'ringan' | 'sedang' | 'berat'; skDate: string } | null;
}

// ── Placement ──

/** Rules that are not the grid: the exclusion filter some instansi adopt (§2.3 Buleleng, [S23]). */
export interface TalentRules {
  /**
   * Months a hukdis sedang/berat keeps a person out of the mapping, or null when the instansi does not
   * adopt the rule (national rules do not state one; Kab. Buleleng uses 2 years [S23]). Default null.
   */
  excludeDisciplineMonths: number | null;
  validityYears: Cell;
  kinerja: KinerjaMapping;
}
export const DEFAULT_TALENT_RULES: TalentRules = Object.freeze({
  excludeDisciplineMonths: null,
  validityYears: ASSESSMENT_VALIDITY_YEARS,
  kinerja: DEFAULT_KINERJA_MAPPING,
}) as TalentRules;

export interface PlacementInput {
  asOf: string;
  /** The final annual SKP predikat of the year mapped, or null when there is none. */
  predikat: Predikat | null;
  assessments: readonly AssessmentResult[];
  rekamJejak?: RekamJejak;
}

export type NotMappedReason = 'no_predikat' | 'no_assessment' | 'assessment_expired' | 'discipline';
export type Placement =
  | { mapped: true; box: BoxNumber; kinerja: KinerjaLevel; potensial: PotensialLevel; assessment: AssessmentResult }
  | { mapped: false; reason: NotMappedReason; message: Msg };

/** Whole months from `from` to `to` (a month counts once its day is reached). */
export function monthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new Error(`not a date: ${from} / ${to}`);
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

function notMapped(reason: NotMappedReason, detail = ''): Placement {
  const texts: Record<NotMappedReason, Msg> = {
    no_predikat: msg(
      'Belum ada predikat SKP tahunan final; belum dipetakan.',
      'No final annual SKP predikat yet; not mapped.',
    ),
    no_assessment: msg('Belum diases: belum ada hasil asesmen.', 'Not assessed: no assessment result yet.'),
    assessment_expired: msg(
      `Belum diases: hasil asesmen terakhir sudah tidak berlaku sejak ${detail}.`,
      `Not assessed: the last assessment result expired on ${detail}.`,
    ),
    discipline: msg(
      `Tidak dipetakan: hukuman disiplin ${detail} dalam jangka yang ditetapkan instansi.`,
      `Not mapped: a ${detail} disciplinary punishment within the period the agency set.`,
    ),
  };
  return { mapped: false, reason, message: texts[reason] };
}

/**
 * Places one person in the grid (§2.3–§2.4, §2.7): the exclusion filter first (if adopted), then a
 * final predikat and a valid assessment are both required — a missing or expired result leaves the
 * person "belum diases" (§2.7 example 5), never a guessed box.
 */
export function placeInGrid(
  grid: TalentGrid,
  input: PlacementInput,
  rules: TalentRules = DEFAULT_TALENT_RULES,
): Placement {
  const p = input.rekamJejak?.lastPunishment;
  if (
    rules.excludeDisciplineMonths !== null &&
    p &&
    p.level !== 'ringan' &&
    p.skDate <= input.asOf &&
    monthsBetween(p.skDate, input.asOf) < rules.excludeDisciplineMonths
  )
    return notMapped('discipline', p.level);
  if (!input.predikat) return notMapped('no_predikat');
  const assessment = currentAssessment(input.assessments, input.asOf, rules.validityYears);
  if (!assessment) {
    const past = input.assessments.filter((r) => r.date <= input.asOf);
    if (past.length === 0) return notMapped('no_assessment');
    const newest = past.reduce((a, r) => (r.date > a.date ? r : a));
    return notMapped('assessment_expired', assessmentValidity(newest, input.asOf, rules.validityYears).expiresOn);
  }
  const kinerja = kinerjaFromPredikat(input.predikat, rules.kinerja);
  return {
    mapped: true,
    box: boxOf(grid, kinerja, assessment.potensial),
    kinerja,
    potensial: assessment.potensial,
    assessment,
  };
}

export type Movement = 'up' | 'down' | 'same' | 'new';

/**
 * Movement since last year. The box numbers are a rank in every source (1 lowest, 9 highest; KRS =
 * 7–9, §2.5), under both orientations, so a higher number is a move up.
 */
export function movement(previous: BoxNumber | null, current: BoxNumber): Movement {
  if (previous === null) return 'new';
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

/** Counts per box (the 9-box page's grid); boxes without people count 0. */
export function boxCounts(boxes: readonly BoxNumber[]): Record<BoxNumber, number> {
  const counts = Object.fromEntries(BOX_NUMBERS.map((n) => [n, 0])) as Record<BoxNumber, number>;
  for (const b of boxes) counts[b] += 1;
  return counts;
}
