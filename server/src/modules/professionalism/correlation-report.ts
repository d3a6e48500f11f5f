/**
 * Does selection pick people who perform? (issue 26 §4). Per recruitment period whose appointees
 * have a first-year SKP: Spearman's ρ of each selection score (SKD and its subtests, SKB, final)
 * with each outcome (Latsar, first-year SKP predikat, IP ASN), its 95 % interval, n and the
 * small-sample warning; the same per jenis kebutuhan and formation type for groups of ≥ 30; and
 * heat grids of counts. Read in four bulk statements (appointees, their scores, predikat, IP ASN)
 * from the owners' named reads, then computed in memory: nothing per person leaves this file.
 */
import {
  type CorrelationReport,
  DEMO_PERIOD_PREFIX,
  FORMATION_KINDS,
  type Grid,
  type Group,
  OUTCOMES,
  type Outcome,
  PREDICTORS,
  type PeriodSummary,
  type Predictor,
  type Relation,
} from '../../../../common/contracts/correlation.ts';
import { NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../errors.ts';
import { appointeeOutcomes } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { firstYearPredikats } from '../performance/index.ts';
import type { PeriodCommitteeService } from '../recruitment/index.ts';
import { selectionScoresOf } from '../selection/index.ts';
import { correlationRepository as repo } from './correlation.repository.ts';
import { SMALL_SAMPLE } from './domain/correlation.ts';
import { relateColumns } from './domain/correlation-batch.ts';
import {
  MIN_GROUP,
  PREDIKAT_ORDER,
  formationKind,
  heatGrid,
  predikatScore,
  rankBins,
} from './domain/correlation-grid.ts';

export type CorrelationContext = Pick<AppContext, 'db'> & {
  committee: Pick<PeriodCommitteeService, 'periodsOf'>;
};

/** One appointee's numbers, kept in memory only while the aggregates are computed. */
export interface CohortMember {
  periodId: string;
  needType: string;
  formationKind: string;
  x: Record<Predictor, number | null>;
  y: Record<Outcome, number | null>;
}
type PeriodInfo = Omit<PeriodSummary, 'appointees' | 'withSkp'>;
interface Cohort {
  periods: Map<string, PeriodInfo>;
  members: CohortMember[];
}

const BINS = 5;
/** Four decimals: more would only suggest a precision the sample does not have. */
const round4 = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/**
 * Everyone appointed from a recruitment period (or from one period), with their selection scores
 * and outcomes. The scores come first, so the outcomes are read only for that period's appointees.
 */
async function loadCohort(ctx: CorrelationContext, periodId?: string): Promise<Cohort> {
  const appointees = await appointeeOutcomes(ctx.db);
  const scores = await selectionScoresOf(
    ctx.db,
    appointees.map((a) => a.applicationId),
    periodId,
  );
  const scored = new Set(scores.map((s) => s.applicationId));
  const employeeIds = appointees.filter((a) => scored.has(a.applicationId)).map((a) => a.employeeId);
  const [predikats, ipAsn] = await Promise.all([
    firstYearPredikats(ctx.db, employeeIds),
    employeeIds.length === 0 ? [] : repo.latestIpAsnTotals(ctx.db, employeeIds),
  ]);
  const scoreOf = new Map(scores.map((s) => [s.applicationId, s]));
  const skpOf = new Map(predikats.map((p) => [p.employeeId, predikatScore(p.predikat)]));
  const ipOf = new Map(ipAsn.map((r) => [r.employee_id, Number(r.total)]));
  const periods = new Map<string, PeriodInfo>();
  const members: CohortMember[] = [];
  for (const a of appointees) {
    const s = scoreOf.get(a.applicationId);
    if (!s) continue; // appointed without an SKD record in Merit: nothing to relate
    periods.set(s.period.id, { ...s.period, demo: s.period.code.startsWith(DEMO_PERIOD_PREFIX) });
    members.push({
      periodId: s.period.id,
      needType: s.needType,
      formationKind: formationKind(s.jabatan),
      x: {
        skd: s.skd?.total ?? null,
        twk: s.skd?.twk ?? null,
        tiu: s.skd?.tiu ?? null,
        tkp: s.skd?.tkp ?? null,
        skb: s.skbHundredths === null ? null : s.skbHundredths / 100,
        final: s.finalThousandths === null ? null : s.finalThousandths / 1000,
      },
      y: { latsar: a.latsarScore, skp: skpOf.get(a.employeeId) ?? null, ipAsn: ipOf.get(a.employeeId) ?? null },
    });
  }
  return { periods, members };
}

const pairsOf = (members: readonly CohortMember[], p: Predictor, o: Outcome) => {
  const pairs: [number, number][] = [];
  for (const m of members) {
    const x = m.x[p];
    const y = m.y[o];
    if (x !== null && y !== null) pairs.push([x, y]);
  }
  return pairs;
};

/** ρ, interval, n and warning for every selection score × outcome (each column ranked once, correlation-batch.ts). */
function relations(members: readonly CohortMember[]): Relation[] {
  const table = relateColumns(
    PREDICTORS.map((p) => members.map((m) => m.x[p])),
    OUTCOMES.map((o) => members.map((m) => m.y[o])),
  );
  return PREDICTORS.flatMap((predictor, xi) =>
    OUTCOMES.map((outcome, yi) => {
      const r = table[xi]![yi]!;
      return { predictor, outcome, ...r, rho: round4(r.rho), low: round4(r.low), high: round4(r.high) };
    }),
  );
}

/**
 * Counts per (outcome bin, selection quintile) for the pairs of one score and one outcome; only
 * from 30 pairs, so a bin (about n/5 people) never stands for a lone person.
 */
function grid(members: readonly CohortMember[], predictor: Predictor, outcome: Outcome): Grid | null {
  const pairs = pairsOf(members, predictor, outcome);
  if (pairs.length < SMALL_SAMPLE) return null;
  const x = rankBins(
    pairs.map((p) => p[0]),
    BINS,
  );
  const y =
    outcome === 'skp'
      ? { bin: pairs.map((p) => p[1] - 1), upper: PREDIKAT_ORDER.map((_, i) => i + 1) }
      : rankBins(
          pairs.map((p) => p[1]),
          BINS,
        );
  return {
    predictor,
    outcome,
    // Cut points only: the top bin's highest value would be one person's own score.
    xCuts: x.upper.slice(0, -1),
    yCuts: y.upper.slice(0, -1),
    counts: heatGrid(x.bin, y.bin, BINS, y.upper.length),
  };
}

/** The splits by jenis kebutuhan and formation type; a group under 30 people is listed but not related. */
function groups(members: readonly CohortMember[], forPublic: boolean): Group[] {
  const split = (dimension: Group['dimension'], keys: readonly string[], keyOf: (m: CohortMember) => string) =>
    keys.flatMap((key): Group[] => {
      const inGroup = members.filter((m) => keyOf(m) === key);
      if (inGroup.length === 0) return [];
      const hidden = inGroup.length < MIN_GROUP;
      return [
        {
          dimension,
          key,
          size: hidden && forPublic ? null : inGroup.length,
          hidden,
          relations: hidden ? [] : relations(inGroup),
        },
      ];
    });
  const needTypes = [
    ...NEED_TYPES,
    ...new Set(members.map((m) => m.needType).filter((k) => !NEED_TYPES.includes(k as never))),
  ];
  return [
    ...split('needType', needTypes, (m) => m.needType),
    ...split('formationKind', FORMATION_KINDS, (m) => m.formationKind),
  ];
}

const summaryOf = (info: PeriodInfo, members: readonly CohortMember[]): PeriodSummary => ({
  ...info,
  appointees: members.length,
  withSkp: members.filter((m) => m.y.skp !== null).length,
});

/** The whole aggregate report of one period's cohort (pure: the members never leave it). */
export function buildReport(info: PeriodInfo, members: readonly CohortMember[], forPublic = false): CorrelationReport {
  const count = (o: Outcome) => members.filter((m) => m.y[o] !== null).length;
  return {
    period: summaryOf(info, members),
    outcomesAvailable: { latsar: count('latsar'), skp: count('skp'), ipAsn: count('ipAsn') },
    relations: relations(members),
    groups: groups(members, forPublic),
    grids: PREDICTORS.flatMap((p) => OUTCOMES.map((o) => grid(members, p, o))).filter((g): g is Grid => g !== null),
    minGroup: MIN_GROUP,
    smallSample: SMALL_SAMPLE,
  };
}

/** The periods with at least one appointee rated for a year, newest first, each with its members. */
function periodsWithSkp(cohort: Cohort) {
  const byPeriod = new Map<string, CohortMember[]>();
  for (const m of cohort.members) {
    const list = byPeriod.get(m.periodId);
    if (list) list.push(m);
    else byPeriod.set(m.periodId, [m]);
  }
  return [...cohort.periods.values()]
    .map((info) => ({ info, members: byPeriod.get(info.id) ?? [] }))
    .filter((p) => p.members.some((m) => m.y.skp !== null))
    .sort((a, b) => b.info.year - a.info.year || a.info.code.localeCompare(b.info.code));
}

/** The periods the actor may open (a committee member: the periods whose committee they sit on). */
export async function listCorrelationPeriods(ctx: CorrelationContext, actor: Actor) {
  const [cohort, mine] = await Promise.all([loadCohort(ctx), ctx.committee.periodsOf(actor)]);
  return {
    periods: periodsWithSkp(cohort)
      .filter((p) => mine === null || mine.includes(p.info.id))
      .map((p) => summaryOf(p.info, p.members)),
  };
}

/** One period's report for the committee and BKPSDM; 404 when the period has no rated appointee. */
export async function correlationReport(ctx: CorrelationContext, periodId: string): Promise<CorrelationReport> {
  const found = periodsWithSkp(await loadCohort(ctx, periodId)).find((p) => p.info.id === periodId);
  if (!found) throw notFound();
  return buildReport(found.info, found.members);
}

/** Every period's aggregate for the public page: hidden groups do not even say their size. */
export async function publicCorrelationReports(ctx: CorrelationContext) {
  return { reports: periodsWithSkp(await loadCohort(ctx)).map((p) => buildReport(p.info, p.members, true)) };
}
