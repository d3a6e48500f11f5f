/** HTTP for development: ASN records, their sheet import/export. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmployeeImportQuery, EmployeeImportResponse, EmployeeListQuery, EmployeeListResponse, EmployeeView, SheetFormatQuery } from '../../../../common/contracts/development.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { EmployeesService } from './employees.service.ts';

const Id = z.strictObject({ id: z.uuid() });
const BKPSDM = ['admin', 'training_admin'] as const;
const MAX_SHEET = 20 * 1024 * 1024;
const SHEET_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export function developmentRoutes(employees: EmployeesService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['development'];

    app.get('/api/v1/employees', {
      config: { access: [...BKPSDM, 'supervisor'] },
      schema: { tags, summary: 'Data pegawai (BKPSDM: semua; atasan: unitnya)', querystring: EmployeeListQuery, response: { 200: EmployeeListResponse } },
    }, async (req) => employees.list(req.actor!, req.query));
    app.get('/api/v1/me/employee', { config: { access: 'signed-in' }, schema: { tags, summary: 'Data kepegawaian saya', response: { 200: EmployeeView } } }, async (req) => employees.mine(req.actor!));
    app.get('/api/v1/employees/template', { config: { access: BKPSDM }, schema: { tags, summary: 'Templat data pegawai (XLSX/CSV)', querystring: SheetFormatQuery } }, async (req, reply) =>
      reply.type(SHEET_TYPES[req.query.format]).header('content-disposition', `attachment; filename="templat-data-pegawai.${req.query.format}"`).send(await employees.template(req.query.format)),
    );
    app.get('/api/v1/employees/export', { config: { access: BKPSDM }, schema: { tags, summary: 'Ekspor data pegawai (format sama dengan impor)', querystring: SheetFormatQuery } }, async (req, reply) =>
      reply.type(SHEET_TYPES[req.query.format]).header('content-disposition', `attachment; filename="data-pegawai.${req.query.format}"`).send(await employees.exportSheet(req.actor!, req.query.format)),
    );
    app.post('/api/v1/employees/import', {
      config: { access: BKPSDM },
      schema: { tags, summary: 'Periksa (commit=false) atau impor data pegawai dari XLSX/CSV: semua baris atau tidak sama sekali', querystring: EmployeeImportQuery, response: { 200: EmployeeImportResponse } },
    }, async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_SHEET, what: { id: 'berkas XLSX atau CSV data pegawai', en: 'employee XLSX or CSV file' } });
      return employees.importSheet(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    app.get('/api/v1/employees/:id', { config: { access: [...BKPSDM, 'supervisor'] }, schema: { tags, summary: 'Satu data pegawai', params: Id, response: { 200: EmployeeView } } }, async (req) => employees.get(req.actor!, req.params.id));
  };
}
