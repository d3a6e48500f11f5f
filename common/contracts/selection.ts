/** Contracts for selection: thresholds, SKD/SKB scores, weights, publications, public results. */
import { z } from 'zod';

const SubtestRule = z.strictObject({
  kind: z.literal('subtests'),
  twk: z.number().int().min(0).max(150),
  tiu: z.number().int().min(0).max(175),
  tkp: z.number().int().min(0).max(225),
});
const TotalRule = z.strictObject({
  kind: z.literal('total'),
  total: z.number().int().min(0).max(550),
  tiu: z.number().int().min(0).max(175),
});
import { NEED_TYPES } from './vocabulary.ts';

export const ThresholdRuleSetBody = z.strictObject({
  regulation: z.string().trim().min(3).max(120),
  rules: z.strictObject(
    Object.fromEntries(NEED_TYPES.map((k) => [k, z.discriminatedUnion('kind', [SubtestRule, TotalRule])])) as Record<
      (typeof NEED_TYPES)[number],
      z.ZodDiscriminatedUnion<[typeof SubtestRule, typeof TotalRule]>
    >,
  ),
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

export const ProposePublicationBody = z.strictObject({
  stage: z.enum(['skd', 'final']),
  reason: z.string().trim().max(1000).nullable(),
});
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

export const RecordAbsencesBody = z.strictObject({
  participantNos: z
    .array(z.string().regex(/^[0-9A-Za-z-]{1,40}$/))
    .min(1)
    .max(5000),
});

// ── responses ──
// Output schemas state the shapes without the request limits (a stored value is not re-judged by a form's rules).

export { OkResponse } from './identity.ts';

const ThresholdRuleOut = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('subtests'), twk: z.number().int(), tiu: z.number().int(), tkp: z.number().int() }),
  z.strictObject({ kind: z.literal('total'), total: z.number().int(), tiu: z.number().int() }),
]);

/** GET /public/thresholds: each year's passing grades (the one source for ranking, result page and certificate). */
export const ThresholdsResponse = z.strictObject({
  thresholds: z.array(
    z.strictObject({
      year: z.number().int(),
      regulation: z.string(),
      rules: z.record(z.enum(NEED_TYPES), ThresholdRuleOut),
      uncertain: z.array(z.enum(NEED_TYPES)),
      updatedAt: z.iso.datetime(),
    }),
  ),
});

export const ImportedResponse = z.strictObject({ imported: z.number().int().min(0) });
export const RecordedAbsencesResponse = z.strictObject({ recorded: z.number().int().min(0) });

export const SkbComponent = z.strictObject({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['cat', 'tambahan', 'wawancara']),
  weightPct: z.number().int(),
});
/** GET /formations/:id/skb-weights: the formation's components, or the default (SKB CAT 100%) when none is configured. */
export const SkbWeightsResponse = z.strictObject({ components: z.array(SkbComponent), configured: z.boolean() });
export const SkbEntryResponse = z.strictObject({ participantNo: z.string(), absent: z.boolean() });
export const SelectionSettingsResponse = z.strictObject({ optimalisasi: z.boolean() });

export const PublicationFile = z.strictObject({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
});
const PublicationBase = {
  id: z.uuid(),
  stage: z.enum(['skd', 'final']),
  version: z.number().int().min(1),
  status: z.enum(['proposed', 'published', 'rejected']),
  reason: z.string().nullable(),
  proposedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  files: z.array(PublicationFile),
};
/** A publication as the public sees it (who proposed and decided is staff-only). */
export const PublicPublication = z.strictObject(PublicationBase);
/** A publication as the committee sees it: with who proposed and decided, so no one approves their own. */
export const StaffPublication = z.strictObject({
  ...PublicationBase,
  proposedBy: z.uuid(),
  decidedBy: z.uuid().nullable(),
});
export const PublicPublicationsResponse = z.strictObject({ publications: z.array(PublicPublication) });
export const StaffPublicationsResponse = z.strictObject({ publications: z.array(StaffPublication) });
export const ProposedPublicationResponse = z.strictObject({
  id: z.uuid(),
  version: z.number().int().min(1),
  files: z.array(PublicationFile),
});

/** GET /public/results/periods/:id/formations/:code: one formation's published results, names masked. */
export const FormationResultsResponse = z.strictObject({
  formationCode: z.string(),
  skdVersion: z.number().int(),
  finalVersion: z.number().int().nullable(),
  skd: z.array(
    z.strictObject({
      participantNo: z.string(),
      maskedName: z.string(),
      twk: z.number().int().nullable(),
      tiu: z.number().int().nullable(),
      tkp: z.number().int().nullable(),
      total: z.number().int().nullable(),
      rank: z.number().int().nullable(),
      code: z.string(),
    }),
  ),
  final: z
    .array(
      z.strictObject({
        participantNo: z.string(),
        maskedName: z.string(),
        skdTotal: z.number().int(),
        skb: z.string().nullable(),
        finalScore: z.string().nullable(),
        rank: z.number().int().nullable(),
        result: z.string(),
      }),
    )
    .nullable(),
  /** Moves into a vacant formation (optimalisasi) that concern this formation, either way. */
  optimalisasi: z.array(
    z.strictObject({
      participantNo: z.string(),
      maskedName: z.string(),
      fromFormation: z.string(),
      toFormation: z.string(),
      finalScore: z.string(),
      result: z.string(),
    }),
  ),
  /** 25-point bands of the SKD total for the distribution chart. */
  histogram: z.array(z.strictObject({ from: z.number().int(), to: z.number().int(), count: z.number().int() })),
});
