/** HTTP for completing a training: meetings and the rotating QR, scans, marks, scores, certificates, feedback. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceReport,
  CertificateCheck,
  CertificateList,
  CertificatesBody,
  CreatedId,
  FeedbackBody,
  FeedbackReport,
  IssueResult,
  MarkBody,
  MarkResult,
  MeetingBody,
  MeetingList,
  MeetingQrView,
  OkResponse,
  PartnerFeedback,
  RevokeBody,
  ScanBody,
  ScanResult,
  ScoresBody,
  ScoresResult,
} from '../../../../common/contracts/development.ts';
import type { CompletionService } from './completion.service.ts';

const Id = z.strictObject({ id: z.uuid() });
const BKPSDM = ['admin', 'training_admin'] as const;
const STAFF = [...BKPSDM, 'supervisor'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerCompletionRoutes(base: FastifyInstance, completion: CompletionService) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['development'];

  // ── meetings and attendance ──
  app.get('/api/v1/training/batches/:id/meetings', { config: { access: STAFF }, schema: { tags, summary: 'Pertemuan angkatan', params: Id, response: { 200: MeetingList } } }, async (req) => ({ meetings: await completion.meetings(req.actor!, req.params.id) }));
  app.post('/api/v1/training/batches/:id/meetings', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Tambah pertemuan', params: Id, body: MeetingBody, response: { 201: CreatedId } } }, async (req, reply) => reply.status(201).send(await completion.addMeeting(req.actor!, req.params.id, req.body)));
  app.get('/api/v1/training/meetings/:id/qr', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Kode QR presensi yang sedang berlaku (berganti tiap 30 detik)', params: Id, response: { 200: MeetingQrView } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return completion.meetingQr(req.params.id);
  });
  app.post('/api/v1/me/attendance', { config: { access: 'signed-in' }, schema: { tags, summary: 'Presensi dengan memindai QR fasilitator (juga pindaian luring dengan waktu aslinya)', body: ScanBody, response: { 200: ScanResult } } }, async (req) => completion.scan(req.actor!, req.body));
  app.post('/api/v1/training/meetings/:id/attendance', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Fasilitator mencatat (atau membatalkan) kehadiran peserta', params: Id, body: MarkBody, response: { 200: MarkResult } } }, async (req) => completion.mark(req.actor!, req.params.id, req.body));
  app.get('/api/v1/training/batches/:id/attendance', { config: { access: STAFF }, schema: { tags, summary: 'Kehadiran per pertemuan dan per peserta', params: Id, response: { 200: AttendanceReport } } }, async (req) => completion.attendance(req.actor!, req.params.id));
  app.get('/api/v1/training/batches/:id/attendance.xlsx', { config: { access: BKPSDM }, schema: { tags, summary: 'Ekspor kehadiran angkatan (XLSX)', params: Id } }, async (req, reply) =>
    reply.type(XLSX).header('content-disposition', 'attachment; filename="kehadiran-angkatan.xlsx"').send(await completion.attendanceSheet(req.actor!, req.params.id)),
  );

  // ── tests and the assignment ──
  app.put('/api/v1/training/enrollments/:id/scores', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Nilai pre-test/post-test dan tugas peserta', params: Id, body: ScoresBody, response: { 200: ScoresResult } } }, async (req) => completion.setScores(req.actor!, req.params.id, req.body));

  // ── certificates ──
  app.get('/api/v1/training/batches/:id/certificates', { config: { access: BKPSDM }, schema: { tags, summary: 'Sertifikat angkatan', params: Id, response: { 200: CertificateList } } }, async (req) => ({ certificates: await completion.certificates(req.params.id) }));
  app.post('/api/v1/training/batches/:id/certificates', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Terbitkan sertifikat bagi peserta yang selesai (semua atau tidak sama sekali)', params: Id, body: CertificatesBody, response: { 201: IssueResult } } }, async (req, reply) =>
    reply.status(201).send(await completion.issueCertificates(req.actor!, req.params.id, req.body.enrollmentIds)),
  );
  app.post('/api/v1/training/certificates/:id/revoke', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Cabut sertifikat (alasan tampil di halaman verifikasi)', params: Id, body: RevokeBody, response: { 200: OkResponse } } }, async (req) => {
    await completion.revokeCertificate(req.actor!, req.params.id, req.body.reason);
    return { ok: true as const };
  });
  app.get('/api/v1/training/certificates/:id/pdf', { config: { access: 'signed-in' }, schema: { tags, summary: 'Sertifikat pelatihan (PDF dengan QR)', params: Id } }, async (req, reply) => {
    const c = await completion.certificatePdf(req.actor!, req.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="sertifikat-${c.number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf"`).send(c.pdf);
  });
  app.get('/api/v1/public/training/certificates/:id', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: 'Verifikasi sertifikat pelatihan (QR)', params: Id, querystring: z.strictObject({ s: z.string().max(60) }), response: { 200: CertificateCheck } },
  }, async (req) => completion.verifyCertificate(req.params.id, req.query.s));

  // ── feedback ──
  app.post('/api/v1/me/enrollments/:id/feedback', { config: { access: 'signed-in' }, schema: { tags, summary: 'Umpan balik peserta (sekali)', params: Id, body: FeedbackBody, response: { 201: OkResponse } } }, async (req, reply) => {
    await completion.giveFeedback(req.actor!, req.params.id, req.body);
    return reply.status(201).send({ ok: true as const });
  });
  app.get('/api/v1/training/feedback/partners', { config: { access: BKPSDM }, schema: { tags, summary: 'Hasil umpan balik per mitra pelaksana', response: { 200: PartnerFeedback } } }, async () => completion.feedbackByPartner());
  app.get('/api/v1/training/batches/:id/feedback', { config: { access: BKPSDM }, schema: { tags, summary: 'Hasil umpan balik angkatan', params: Id, response: { 200: FeedbackReport } } }, async (req) => completion.feedback(req.params.id));
}
