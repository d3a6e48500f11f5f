/** Palu's holiday calendar endpoints: the public list, the admin's year view, single-day edits, marking a year loaded, the sheet template and its import. */
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import {
  HolidayDayBody,
  HolidayDayParams,
  HolidayImportQuery,
  HolidayImportResponse,
  HolidayTemplateQuery,
  HolidayYearBody,
  HolidayYearParams,
  HolidayYearQuery,
  HolidayYearView,
} from './holidays.ts';
import { HolidaysResponse, OkResponse } from './recruitment.ts';

const ADMIN = ['admin'] as const;

export const holidaysEndpoints = defineEndpoints('calendar', {
  publicList: {
    method: 'GET',
    path: '/api/v1/public/holidays',
    access: 'public',
    summary: 'Hari libur nasional dan cuti bersama (untuk hitungan hari kerja)',
    responses: { 200: HolidaysResponse },
  },
  // The committee reads it too: its home warns when next year's list is missing.
  year: {
    method: 'GET',
    path: '/api/v1/admin/holidays',
    access: ['admin', 'committee'],
    summary: 'Hari libur setahun: tanggal tetap, daftar SKB, perubahan, dan status daftar',
    query: HolidayYearQuery,
    responses: { 200: HolidayYearView },
  },
  setDay: {
    method: 'PUT',
    path: '/api/v1/admin/holidays/:day',
    access: ADMIN,
    summary: 'Tambah/ubah/hapus satu hari libur (name null = hapus); setelah daftar dimuat tercatat sebagai perubahan',
    params: HolidayDayParams,
    body: HolidayDayBody,
    responses: { 200: OkResponse },
  },
  markLoaded: {
    method: 'PUT',
    path: '/api/v1/admin/holiday-years/:year',
    access: ADMIN,
    summary: 'Tandai daftar hari libur setahun sudah dimuat (diisi manual) dengan nomor SKB',
    params: HolidayYearParams,
    body: HolidayYearBody,
    responses: { 200: OkResponse },
  },
  template: {
    method: 'GET',
    path: '/api/v1/admin/holiday-years/:year/template',
    access: ADMIN,
    summary: 'Templat daftar hari libur (XLSX/CSV)',
    params: HolidayYearParams,
    query: HolidayTemplateQuery,
    responses: { 200: FILE },
  },
  importSheet: {
    method: 'POST',
    path: '/api/v1/admin/holiday-years/:year/import',
    access: ADMIN,
    summary: 'Periksa (commit=false) atau impor daftar SKB 3 Menteri dari XLSX/CSV: semua baris atau tidak sama sekali',
    params: HolidayYearParams,
    query: HolidayImportQuery,
    body: MULTIPART,
    responses: { 200: HolidayImportResponse },
  },
});
