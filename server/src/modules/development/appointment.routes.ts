/** HTTP for appointments (a published final result into CPNS/PPPK records) and CPNS probation. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppointBody, AppointmentImportResponse, AppointResponse, CandidatesResponse, EmployeeImportQuery, MyProbationResponse, ProbationListResponse, RemindedResponse, SheetFormatQuery } from '../../../../common/contracts/development.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { AppointmentService } from './appointment.service.ts';

const BKPSDM = ['admin', 'training_admin'] as const;
const Id = z.strictObject({ id: z.uuid() });
const SHEET_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export function registerAppointmentRoutes(base: FastifyInstance, appointments: AppointmentService) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['development'];
  app.get('/api/v1/appointments/periods/:id', { config: { access: BKPSDM }, schema: { tags, summary: 'Pelamar berstatus L di hasil akhir yang diumumkan, dan yang sudah dicatat', params: z.strictObject({ id: z.uuid() }), response: { 200: CandidatesResponse } } }, async (req) => appointments.candidates(req.params.id));
  app.get('/api/v1/appointments/periods/:id/sheet', { config: { access: BKPSDM }, schema: { tags, summary: 'Lembar pengangkatan periode (XLSX/CSV): isi NIP dan TMT', params: Id, querystring: SheetFormatQuery } }, async (req, reply) =>
    reply.type(SHEET_TYPES[req.query.format]).header('content-disposition', `attachment; filename="pengangkatan.${req.query.format}"`).send(await appointments.sheet(req.params.id, req.query.format)),
  );
  app.post('/api/v1/appointments/periods/:id/import', { config: { access: BKPSDM }, schema: { tags, summary: 'Periksa (commit=false) atau catat lembar pengangkatan: semua baris terisi atau tidak sama sekali', params: Id, querystring: EmployeeImportQuery, response: { 200: AppointmentImportResponse } } }, async (req) => {
    const file = await readUploadedFile(req, { maxBytes: 5 * 1024 * 1024, what: { id: 'lembar pengangkatan (XLSX atau CSV)', en: 'appointment sheet (XLSX or CSV)' } });
    return appointments.importSheet(req.actor!, req.params.id, file.data, sheetFormatOf(file), req.query.commit);
  });
  app.post('/api/v1/appointments', { config: { access: BKPSDM }, schema: { tags, summary: 'Catat NIP/NI PPPK dan TMT: data CPNS/PPPK dibuat, akun menjadi pegawai, Latsar/orientasi didaftarkan', body: AppointBody, response: { 201: AppointResponse } } }, async (req, reply) => reply.status(201).send(await appointments.appoint(req.actor!, req.body)));
  app.get('/api/v1/probation', { config: { access: [...BKPSDM, 'supervisor'] }, schema: { tags, summary: 'Masa percobaan CPNS (BKPSDM: semua; atasan: unitnya), yang berisiko lebih dulu', response: { 200: ProbationListResponse } } }, async (req) => appointments.probations(req.actor!));
  app.post('/api/v1/probation/reminders', { config: { access: BKPSDM }, schema: { tags, summary: 'Kirim pengingat ke CPNS yang masa percobaannya berisiko dan atasannya', response: { 200: RemindedResponse } } }, async (req) => appointments.remind(req.actor!));
  app.get('/api/v1/me/probation', { config: { access: 'signed-in' }, schema: { tags, summary: 'Masa percobaan CPNS saya', response: { 200: MyProbationResponse } } }, async (req) => appointments.mine(req.actor!));
}
