/** HTTP for recruitment: public catalog, committee, applicant and verifier endpoints. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import {
  AnnouncementDecisionResponse,
  AnnouncementsResponse,
  AnswerObjectionBody,
  ApplyBody,
  CatalogResponse,
  MyApplication,
  MyApplicationsResponse,
  ProfileResponse,
  TimelineResponse,
  UploadedDocumentResponse,
  ClaimResponse,
  CommitteeAccountsResponse,
  CommitteeMembersResponse,
  CreatedResponse,
  CreatedSessionResponse,
  CreatedSiteResponse,
  ExamSitesResponse,
  FiledObjectionResponse,
  FormationOut,
  ObjectionsResponse,
  FormationImportResponse,
  OkResponse,
  Period,
  PeriodsResponse,
  PublicCardResponse,
  QueueResponse,
  SeatingResponse,
  TmsReasonsResponse,
  VerificationDetailResponse,
  VerifiersResponse,
  CatalogQuery,
  ClaimBody,
  CreatePeriodBody,
  DecideBody,
  FormationBody,
  Profile,
  ProposeAnnouncementBody,
  ReviewBody,
  SessionBody,
  SiteBody,
  UpdateStagesBody,
  VerdictBody,
  VerifyFileBody,
} from '../../../../common/contracts/recruitment.ts';
import { AppError } from '../../errors.ts';
import { sendDocument } from '../../http/documents.ts';
import { readMultipartForm, readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import { RecruitmentRuleSet } from './domain/index.ts';
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

const Id = z.strictObject({ id: z.uuid() });
const IdKind = z.strictObject({ id: z.uuid(), kind: z.string().regex(/^[a-z_]{2,30}$/) });
const MAX_UPLOAD = 2 * 1024 * 1024; // above every rule-set limit; the rule set decides per document


export function recruitmentRoutes({ recruitment, verification, announcements, objections, examSchedule, periodCommittee, holidays }: RecruitmentRouteServices): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const pub = { tags: ['recruitment: public'] };
    const com = { tags: ['recruitment: committee'] };
    const appl = { tags: ['recruitment: applicant'] };
    const ver = { tags: ['recruitment: verification'] };
    const committee = ['committee', 'admin'] as const;
    const staff = ['verifier', 'committee'] as const;

    // ── public ──
    app.get('/api/v1/public/periods', { config: { access: 'public' }, schema: { ...pub, summary: 'Periode seleksi', response: { 200: PeriodsResponse } } }, async () => ({ periods: await recruitment.listPeriods() }));
    app.get('/api/v1/public/formations', { config: { access: 'public' }, schema: { ...pub, summary: 'Katalog formasi dengan jumlah pelamar', querystring: CatalogQuery, response: { 200: CatalogResponse } } }, async (req) => recruitment.catalog(req.query));
    app.get('/api/v1/public/cards/:registrationNo', {
      config: { access: 'public' },
      schema: { ...pub, summary: 'Verifikasi kartu (QR): hanya fakta non-pribadi', params: z.strictObject({ registrationNo: z.string().max(60) }), querystring: z.strictObject({ s: z.string().max(60) }), response: { 200: PublicCardResponse } },
    }, async (req) => recruitment.verifyCard(req.params.registrationNo, req.query.s));

    // ── committee ──
    app.get('/api/v1/periods', { config: { access: [...committee, 'verifier'] }, schema: { ...com, summary: 'Daftar periode (panitia: periode yang panitianya mencantumkan dia)', response: { 200: PeriodsResponse } } }, async (req) => ({ periods: await recruitment.listPeriods(req.actor!) }));
    app.get('/api/v1/periods/:id/committee', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Anggota panitia seleksi periode', params: Id, response: { 200: CommitteeMembersResponse } } }, async (req) => ({ members: await periodCommittee.members(req.params.id) }));
    app.get('/api/v1/committee-accounts', { config: { access: ['admin'] }, schema: { ...com, summary: 'Akun panitia aktif yang dapat ditambahkan ke periode', response: { 200: CommitteeAccountsResponse } } }, async () => ({ accounts: await periodCommittee.committeeAccounts() }));
    app.post('/api/v1/periods/:id/committee', { config: { access: ['admin'] }, schema: { ...com, summary: 'Tambah anggota panitia periode (admin)', params: Id, body: z.strictObject({ accountId: z.uuid() }), response: { 200: OkResponse } } }, async (req) => {
      await periodCommittee.addMember(req.actor!, req.params.id, req.body.accountId);
      return { ok: true as const };
    });
    app.delete('/api/v1/periods/:id/committee/:accountId', { config: { access: ['admin'] }, schema: { ...com, summary: 'Keluarkan anggota panitia periode (admin)', params: z.strictObject({ id: z.uuid(), accountId: z.uuid() }), response: { 200: OkResponse } } }, async (req) => {
      await periodCommittee.removeMember(req.actor!, req.params.id, req.params.accountId);
      return { ok: true as const };
    });
    app.post('/api/v1/periods', { config: { access: committee }, schema: { ...com, summary: 'Buka periode seleksi', body: CreatePeriodBody, response: { 201: Period } } }, async (req, reply) => reply.status(201).send(await recruitment.createPeriod(req.actor!, req.body)));
    app.put('/api/v1/periods/:id/stages', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Ubah jadwal tahapan', params: Id, body: UpdateStagesBody, response: { 200: Period } } }, async (req) => recruitment.updateStages(req.actor!, req.params.id, req.body.stages));
    app.put('/api/v1/periods/:id/rule-set', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Ubah aturan tahunan periode (batas unggah, usia, sanggah)', params: Id, body: RecruitmentRuleSet, response: { 200: Period } } }, async (req) => recruitment.updateRuleSet(req.actor!, req.params.id, req.body));
    registerHolidayRoutes(app, holidays);
    app.post('/api/v1/periods/:id/formations', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Tambah formasi', params: Id, body: FormationBody, response: { 201: FormationOut } } }, async (req, reply) => reply.status(201).send(await recruitment.createFormation(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/periods/:id/formations/import', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Impor formasi dari XLSX/CSV (semua atau tidak sama sekali)', params: Id, response: { 200: FormationImportResponse } } }, async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_UPLOAD, what: { id: 'berkas XLSX atau CSV', en: 'XLSX or CSV file' } });
      return recruitment.importFormations(req.actor!, req.params.id, file.data, sheetFormatOf(file));
    });
    app.get('/api/v1/periods/:id/formations/export', {
      config: { access: committee, period: 'period' },
      schema: { ...com, summary: 'Ekspor formasi (format sama dengan impor)', params: Id, querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    }, async (req, reply) => {
      const data = await recruitment.exportFormations(req.params.id, req.query.format);
      reply.header('content-disposition', `attachment; filename="formasi.${req.query.format}"`);
      return reply.type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(data);
    });
    app.get('/api/v1/verifiers', { config: { access: committee }, schema: { ...com, summary: 'Akun verifikator yang dapat ditugaskan', response: { 200: VerifiersResponse } } }, async () => ({ verifiers: await verification.verifierAccounts() }));
    app.get('/api/v1/periods/:id/verifiers', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Verifikator periode', params: Id, response: { 200: VerifiersResponse } } }, async (req) => ({ verifiers: await verification.periodVerifiers(req.params.id) }));
    app.post('/api/v1/periods/:id/verifiers', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Tugaskan verifikator ke periode', params: Id, body: z.strictObject({ accountId: z.uuid() }), response: { 200: OkResponse } } }, async (req) => {
      await verification.assignVerifier(req.actor!, req.params.id, req.body.accountId);
      return { ok: true as const };
    });
    app.delete('/api/v1/periods/:id/verifiers/:accountId', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Cabut tugas verifikator', params: z.strictObject({ id: z.uuid(), accountId: z.uuid() }), response: { 200: OkResponse } } }, async (req) => {
      await verification.unassignVerifier(req.actor!, req.params.id, req.params.accountId);
      return { ok: true as const };
    });
    app.get('/api/v1/periods/:id/announcements', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Pengumuman periode', params: Id, response: { 200: AnnouncementsResponse } } }, async (req) => ({ announcements: await announcements.announcements(req.params.id) }));
    app.post('/api/v1/periods/:id/announcements', { config: { access: ['committee'], period: 'period' }, schema: { ...com, summary: 'Usulkan pengumuman', params: Id, body: ProposeAnnouncementBody, response: { 201: CreatedResponse } } }, async (req, reply) => reply.status(201).send(await announcements.proposeAnnouncement(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/announcements/:id/decision', { config: { access: ['committee'], period: 'announcement' }, schema: { ...com, summary: 'Setujui/tolak pengumuman (anggota lain)', params: Id, body: DecideBody, response: { 200: AnnouncementDecisionResponse } } }, async (req) => announcements.decideAnnouncement(req.actor!, req.params.id, req.body));
    app.get('/api/v1/periods/:id/objections', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Daftar sanggah', params: Id, response: { 200: ObjectionsResponse } } }, async (req) => ({ objections: await objections.objections(req.params.id) }));
    app.post('/api/v1/objections/:id/answer', { config: { access: ['committee'], period: 'objection' }, schema: { ...com, summary: 'Jawab sanggah', params: Id, body: AnswerObjectionBody, response: { 200: OkResponse } } }, async (req) => {
      await objections.answerObjection(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.get('/api/v1/objections/:id/evidence', { config: { access: committee, period: 'objection' }, schema: { ...com, summary: 'Bukti sanggah', params: Id } }, async (req, reply) => {
      const f = await objections.readObjectionEvidence(req.params.id, req.actor!);
      return sendDocument(reply, { data: f.data, mime: f.mime, name: `bukti-sanggah.${f.mime === 'application/pdf' ? 'pdf' : 'jpg'}` });
    });
    app.get('/api/v1/periods/:id/exam-sites', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Lokasi dan sesi ujian', params: Id, response: { 200: ExamSitesResponse } } }, async (req) => ({ sites: await examSchedule.schedule(req.params.id) }));
    app.post('/api/v1/periods/:id/exam-sites', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Tambah lokasi ujian', params: Id, body: SiteBody, response: { 201: CreatedSiteResponse } } }, async (req, reply) => reply.status(201).send(await examSchedule.createSite(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/exam-sites/:id/sessions', { config: { access: committee, period: 'exam-site' }, schema: { ...com, summary: 'Tambah sesi ujian', params: Id, body: SessionBody, response: { 201: CreatedSessionResponse } } }, async (req, reply) => reply.status(201).send(await examSchedule.createSession(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/periods/:id/exam-assignments', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Tempatkan peserta MS ke sesi ujian', params: Id, response: { 200: SeatingResponse } } }, async (req) => examSchedule.assignSessions(req.actor!, req.params.id));

    // ── applicant ──
    app.get('/api/v1/me/profile', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Biodata pelamar', response: { 200: ProfileResponse } } }, async (req) => ({ profile: await recruitment.getProfile(req.actor!) }));
    app.put('/api/v1/me/profile', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Simpan biodata', body: Profile, response: { 200: ProfileResponse } } }, async (req) => ({ profile: await recruitment.saveProfile(req.actor!, req.body) }));
    app.get('/api/v1/me/applications', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Lamaran saya', response: { 200: MyApplicationsResponse } } }, async (req) => ({ applications: await recruitment.myApplications(req.actor!) }));
    app.post('/api/v1/me/applications', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Pilih formasi (cek kelayakan)', body: ApplyBody, response: { 201: MyApplication } } }, async (req, reply) => reply.status(201).send(await recruitment.apply(req.actor!, req.body)));
    app.get('/api/v1/me/applications/:id', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Rincian lamaran', params: Id, response: { 200: MyApplication } } }, async (req) => recruitment.myApplication(req.actor!, req.params.id));
    app.delete('/api/v1/me/applications/:id', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Hapus draf lamaran', params: Id, response: { 200: OkResponse } } }, async (req) => {
      await recruitment.deleteDraft(req.actor!, req.params.id);
      return { ok: true as const };
    });
    app.put('/api/v1/me/applications/:id/documents/:kind', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Unggah dokumen (multipart, field "file")', params: IdKind, response: { 200: UploadedDocumentResponse } } }, async (req) => {
      const { file } = await readMultipartForm(req, { maxBytes: MAX_UPLOAD });
      if (!file) throw new AppError('VALIDATION_FAILED', msg('Pilih berkas untuk diunggah.', 'Choose a file to upload.'));
      return recruitment.uploadDocument(req.actor!, req.params.id, req.params.kind, file.data, file.filename, file.overBytes);
    });
    app.get('/api/v1/applications/:id/documents/:kind', { config: { access: ['applicant', 'verifier', 'committee'], period: 'application' }, schema: { ...ver, summary: 'Lihat dokumen (pemilik atau petugas; dicatat di log audit)', params: IdKind } }, async (req, reply) => {
      const f = await recruitment.readDocument(req.actor!, req.params.id, req.params.kind);
      return sendDocument(reply, f);
    });
    app.post('/api/v1/me/applications/:id/submit', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Kirim dan kunci lamaran', params: Id, response: { 200: MyApplication } } }, async (req) => recruitment.submit(req.actor!, req.params.id));
    app.get('/api/v1/me/applications/:id/timeline', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Riwayat status lamaran', params: Id, response: { 200: TimelineResponse } } }, async (req) => ({ events: await recruitment.timeline(req.actor!, req.params.id) }));
    app.get('/api/v1/me/applications/:id/registration-card.pdf', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Kartu pendaftaran (PDF)', params: Id } }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="kartu-pendaftaran.pdf"').send(await recruitment.registrationCard(req.actor!, req.params.id)),
    );
    app.get('/api/v1/me/applications/:id/exam-card.pdf', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Kartu peserta ujian (PDF)', params: Id } }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="kartu-ujian.pdf"').send(await examSchedule.examCard(req.actor!, req.params.id)),
    );
    app.post('/api/v1/me/applications/:id/objection', { config: { access: ['applicant'] }, schema: { ...appl, summary: 'Ajukan sanggah (multipart: reason, file opsional)', params: Id, response: { 201: FiledObjectionResponse } } }, async (req, reply) => {
      const { fields, file } = await readMultipartForm(req, { maxBytes: MAX_UPLOAD });
      return reply.status(201).send(await objections.fileObjection(req.actor!, req.params.id, { reason: fields.reason ?? '', evidence: file?.data ?? null }));
    });

    // ── verification ──
    app.get('/api/v1/verification/reasons', { config: { access: staff }, schema: { ...ver, summary: 'Daftar baku alasan TMS', response: { 200: TmsReasonsResponse } } }, async () => ({ reasons: verification.tmsReasons().map((r) => ({ code: r.code, id: r.id, en: r.en, sources: [...r.sources] })) }));
    app.get('/api/v1/verification/queue', {
      config: { access: staff },
      schema: { ...ver, summary: 'Antrean verifikasi', querystring: z.strictObject({ periodId: z.uuid(), status: z.enum(['submitted', 'ms', 'tms', 'objection_filed', 'tms_final']).optional(), mine: z.enum(['true', 'false']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(25) }), response: { 200: QueueResponse } },
    }, async (req) => verification.queue(req.actor!, req.query.periodId, { ...req.query, mine: req.query.mine === 'true' }));
    app.post('/api/v1/verification/claim', { config: { access: ['verifier'] }, schema: { ...ver, summary: 'Ambil berkas ke antrean saya', body: ClaimBody, response: { 200: ClaimResponse } } }, async (req) => verification.claim(req.actor!, req.body.periodId, req.body.count));
    app.get('/api/v1/verification/applications/:id', { config: { access: staff, period: 'application' }, schema: { ...ver, summary: 'Berkas pelamar', params: Id, response: { 200: VerificationDetailResponse } } }, async (req) => verification.detail(req.actor!, req.params.id));
    app.put('/api/v1/verification/applications/:id/documents/:kind', { config: { access: ['verifier'], period: 'application' }, schema: { ...ver, summary: 'Nilai dokumen MS/TMS', params: IdKind, body: VerdictBody, response: { 200: OkResponse } } }, async (req) => {
      await verification.markDocument(req.actor!, req.params.id, req.params.kind, req.body);
      return { ok: true as const };
    });
    app.post('/api/v1/verification/applications/:id/verdict', { config: { access: ['verifier'], period: 'application' }, schema: { ...ver, summary: 'Keputusan berkas MS/TMS', params: Id, body: VerdictBody, response: { 200: OkResponse } } }, async (req) => {
      await verification.proposeVerdict(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.post('/api/v1/verification/applications/:id/verify', { config: { access: ['verifier'], period: 'application' }, schema: { ...ver, summary: 'Nilai semua dokumen dan usulkan keputusan berkas sekaligus', params: Id, body: VerifyFileBody, response: { 200: OkResponse } } }, async (req) => {
      await verification.verifyFile(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.post('/api/v1/verification/applications/:id/review', { config: { access: staff, period: 'application' }, schema: { ...ver, summary: 'Tinjau keputusan (verifikator lain/panitia)', params: Id, body: ReviewBody, response: { 200: OkResponse } } }, async (req) => {
      await verification.review(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
  };
}
