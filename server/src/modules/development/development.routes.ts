/** HTTP for development, registered from the declarations in common/contracts/development.endpoints.ts: ASN records, training and the JP ledger. */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { employeeEndpoints as EM, trainingEndpoints as T } from '../../../../common/contracts/development.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { EmployeesService } from './employees.service.ts';
import type { TrainingService } from './training.service.ts';
import type { CompletionService } from './completion.service.ts';
import { registerCompletionRoutes } from './completion.routes.ts';
import type { AppointmentService } from './appointment.service.ts';
import { registerAppointmentRoutes } from './appointment.routes.ts';

const MAX_SHEET = 20 * 1024 * 1024;
const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function registerEmployeeRoutes(app: FastifyInstance, employees: EmployeesService) {
  route(app, EM.list, (req) => employees.list(req.actor!, req.query));
  route(app, EM.mine, (req) => employees.mine(req.actor!));
  route(app, EM.template, async (req, reply) =>
    reply
      .type(SHEET_TYPES[req.query.format])
      .header('content-disposition', `attachment; filename="templat-data-pegawai.${req.query.format}"`)
      .send(await employees.template(req.query.format)),
  );
  route(app, EM.exportSheet, async (req, reply) =>
    reply
      .type(SHEET_TYPES[req.query.format])
      .header('content-disposition', `attachment; filename="data-pegawai.${req.query.format}"`)
      .send(await employees.exportSheet(req.actor!, req.query.format)),
  );
  route(app, EM.importSheet, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: MAX_SHEET,
      what: { id: 'berkas XLSX atau CSV data pegawai', en: 'employee XLSX or CSV file' },
    });
    return employees.importSheet(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
  });
  route(app, EM.get, (req) => employees.get(req.actor!, req.params.id));
}

function registerTrainingRoutes(app: FastifyInstance, training: TrainingService, completion: CompletionService) {
  route(app, T.partners, async () => ({ partners: await training.partners() }));
  route(app, T.createPartner, (req) => training.createPartner(req.actor!, req.body));
  route(app, T.programs, async () => ({ programs: await training.programs() }));
  route(app, T.createProgram, (req) => training.createProgram(req.actor!, req.body));
  route(app, T.createBatch, (req) => training.createBatch(req.actor!, req.params.id, req.body));
  route(app, T.reschedule, async (req) => {
    await training.reschedule(req.actor!, req.params.id, req.body);
    return { ok: true as const };
  });
  route(app, T.batch, (req) => training.batch(req.actor!, req.params.id));
  route(app, T.enroll, (req) => training.enroll(req.actor!, req.params.id, req.body.employeeId));
  route(app, T.cancel, (req) => training.cancel(req.actor!, req.params.id));
  route(app, T.finish, (req) => training.finish(req.actor!, req.params.id, req.body));
  route(app, T.jpReport, (req) => training.jpReport(req.actor!, req.query.year, req.query.organizationId));
  route(app, T.jpSheet, async (req, reply) =>
    reply
      .type(SHEET_TYPES.xlsx)
      .header('content-disposition', `attachment; filename="jp-${req.query.year}.xlsx"`)
      .send(await training.jpSheet(req.actor!, req.query.year)),
  );
  route(app, T.remindShort, (req) => training.remindShort(req.actor!, req.body.year));
  route(app, T.submitClaim, (req) => training.submitClaim(req.actor!, req.body));
  route(app, T.claims, async (req) => ({ claims: await training.claims(req.actor!, req.query.status) }));
  route(app, T.decideClaim, async (req) => {
    await training.decideClaim(req.actor!, req.params.id, req.body);
    return { ok: true as const };
  });
  route(app, T.mine, async (req) => {
    const mine = await training.mine(req.actor!, req.query.year);
    const more = await completion.mine(req.actor!.accountId);
    return {
      ...mine,
      certificates: more.certificates,
      enrollments: mine.enrollments.map((e) => ({
        ...e,
        feedbackGiven: more.feedbackGiven.has(e.id),
        attended: more.attended.has(e.id),
      })),
    };
  });
}

export function developmentRoutes(
  employees: EmployeesService,
  training: TrainingService,
  completion: CompletionService,
  appointments: AppointmentService,
): FastifyPluginAsync {
  return async (app) => {
    registerEmployeeRoutes(app, employees);
    registerTrainingRoutes(app, training, completion);
    registerCompletionRoutes(app, completion);
    registerAppointmentRoutes(app, appointments);
  };
}
