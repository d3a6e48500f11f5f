/** HTTP for appointments (a published final result into CPNS/PPPK records) and CPNS probation, registered from common/contracts/development.endpoints.ts. */
import type { FastifyInstance } from 'fastify';
import { appointmentEndpoints as A } from '../../../../common/contracts/development.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { AppointmentService } from './appointment.service.ts';

const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function registerAppointmentRoutes(app: FastifyInstance, appointments: AppointmentService) {
  route(app, A.candidates, (req) => appointments.candidates(req.params.id));
  route(app, A.sheet, async (req, reply) =>
    reply
      .type(SHEET_TYPES[req.query.format])
      .header('content-disposition', `attachment; filename="pengangkatan.${req.query.format}"`)
      .send(await appointments.sheet(req.params.id, req.query.format)),
  );
  route(app, A.importSheet, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: 5 * 1024 * 1024,
      what: { id: 'lembar pengangkatan (XLSX atau CSV)', en: 'appointment sheet (XLSX or CSV)' },
    });
    return appointments.importSheet(req.actor!, req.params.id, file.data, sheetFormatOf(file), req.query.commit);
  });
  route(app, A.appoint, (req) => appointments.appoint(req.actor!, req.body));
  route(app, A.probations, (req) => appointments.probations(req.actor!));
  route(app, A.remind, (req) => appointments.remind(req.actor!));
  route(app, A.mine, (req) => appointments.mine(req.actor!));
}
