/** Contracts for selection: thresholds, SKD/SKB scores, weights, publications, public results. */
import { z } from 'zod';

const SubtestRule = z.strictObject({ kind: z.literal('subtests'), twk: z.number().int().min(0).max(150), tiu: z.number().int().min(0).max(175), tkp: z.number().int().min(0).max(225) });
const TotalRule = z.strictObject({ kind: z.literal('total'), total: z.number().int().min(0).max(550), tiu: z.number().int().min(0).max(175) });
export const NEED_TYPE_KEYS = ['umum', 'kalimantan', 'cumlaude', 'diaspora', 'disabilitas', 'papua', 'daerah_tertinggal'] as const;

export const ThresholdRuleSetBody = z.strictObject({
  regulation: z.string().trim().min(3).max(120),
  rules: z.strictObject(Object.fromEntries(NEED_TYPE_KEYS.map((k) => [k, z.discriminatedUnion('kind', [SubtestRule, TotalRule])])) as Record<(typeof NEED_TYPE_KEYS)[number], z.ZodDiscriminatedUnion<[typeof SubtestRule, typeof TotalRule]>>),
  uncertain: z.array(z.enum(NEED_TYPE_KEYS)).max(7),
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
