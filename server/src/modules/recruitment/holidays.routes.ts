/** HTTP for Palu's holiday calendar: the public list, the admin's year view, import, entry and amendments. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  HolidayDayBody, HolidayDayParams, HolidayImportQuery, HolidayImportResponse, HolidayTemplateQuery, HolidayYearBody, HolidayYearParams, HolidayYearQuery, HolidayYearView,
} from '../../../../common/contracts/holidays.ts';
import { HolidaysResponse, OkResponse } from '../../../../common/contracts/recruitment.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { HolidayService } from './holidays.service.ts';

const SHEET_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
const MAX_SHEET = 1024 * 1024;

export function registerHolidayRoutes(base: FastifyInstance, holidays: HolidayService) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const admin = { access: ['admin'] as const };
  app.get('/api/v1/public/holidays', { config: { access: 'public' }, schema: { tags, summary: 'Hari libur nasional dan cuti bersama (untuk hitungan hari kerja)', response: { 200: HolidaysResponse } } }, async () => ({ holidays: await holidays.publicList() }));
  // The committee reads it too: its home warns when next year's list is missing.
  app.get('/api/v1/admin/holidays', { config: { access: ['admin', 'committee'] as const }, schema: { tags, summary: 'Hari libur setahun: tanggal tetap, daftar SKB, perubahan, dan status daftar', querystring: HolidayYearQuery, response: { 200: HolidayYearView } } }, async (req) => holidays.year(req.query.year));
  app.put('/api/v1/admin/holidays/:day', {
    config: admin,
    schema: { tags, summary: 'Tambah/ubah/hapus satu hari libur (name null = hapus); setelah daftar dimuat tercatat sebagai perubahan', params: HolidayDayParams, body: HolidayDayBody, response: { 200: OkResponse } },
  }, async (req) => {
    await holidays.setDay(req.actor!, req.params.day, req.body.name, req.body.kind);
    return { ok: true as const };
  });
  app.put('/api/v1/admin/holiday-years/:year', { config: admin, schema: { tags, summary: 'Tandai daftar hari libur setahun sudah dimuat (diisi manual) dengan nomor SKB', params: HolidayYearParams, body: HolidayYearBody, response: { 200: OkResponse } } }, async (req) => {
    await holidays.markLoaded(req.actor!, req.params.year, req.body.skbReference, req.body.skbDate);
    return { ok: true as const };
  });
  app.get('/api/v1/admin/holiday-years/:year/template', { config: admin, schema: { tags, summary: 'Templat daftar hari libur (XLSX/CSV)', params: HolidayYearParams, querystring: HolidayTemplateQuery } }, async (req, reply) =>
    reply.type(SHEET_TYPES[req.query.format]).header('content-disposition', `attachment; filename="templat-hari-libur-${req.params.year}.${req.query.format}"`).send(await holidays.template(req.params.year, req.query.format)),
  );
  app.post('/api/v1/admin/holiday-years/:year/import', {
    config: admin,
    schema: { tags, summary: 'Periksa (commit=false) atau impor daftar SKB 3 Menteri dari XLSX/CSV: semua baris atau tidak sama sekali', params: HolidayYearParams, querystring: HolidayImportQuery, response: { 200: HolidayImportResponse } },
  }, async (req) => {
    const file = await readUploadedFile(req, { maxBytes: MAX_SHEET, what: { id: 'berkas XLSX atau CSV hari libur', en: 'holiday XLSX or CSV file' } });
    return holidays.importSheet(req.actor!, req.params.year, file.data, sheetFormatOf(file), { commit: req.query.commit, skbReference: req.query.skbReference, skbDate: req.query.skbDate ?? null });
  });
}
