/** Contracts for development: ASN records (data pegawai) and their sheet import. */
import { z } from 'zod';

export const EMPLOYEE_STATUS_VALUES = ['CPNS', 'PNS', 'PPPK'] as const;
export const JABATAN_KIND_VALUES = ['struktural', 'fungsional', 'pelaksana'] as const;

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });

/** One employee as staff and the person see it; the birth date only for BKPSDM and the person. */
export const EmployeeView = z.strictObject({
  id: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  status: z.enum(EMPLOYEE_STATUS_VALUES),
  gender: z.enum(['L', 'P']),
  birthDate: z.string().nullable(),
  tmt: z.string(),
  organization: z.strictObject({ id: z.string(), name: z.string() }),
  unit: z.string(),
  jabatanKind: z.enum(JABATAN_KIND_VALUES),
  jabatan: z.string(),
  jenjang: z.string(),
  golongan: z.string(),
  supervisor: z.strictObject({ id: z.uuid(), nip: z.string(), fullName: z.string() }).nullable(),
  hasAccount: z.boolean(),
});

export const EmployeeListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  organizationId: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  status: z.enum(EMPLOYEE_STATUS_VALUES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const EmployeeListResponse = z.strictObject({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whose records these are: every OPD (BKPSDM), the supervisor's unit, or the person's own. */
  scope: z.enum(['all', 'unit', 'self']),
  employees: z.array(EmployeeView),
});

/** POST /employees/import: the per-row report of a dry run, or of the import itself (all rows or none). */
export const EmployeeImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ new: z.number().int(), update: z.number().int(), error: z.number().int() }),
  report: z.array(z.strictObject({ line: z.number().int(), nip: z.string().nullable(), status: z.enum(['new', 'update', 'error']), problems: z.array(Bilingual) })),
});

export const EmployeeImportQuery = z.strictObject({ commit: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
export const SheetFormatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
