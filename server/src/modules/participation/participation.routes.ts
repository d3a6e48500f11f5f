/**
 * HTTP for participation: complaints, SKM/IKM surveys, observers and their findings, open data,
 * consultations and forums, registered from the declarations in
 * common/contracts/participation.endpoints.ts.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { DATASET_IDS } from '../../../../common/contracts/participation.ts';
import { participationEndpoints as E } from '../../../../common/contracts/participation.endpoints.ts';
import { sendDocument } from '../../http/documents.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile } from '../../http/upload.ts';
import type { ComplaintsService } from './complaints.service.ts';
import type { ObserversService } from './observers.service.ts';
import type { OpenDataService } from './open-data.service.ts';
import type { ConsultationsService } from './consultations.service.ts';
import type { ForumsService } from './forums.service.ts';
import type { SurveysService } from './surveys.service.ts';

export { COMPLAINT_STAFF } from '../../../../common/contracts/participation.endpoints.ts';

export interface ParticipationRouteDeps {
  complaints: ComplaintsService;
  surveys: SurveysService;
  observers: ObserversService;
  openData: OpenDataService;
  consultations: ConsultationsService;
  forums: ForumsService;
}

export function participationRoutes(deps: ParticipationRouteDeps): FastifyPluginAsync {
  return async (app) => {
    route(app, E.challenge, (req, reply) => {
      reply.header('cache-control', 'no-store');
      return req.query.purpose === 'complaint' ? deps.complaints.challenge() : deps.surveys.challenge();
    });
    complaintRoutes(app, deps.complaints);
    surveyRoutes(app, deps.surveys);
    observerRoutes(app, deps.observers);
    openDataRoutes(app, deps.openData);
    consultationRoutes(app, deps.consultations);
    forumRoutes(app, deps.forums);
  };
}

function complaintRoutes(app: FastifyInstance, complaints: ComplaintsService) {
  route(app, E.fileComplaint, (req) => complaints.file(req.actor, req.body, req.ip));
  route(app, E.attachComplaint, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: complaints.limits.attachmentMaxBytes,
      what: { id: 'berkas lampiran (JPG atau PDF)', en: 'attachment (JPG or PDF)' },
    });
    return complaints.attach(req.params.trackingId, file.data, req.ip);
  });
  route(app, E.trackComplaint, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return complaints.track(req.params.trackingId);
  });
  route(app, E.replyComplaint, (req) =>
    complaints.reporterAction(req.params.trackingId, req.body.action, req.body.body, req.ip),
  );
  route(app, E.complaintStatistics, () => complaints.statistics());

  route(app, E.staffComplaints, (req) => complaints.list(req.actor!, req.query));
  route(app, E.staffComplaint, (req) => complaints.detail(req.actor!, req.params.id));
  route(app, E.complaintAttachment, async (req, reply) => {
    const file = await complaints.attachment(req.actor!, req.params.id, req.params.attachmentId);
    return sendDocument(reply, {
      data: file.data,
      mime: file.mime,
      name: `lampiran-pengaduan.${file.mime === 'application/pdf' ? 'pdf' : 'jpg'}`,
    });
  });
  route(app, E.complaintHandoff, async (req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', 'attachment; filename="penerusan-lapor.txt"')
      .send(await complaints.handoff(req.actor!, req.params.id)),
  );
  route(app, E.disposeComplaint, async (req) => {
    await complaints.dispose(req.actor!, req.params.id, req.body);
    return complaints.detail(req.actor!, req.params.id);
  });
  route(app, E.rejectComplaint, async (req) => {
    await complaints.reject(req.actor!, req.params.id, req.body.reason);
    return complaints.detail(req.actor!, req.params.id);
  });
  route(app, E.redactComplaintEvent, (req) =>
    complaints.redactEvent(req.actor!, req.params.id, req.params.eventId, req.body.phrase),
  );
  route(app, E.followUpComplaint, async (req) => {
    await complaints.followUp(req.actor!, req.params.id, req.body.body);
    return complaints.detail(req.actor!, req.params.id);
  });
  route(app, E.settings, async () => {
    const { sla, bands } = await complaints.settings();
    return { sla, bands: [...bands] };
  });
  route(app, E.saveSla, (req) => complaints.saveSla(req.actor!, req.body));
}

function surveyRoutes(app: FastifyInstance, surveys: SurveysService) {
  route(app, E.saveBands, async (req) => ({ bands: await surveys.saveBands(req.actor!, req.body.bands) }));
  route(app, E.serviceUnits, async () => ({ units: await surveys.units() }));
  route(app, E.createServiceUnit, (req) => surveys.createUnit(req.actor!, req.body));
  route(app, E.serviceUnit, (req) => surveys.unit(req.params.unitId));
  route(app, E.respondSurvey, (req) => surveys.respond(req.actor, req.params.unitId, req.body, req.ip));
  route(app, E.surveyResults, (req) => surveys.results(req.params.unitId, req.query.period));
  route(app, E.surveyPoster, async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="poster-skm-${req.params.unitId}.pdf"`)
      .send(await surveys.poster(req.params.unitId)),
  );
}

function observerRoutes(app: FastifyInstance, observers: ObserversService) {
  route(app, E.applyAccreditation, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: observers.limits.letterMaxBytes,
      what: { id: 'surat permohonan (PDF)', en: 'application letter (PDF)' },
    });
    return observers.apply(req.actor!, req.query, file.data);
  });
  route(app, E.myAccreditations, async (req) => ({ accreditations: await observers.mine(req.actor!) }));
  route(app, E.accreditations, async (req) => ({
    accreditations: await observers.list(req.actor!, req.query.periodId),
  }));
  route(app, E.accreditationLetter, async (req, reply) =>
    sendDocument(reply, {
      data: await observers.letter(req.params.id),
      mime: 'application/pdf',
      name: 'surat-permohonan-pemantau.pdf',
    }),
  );
  route(app, E.decideAccreditation, async (req) => {
    await observers.decide(req.actor!, req.params.id, req.body);
    return { ok: true as const };
  });
  route(app, E.processView, (req) => observers.processView(req.actor!, req.params.periodId));
  route(app, E.fileFinding, (req) => observers.fileFinding(req.actor!, req.params.periodId, req.body));
  route(app, E.addFindingEvidence, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: observers.limits.evidenceMaxBytes,
      what: { id: 'berkas bukti (PDF atau JPG)', en: 'evidence file (PDF or JPG)' },
    });
    return observers.addEvidence(req.actor!, req.params.id, file.data);
  });
  route(app, E.findings, async (req) => ({ findings: await observers.findings(req.actor!, req.query.periodId) }));
  route(app, E.findingEvidence, async (req, reply) => {
    const f = await observers.evidence(req.actor!, req.params.id);
    return sendDocument(reply, {
      data: f.data,
      mime: f.mime,
      name: `bukti-temuan.${f.mime === 'application/pdf' ? 'pdf' : 'jpg'}`,
    });
  });
  route(app, E.answerFinding, async (req) => {
    await observers.answerFinding(req.actor!, req.params.id, req.body.answer);
    return { ok: true as const };
  });
  route(app, E.redactFinding, (req) => observers.redactAnswer(req.actor!, req.params.id, req.body.phrase));
  route(app, E.publicFindings, async (req) => ({ findings: await observers.publicFindings(req.query.periodId) }));
}

function openDataRoutes(app: FastifyInstance, openData: OpenDataService) {
  route(app, E.openDataCatalog, () => openData.catalog());
  route(app, E.openDataFile, async (req, reply) => {
    const [id, format] = req.params.file.split('.') as [(typeof DATASET_IDS)[number], 'csv' | 'json'];
    const f = await openData.file(id, format);
    return reply
      .type(f.contentType)
      .header('content-disposition', `inline; filename="${req.params.file}"`)
      .header('x-content-sha256', f.sha256)
      .header('last-modified', f.updatedAt.toUTCString())
      .send(f.body);
  });
}

function consultationRoutes(app: FastifyInstance, consultations: ConsultationsService) {
  route(app, E.consultations, async (req) => ({ consultations: await consultations.list(req.actor) }));
  route(app, E.consultation, (req) => consultations.view(req.params.id, req.actor));
  route(app, E.createConsultation, (req) => consultations.create(req.actor!, req.body));
  route(app, E.updateConsultation, async (req) => {
    await consultations.update(req.actor!, req.params.id, req.body);
    return consultations.view(req.params.id, req.actor);
  });
  route(app, E.openConsultation, async (req) => {
    await consultations.open(req.actor!, req.params.id, req.body);
    return consultations.view(req.params.id, req.actor);
  });
  route(app, E.finalizeConsultation, async (req) => {
    await consultations.finalize(req.actor!, req.params.id, req.body);
    return consultations.view(req.params.id, req.actor);
  });
  route(app, E.closeConsultation, async (req) => {
    await consultations.close(req.actor!, req.params.id);
    return consultations.view(req.params.id, req.actor);
  });
  route(app, E.myParticipation, (req) => consultations.myParticipation(req.actor!));
  route(app, E.commentSection, (req) => consultations.comment(req.actor!, req.params.id, req.body.body));
  route(app, E.hideComment, async (req) => {
    await consultations.hide(req.actor!, req.params.id, req.body.reason);
    return { ok: true as const };
  });
  route(app, E.answerComment, async (req) => {
    await consultations.answer(req.actor!, req.params.id, req.body.answer);
    return { ok: true as const };
  });
}

function forumRoutes(app: FastifyInstance, forums: ForumsService) {
  route(app, E.forums, async () => ({ forums: await forums.list() }));
  route(app, E.forum, (req) => forums.view(req.params.id, req.actor));
  route(app, E.createForum, (req) => forums.create(req.actor!, req.body));
  route(app, E.registerForum, async (req) => {
    await forums.register(req.actor!, req.params.id);
    return forums.view(req.params.id, req.actor);
  });
  route(app, E.unregisterForum, async (req) => {
    await forums.unregister(req.actor!, req.params.id);
    return forums.view(req.params.id, req.actor);
  });
  route(app, E.forumMinutes, async (req) => {
    await forums.minutes(req.actor!, req.params.id, req.body);
    return forums.view(req.params.id, req.actor);
  });
  route(app, E.forumActionDone, async (req) => {
    await forums.actionDone(req.actor!, req.params.id, req.body.note);
    return { ok: true as const };
  });
}
