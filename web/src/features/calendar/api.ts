/** Holiday calendar endpoints (admin; the committee reads). */
import type { z } from 'zod';
import type { HolidayDayBody, HolidayImportResponse, HolidayYearBody, HolidayYearView } from '../../../../common/contracts/holidays.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';

export type { HolidayImportResponse, HolidayYearView };

export const calendarApi = {
  year: (year: number) => api<HolidayYearView>(`/api/v1/admin/holidays?year=${year}`),
  setDay: (day: string, body: z.input<typeof HolidayDayBody>) => api<{ ok: true }>(`/api/v1/admin/holidays/${day}`, { method: 'PUT', body }),
  markLoaded: (year: number, body: z.input<typeof HolidayYearBody>) => api<{ ok: true }>(`/api/v1/admin/holiday-years/${year}`, { method: 'PUT', body }),
  importSheet: (year: number, file: File, opts: { commit: boolean; skbReference: string; skbDate: string }, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const q = new URLSearchParams({ commit: String(opts.commit), skbReference: opts.skbReference });
    if (opts.skbDate) q.set('skbDate', opts.skbDate);
    return uploadForm<HolidayImportResponse>('POST', `/api/v1/admin/holiday-years/${year}/import?${q.toString()}`, form, onProgress);
  },
  templateUrl: (year: number, format: 'xlsx' | 'csv') => `/api/v1/admin/holiday-years/${year}/template?format=${format}`,
};
