/** HTTP for Palu's holiday calendar, registered from the declarations in common/contracts/holidays.endpoints.ts. */
import type { FastifyInstance } from 'fastify';
import { holidaysEndpoints as E } from '../../../../common/contracts/holidays.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { HolidayService } from './holidays.service.ts';

const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
const MAX_SHEET = 1024 * 1024;

/** Registers the holiday-calendar routes on the recruitment plugin (the committee and admin share its access hook). */
export function registerHolidayRoutes(app: FastifyInstance, holidays: HolidayService) {
  route(app, E.publicList, async () => ({ holidays: await holidays.publicList() }));
  route(app, E.year, (req) => holidays.year(req.query.year));
  route(app, E.setDay, async (req) => {
    await holidays.setDay(req.actor!, req.params.day, req.body.name, req.body.kind);
    return { ok: true as const };
  });
  route(app, E.markLoaded, async (req) => {
    await holidays.markLoaded(req.actor!, req.params.year, req.body.skbReference, req.body.skbDate);
    return { ok: true as const };
  });
  route(app, E.template, async (req, reply) =>
    reply
      .type(SHEET_TYPES[req.query.format])
      .header('content-disposition', `attachment; filename="templat-hari-libur-${req.params.year}.${req.query.format}"`)
      .send(await holidays.template(req.params.year, req.query.format)),
  );
  route(app, E.importSheet, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: MAX_SHEET,
      what: { id: 'berkas XLSX atau CSV hari libur', en: 'holiday XLSX or CSV file' },
    });
    return holidays.importSheet(req.actor!, req.params.year, file.data, sheetFormatOf(file), {
      commit: req.query.commit,
      skbReference: req.query.skbReference,
      skbDate: req.query.skbDate ?? null,
    });
  });
}
