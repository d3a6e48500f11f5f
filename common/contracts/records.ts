/**
 * Contracts for an ASN's education and competency history (issue 26 §1): BKPSDM's forms and sheet
 * imports, the person's own view, and their proposed corrections. The catalogues are the ones the
 * IP ASN rules use (server/src/modules/professionalism/domain/ip-asn.ts imports them).
 */
import { z } from 'zod';

export const EDUCATION_LEVEL_VALUES = ['sd', 'smp', 'sma', 'd1', 'd2', 'd3', 'd4', 's1', 's2', 's3'] as const;
export type EducationLevelValue = (typeof EDUCATION_LEVEL_VALUES)[number];
export const EDUCATION_LEVEL_NAMES: Record<EducationLevelValue, string> = {
  sd: 'SD',
  smp: 'SMP/SLTP',
  sma: 'SMA/SMK/SLTA',
  d1: 'D-I',
  d2: 'D-II',
  d3: 'D-III',
  d4: 'D-IV',
  s1: 'S-1',
  s2: 'S-2',
  s3: 'S-3',
};
export const COMPETENCY_KIND_VALUES = ['kepemimpinan', 'fungsional', 'teknis', 'seminar'] as const;
export type CompetencyKindValue = (typeof COMPETENCY_KIND_VALUES)[number];
export const LEADERSHIP_LEVEL_VALUES = ['pkn_i', 'pkn_ii', 'pka', 'pkp'] as const;
export type LeadershipLevelValue = (typeof LEADERSHIP_LEVEL_VALUES)[number];
export const LEADERSHIP_LEVEL_NAMES: Record<LeadershipLevelValue, string> = {
  pkn_i: 'PKN I',
  pkn_ii: 'PKN II',
  pka: 'PKA',
  pkp: 'PKP',
};
export const CORRECTION_STATUS_VALUES = ['submitted', 'accepted', 'rejected'] as const;

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });
const Text = (max: number) => z.string().trim().min(2).max(max);
/** A calendar day; an empty field says "Wajib diisi", a wrong one how to write it (FIELD_MESSAGES). */
const IsoDay = z.iso.date({ error: (issue) => (issue.input === '' ? 'required' : 'date.format') });

export const EmployeeIdParams = z.strictObject({ id: z.uuid() });

// ── education ──
/** One formal education as BKPSDM enters it; the year may not be in the future (checked by the server's clock). */
export const EducationBody = z.strictObject({
  level: z.enum(EDUCATION_LEVEL_VALUES),
  institution: Text(200),
  major: z.string().trim().max(200),
  graduationYear: z.number().int().min(1950).max(2100),
});
export const EducationCreateBody = EducationBody.extend({ isHighest: z.boolean() });

export const EducationView = z.strictObject({
  id: z.uuid(),
  level: z.enum(EDUCATION_LEVEL_VALUES),
  institution: z.string(),
  major: z.string(),
  graduationYear: z.number().int(),
  isHighest: z.boolean(),
  hasIjazah: z.boolean(),
  source: z.enum(['import', 'bkpsdm']),
  updatedAt: z.string(),
});

// ── competency ──
/**
 * One course, training or seminar. Kepemimpinan needs its level, fungsional whether it is the
 * course of the JF held, teknis its JP; the start (if given) is not after the end.
 */
export const CompetencyBody = z
  .strictObject({
    kind: z.enum(COMPETENCY_KIND_VALUES),
    leadershipLevel: z.enum(LEADERSHIP_LEVEL_VALUES).nullable(),
    matchesJabatan: z.boolean().nullable(),
    title: Text(200),
    organizer: z.string().trim().max(200),
    startedOn: IsoDay.nullable(),
    completedOn: IsoDay,
    jp: z.number().int().min(1).max(2000).nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'kepemimpinan' && !b.leadershipLevel)
      ctx.addIssue({ code: 'custom', path: ['leadershipLevel'], message: 'Pilih tingkat diklat kepemimpinan.' });
    if (b.kind !== 'kepemimpinan' && b.leadershipLevel)
      ctx.addIssue({
        code: 'custom',
        path: ['leadershipLevel'],
        message: 'Tingkat hanya untuk diklat kepemimpinan; kosongkan.',
      });
    if (b.kind === 'fungsional' && b.matchesJabatan === null)
      ctx.addIssue({
        code: 'custom',
        path: ['matchesJabatan'],
        message: 'Pilih apakah diklat fungsional ini sesuai jabatan.',
      });
    if (b.kind === 'teknis' && b.jp === null)
      ctx.addIssue({ code: 'custom', path: ['jp'], message: 'Diklat teknis wajib mencantumkan JP.' });
    if (b.startedOn && b.startedOn > b.completedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['completedOn'],
        message: 'Tanggal selesai harus sama atau setelah tanggal mulai.',
      });
  });

export const CompetencyView = z.strictObject({
  id: z.uuid(),
  kind: z.enum(COMPETENCY_KIND_VALUES),
  leadershipLevel: z.enum(LEADERSHIP_LEVEL_VALUES).nullable(),
  matchesJabatan: z.boolean().nullable(),
  title: z.string(),
  organizer: z.string(),
  startedOn: z.string().nullable(),
  completedOn: z.string(),
  jp: z.number().int().nullable(),
  source: z.enum(['import', 'bkpsdm']),
});

/** Merit's own completions and approved JP claims, shown beside the history (read-only). */
export const MeritCompetencyView = z.strictObject({
  completions: z.array(
    z.strictObject({
      enrollmentId: z.uuid(),
      title: z.string(),
      programKind: z.string(),
      batchName: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      jp: z.number().int(),
    }),
  ),
  claims: z.array(
    z.strictObject({
      claimId: z.uuid(),
      kind: z.string(),
      title: z.string(),
      organizer: z.string(),
      heldOn: z.string(),
      jp: z.number().int(),
    }),
  ),
});

// ── corrections ──
export const CorrectionView = z.strictObject({
  id: z.uuid(),
  employee: z.strictObject({ id: z.uuid(), nip: z.string(), fullName: z.string(), organizationName: z.string() }),
  educationRecordId: z.uuid().nullable(),
  /** The record it points to, in words ("S-1 · Universitas Tadulako · 2012"); null for a missing record. */
  recordSummary: z.string().nullable(),
  proposal: z.string(),
  status: z.enum(CORRECTION_STATUS_VALUES),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
/** The multipart fields of a proposal (the PDF evidence is the file part). */
export const CorrectionFields = z.strictObject({
  proposal: z.string().trim().min(10).max(2000),
  educationRecordId: z.union([z.literal(''), z.uuid()]).default(''),
});
export const CorrectionListQuery = z.strictObject({
  status: z.enum(CORRECTION_STATUS_VALUES).default('submitted'),
});
export const CorrectionListResponse = z.strictObject({ corrections: z.array(CorrectionView) });
export const CorrectionDecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'rejected']),
  note: Text(500),
});

// ── a person's records ──
export const RecordsPerson = z.strictObject({
  id: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  organizationName: z.string(),
  jabatan: z.string(),
});
export const PersonRecordsView = z.strictObject({
  employee: RecordsPerson,
  education: z.array(EducationView),
  competency: z.array(CompetencyView),
  merit: MeritCompetencyView,
  corrections: z.array(CorrectionView),
});

// ── sheets ──
export const RecordImportQuery = z.strictObject({
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
/** A dry run's or an import's per-row report: every row or none is saved. */
export const RecordImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ new: z.number().int(), update: z.number().int(), error: z.number().int() }),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      nip: z.string().nullable(),
      status: z.enum(['new', 'update', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});

export const Created = z.strictObject({ id: z.uuid() });
export const Done = z.strictObject({ ok: z.literal(true) });
