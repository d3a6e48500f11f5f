/** Holiday calendar endpoints (admin; the committee reads). */
import type { z } from 'zod';
import { holidaysEndpoints as E } from '../../../../common/contracts/holidays.endpoints.ts';
import type {
  HolidayDayBody,
  HolidayImportResponse,
  HolidayYearBody,
  HolidayYearView,
} from '../../../../common/contracts/holidays.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export type { HolidayImportResponse, HolidayYearView };

export const calendarApi = {
  year: (year: number) => call(E.year, { query: { year } }),
  setDay: (day: string, body: z.input<typeof HolidayDayBody>) => call(E.setDay, { params: { day }, body }),
  markLoaded: (year: number, body: z.input<typeof HolidayYearBody>) => call(E.markLoaded, { params: { year }, body }),
  importSheet: (
    year: number,
    file: File,
    opts: { commit: boolean; skbReference: string; skbDate: string },
    onProgress?: (percent: number) => void,
  ) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const query = {
      commit: opts.commit ? ('true' as const) : ('false' as const),
      skbReference: opts.skbReference,
      ...(opts.skbDate ? { skbDate: opts.skbDate } : {}),
    };
    return upload(E.importSheet, { params: { year }, query }, form, onProgress);
  },
  templateUrl: (year: number, format: 'xlsx' | 'csv') => urlOf(E.template, { params: { year }, query: { format } }),
};
