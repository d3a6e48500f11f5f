/** HTTP for development: ASN records, their sheet import/export. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BatchBody, BatchScheduleBody, BatchView, CancelResponse, ClaimDecisionBody, ClaimListQuery, ClaimListResponse, ClaimSubmittedResponse, CreatedResponse, EmployeeImportQuery, EmployeeImportResponse, EmployeeListQuery, EmployeeListResponse, EmployeeView, EnrollBody, EnrollResponse, FinishBody, FinishResponse, JpClaimBody, JpReportQuery, JpReportResponse, MyTrainingResponse,
  OkResponse, PartnerBody, PartnerCreatedResponse, PartnerListResponse, ProgramBody, ProgramListResponse, RemindedResponse, SheetFormatQuery,
} from '../../../../common/contracts/development.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { EmployeesService } from './employees.service.ts';
import type { TrainingService } from './training.service.ts';
import type { CompletionService } from './completion.service.ts';
import { registerCompletionRoutes } from './completion.routes.ts';
import type { AppointmentService } from './appointment.service.ts';
import { registerAppointmentRoutes } from './appointment.routes.ts';

const Id = z.strictObject({ id: z.uuid() });
const BKPSDM = ['admin', 'training_admin'] as const;
const MAX_SHEET = 20 * 1024 * 1024;
const SHEET_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export function developmentRoutes(employees: EmployeesService, training: TrainingService, completion: CompletionService, appointments: AppointmentService): FastifyPluginAsync {
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

    // ── training ──
    const staff = [...BKPSDM, 'supervisor'] as const;
    app.get('/api/v1/training/partners', { config: { access: staff }, schema: { tags, summary: 'Mitra pelaksana pelatihan', response: { 200: PartnerListResponse } } }, async () => ({ partners: await training.partners() }));
    app.post('/api/v1/training/partners', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Tambah mitra pelaksana', body: PartnerBody, response: { 201: PartnerCreatedResponse } } }, async (req, reply) => reply.status(201).send(await training.createPartner(req.actor!, req.body)));
    app.get('/api/v1/training/programs', { config: { access: staff }, schema: { tags, summary: 'Katalog program pelatihan dengan angkatannya', response: { 200: ProgramListResponse } } }, async () => ({ programs: await training.programs() }));
    app.post('/api/v1/training/programs', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Tambah program pelatihan', body: ProgramBody, response: { 201: CreatedResponse } } }, async (req, reply) => reply.status(201).send(await training.createProgram(req.actor!, req.body)));
    app.post('/api/v1/training/programs/:id/batches', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Tambah angkatan', params: Id, body: BatchBody, response: { 201: CreatedResponse } } }, async (req, reply) => reply.status(201).send(await training.createBatch(req.actor!, req.params.id, req.body)));
    app.put('/api/v1/training/batches/:id/schedule', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Ubah tanggal angkatan (dengan alasan)', params: Id, body: BatchScheduleBody, response: { 200: OkResponse } } }, async (req) => {
      await training.reschedule(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.get('/api/v1/training/batches/:id', { config: { access: staff }, schema: { tags, summary: 'Angkatan dan pesertanya', params: Id, response: { 200: BatchView } } }, async (req) => training.batch(req.actor!, req.params.id));
    app.post('/api/v1/training/batches/:id/enrollments', { config: { access: ['training_admin', 'supervisor'] }, schema: { tags, summary: 'Daftarkan/usulkan pegawai (kuota, lalu daftar tunggu)', params: Id, body: EnrollBody, response: { 201: EnrollResponse } } }, async (req, reply) => reply.status(201).send(await training.enroll(req.actor!, req.params.id, req.body.employeeId)));
    app.post('/api/v1/training/enrollments/:id/cancel', { config: { access: ['training_admin', 'supervisor'] }, schema: { tags, summary: 'Batalkan pendaftaran (daftar tunggu naik otomatis)', params: Id, response: { 200: CancelResponse } } }, async (req) => training.cancel(req.actor!, req.params.id));
    app.post('/api/v1/training/batches/:id/finish', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Nyatakan peserta selesai (JP masuk catatan) atau tidak selesai', params: Id, body: FinishBody, response: { 200: FinishResponse } } }, async (req) => training.finish(req.actor!, req.params.id, req.body));
    app.get('/api/v1/training/jp', { config: { access: staff }, schema: { tags, summary: 'Pemenuhan 20 JP per tahun (BKPSDM: semua; atasan: unitnya)', querystring: JpReportQuery, response: { 200: JpReportResponse } } }, async (req) => training.jpReport(req.actor!, req.query.year, req.query.organizationId));
    app.get('/api/v1/training/jp.xlsx', { config: { access: staff }, schema: { tags, summary: 'Ekspor JP per pegawai setahun (XLSX) untuk rencana pengembangan kompetensi', querystring: JpReportQuery.pick({ year: true }) } }, async (req, reply) =>
      reply.type(SHEET_TYPES.xlsx).header('content-disposition', `attachment; filename="jp-${req.query.year}.xlsx"`).send(await training.jpSheet(req.actor!, req.query.year)),
    );
    app.post('/api/v1/training/jp/reminders', { config: { access: BKPSDM }, schema: { tags, summary: 'Ingatkan pegawai yang belum memenuhi 20 JP tahun ini', body: JpReportQuery.pick({ year: true }), response: { 200: RemindedResponse } } }, async (req) => training.remindShort(req.actor!, req.body.year));
    app.post('/api/v1/me/jp-claims', { config: { access: 'signed-in' }, schema: { tags, summary: 'Laporkan kegiatan pengembangan di luar pelatihan (klaim JP)', body: JpClaimBody, response: { 201: ClaimSubmittedResponse } } }, async (req, reply) => reply.status(201).send(await training.submitClaim(req.actor!, req.body)));
    app.get('/api/v1/training/jp-claims', { config: { access: staff }, schema: { tags, summary: 'Klaim JP yang diputuskan atasan/BKPSDM', querystring: ClaimListQuery, response: { 200: ClaimListResponse } } }, async (req) => ({ claims: await training.claims(req.actor!, req.query.status) }));
    app.post('/api/v1/training/jp-claims/:id/decision', { config: { access: staff }, schema: { tags, summary: 'Setujui (JP masuk catatan) atau tolak klaim JP', params: Id, body: ClaimDecisionBody, response: { 200: OkResponse } } }, async (req) => {
      await training.decideClaim(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.get('/api/v1/me/training', { config: { access: 'signed-in' }, schema: { tags, summary: 'Pelatihan dan JP saya', querystring: JpReportQuery.pick({ year: true }), response: { 200: MyTrainingResponse } } }, async (req) => {
      const mine = await training.mine(req.actor!, req.query.year);
      const more = await completion.mine(req.actor!.accountId);
      return { ...mine, certificates: more.certificates, enrollments: mine.enrollments.map((e) => ({ ...e, feedbackGiven: more.feedbackGiven.has(e.id), attended: more.attended.has(e.id) })) };
    });
    registerCompletionRoutes(app, completion);
    registerAppointmentRoutes(app, appointments);
  };
}
