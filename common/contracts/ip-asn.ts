/**
 * Contracts for the Indeks Profesionalitas ASN (issue 26 §2–§3, PROFESSIONALISM.md §1): the
 * instrument as versioned data, the year → version assignment, recomputation, and one person's
 * index with its reasons and what would raise it. The catalogues mirror
 * server/src/modules/professionalism/domain/ip-asn.ts (the server checks they agree at compile time).
 */
import { z } from 'zod';
import { PREDIKAT_VALUES } from './performance.ts';

export const IP_EDUCATION_GROUPS = ['s3', 's2', 's1_d4', 'd3', 'd2_d1_sma', 'smp_sd'] as const;
export const IP_DIMENSIONS = ['kualifikasi', 'kompetensi', 'kinerja', 'disiplin'] as const;
export const IP_BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;
export const IP_JABATAN_TYPES = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export const IP_RAISE_ACTIONS = [
  'education',
  'kepemimpinan',
  'fungsional',
  'teknis',
  'seminar',
  'skp',
  'record',
] as const;

const MsgSchema = z.object({ id: z.string(), en: z.string() });
const Points = z.number().min(0).max(100);
export const IpCell = z.strictObject({
  points: Points,
  verified: z.boolean(),
  note: z.string().trim().max(300),
});
const cells = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, IpCell])) as Record<K, typeof IpCell>);

/**
 * The instrument body as stored and sent. The lowest band's bound is 0 on the wire (the domain
 * uses −∞; JSON has no infinity, and no total is below 0).
 */
export const IpInstrumentBody = z.strictObject({
  maxima: z.strictObject({
    kualifikasi: Points,
    kompetensi: Points,
    kinerja: Points,
    disiplin: Points,
  }),
  education: cells(IP_EDUCATION_GROUPS),
  kompetensi: z.strictObject({
    structural: cells(['kepemimpinan', 'teknis', 'seminar'] as const),
    fungsional: cells(['fungsional', 'teknis', 'seminar'] as const),
    pelaksana: cells(['teknis', 'seminar'] as const),
  }),
  teknisMinJp: IpCell,
  teknisWindowMonths: IpCell,
  seminarWindowMonths: IpCell,
  teknisAccumulates: z.boolean(),
  kinerja: cells(PREDIKAT_VALUES),
  disiplin: cells(['none', 'ringan', 'sedang', 'berat'] as const),
  disiplinWindow: z.enum(['year', 'year+masa']),
  bands: z.array(z.strictObject({ min: z.number().min(0).max(100), band: z.enum(IP_BANDS) })).length(5),
});

export const IpInstrumentView = z.object({
  id: z.string(),
  version: z.string(),
  basedOn: z.string().nullable(),
  basedOnVersion: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Results rest on it: it can no longer be changed, only succeeded by a new version. */
  inUse: z.boolean(),
  years: z.array(z.number()),
  provisionalCells: z.number(),
  body: IpInstrumentBody,
});
export const IpInstrumentsResponse = z.object({
  instruments: z.array(IpInstrumentView),
  years: z.array(
    z.object({
      year: z.number(),
      instrumentId: z.string(),
      version: z.string(),
      results: z.number(),
    }),
  ),
  currentYear: z.number(),
});

// Version name and note are checked by the server with messages that say what to write.
const VersionName = z.string().trim().max(60);
export const SaveInstrumentBody = z.strictObject({
  version: VersionName,
  basedOn: z.uuid(),
  note: z.string().trim().max(500),
  body: IpInstrumentBody,
});
export const IpYear = z.coerce.number().int().min(2015).max(2100);
export const IpYearParams = z.strictObject({ year: IpYear });
export const AssignYearBody = z.strictObject({ instrumentId: z.uuid() });
export const RecomputeBody = z.strictObject({ year: IpYear.optional(), allYears: z.boolean().default(false) });
export const RecomputeResponse = z.object({
  years: z.array(
    z.object({
      year: z.number(),
      version: z.string(),
      computed: z.number(),
      complete: z.number(),
      incomplete: z.number(),
      /** Results that differ from the stored ones (only those are written). */
      changed: z.number(),
    }),
  ),
  milliseconds: z.number(),
});

const Line = z.object({ text: MsgSchema, points: z.number(), max: z.number(), verified: z.boolean() });
const DimensionResult = z.object({
  dimension: z.enum(IP_DIMENSIONS),
  points: z.number(),
  max: z.number(),
  complete: z.boolean(),
  lines: z.array(Line),
});
export const IpResult = z.object({
  instrumentVersion: z.string(),
  asOf: z.string(),
  dimensions: z.object({
    kualifikasi: DimensionResult,
    kompetensi: DimensionResult,
    kinerja: DimensionResult,
    disiplin: DimensionResult,
  }),
  total: z.number(),
  band: z.enum(IP_BANDS),
  complete: z.boolean(),
  provisional: z.boolean(),
});
const LinkTo = z.object({ label: MsgSchema, to: z.string() });
export const IpRaise = z.object({
  dimension: z.enum(IP_DIMENSIONS),
  action: z.enum(IP_RAISE_ACTIONS),
  gain: z.number(),
  text: MsgSchema,
  jpMissing: z.number().optional(),
  /** Where to act: open batches, the SKP page, the records page. */
  links: z.array(LinkTo),
});
export const IpPersonYear = z.object({
  year: z.number(),
  instrumentId: z.string(),
  version: z.string(),
  /** Computed now (the running year), not a stored result. */
  live: z.boolean(),
  computedAt: z.string().nullable(),
  result: IpResult,
  /** Versions other than the year's own that also hold a stored result (kept side by side). */
  otherVersions: z.array(z.object({ version: z.string(), total: z.number(), band: z.enum(IP_BANDS) })),
});
export const IpPersonResponse = z.object({
  employee: z.object({
    id: z.string(),
    nip: z.string(),
    fullName: z.string(),
    status: z.enum(['CPNS', 'PNS', 'PPPK']),
    organization: z.string(),
    jabatan: z.string(),
    jabatanType: z.enum(IP_JABATAN_TYPES).nullable(),
  }),
  years: z.array(IpPersonYear),
  raises: z.array(IpRaise),
  /** The viewer is the person themselves (the page says "saya"). */
  self: z.boolean(),
});
export const EmployeeIdParams = z.strictObject({ id: z.uuid() });
