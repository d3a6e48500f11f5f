/**
 * Hukuman disiplin (PP 94/2021; PROFESSIONALISM.md §4) as the API and the web forms see it: what
 * BKPSDM enters, the objection (upaya administratif, PP 79/2021), the import report, and the views
 * BKPSDM and the person themself get. The kinds mirror the server's domain/discipline.ts (a unit
 * test keeps the two lists equal).
 */
import { z } from 'zod';

export const DISCIPLINE_KIND_VALUES = [
  'teguran_lisan',
  'teguran_tertulis',
  'pernyataan_tidak_puas',
  'tukin_25_6',
  'tukin_25_9',
  'tukin_25_12',
  'penurunan_jabatan',
  'pembebasan_jabatan',
  'pdhtaps',
] as const;
export const DISCIPLINE_LEVEL_VALUES = ['ringan', 'sedang', 'berat'] as const;
export const OBJECTION_STATUS_VALUES = ['none', 'filed', 'upheld', 'reduced', 'cancelled'] as const;
export type DisciplineKind = (typeof DISCIPLINE_KIND_VALUES)[number];
export type ObjectionStatus = (typeof OBJECTION_STATUS_VALUES)[number];

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });
/** A calendar day; an empty field says "Wajib diisi", a wrong one how to write it (FIELD_MESSAGES). */
const IsoDay = z.iso.date({ error: (issue) => (issue.input === '' ? 'required' : 'date.format') });
const Text = (max: number) => z.string().trim().min(2).max(max);
const Nip = z
  .string()
  .trim()
  .regex(/^\d{18}$/);

/** The record as BKPSDM enters or corrects it; `end` left out = the term PP 94/2021 gives the kind. */
export const DisciplineEditBody = z.strictObject({
  kind: z.enum(DISCIPLINE_KIND_VALUES),
  reason: Text(2000),
  skNumber: Text(100),
  skDate: IsoDay,
  imposedBy: Text(200),
  start: IsoDay,
  end: IsoDay.nullable().optional(),
});
export const DisciplineBody = DisciplineEditBody.extend({ nip: Nip });

/** The upaya administratif and its outcome; 'cancelled' cancels the SK so it no longer counts. */
export const ObjectionBody = z.strictObject({
  status: z.enum(OBJECTION_STATUS_VALUES),
  filedOn: IsoDay.nullable(),
  decidedOn: IsoDay.nullable(),
  note: z.string().trim().max(2000).nullable(),
});

export const DisciplineListQuery = z.strictObject({
  organizationId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  active: z.enum(['all', 'active', 'inactive']).default('all'),
});
export const KindsQuery = z.strictObject({ start: z.iso.date().optional() });
export const AbsenceQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  cumulativeDays: z.coerce.number().int().min(0).max(366),
  longestRun: z.coerce.number().int().min(0).max(366),
});

const EmployeeCard = z.strictObject({
  id: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  organization: z.strictObject({ id: z.string(), name: z.string() }),
});
export const DisciplineRecordView = z.strictObject({
  id: z.uuid(),
  employee: EmployeeCard,
  kind: z.enum(DISCIPLINE_KIND_VALUES),
  kindName: Bilingual,
  level: z.enum(DISCIPLINE_LEVEL_VALUES),
  reason: z.string(),
  skNumber: z.string(),
  skDate: z.string(),
  imposedBy: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  hasSk: z.boolean(),
  objection: z.strictObject({
    route: z.enum(['keberatan', 'banding']),
    status: z.enum(OBJECTION_STATUS_VALUES),
    filedOn: z.string().nullable(),
    decidedOn: z.string().nullable(),
    note: z.string().nullable(),
  }),
  cancelled: z.boolean(),
  /** Running today (WITA): started, not past its end, not cancelled. */
  active: z.boolean(),
  updatedAt: z.string(),
});
export const DisciplineListResponse = z.strictObject({ records: z.array(DisciplineRecordView) });
export const EmployeeDisciplineResponse = z.strictObject({
  employee: EmployeeCard,
  records: z.array(DisciplineRecordView),
});
export const MyDisciplineResponse = z.strictObject({
  /** Null when the account is not linked to an employee record. */
  employee: EmployeeCard.nullable(),
  records: z.array(DisciplineRecordView),
});
export const KindsResponse = z.strictObject({
  kinds: z.array(
    z.strictObject({
      kind: z.enum(DISCIPLINE_KIND_VALUES),
      name: Bilingual,
      level: z.enum(DISCIPLINE_LEVEL_VALUES),
      months: z.number().int().nullable(),
      route: z.enum(['keberatan', 'banding']),
      /** The term's last day for `start` (termEnd), when a start was given and the kind has a term. */
      proposedEnd: z.string().nullable(),
    }),
  ),
});
export const AbsenceResponse = z.strictObject({
  year: z.number().int(),
  suggested: z
    .strictObject({
      kind: z.enum(DISCIPLINE_KIND_VALUES),
      name: Bilingual,
      level: z.enum(DISCIPLINE_LEVEL_VALUES),
    })
    .nullable(),
  note: Bilingual,
});
export const DisciplineIdResponse = z.strictObject({ id: z.uuid() });
export const DisciplineImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ valid: z.number().int(), error: z.number().int() }),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      nip: z.string().nullable(),
      status: z.enum(['valid', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});
export const ImportQuery = z.strictObject({
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const SheetQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export type DisciplineRecord = z.infer<typeof DisciplineRecordView>;
export type DisciplineImport = z.infer<typeof DisciplineImportResponse>;
