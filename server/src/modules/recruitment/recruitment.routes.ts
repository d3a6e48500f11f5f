/** HTTP for recruitment, registered from the declarations in common/contracts/recruitment.endpoints.ts. */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { msg } from '../../../../common/contracts/messages.ts';
import { recruitmentEndpoints as E } from '../../../../common/contracts/recruitment.endpoints.ts';
import { AppError } from '../../errors.ts';
import { sendDocument } from '../../http/documents.ts';
import { route } from '../../http/endpoints.ts';
import { readMultipartForm, readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { AnnouncementService } from './announcements.service.ts';
import type { ExamScheduleService } from './exam-schedule.service.ts';
import type { ObjectionService } from './objections.service.ts';
import type { PeriodCommitteeService } from './period-committee.service.ts';
import type { HolidayService } from './holidays.service.ts';
import { registerHolidayRoutes } from './holidays.routes.ts';
import type { RecruitmentService } from './recruitment.service.ts';
import type { VerificationService } from './verification.service.ts';

export interface RecruitmentRouteServices {
  recruitment: RecruitmentService;
  verification: VerificationService;
  announcements: AnnouncementService;
  objections: ObjectionService;
  examSchedule: ExamScheduleService;
  periodCommittee: PeriodCommitteeService;
  holidays: HolidayService;
}

const MAX_UPLOAD = 2 * 1024 * 1024; // above every rule-set limit; the rule set decides per document
const ok = { ok: true as const };
const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The public catalog and card check, and the committee's periods, members and formations. */
function periodRoutes(app: FastifyInstance, { recruitment, periodCommittee }: RecruitmentRouteServices) {
  route(app, E.publicPeriods, async () => ({ periods: await recruitment.listPeriods() }));
  route(app, E.catalog, (req) => recruitment.catalog(req.query));
  route(app, E.verifyCard, (req) => recruitment.verifyCard(req.params.registrationNo, req.query.s));
  route(app, E.periods, async (req) => ({ periods: await recruitment.listPeriods(req.actor!) }));
  route(app, E.committeeMembers, async (req) => ({ members: await periodCommittee.members(req.params.id) }));
  route(app, E.committeeAccounts, async () => ({ accounts: await periodCommittee.committeeAccounts() }));
  route(
    app,
    E.addCommitteeMember,
    async (req) => (await periodCommittee.addMember(req.actor!, req.params.id, req.body.accountId), ok),
  );
  route(
    app,
    E.removeCommitteeMember,
    async (req) => (await periodCommittee.removeMember(req.actor!, req.params.id, req.params.accountId), ok),
  );
  route(app, E.createPeriod, (req) => recruitment.createPeriod(req.actor!, req.body));
  route(app, E.updateStages, (req) => recruitment.updateStages(req.actor!, req.params.id, req.body.stages));
  route(app, E.updateRuleSet, (req) => recruitment.updateRuleSet(req.actor!, req.params.id, req.body));
}

/** Formations, verifiers, announcements, sanggah and the exam schedule of a period. */
function committeeRoutes(
  app: FastifyInstance,
  { recruitment, verification, announcements, objections, examSchedule }: RecruitmentRouteServices,
) {
  route(app, E.createFormation, (req) => recruitment.createFormation(req.actor!, req.params.id, req.body));
  route(app, E.importFormations, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: MAX_UPLOAD,
      what: { id: 'berkas XLSX atau CSV', en: 'XLSX or CSV file' },
    });
    return recruitment.importFormations(req.actor!, req.params.id, file.data, sheetFormatOf(file));
  });
  route(app, E.exportFormations, async (req, reply) => {
    const data = await recruitment.exportFormations(req.params.id, req.query.format);
    reply.header('content-disposition', `attachment; filename="formasi.${req.query.format}"`);
    return reply.type(SHEET_TYPES[req.query.format]).send(data);
  });
  route(app, E.verifierAccounts, async () => ({ verifiers: await verification.verifierAccounts() }));
  route(app, E.periodVerifiers, async (req) => ({ verifiers: await verification.periodVerifiers(req.params.id) }));
  route(
    app,
    E.assignVerifier,
    async (req) => (await verification.assignVerifier(req.actor!, req.params.id, req.body.accountId), ok),
  );
  route(
    app,
    E.unassignVerifier,
    async (req) => (await verification.unassignVerifier(req.actor!, req.params.id, req.params.accountId), ok),
  );
  route(app, E.announcements, async (req) => ({ announcements: await announcements.announcements(req.params.id) }));
  route(app, E.proposeAnnouncement, (req) => announcements.proposeAnnouncement(req.actor!, req.params.id, req.body));
  route(app, E.decideAnnouncement, (req) => announcements.decideAnnouncement(req.actor!, req.params.id, req.body));
  route(app, E.objections, async (req) => ({ objections: await objections.objections(req.params.id) }));
  route(
    app,
    E.answerObjection,
    async (req) => (await objections.answerObjection(req.actor!, req.params.id, req.body), ok),
  );
  route(app, E.objectionEvidence, async (req, reply) => {
    const f = await objections.readObjectionEvidence(req.params.id, req.actor!);
    return sendDocument(reply, {
      data: f.data,
      mime: f.mime,
      name: `bukti-sanggah.${f.mime === 'application/pdf' ? 'pdf' : 'jpg'}`,
    });
  });
  route(app, E.examSites, async (req) => ({ sites: await examSchedule.schedule(req.params.id) }));
  route(app, E.createSite, (req) => examSchedule.createSite(req.actor!, req.params.id, req.body));
  route(app, E.createSession, (req) => examSchedule.createSession(req.actor!, req.params.id, req.body));
  route(app, E.assignSessions, (req) => examSchedule.assignSessions(req.actor!, req.params.id));
}

/** The applicant's biodata, application, documents, cards and sanggah. */
function applicantRoutes(app: FastifyInstance, { recruitment, objections, examSchedule }: RecruitmentRouteServices) {
  route(app, E.profile, async (req) => ({ profile: await recruitment.getProfile(req.actor!) }));
  route(app, E.saveProfile, async (req) => ({ profile: await recruitment.saveProfile(req.actor!, req.body) }));
  route(app, E.myApplications, async (req) => ({ applications: await recruitment.myApplications(req.actor!) }));
  route(app, E.apply, (req) => recruitment.apply(req.actor!, req.body));
  route(app, E.myApplication, (req) => recruitment.myApplication(req.actor!, req.params.id));
  route(app, E.deleteDraft, async (req) => (await recruitment.deleteDraft(req.actor!, req.params.id), ok));
  route(app, E.uploadDocument, async (req) => {
    const { file } = await readMultipartForm(req, { maxBytes: MAX_UPLOAD });
    if (!file) throw new AppError('VALIDATION_FAILED', msg('Pilih berkas untuk diunggah.', 'Choose a file to upload.'));
    return recruitment.uploadDocument(
      req.actor!,
      req.params.id,
      req.params.kind,
      file.data,
      file.filename,
      file.overBytes,
    );
  });
  route(app, E.document, async (req, reply) =>
    sendDocument(reply, await recruitment.readDocument(req.actor!, req.params.id, req.params.kind)),
  );
  route(app, E.submit, (req) => recruitment.submit(req.actor!, req.params.id));
  route(app, E.timeline, async (req) => ({ events: await recruitment.timeline(req.actor!, req.params.id) }));
  route(app, E.registrationCard, async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="kartu-pendaftaran.pdf"')
      .send(await recruitment.registrationCard(req.actor!, req.params.id)),
  );
  route(app, E.examCard, async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="kartu-ujian.pdf"')
      .send(await examSchedule.examCard(req.actor!, req.params.id)),
  );
  route(app, E.fileObjection, async (req) => {
    const { fields, file } = await readMultipartForm(req, { maxBytes: MAX_UPLOAD });
    return objections.fileObjection(req.actor!, req.params.id, {
      reason: fields.reason ?? '',
      evidence: file?.data ?? null,
    });
  });
}

/** Administrative verification: the reasons, the queue, claiming, marking and reviewing files. */
function verificationRoutes(app: FastifyInstance, { verification }: RecruitmentRouteServices) {
  route(app, E.tmsReasons, () => ({
    reasons: verification.tmsReasons().map((r) => ({ code: r.code, id: r.id, en: r.en, sources: [...r.sources] })),
  }));
  route(app, E.queue, (req) =>
    verification.queue(req.actor!, req.query.periodId, { ...req.query, mine: req.query.mine === 'true' }),
  );
  route(app, E.claim, (req) => verification.claim(req.actor!, req.body.periodId, req.body.count));
  route(app, E.verificationDetail, (req) => verification.detail(req.actor!, req.params.id));
  route(
    app,
    E.markDocument,
    async (req) => (await verification.markDocument(req.actor!, req.params.id, req.params.kind, req.body), ok),
  );
  route(
    app,
    E.proposeVerdict,
    async (req) => (await verification.proposeVerdict(req.actor!, req.params.id, req.body), ok),
  );
  route(app, E.verifyFile, async (req) => (await verification.verifyFile(req.actor!, req.params.id, req.body), ok));
  route(app, E.review, async (req) => (await verification.review(req.actor!, req.params.id, req.body), ok));
}

/** Every recruitment route (public, committee, applicant, verification) and the holiday calendar's. */
export function recruitmentRoutes(services: RecruitmentRouteServices): FastifyPluginAsync {
  return async (app) => {
    periodRoutes(app, services);
    registerHolidayRoutes(app, services.holidays);
    committeeRoutes(app, services);
    applicantRoutes(app, services);
    verificationRoutes(app, services);
  };
}
