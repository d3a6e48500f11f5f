/**
 * Does selection pick people who perform? (issue 26 §4): per recruitment period, Spearman's ρ
 * between the selection scores and what followed, with a 95 % interval, n and a warning below 30,
 * split by jenis kebutuhan and formation type where a group holds 30 or more, and heat grids of
 * counts. Aggregates only: no response carries a person's pair of numbers, and a grid cell of
 * 1–4 people is "<5".
 */
import { z } from 'zod';

/** Selection scores related: the SKD total and its subtests, the SKB, the integrated final score. */
export const PREDICTORS = ['skd', 'twk', 'tiu', 'tkp', 'skb', 'final'] as const;
export type Predictor = (typeof PREDICTORS)[number];
/** What followed: the Latsar result, the first-year SKP predikat (ordinal), the IP ASN total. */
export const OUTCOMES = ['latsar', 'skp', 'ipAsn'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Formation types as the CASN announcement groups them (derived from the jabatan). */
export const FORMATION_KINDS = ['guru', 'kesehatan', 'teknis'] as const;
/** A group (jenis kebutuhan, formation type) below this many people is not related (shown as hidden). */
export const CORRELATION_MIN_GROUP = 30;
/** A period whose code starts with this holds the demo seed's synthetic cohort: shown as "Data demo (sintetis)". */
export const DEMO_PERIOD_PREFIX = 'DEMO-';

export const Relation = z.strictObject({
  predictor: z.enum(PREDICTORS),
  outcome: z.enum(OUTCOMES),
  n: z.number().int(),
  rho: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** small: n < 30 (do not draw conclusions); flat: one side does not vary. */
  warning: z.enum(['small', 'flat']).nullable(),
});
export type Relation = z.infer<typeof Relation>;

/** A count of 0 or ≥ 5, or "<5" for 1–4 people. */
export const GridCount = z.union([z.number().int().min(0), z.literal('<5')]);

/** Counts per (outcome bin, selection bin): `counts[y][x]`, lowest bins first. */
export const Grid = z.strictObject({
  predictor: z.enum(PREDICTORS),
  outcome: z.enum(OUTCOMES),
  /**
   * Where the selection bins (quintiles) are cut: the highest score of every bin but the last, so
   * the labels read "≤ c₁", "c₁–c₂" … "> c₄" (null where a bin is empty).
   */
  xCuts: z.array(z.number().nullable()),
  /** The same for the outcome's quintiles; for SKP the bins are the five predikat (cuts 1–4). */
  yCuts: z.array(z.number().nullable()),
  counts: z.array(z.array(GridCount)),
});
export type Grid = z.infer<typeof Grid>;

export const Group = z.strictObject({
  dimension: z.enum(['needType', 'formationKind']),
  key: z.string(),
  /** People in the group; null on the public page when the group is hidden. */
  size: z.number().int().nullable(),
  /** Fewer than 30 people: not related (the cells are empty). */
  hidden: z.boolean(),
  relations: z.array(Relation),
});
export type Group = z.infer<typeof Group>;

export const PeriodSummary = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  type: z.enum(['CPNS', 'PPPK']),
  demo: z.boolean(),
  /** Appointees with a selection score. */
  appointees: z.number().int(),
  /** Of them, with a first-year SKP predikat. */
  withSkp: z.number().int(),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

export const CorrelationReport = z.strictObject({
  period: PeriodSummary,
  /** How many appointees have each outcome (IP ASN 0: "belum ada"). */
  outcomesAvailable: z.strictObject({ latsar: z.number().int(), skp: z.number().int(), ipAsn: z.number().int() }),
  relations: z.array(Relation),
  groups: z.array(Group),
  grids: z.array(Grid),
  minGroup: z.number().int(),
  smallSample: z.number().int(),
});
export type CorrelationReport = z.infer<typeof CorrelationReport>;

export const CorrelationPeriodsResponse = z.strictObject({ periods: z.array(PeriodSummary) });
export const PublicCorrelationResponse = z.strictObject({ reports: z.array(CorrelationReport) });
