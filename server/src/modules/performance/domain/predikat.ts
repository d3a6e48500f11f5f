/**
 * SKP rules (PermenPANRB 6/2022, RULES.md §4): the three ratings, the predikat matrix (configurable
 * per year: its source is marked uncertain, §4.4), the overall hasil kerja rating (§4.3), the
 * seven BerAKHLAK values (§4.2), the order evaluations run in, and the distribution check of
 * §4.5 (warnings, never blocks). Pure: the year's matrix and the counts are parameters.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { addDays, shiftDate } from '../../../../../common/rules/calendar.ts';

export const RATINGS = ['above', 'meets', 'below'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, Msg> = {
  above: msg('Di Atas Ekspektasi', 'Above expectation'),
  meets: msg('Sesuai Ekspektasi', 'Meets expectation'),
  below: msg('Di Bawah Ekspektasi', 'Below expectation'),
};

export const PREDIKATS = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type Predikat = (typeof PREDIKATS)[number];
export const PREDIKAT_LABELS: Record<Predikat, Msg> = {
  sangat_baik: msg('Sangat Baik', 'Very good'),
  baik: msg('Baik', 'Good'),
  butuh_perbaikan: msg('Butuh Perbaikan', 'Needs improvement'),
  kurang: msg('Kurang/Misconduct', 'Poor/Misconduct'),
  sangat_kurang: msg('Sangat Kurang', 'Very poor'),
};

/** hasil kerja rating → perilaku rating → predikat. */
export type PredikatMatrix = Record<Rating, Record<Rating, Predikat>>;

/**
 * RULES.md §4.4 — five public implementations agree; medium confidence, to be checked against the
 * Lampiran of PermenPANRB 6/2022, so a year may carry its own matrix (performance_rule_sets).
 */
export const DEFAULT_MATRIX: PredikatMatrix = Object.freeze({
  above: { below: 'kurang', meets: 'baik', above: 'sangat_baik' },
  meets: { below: 'kurang', meets: 'baik', above: 'baik' },
  below: { below: 'sangat_kurang', meets: 'butuh_perbaikan', above: 'butuh_perbaikan' },
}) as PredikatMatrix;

/** The predikat for a pair of ratings under a year's matrix. */
export const predikatOf = (matrix: PredikatMatrix, hasilKerja: Rating, perilaku: Rating): Predikat =>
  matrix[hasilKerja][perilaku];

/** Why a matrix cannot be a year's rule (empty = usable): all nine cells, each one of the five predikat. */
export function matrixProblems(m: unknown): Msg[] {
  const problems: Msg[] = [];
  const cells = (m ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const h of RATINGS) {
    for (const p of RATINGS) {
      const v = cells[h]?.[p];
      if (typeof v !== 'string' || !(PREDIKATS as readonly string[]).includes(v)) {
        problems.push(
          msg(
            `Sel hasil kerja "${RATING_LABELS[h].id}" × perilaku "${RATING_LABELS[p].id}" harus salah satu dari lima predikat.`,
            `Cell results "${RATING_LABELS[h].en}" × behaviour "${RATING_LABELS[p].en}" must be one of the five predikat.`,
          ),
        );
      }
    }
  }
  return problems;
}

/**
 * The overall hasil kerja rating from each result's rating (RULES.md §4.3): Di Atas when most are
 * above and no main result is below; Di Bawah when most are below; else Sesuai. "Most" is more
 * than half. With no rated result the rating is Sesuai (nothing below expectation was recorded).
 */
export function overallRating(items: readonly { rating: Rating; isMain: boolean }[]): Rating {
  if (items.length === 0) return 'meets';
  const above = items.filter((i) => i.rating === 'above').length;
  const below = items.filter((i) => i.rating === 'below').length;
  if (below * 2 > items.length) return 'below';
  if (above * 2 > items.length && !items.some((i) => i.isMain && i.rating === 'below')) return 'above';
  return 'meets';
}

// ── BerAKHLAK (SE MenPANRB 20/2021) ──
export const BERAKHLAK = [
  'berorientasi_pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export type BehaviourValue = (typeof BERAKHLAK)[number];
export const BERAKHLAK_LABELS: Record<BehaviourValue, string> = {
  berorientasi_pelayanan: 'Berorientasi Pelayanan',
  akuntabel: 'Akuntabel',
  kompeten: 'Kompeten',
  harmonis: 'Harmonis',
  loyal: 'Loyal',
  adaptif: 'Adaptif',
  kolaboratif: 'Kolaboratif',
};

// ── periods and their order ──
export const PERIODS = ['q1', 'q2', 'q3', 'q4', 'annual'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, Msg> = {
  q1: msg('Triwulan I', 'Quarter I'),
  q2: msg('Triwulan II', 'Quarter II'),
  q3: msg('Triwulan III', 'Quarter III'),
  q4: msg('Triwulan IV', 'Quarter IV'),
  annual: msg('Tahunan', 'Annual'),
};

/** The periods that must be final before this one (Lampiran PermenPANRB 6/2022: Triwulan I–IV, then the year). */
export function requiredBefore(period: Period): Period[] {
  if (period === 'annual') return ['q1', 'q2', 'q3', 'q4'];
  return PERIODS.slice(0, PERIODS.indexOf(period));
}

/** Why a period cannot be evaluated yet, given which are final (null = it can). */
export function orderProblem(period: Period, finalised: ReadonlySet<Period>): Msg | null {
  const missing = requiredBefore(period).filter((p) => !finalised.has(p));
  if (missing.length === 0) return null;
  const id = missing.map((p) => PERIOD_LABELS[p].id).join(', ');
  const en = missing.map((p) => PERIOD_LABELS[p].en).join(', ');
  return period === 'annual'
    ? msg(
        `Evaluasi tahunan baru dapat dibuat setelah evaluasi ${id} difinalkan.`,
        `The annual evaluation needs ${en} finalised first.`,
      )
    : msg(
        `Evaluasi ${PERIOD_LABELS[period].id} baru dapat dibuat setelah evaluasi ${id} difinalkan.`,
        `${PERIOD_LABELS[period].en} needs ${en} finalised first.`,
      );
}

// ── organisation predikat and the distribution check (RULES.md §4.5) ──
export const ORG_PREDIKATS = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type OrgPredikat = (typeof ORG_PREDIKATS)[number];
export const ORG_PREDIKAT_LABELS: Record<OrgPredikat, Msg> = {
  istimewa: msg('Istimewa', 'Outstanding'),
  baik: msg('Baik', 'Good'),
  butuh_perbaikan: msg('Butuh Perbaikan/Cukup', 'Needs improvement/Fair'),
  kurang: msg('Kurang', 'Poor'),
  sangat_kurang: msg('Sangat Kurang', 'Very poor'),
};

export type PredikatCounts = Record<Predikat, number>;
export const emptyCounts = (): PredikatCounts => ({
  sangat_baik: 0,
  baik: 0,
  butuh_perbaikan: 0,
  kurang: 0,
  sangat_kurang: 0,
});
export function countPredikats(list: readonly Predikat[]): PredikatCounts {
  const c = emptyCounts();
  for (const p of list) c[p] += 1;
  return c;
}

const pct = (n: number, total: number) => (total === 0 ? 0 : (n * 100) / total);
const largest = (c: PredikatCounts): Predikat[] => {
  const max = Math.max(...PREDIKATS.map((p) => c[p]));
  return PREDIKATS.filter((p) => c[p] === max);
};

/**
 * Where a unit's predikat distribution breaks the pattern its organisation predikat sets
 * (RULES.md §4.5; the instrument is uncertain, so these are warnings the evaluator reads before
 * finalising, never refusals). Percent limits are of the employees evaluated.
 */
export function distributionWarnings(org: OrgPredikat, c: PredikatCounts): Msg[] {
  const total = PREDIKATS.reduce((a, p) => a + c[p], 0);
  if (total === 0) return [];
  const w: Msg[] = [];
  const share = (p: Predikat) => pct(c[p], total);
  const label = ORG_PREDIKAT_LABELS[org];
  const most = (p: Predikat) => {
    if (!largest(c).includes(p))
      w.push(
        msg(
          `Organisasi berpredikat ${label.id}: sebagian besar pegawai semestinya ${PREDIKAT_LABELS[p].id}.`,
          `Organisation rated ${label.en}: most employees should be ${PREDIKAT_LABELS[p].en}.`,
        ),
      );
  };
  const atMost = (p: Predikat, limit: number) => {
    if (share(p) > limit)
      w.push(
        msg(
          `${PREDIKAT_LABELS[p].id} ${Math.round(share(p))}% melebihi batas ${limit}% untuk organisasi berpredikat ${label.id}.`,
          `${PREDIKAT_LABELS[p].en} at ${Math.round(share(p))}% exceeds the ${limit}% limit for an organisation rated ${label.en}.`,
        ),
      );
  };
  const atLeast = (ps: Predikat[], limit: number) => {
    const s = pct(
      ps.reduce((a, p) => a + c[p], 0),
      total,
    );
    const names = ps.map((p) => PREDIKAT_LABELS[p]);
    if (s < limit)
      w.push(
        msg(
          `${names.map((n) => n.id).join(' dan/atau ')} ${Math.round(s)}%, kurang dari ${limit}% yang diharapkan untuk organisasi berpredikat ${label.id}.`,
          `${names.map((n) => n.en).join(' and/or ')} at ${Math.round(s)}%, below the ${limit}% expected for an organisation rated ${label.en}.`,
        ),
      );
  };
  switch (org) {
    case 'istimewa':
      most('sangat_baik');
      atMost('sangat_baik', 70);
      break;
    case 'baik':
      most('baik');
      atMost('baik', 70);
      if (c.butuh_perbaikan + c.kurang === 0)
        w.push(
          msg(
            'Organisasi berpredikat Baik semestinya memiliki pegawai berpredikat Butuh Perbaikan dan/atau Kurang/Misconduct.',
            'An organisation rated Good should have some employees rated Needs improvement and/or Poor/Misconduct.',
          ),
        );
      break;
    case 'butuh_perbaikan':
      atLeast(['butuh_perbaikan'], 60);
      atMost('sangat_baik', 10);
      break;
    case 'kurang':
      atLeast(['kurang'], 60);
      atLeast(['butuh_perbaikan'], 10);
      atMost('sangat_baik', 10);
      break;
    case 'sangat_kurang':
      atLeast(['sangat_kurang'], 60);
      atLeast(['kurang', 'butuh_perbaikan'], 10);
      if (c.sangat_baik > 0)
        w.push(
          msg(
            'Organisasi berpredikat Sangat Kurang semestinya tidak memiliki pegawai berpredikat Sangat Baik.',
            'An organisation rated Very poor should have no employee rated Very good.',
          ),
        );
      break;
  }
  return w;
}

// ── when evaluations are due (for the dashboard's late evaluators) ──

/** Merit's own setting (no regulation text found): an evaluation is due 5 working days after its period ends. */
export const EVALUATION_GRACE_WORKING_DAYS = 5;

/** The last day of a period: the quarter's last day; the year's for the annual evaluation. */
export function periodEnd(year: number, period: Period): string {
  const end: Record<Period, string> = { q1: '03-31', q2: '06-30', q3: '09-30', q4: '12-31', annual: '12-31' };
  return `${year}-${end[period]}`;
}

/** The day an evaluation of the period is due, counted in Palu's working days after the period ends. */
export const evaluationDueOn = (year: number, period: Period, holidays: ReadonlySet<string>) =>
  addDays(shiftDate(periodEnd(year, period), 1), EVALUATION_GRACE_WORKING_DAYS, 'working', holidays);

/**
 * The period a dashboard shows first: the newest one with final evaluations (issue 23: an empty
 * quarter that has just ended told nobody anything); without any, the newest quarter that has
 * ended (Triwulan I before any has). Years compare first, then q1 < … < q4 < annual.
 */
export function shownPeriod(
  finals: readonly { year: number; period: Period }[],
  fallbackYear: number,
  today: string,
): { year: number; period: Period } {
  let best: { year: number; period: Period } | null = null;
  for (const f of finals) {
    if (
      !best ||
      f.year > best.year ||
      (f.year === best.year && PERIODS.indexOf(f.period) > PERIODS.indexOf(best.period))
    )
      best = { year: f.year, period: f.period };
  }
  return best ?? { year: fallbackYear, period: defaultPeriod(fallbackYear, today) };
}

/** The newest quarter of the year that has ended (Triwulan I before any has). */
export function defaultPeriod(year: number, today: string): Period {
  const ended = (['q4', 'q3', 'q2', 'q1'] as const).find((q) => periodEnd(year, q) < today);
  return ended ?? 'q1';
}
