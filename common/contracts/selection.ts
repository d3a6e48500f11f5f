/** Contracts for selection: thresholds, SKD/SKB scores, weights, publications, public results. */
import { z } from 'zod';

const SubtestRule = z.strictObject({ kind: z.literal('subtests'), twk: z.number().int().min(0).max(150), tiu: z.number().int().min(0).max(175), tkp: z.number().int().min(0).max(225) });
const TotalRule = z.strictObject({ kind: z.literal('total'), total: z.number().int().min(0).max(550), tiu: z.number().int().min(0).max(175) });
import { NEED_TYPES } from './vocabulary.ts';

export const ThresholdRuleSetBody = z.strictObject({
  regulation: z.string().trim().min(3).max(120),
  rules: z.strictObject(Object.fromEntries(NEED_TYPES.map((k) => [k, z.discriminatedUnion('kind', [SubtestRule, TotalRule])])) as Record<(typeof NEED_TYPES)[number], z.ZodDiscriminatedUnion<[typeof SubtestRule, typeof TotalRule]>>),
  uncertain: z.array(z.enum(NEED_TYPES)).max(7),
});

export const SkbComponentBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/),
  name: z.string().trim().min(2).max(80),
  kind: z.enum(['cat', 'tambahan', 'wawancara']),
  weightPct: z.number().int().min(1).max(100),
});
export const SkbWeightsBody = z.strictObject({ components: z.array(SkbComponentBody).min(1).max(6) });

export const SkbScoreBody = z.strictObject({
  participantNo: z.string().min(1).max(40),
  /** Per component key, a score 0–100 with at most two decimals as text ("82.5"); null = absent. */
  components: z.record(z.string(), z.string().max(6)).nullable(),
});

export const ProposePublicationBody = z.strictObject({ stage: z.enum(['skd', 'final']), reason: z.string().trim().max(1000).nullable() });
export const DecidePublicationBody = z.strictObject({ approve: z.boolean() });

/** Where an SKD score came from: the CAT session that scored it (or saw the absence), skd.csv, or the committee's absence record. */
export const SkdSource = z.strictObject({
  kind: z.enum(['cat', 'import', 'absence']),
  sessionId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  startsAt: z.iso.datetime().nullable(),
});

/** GET /periods/:id/ranking: the SKD ranking as it stands, and who still blocks publication. */
export const RankingPreviewResponse = z.strictObject({
  rows: z.array(
    z.strictObject({
      formationId: z.string(),
      participantNo: z.string(),
      twk: z.number().int().nullable(),
      tiu: z.number().int().nullable(),
      tkp: z.number().int().nullable(),
      total: z.number().int().nullable(),
      status: z.enum(['P', 'TL', 'TH']),
      rank: z.number().int().nullable(),
      advancesToSkb: z.boolean(),
      code: z.string(),
      source: SkdSource.nullable(),
    }),
  ),
  /** Participants with neither a score nor a recorded absence: publishing is refused while any remain. */
  missing: z.array(
    z.strictObject({
      applicationId: z.uuid(),
      participantNo: z.string(),
      formationCode: z.string(),
      sessionId: z.uuid().nullable(),
      siteName: z.string().nullable(),
      startsAt: z.iso.datetime().nullable(),
      examInProgress: z.boolean(),
    }),
  ),
});

export const RecordAbsencesBody = z.strictObject({ participantNos: z.array(z.string().regex(/^[0-9A-Za-z-]{1,40}$/)).min(1).max(5000) });
