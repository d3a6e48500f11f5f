/** Contracts for performance (SKP, PermenPANRB 6/2022) and policy follow-up: request bodies and queries. */
import { z } from 'zod';

export const RATING_VALUES = ['above', 'meets', 'below'] as const;
export const PREDIKAT_VALUES = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export const ORG_PREDIKAT_VALUES = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export const PERIOD_VALUES = ['q1', 'q2', 'q3', 'q4', 'annual'] as const;
export const BERAKHLAK_VALUES = ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'] as const;
export const PERSPECTIVE_VALUES = ['penerima_layanan', 'proses_bisnis', 'penguatan_internal', 'anggaran'] as const;
export const CASCADE_KIND_VALUES = ['direct', 'indirect'] as const;
export const ISSUER_VALUES = ['kemenpanrb', 'bkn', 'lan', 'kemendagri', 'presiden', 'pemprov', 'lainnya'] as const;
export const MILESTONE_STATUS_VALUES = ['planned', 'in_progress', 'done'] as const;

const Text = (max: number) => z.string().trim().min(2).max(max);
const Year = z.coerce.number().int().min(2000).max(2100);
const OrgId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const Link = z.url({ protocol: /^https?$/ }).max(500);

export const YearQuery = z.strictObject({ year: Year });
export const YearParams = z.strictObject({ year: Year });
export const DashboardQuery = z.strictObject({ year: Year, period: z.enum(PERIOD_VALUES).optional(), organizationId: OrgId.optional() });
export const ExportQuery = z.strictObject({ year: Year, period: z.enum(PERIOD_VALUES), format: z.enum(['xlsx', 'csv']).default('xlsx') });

const Rating = z.enum(RATING_VALUES);
export const RulesBody = z.strictObject({
  /** Every cell: zod 4's record over an enum requires all nine. */
  matrix: z.record(Rating, z.record(Rating, z.enum(PREDIKAT_VALUES))),
  note: z.string().trim().max(500).default(''),
});
export const OrgPredikatBody = z.strictObject({ predikat: z.enum(ORG_PREDIKAT_VALUES) });
export const OrgPredikatParams = z.strictObject({ year: Year, organizationId: OrgId });

export const StartPlanBody = z.strictObject({ year: z.number().int().min(2000).max(2100), employeeId: z.uuid().nullable().default(null) });

export const IndicatorBody = z.strictObject({
  description: Text(300),
  kind: z.enum(['quantitative', 'qualitative']),
  target: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40).default(''),
});
export const ResultBody = z.strictObject({
  title: Text(300),
  perspective: z.enum(PERSPECTIVE_VALUES),
  isMain: z.boolean().default(true),
  indicators: z.array(IndicatorBody).min(1).max(10),
});
export const CascadeBody = z
  .strictObject({
    /** Direct reports to cascade to; omit with `unit: true` for every direct report in the unit. */
    employeeIds: z.array(z.uuid()).min(1).max(2000).optional(),
    unit: z.boolean().optional(),
    kind: z.enum(CASCADE_KIND_VALUES).default('direct'),
    /** The subordinate's wording; the parent's title when empty. */
    title: z.string().trim().max(300).default(''),
    /** The subordinate's indicators; the parent's when omitted. */
    indicators: z.array(IndicatorBody).min(1).max(10).optional(),
  })
  .refine((b) => (b.unit === true) !== (b.employeeIds !== undefined), { message: 'Pilih pegawai tertentu atau seluruh unit (salah satu).', path: ['employeeIds'] });
export const BehavioursBody = z.strictObject({ expectations: z.partialRecord(z.enum(BERAKHLAK_VALUES), z.string().trim().max(500)) });
export const AgreeBody = z.strictObject({ clarification: z.string().trim().max(1000).default('') });

export const EvaluationBody = z.strictObject({
  resultRatings: z.record(z.uuid(), Rating).default({}),
  behaviourRatings: z.partialRecord(z.enum(BERAKHLAK_VALUES), Rating).default({}),
  realisations: z.record(z.uuid(), z.string().trim().max(500)).default({}),
  /** The evaluator's overall ratings; derived from the items (RULES.md §4.3) when omitted. */
  ratingResults: Rating.optional(),
  ratingBehaviour: Rating.optional(),
  note: z.string().trim().max(2000).default(''),
});
export const EvaluationParams = z.strictObject({ id: z.uuid(), period: z.enum(PERIOD_VALUES) });

export const NoteBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('feedback'), body: Text(2000) }),
  z.strictObject({ kind: z.literal('link'), body: z.string().trim().max(300).default(''), url: Link }),
]);
export const EnrollRecommendedBody = z.strictObject({ programId: z.uuid(), batchId: z.uuid() });

// ── policy follow-up ──
const IsoDay = z.iso.date();
export const PolicyBody = z.strictObject({ number: Text(120), title: Text(300), issuedOn: IsoDay, issuer: z.enum(ISSUER_VALUES), summary: z.string().trim().max(3000).default('') });
export const MilestoneBody = z.strictObject({ title: Text(300), dueOn: IsoDay });
export const ActionBody = z.strictObject({ title: Text(300), organizationId: OrgId, milestones: z.array(MilestoneBody).max(30).default([]) });
export const MilestoneUpdateBody = z.strictObject({
  status: z.enum(MILESTONE_STATUS_VALUES).optional(),
  evidenceUrl: Link.nullable().optional(),
  evidencePublic: z.boolean().optional(),
  /** The responsible OPD's answer when the milestone is late (shown on the public page). */
  lateAnswer: z.string().trim().min(2).max(1000).optional(),
});
