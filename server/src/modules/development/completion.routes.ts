/** HTTP for completing a training, registered from common/contracts/development.endpoints.ts: meetings and the rotating QR, scans, marks, scores, certificates, feedback. */
import type { FastifyInstance } from 'fastify';
import {
  certificateCheckEndpoints as P,
  completionEndpoints as C,
} from '../../../../common/contracts/development.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { CompletionService } from './completion.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerCompletionRoutes(app: FastifyInstance, completion: CompletionService) {
  // ── meetings and attendance ──
  route(app, C.meetings, async (req) => ({ meetings: await completion.meetings(req.actor!, req.params.id) }));
  route(app, C.addMeeting, (req) => completion.addMeeting(req.actor!, req.params.id, req.body));
  route(app, C.meetingQr, (req, reply) => {
    reply.header('cache-control', 'no-store');
    return completion.meetingQr(req.params.id);
  });
  route(app, C.scan, (req) => completion.scan(req.actor!, req.body));
  route(app, C.mark, (req) => completion.mark(req.actor!, req.params.id, req.body));
  route(app, C.attendance, (req) => completion.attendance(req.actor!, req.params.id));
  route(app, C.attendanceSheet, async (req, reply) =>
    reply
      .type(XLSX)
      .header('content-disposition', 'attachment; filename="kehadiran-angkatan.xlsx"')
      .send(await completion.attendanceSheet(req.actor!, req.params.id)),
  );

  // ── tests and the assignment ──
  route(app, C.setScores, (req) => completion.setScores(req.actor!, req.params.id, req.body));

  // ── certificates ──
  route(app, C.certificates, async (req) => ({ certificates: await completion.certificates(req.params.id) }));
  route(app, C.issueCertificates, (req) =>
    completion.issueCertificates(req.actor!, req.params.id, req.body.enrollmentIds),
  );
  route(app, C.revokeCertificate, async (req) => {
    await completion.revokeCertificate(req.actor!, req.params.id, req.body.reason);
    return { ok: true as const };
  });
  route(app, C.certificatePdf, async (req, reply) => {
    const c = await completion.certificatePdf(req.actor!, req.params.id);
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="sertifikat-${c.number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf"`,
      )
      .send(c.pdf);
  });
  route(app, P.verifyCertificate, (req) => completion.verifyCertificate(req.params.id, req.query.s));

  // ── feedback ──
  route(app, C.giveFeedback, async (req) => {
    await completion.giveFeedback(req.actor!, req.params.id, req.body);
    return { ok: true as const };
  });
  route(app, C.feedbackByPartner, () => completion.feedbackByPartner());
  route(app, C.feedback, (req) => completion.feedback(req.params.id));
}
