/**
 * Palu's holiday calendar for the admin (issue 23 §9): a year's days (fixed-date by rule, the SKB 3
 * Menteri list, amendments), whether the year's list is loaded, its import and single-day edits.
 */
import { z } from 'zod';
import { IsoDate } from './identity.ts';

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });
export const HolidayKindEnum = z.enum(['libur_nasional', 'cuti_bersama']);
const Year = z.coerce.number().int().min(1970).max(2200);

export const HolidayYearQuery = z.strictObject({ year: Year });
export const HolidayYearParams = z.strictObject({ year: Year });

export const HolidayDayView = z.strictObject({
  day: z.string(),
  name: z.string(),
  kind: HolidayKindEnum,
  /** A fixed-date national holiday (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec): known by rule. */
  fixed: z.boolean(),
  /** Listed in the table (imported or entered); false for a fixed day only known by rule. */
  listed: z.boolean(),
  /** Added or changed after the year's list was loaded. */
  amendedAt: z.string().nullable(),
});

export const HolidayYearView = z.strictObject({
  year: z.number().int(),
  /** The loaded SKB list; null while the year's moving holidays and cuti bersama are unknown. */
  loaded: z
    .strictObject({
      skbReference: z.string(),
      skbDate: z.string().nullable(),
      loadedAt: z.string(),
      amendedAt: z.string().nullable(),
    })
    .nullable(),
  days: z.array(HolidayDayView),
  /** Years that are loaded or have listed days, for the year picker. */
  years: z.array(z.number().int()),
});
export type HolidayYearView = z.infer<typeof HolidayYearView>;

/** Add or change a day (name), or delete it (name null); after the list is loaded it is an amendment. */
export const HolidayDayBody = z.strictObject({
  name: z.string().trim().min(3).max(120).nullable(),
  kind: HolidayKindEnum.optional(),
});
export const HolidayDayParams = z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

const SkbReference = z.string().trim().min(3).max(200);
/** Marks a year's list loaded (entered by hand) with the SKB it comes from. */
export const HolidayYearBody = z.strictObject({ skbReference: SkbReference, skbDate: IsoDate.nullable() });

export const HolidayImportQuery = z.strictObject({
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  skbReference: SkbReference,
  skbDate: IsoDate.optional(),
});
export const HolidayImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ ok: z.number().int(), error: z.number().int() }),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      day: z.string().nullable(),
      status: z.enum(['ok', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});
export type HolidayImportResponse = z.infer<typeof HolidayImportResponse>;
export const HolidayTemplateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
