/** HTTP for participation: complaints, SKM/IKM surveys, observers and their findings, open data. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccreditationApplied, AccreditationDecisionBody, RedactBody, RedactResponse, AccreditationList, AccreditationQuery, AnswerCommentBody, BandsBody, BandsResponse, ChallengeResponse, CommentBody, ComplaintAttachmentResponse, ComplaintBody, ComplaintFiledResponse, ComplaintListQuery, ComplaintStatistics, ConsultationBody, ConsultationFinalBody, ConsultationList, ConsultationOpenBody, ConsultationView, DATASET_IDS, DisposeBody, EvidenceResponse, FindingAnswerBody, FindingBody, FindingFiledResponse, FindingList, FollowUpBody, ForumActionDoneBody, ForumBody, ForumList, ForumMinutesBody, ForumView, HideCommentBody, IdResponse, MyParticipation, OkResponse, OpenDataCatalog, PeriodParams, ProcessView, PublicFindingList, RejectBody, ReporterReplyBody, ServiceUnit, ServiceUnitBody, ServiceUnitList, SettingsResponse, Sla, SlaBody, StaffComplaintDetail, StaffComplaintList, SurveyAnsweredResponse, SurveyBody, SurveyResultQuery, SurveyResults, TrackedComplaint, TrackingParams, UnitCreatedResponse, UnitParams,
} from '../../../../common/contracts/participation.ts';
import { sendDocument } from '../../http/documents.ts';
import { readUploadedFile } from '../../http/upload.ts';
import type { ComplaintsService } from './complaints.service.ts';
import type { ObserversService } from './observers.service.ts';
import type { OpenDataService } from './open-data.service.ts';
import type { ConsultationsService } from './consultations.service.ts';
import type { ForumsService } from './forums.service.ts';
import type { SurveysService } from './surveys.service.ts';

const Id = z.strictObject({ id: z.uuid() });
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
/** Staff who may act for an OPD a report is disposed to; the service narrows to their own OPD. */
export const COMPLAINT_STAFF = ['admin', 'committee', 'verifier', 'exam_admin', 'proctor', 'training_admin', 'supervisor', 'employee'] as const;
const COORDINATORS = ['admin', 'committee'] as const;

export interface ParticipationRouteDeps {
  complaints: ComplaintsService;
  surveys: SurveysService;
  observers: ObserversService;
  openData: OpenDataService;
  consultations: ConsultationsService;
  forums: ForumsService;
}

export function participationRoutes(deps: ParticipationRouteDeps): FastifyPluginAsync {
  const { complaints, surveys, observers, openData, consultations, forums } = deps;
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['participation'];

    app.get('/api/v1/public/challenge', {
      config: { access: 'public' },
      schema: { tags, summary: 'Tantangan anti-spam (proof-of-work) untuk formulir pengaduan dan survei tanpa akun', querystring: z.strictObject({ purpose: z.enum(['complaint', 'survey']) }), response: { 200: ChallengeResponse } },
    }, async (req, reply) => reply.header('cache-control', 'no-store').send(req.query.purpose === 'complaint' ? complaints.challenge() : surveys.challenge()));

    // ── complaints ──
    app.post('/api/v1/public/complaints', {
      config: { access: 'public' },
      schema: { tags, summary: 'Kirim pengaduan/aspirasi (dengan atau tanpa akun; terbuka, rahasia atau anonim); menghasilkan nomor pelacakan', body: ComplaintBody, response: { 201: ComplaintFiledResponse } },
    }, async (req, reply) => reply.status(201).send(await complaints.file(req.actor, req.body, req.ip)));
    app.post('/api/v1/public/complaints/:trackingId/attachments', {
      config: { access: 'public' },
      schema: { tags, summary: 'Lampirkan bukti (JPG/PDF, paling besar 2 MB) sebelum laporan diverifikasi', params: TrackingParams, response: { 201: ComplaintAttachmentResponse } },
    }, async (req, reply) => {
      const file = await readUploadedFile(req, { maxBytes: complaints.limits.attachmentMaxBytes, what: { id: 'berkas lampiran (JPG atau PDF)', en: 'attachment (JPG or PDF)' } });
      return reply.status(201).send(await complaints.attach(req.params.trackingId, file.data, req.ip));
    });
    app.get('/api/v1/public/complaints/:trackingId', { config: { access: 'public' }, schema: { tags, summary: 'Lacak laporan dengan nomor pelacakan (tanpa akun)', params: TrackingParams, response: { 200: TrackedComplaint } } }, async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await complaints.track(req.params.trackingId)));
    app.post('/api/v1/public/complaints/:trackingId/replies', {
      config: { access: 'public' },
      schema: { tags, summary: 'Pelapor menanggapi, membuka kembali atau menyatakan selesai', params: TrackingParams, body: ReporterReplyBody, response: { 200: TrackedComplaint } },
    }, async (req) => complaints.reporterAction(req.params.trackingId, req.body.action, req.body.body, req.ip));
    app.get('/api/v1/public/complaint-statistics', { config: { access: 'public' }, schema: { tags, summary: 'Statistik pengaduan: per kategori, ketepatan waktu per OPD', response: { 200: ComplaintStatistics } } }, async () => complaints.statistics());

    app.get('/api/v1/complaints', { config: { access: COMPLAINT_STAFF }, schema: { tags, summary: 'Daftar pengaduan (koordinator: semua; OPD: yang didisposisikan ke OPD-nya)', querystring: ComplaintListQuery, response: { 200: StaffComplaintList } } }, async (req) => complaints.list(req.actor!, req.query));
    app.get('/api/v1/complaints/:id', { config: { access: COMPLAINT_STAFF }, schema: { tags, summary: 'Satu pengaduan dengan riwayatnya', params: Id, response: { 200: StaffComplaintDetail } } }, async (req) => complaints.detail(req.actor!, req.params.id));
    app.get('/api/v1/complaints/:id/attachments/:attachmentId', { config: { access: COMPLAINT_STAFF }, schema: { tags, summary: 'Unduh lampiran pengaduan', params: AttachmentParams } }, async (req, reply) => {
      const file = await complaints.attachment(req.actor!, req.params.id, req.params.attachmentId);
      return sendDocument(reply, { data: file.data, mime: file.mime, name: `lampiran-pengaduan.${file.mime === 'application/pdf' ? 'pdf' : 'jpg'}` });
    });
    app.get('/api/v1/complaints/:id/lapor-handoff.txt', { config: { access: COORDINATORS }, schema: { tags, summary: 'Catatan penerusan laporan ke SP4N-LAPOR! (teks)', params: Id } }, async (req, reply) =>
      reply.type('text/plain; charset=utf-8').header('content-disposition', 'attachment; filename="penerusan-lapor.txt"').send(await complaints.handoff(req.actor!, req.params.id)));
    app.post('/api/v1/complaints/:id/dispose', { config: { access: COORDINATORS }, schema: { tags, summary: 'Verifikasi dan disposisikan ke OPD (≤ 3 hari kerja)', params: Id, body: DisposeBody, response: { 200: StaffComplaintDetail } } }, async (req) => {
      await complaints.dispose(req.actor!, req.params.id, req.body);
      return complaints.detail(req.actor!, req.params.id);
    });
    app.post('/api/v1/complaints/:id/reject', { config: { access: COORDINATORS }, schema: { tags, summary: 'Tolak laporan (di luar kewenangan / tidak jelas) dengan alasan', params: Id, body: RejectBody, response: { 200: StaffComplaintDetail } } }, async (req) => {
      await complaints.reject(req.actor!, req.params.id, req.body.reason);
      return complaints.detail(req.actor!, req.params.id);
    });
    app.post('/api/v1/complaints/:id/events/:eventId/redact', { config: { access: COORDINATORS }, schema: { tags, summary: 'Samarkan nama di catatan koordinator/OPD pada halaman pelacakan (aslinya tetap untuk petugas)', params: z.strictObject({ id: z.uuid(), eventId: z.uuid() }), body: RedactBody, response: { 200: RedactResponse } } }, async (req) => complaints.redactEvent(req.actor!, req.params.id, req.params.eventId, req.body.phrase));
    app.post('/api/v1/complaints/:id/follow-up', { config: { access: COMPLAINT_STAFF }, schema: { tags, summary: 'Tindak lanjut OPD (≤ 5 hari kerja setelah disposisi)', params: Id, body: FollowUpBody, response: { 200: StaffComplaintDetail } } }, async (req) => {
      await complaints.followUp(req.actor!, req.params.id, req.body.body);
      return complaints.detail(req.actor!, req.params.id);
    });
    app.get('/api/v1/participation/settings', { config: { access: COORDINATORS }, schema: { tags, summary: 'Batas waktu pengaduan dan rentang mutu IKM yang berlaku', response: { 200: SettingsResponse } } }, async () => {
      const { sla, bands } = await complaints.settings();
      return { sla, bands: [...bands] };
    });
    app.put('/api/v1/admin/participation/sla', { config: { access: ['admin'] }, schema: { tags, summary: 'Ubah batas waktu pengaduan (hari kerja)', body: SlaBody, response: { 200: Sla } } }, async (req) => complaints.saveSla(req.actor!, req.body));
    app.put('/api/v1/admin/participation/ikm-bands', { config: { access: ['admin'] }, schema: { tags, summary: 'Ubah rentang mutu IKM (A–D)', body: BandsBody, response: { 200: BandsResponse } } }, async (req) => ({ bands: await surveys.saveBands(req.actor!, req.body.bands) }));

    // ── SKM/IKM ──
    app.get('/api/v1/public/service-units', { config: { access: 'public' }, schema: { tags, summary: 'Unit layanan yang disurvei, periode berjalan dan sampel yang dibutuhkan', response: { 200: ServiceUnitList } } }, async () => ({ units: await surveys.units() }));
    app.post('/api/v1/service-units', { config: { access: ['admin'] }, schema: { tags, summary: 'Tambah unit layanan (unsur default: 9 unsur PermenPANRB 14/2017)', body: ServiceUnitBody, response: { 201: UnitCreatedResponse } } }, async (req, reply) => reply.status(201).send(await surveys.createUnit(req.actor!, req.body)));
    app.get('/api/v1/public/service-units/:unitId', { config: { access: 'public' }, schema: { tags, summary: 'Kuesioner SKM satu unit layanan', params: UnitParams, response: { 200: ServiceUnit } } }, async (req) => surveys.unit(req.params.unitId));
    app.post('/api/v1/public/service-units/:unitId/responses', {
      config: { access: 'public' },
      schema: { tags, summary: 'Isi SKM (sekali per responden per periode)', params: UnitParams, body: SurveyBody, response: { 201: SurveyAnsweredResponse } },
    }, async (req, reply) => reply.status(201).send(await surveys.respond(req.actor, req.params.unitId, req.body, req.ip)));
    app.get('/api/v1/public/service-units/:unitId/results', { config: { access: 'public' }, schema: { tags, summary: 'IKM unit per periode: NRR per unsur, nilai konversi, mutu', params: UnitParams, querystring: SurveyResultQuery, response: { 200: SurveyResults } } }, async (req) => surveys.results(req.params.unitId, req.query.period));
    app.get('/api/v1/service-units/:unitId/poster.pdf', { config: { access: ['admin'] }, schema: { tags, summary: 'Poster QR survei untuk loket layanan (PDF)', params: UnitParams } }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', `inline; filename="poster-skm-${req.params.unitId}.pdf"`).send(await surveys.poster(req.params.unitId)));

    // ── observers ──
    const COMMITTEE = ['committee', 'admin'] as const;
    app.post('/api/v1/observer/accreditations', {
      config: { access: ['observer'] },
      schema: { tags, summary: 'Ajukan akreditasi pemantau untuk satu periode, dengan surat organisasi (PDF)', querystring: AccreditationQuery, response: { 201: AccreditationApplied } },
    }, async (req, reply) => {
      const file = await readUploadedFile(req, { maxBytes: observers.limits.letterMaxBytes, what: { id: 'surat permohonan (PDF)', en: 'application letter (PDF)' } });
      return reply.status(201).send(await observers.apply(req.actor!, req.query, file.data));
    });
    app.get('/api/v1/observer/accreditations', { config: { access: ['observer'] }, schema: { tags, summary: 'Akreditasi pemantau saya', response: { 200: AccreditationList } } }, async (req) => ({ accreditations: await observers.mine(req.actor!) }));
    app.get('/api/v1/accreditations', { config: { access: COMMITTEE }, schema: { tags, summary: 'Permohonan dan akreditasi pemantau (panitia: periode yang panitianya mencantumkan dia)', querystring: z.strictObject({ periodId: z.uuid().optional() }), response: { 200: AccreditationList } } }, async (req) => ({ accreditations: await observers.list(req.actor!, req.query.periodId) }));
    app.get('/api/v1/accreditations/:id/letter', { config: { access: COMMITTEE, period: 'accreditation' }, schema: { tags, summary: 'Surat permohonan akreditasi (PDF)', params: Id } }, async (req, reply) =>
      sendDocument(reply, { data: await observers.letter(req.params.id), mime: 'application/pdf', name: 'surat-permohonan-pemantau.pdf' }));
    app.post('/api/v1/accreditations/:id/decision', { config: { access: ['committee'], period: 'accreditation' }, schema: { tags, summary: 'Setujui (dengan tanggal berakhir) atau tolak akreditasi, dengan alasan', params: Id, body: AccreditationDecisionBody, response: { 200: OkResponse } } }, async (req) => {
      await observers.decide(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.get('/api/v1/observer/periods/:periodId/process', { config: { access: ['observer', ...COMMITTEE] }, schema: { tags, summary: 'Tampilan proses seleksi untuk pemantau (jumlah saja; tanpa data pribadi)', params: PeriodParams, response: { 200: ProcessView } } }, async (req) => observers.processView(req.actor!, req.params.periodId));
    app.post('/api/v1/observer/periods/:periodId/findings', { config: { access: ['observer'] }, schema: { tags, summary: 'Laporkan temuan pemantauan; panitia wajib menjawab dalam hari kerja', params: PeriodParams, body: FindingBody, response: { 201: FindingFiledResponse } } }, async (req, reply) => reply.status(201).send(await observers.fileFinding(req.actor!, req.params.periodId, req.body)));
    app.post('/api/v1/observer/findings/:id/evidence', { config: { access: ['observer'] }, schema: { tags, summary: 'Lampirkan bukti temuan (PDF/JPG)', params: Id, response: { 201: EvidenceResponse } } }, async (req, reply) => {
      const file = await readUploadedFile(req, { maxBytes: observers.limits.evidenceMaxBytes, what: { id: 'berkas bukti (PDF atau JPG)', en: 'evidence file (PDF or JPG)' } });
      return reply.status(201).send(await observers.addEvidence(req.actor!, req.params.id, file.data));
    });
    app.get('/api/v1/findings', { config: { access: ['observer', ...COMMITTEE] }, schema: { tags, summary: 'Temuan (pemantau: miliknya; panitia: periode yang panitianya mencantumkan dia)', querystring: z.strictObject({ periodId: z.uuid().optional() }), response: { 200: FindingList } } }, async (req) => ({ findings: await observers.findings(req.actor!, req.query.periodId) }));
    app.get('/api/v1/findings/:id/evidence', { config: { access: ['observer', ...COMMITTEE], period: 'finding' }, schema: { tags, summary: 'Unduh bukti temuan', params: Id } }, async (req, reply) => {
      const f = await observers.evidence(req.actor!, req.params.id);
      return sendDocument(reply, { data: f.data, mime: f.mime, name: `bukti-temuan.${f.mime === 'application/pdf' ? 'pdf' : 'jpg'}` });
    });
    app.post('/api/v1/findings/:id/answer', { config: { access: ['committee'], period: 'finding' }, schema: { tags, summary: 'Jawab temuan pemantau', params: Id, body: FindingAnswerBody, response: { 200: OkResponse } } }, async (req) => {
      await observers.answerFinding(req.actor!, req.params.id, req.body.answer);
      return { ok: true as const };
    });
    app.post('/api/v1/findings/:id/redact', { config: { access: ['committee', 'admin'], period: 'finding' }, schema: { tags, summary: 'Samarkan nama di jawaban publik temuan (aslinya tetap untuk panitia)', params: Id, body: RedactBody, response: { 200: RedactResponse } } }, async (req) => observers.redactAnswer(req.actor!, req.params.id, req.body.phrase));
    app.get('/api/v1/public/findings', { config: { access: 'public' }, schema: { tags, summary: 'Temuan pemantau yang sudah dijawab atau lewat batas waktu, dengan jawabannya', querystring: z.strictObject({ periodId: z.uuid().optional() }), response: { 200: PublicFindingList } } }, async (req) => ({ findings: await observers.publicFindings(req.query.periodId) }));

    // ── open data ──
    app.get('/api/v1/public/open-data', { config: { access: 'public' }, schema: { tags, summary: 'Katalog data terbuka: dataset, dokumentasi kolom, lisensi, waktu pembaruan, SHA-256', response: { 200: OpenDataCatalog } } }, async () => openData.catalog());
    app.get('/api/v1/public/open-data/:file', {
      config: { access: 'public' },
      schema: { tags, summary: 'Satu dataset terbuka (CSV atau JSON)', params: z.strictObject({ file: z.string().regex(new RegExp(`^(${DATASET_IDS.join('|')})\\.(csv|json)$`), 'Nama berkas: <dataset>.csv atau <dataset>.json') }) },
    }, async (req, reply) => {
      const [id, format] = req.params.file.split('.') as [(typeof DATASET_IDS)[number], 'csv' | 'json'];
      const f = await openData.file(id, format);
      return reply.type(f.contentType).header('content-disposition', `inline; filename="${req.params.file}"`).header('x-content-sha256', f.sha256).header('last-modified', f.updatedAt.toUTCString()).send(f.body);
    });

    // ── public consultation ── (the committee's steps are the coordinators', as for forums)
    const CONSULTATION_STAFF = ['committee', 'admin'] as const;
    app.get('/api/v1/public/consultations', { config: { access: 'public' }, schema: { tags, summary: 'Konsultasi publik kriteria seleksi (panitia juga melihat rancangan)', response: { 200: ConsultationList } } }, async (req) => ({ consultations: await consultations.list(req.actor) }));
    app.get('/api/v1/public/consultations/:id', { config: { access: 'public' }, schema: { tags, summary: 'Satu konsultasi: bagian, komentar (nama disamarkan), moderasi dengan alasan, jawaban, versi final dan perbedaannya', params: Id, response: { 200: ConsultationView } } }, async (req) => consultations.view(req.params.id, req.actor));
    app.post('/api/v1/consultations', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Buat rancangan konsultasi', body: ConsultationBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await consultations.create(req.actor!, req.body)));
    app.put('/api/v1/consultations/:id', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Ubah rancangan (hanya sebelum dibuka)', params: Id, body: ConsultationBody, response: { 200: ConsultationView } } }, async (req) => {
      await consultations.update(req.actor!, req.params.id, req.body);
      return consultations.view(req.params.id, req.actor);
    });
    app.post('/api/v1/consultations/:id/open', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Terbitkan rancangan dengan masa komentar', params: Id, body: ConsultationOpenBody, response: { 200: ConsultationView } } }, async (req) => {
      await consultations.open(req.actor!, req.params.id, req.body);
      return consultations.view(req.params.id, req.actor);
    });
    app.post('/api/v1/consultations/:id/final', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Versi final dengan alasan setiap perubahan (setelah masa komentar)', params: Id, body: ConsultationFinalBody, response: { 200: ConsultationView } } }, async (req) => {
      await consultations.finalize(req.actor!, req.params.id, req.body);
      return consultations.view(req.params.id, req.actor);
    });
    app.post('/api/v1/consultations/:id/close', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Tutup masa komentar sekarang (sebelum waktunya); sesudahnya teks final dapat ditetapkan', params: Id, response: { 200: ConsultationView } } }, async (req) => {
      await consultations.close(req.actor!, req.params.id);
      return consultations.view(req.params.id, req.actor);
    });
    app.get('/api/v1/me/participation', { config: { access: 'signed-in' }, schema: { tags, summary: 'Forum yang saya ikuti dan komentar konsultasi saya', response: { 200: MyParticipation } } }, async (req) => consultations.myParticipation(req.actor!));
    app.post('/api/v1/consultation-sections/:id/comments', { config: { access: 'signed-in' }, schema: { tags, summary: 'Komentari satu bagian (selama masa komentar)', params: Id, body: CommentBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await consultations.comment(req.actor!, req.params.id, req.body.body)));
    app.post('/api/v1/consultation-comments/:id/hide', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Sembunyikan komentar dengan alasan (alasan diumumkan)', params: Id, body: HideCommentBody, response: { 200: OkResponse } } }, async (req) => {
      await consultations.hide(req.actor!, req.params.id, req.body.reason);
      return { ok: true as const };
    });
    app.post('/api/v1/consultation-comments/:id/answer', { config: { access: CONSULTATION_STAFF }, schema: { tags, summary: 'Jawab komentar', params: Id, body: AnswerCommentBody, response: { 200: OkResponse } } }, async (req) => {
      await consultations.answer(req.actor!, req.params.id, req.body.answer);
      return { ok: true as const };
    });

    // ── public forums ──
    const ORGANISERS = ['committee', 'admin'] as const;
    app.get('/api/v1/public/forums', { config: { access: 'public' }, schema: { tags, summary: 'Forum konsultasi publik: jadwal, kapasitas, arsip notulen dan tindak lanjut', response: { 200: ForumList } } }, async () => ({ forums: await forums.list() }));
    app.get('/api/v1/public/forums/:id', { config: { access: 'public' }, schema: { tags, summary: 'Satu forum: agenda, notulen, tindak lanjut dengan penanggung jawab dan batas waktu', params: Id, response: { 200: ForumView } } }, async (req) => forums.view(req.params.id, req.actor));
    app.post('/api/v1/forums', { config: { access: ORGANISERS }, schema: { tags, summary: 'Jadwalkan forum', body: ForumBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await forums.create(req.actor!, req.body)));
    app.post('/api/v1/forums/:id/registrations', { config: { access: 'signed-in' }, schema: { tags, summary: 'Daftar sebagai peserta (selama kursi tersedia)', params: Id, response: { 201: ForumView } } }, async (req, reply) => {
      await forums.register(req.actor!, req.params.id);
      return reply.status(201).send(await forums.view(req.params.id, req.actor));
    });
    app.delete('/api/v1/forums/:id/registrations', { config: { access: 'signed-in' }, schema: { tags, summary: 'Batalkan pendaftaran saya', params: Id, response: { 200: ForumView } } }, async (req) => {
      await forums.unregister(req.actor!, req.params.id);
      return forums.view(req.params.id, req.actor);
    });
    app.post('/api/v1/forums/:id/minutes', { config: { access: ORGANISERS }, schema: { tags, summary: 'Terbitkan notulen dan tindak lanjut (setelah forum)', params: Id, body: ForumMinutesBody, response: { 200: ForumView } } }, async (req) => {
      await forums.minutes(req.actor!, req.params.id, req.body);
      return forums.view(req.params.id, req.actor);
    });
    app.post('/api/v1/forum-actions/:id/done', { config: { access: ORGANISERS }, schema: { tags, summary: 'Nyatakan tindak lanjut selesai, dengan catatan', params: Id, body: ForumActionDoneBody, response: { 200: OkResponse } } }, async (req) => {
      await forums.actionDone(req.actor!, req.params.id, req.body.note);
      return { ok: true as const };
    });
  };
}
