/**
 * IP ASN reports (issue 26 §3): the unit's and the city's figures over the yearly results, the
 * OPD report for the Wali Kota, the BKN-like export, BKN's official figures imported to compare,
 * and the public figures (groups of five or more only).
 */
import { z } from 'zod';

export const IP_BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;
export const IP_DIMENSIONS = ['kualifikasi', 'kompetensi', 'kinerja', 'disiplin'] as const;
/** PNS and PPPK are reported apart (§1.6); CPNS are counted with PNS (the PNS track, measured as PNS). */
export const IP_GROUPS = ['PNS', 'PPPK'] as const;
export const IP_JABATAN = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
/** Below this many people a group's figures are not published (nobody can be singled out). */
export const IP_PUBLIC_MIN_GROUP = 5;

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });
const Year = z.coerce.number().int().min(2015).max(2100);

export const BandCounts = z.strictObject(
  Object.fromEntries(IP_BANDS.map((b) => [b, z.number().int()])) as Record<(typeof IP_BANDS)[number], z.ZodNumber>,
);
export const DimensionMeans = z.strictObject(
  Object.fromEntries(IP_DIMENSIONS.map((d) => [d, z.number()])) as Record<(typeof IP_DIMENSIONS)[number], z.ZodNumber>,
);

/** A group's figure: means over the complete results, n of everyone measured, the band spread. */
export const IpFigure = z.strictObject({
  n: z.number().int(),
  of: z.number().int(),
  /** n / of in percent, one decimal; null when nobody was measured. */
  participation: z.number().nullable(),
  means: DimensionMeans,
  total: z.number(),
  band: z.enum(IP_BANDS).nullable(),
  bands: BandCounts,
  /** Results resting on a provisional cell of the instrument. */
  provisional: z.number().int(),
});

export const ProvisionalCell = z.strictObject({ cell: z.string(), points: z.number(), note: z.string() });
export const InstrumentInfo = z.strictObject({
  id: z.string(),
  version: z.string(),
  maxima: DimensionMeans,
  provisionalCells: z.array(ProvisionalCell),
});

export const HoldsBack = z.strictObject({
  dimension: z.enum(IP_DIMENSIONS),
  mean: z.number(),
  max: z.number(),
  gap: z.number(),
});

export const OfficialRow = z.strictObject({
  year: z.number().int(),
  employeeStatus: z.enum(IP_GROUPS),
  organizationId: z.string().nullable(),
  name: z.string(),
  respondents: z.number().int().nullable(),
  means: DimensionMeans,
  total: z.number(),
});

export const IpReportQuery = z.strictObject({
  year: Year.optional(),
  organizationId: z.string().min(1).max(40).optional(),
  group: z.enum(['all', ...IP_GROUPS]).default('all'),
});

export const IpReportResponse = z.strictObject({
  year: z.number().int(),
  years: z.array(z.number().int()),
  group: z.enum(['all', ...IP_GROUPS]),
  /** null: BKPSDM's city view; else the one OPD shown (a supervisor's own, or BKPSDM's filter). */
  organizationId: z.string().nullable(),
  scopeName: z.string(),
  /** What a supervisor may choose: only their OPD. BKPSDM: every OPD. */
  organizations: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  instrument: InstrumentInfo.nullable(),
  overall: IpFigure,
  byGroup: z.array(z.strictObject({ group: z.enum(IP_GROUPS), figure: IpFigure })),
  byOrganization: z.array(
    z.strictObject({
      organizationId: z.string(),
      name: z.string(),
      figure: IpFigure,
      holdsBack: HoldsBack.nullable(),
    }),
  ),
  byJabatan: z.array(z.strictObject({ jabatanType: z.string().nullable(), figure: IpFigure })),
  trend: z.array(
    z.strictObject({
      year: z.number().int(),
      instrumentVersion: z.string(),
      total: z.number(),
      band: z.enum(IP_BANDS).nullable(),
      n: z.number().int(),
      of: z.number().int(),
      official: z.number().nullable(),
    }),
  ),
  official: z.array(OfficialRow),
});

export const OrganizationReportParams = z.strictObject({ organizationId: z.string().min(1).max(40) });
export const YearQuery = z.strictObject({ year: Year.optional() });
export const ExportQuery = z.strictObject({ year: Year.optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const SheetQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const OfficialImportQuery = z.strictObject({
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const OfficialImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ valid: z.number().int(), error: z.number().int() }),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      status: z.enum(['valid', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});

const PublicGroup = z.strictObject({
  /** Everyone measured (complete or not); null with the rest when the group is under five. */
  of: z.number().int().nullable(),
  /** false: fewer than five people — no numbers are shown. */
  shown: z.boolean(),
  n: z.number().int().nullable(),
  participation: z.number().nullable(),
  total: z.number().nullable(),
  band: z.enum(IP_BANDS).nullable(),
  means: DimensionMeans.nullable(),
  bands: BandCounts.nullable(),
});
export const IpPublicResponse = z.strictObject({
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  minGroup: z.number().int(),
  instrument: InstrumentInfo.nullable(),
  city: z.array(z.strictObject({ group: z.enum(['all', ...IP_GROUPS]), figure: PublicGroup })),
  organizations: z.array(
    z.strictObject({
      organizationId: z.string(),
      name: z.string(),
      groups: z.array(z.strictObject({ group: z.enum(['all', ...IP_GROUPS]), figure: PublicGroup })),
    }),
  ),
});
