/** HTTP for the IP ASN reports, registered from common/contracts/ip-report.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { ipReportEndpoints as E } from '../../../../common/contracts/ip-report.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { IpReportService } from './ip-report.service.ts';

const MAX_SHEET = 5 * 1024 * 1024;
const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function ipReportRoutes(reports: IpReportService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.dashboard, (req) => reports.dashboard(req.actor!, req.query));
    route(app, E.organizationPdf, async (req, reply) => {
      const pdf = await reports.organizationPdf(req.actor!, req.params.organizationId, req.query.year);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.filename}"`)
        .send(pdf.body);
    });
    route(app, E.exportSheet, async (req, reply) => {
      const sheet = await reports.exportSheet(req.actor!, req.query.year, req.query.format);
      return reply
        .type(SHEET_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="${sheet.filename}"`)
        .header('cache-control', 'no-store')
        .send(sheet.body);
    });
    route(app, E.officialTemplate, async (req, reply) =>
      reply
        .type(SHEET_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="templat-angka-resmi-ip-asn.${req.query.format}"`)
        .send(await reports.officialTemplate(req.query.format)),
    );
    route(app, E.officialImport, async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: MAX_SHEET,
        what: { id: 'berkas XLSX atau CSV angka resmi IP ASN', en: 'official IP ASN XLSX or CSV file' },
      });
      return reports.importOfficial(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    route(app, E.publicFigures, (req) => reports.publicFigures(req.query.year));
  };
}
