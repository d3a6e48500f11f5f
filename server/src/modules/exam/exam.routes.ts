/** HTTP for the exam: item bank and blueprints (exam admin), CAT participant, proctor console, public scoreboard. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compressed } from '../../http/compress.ts';
import { setSessionCookie } from '../../http/session.ts';
import { CAT_SOCKET_PATH, SaveAckSchema, SaveAnswerSchema } from '../../../../common/contracts/cat-socket.ts';
import {
  AttemptView,
  BankItemDetail,
  BankItemPage,
  BlueprintList,
  BlueprintRow,
  CatSessionDetail,
  CatSessionPage,
  CertificateCheck,
  DeviceApproved,
  ExamResult,
  ImportReport,
  IncidentList,
  ItemAnalysis,
  ItemImageUploaded,
  ItemUpdateResult,
  LockoutCleared,
  MyResult,
  OkResponse,
  ParticipantsSnapshot,
  Scoreboard,
  SessionClosed,
  SessionOpened,
  SessionProctors,
  TimeGranted,
} from '../../../../common/contracts/exam.ts';
import { AddressBlockList, AddressLifted, NetworkAddress } from '../../../../common/contracts/identity.ts';
import type { IdentityService } from '../identity/index.ts';
import { answerSocketHandlers } from './answer-socket.ts';
import type { CatService } from './cat.service.ts';
import type { CatSessionsService } from './cat-sessions.service.ts';
import type { SessionResultsService } from './session-results.service.ts';
import type { ItemImagesService } from './item-images.service.ts';
import { sendDocument } from '../../http/documents.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError } from '../../errors.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import { BlueprintSchema, EXAM_TYPES, type ItemContent, ItemContentSchema, OPTION_KEYS, SUBTESTS, type Blueprint } from './domain/index.ts';
import type { ItemBankService } from './item-bank.service.ts';
import type { LiveHub, LiveKind } from './live.ts';

export const DEVICE_COOKIE = 'merit_device';
const JSON_TYPE = 'application/json; charset=utf-8';
const Id = z.strictObject({ id: z.uuid() });
const MAX_UPLOAD = 5 * 1024 * 1024;
/** The exam view goes out as the bytes cat-attempt assembled: fastify never serializes a Buffer or string, so AttemptView documents it without a check on the hot path. */
const viewBytes = (bytes: string | Buffer) => bytes as unknown as AttemptView;

const ItemQuery = z.strictObject({
  examType: z.enum(EXAM_TYPES).optional(),
  subtest: z.enum(SUBTESTS).optional(),
  category: z.string().max(60).optional(),
  q: z.string().max(200).optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export interface ExamRouteDeps {
  items: ItemBankService;
  cat: CatService;
  sessions: CatSessionsService;
  sessionResults: SessionResultsService;
  itemImages: ItemImagesService;
  live: LiveHub;
  identity: IdentityService;
  publicUrl: string;
  cookieSecure: boolean;
  sessionMaxAgeSeconds: number;
}

/** A stream whose unread output grows past this is not being read (snapshots are a few KB): it is cut. */
const STREAM_MAX_BACKLOG = 1024 * 1024;

/**
 * Streams snapshots as Server-Sent Events until the client goes away (issue 24 §7): the number of
 * open streams is capped per instance (429, the page polls instead), a client that stops reading
 * is cut before its backlog grows, and one that leaves while its first snapshot is computed is
 * unsubscribed all the same.
 */
export async function stream(req: FastifyRequest, reply: FastifyReply, live: LiveHub, kind: LiveKind, sessionId: string) {
  if (live.full()) throw new AppError('TOO_MANY_REQUESTS', msg('Terlalu banyak tampilan langsung terbuka di server ini. Halaman memuat ulang data secara berkala.', 'Too many live views are open on this server. The page refreshes the data periodically instead.'), { retryAfterSeconds: 30 });
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write('retry: 3000\n\n');
  let gone = false;
  let unsubscribe = () => {};
  const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
  res.on('close', () => {
    gone = true;
    clearInterval(ping);
    unsubscribe();
  });
  const send = (data: unknown) => {
    if (res.writableLength > STREAM_MAX_BACKLOG) return void res.destroy();
    res.write(`event: snapshot\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const u = await live.subscribe(kind, sessionId, send);
    if (gone) u();
    else unsubscribe = u;
  } catch {
    res.end();
  }
}

export function examRoutes(deps: ExamRouteDeps): FastifyPluginAsync {
  const { items, cat, sessions, live, sessionResults, itemImages } = deps;
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const bank = { tags: ['exam: item bank'] };
    const part = { tags: ['exam: participant'] };
    const proc = { tags: ['exam: proctor'] };
    const pub = { tags: ['exam: public'] };
    const examAdmin = ['exam_admin'] as const;
    const proctors = ['proctor', 'committee'] as const;

    // ── item bank (exam admins only; every read audited) ──
    app.get('/api/v1/exam/items', { config: { access: examAdmin }, schema: { ...bank, summary: 'Daftar soal (tersaring, dicatat di log audit)', querystring: ItemQuery, response: { 200: BankItemPage } } }, async (req) =>
      items.listItems(req.actor!, { ...req.query, includeRetired: req.query.includeRetired === 'true' }));
    app.post('/api/v1/exam/items', { config: { access: examAdmin }, schema: { ...bank, summary: 'Tambah soal', body: ItemContentSchema, response: { 201: BankItemDetail } } }, async (req, reply) =>
      reply.status(201).send(await items.createItem(req.actor!, req.body as ItemContent)));
    app.get('/api/v1/exam/items/export', {
      config: { access: examAdmin },
      schema: { ...bank, summary: 'Ekspor soal XLSX/CSV (format impor; dicatat di log audit)', querystring: ItemQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    }, async (req, reply) => {
      const { format, ...f } = req.query;
      const data = await items.exportItems(req.actor!, { ...f, includeRetired: f.includeRetired === 'true' }, format);
      return reply
        .header('content-disposition', `attachment; filename="bank-soal.${format}"`)
        .header('cache-control', 'private, no-store')
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(data);
    });
    app.post('/api/v1/exam/item-images', {
      config: { access: examAdmin },
      schema: { ...bank, summary: 'Unggah gambar soal (JPG/PNG, maks. 300 KB; multipart "file")', response: { 201: ItemImageUploaded } },
    }, async (req, reply) => {
      const file = await readUploadedFile(req, { maxBytes: 2 * 1024 * 1024, what: { id: 'gambar soal (JPG atau PNG)', en: 'item picture (JPG or PNG)' } });
      return reply.status(201).send(await itemImages.upload(req.actor!, file.data));
    });
    app.get('/api/v1/exam/item-images/:id', {
      config: { access: 'signed-in' },
      schema: { ...bank, summary: 'Gambar soal (admin bank soal; peserta CAT atau tes pelatihan hanya selama ujian/tesnya memuat soal bergambar ini)', params: Id },
    }, async (req, reply) => {
      const image = await itemImages.read(req.actor!, req.params.id);
      // A picture never changes under its key: a reload on a weak signal costs nothing.
      return sendDocument(reply, { data: image.data, mime: image.mime, name: `gambar-soal.${image.mime === 'image/png' ? 'png' : 'jpg'}` }, { cache: 'immutable' });
    });
    app.post('/api/v1/exam/items/import', { config: { access: examAdmin }, schema: { ...bank, summary: 'Impor soal XLSX/CSV (multipart "file"; semua atau tidak sama sekali, laporan per baris)', response: { 200: ImportReport } } }, async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_UPLOAD, what: { id: 'berkas XLSX atau CSV', en: 'XLSX or CSV file' } });
      return items.importItems(req.actor!, file.data, sheetFormatOf(file));
    });
    app.get('/api/v1/exam/items/:id', { config: { access: examAdmin }, schema: { ...bank, summary: 'Rincian soal dengan versinya (dicatat di log audit)', params: Id, response: { 200: BankItemDetail } } }, async (req) => items.getItem(req.actor!, req.params.id));
    app.put('/api/v1/exam/items/:id', { config: { access: examAdmin }, schema: { ...bank, summary: 'Ubah soal (versi baru bila sudah pernah diujikan)', params: Id, body: ItemContentSchema, response: { 200: ItemUpdateResult } } }, async (req) =>
      items.updateItem(req.actor!, req.params.id, req.body as ItemContent));
    app.delete('/api/v1/exam/items/:id', { config: { access: examAdmin }, schema: { ...bank, summary: 'Pensiunkan soal (tidak dipakai di paket baru)', params: Id, response: { 200: OkResponse } } }, async (req) => {
      await items.retireItem(req.actor!, req.params.id);
      return { ok: true as const };
    });

    // ── blueprints ──
    app.get('/api/v1/exam/blueprints', { config: { access: [...examAdmin, ...proctors] }, schema: { ...bank, summary: 'Daftar kisi-kisi', response: { 200: BlueprintList } } }, async () => ({ blueprints: await items.listBlueprints() }));
    app.post('/api/v1/exam/blueprints', { config: { access: examAdmin }, schema: { ...bank, summary: 'Tambah kisi-kisi', body: BlueprintSchema, response: { 201: BlueprintRow } } }, async (req, reply) =>
      reply.status(201).send(await items.createBlueprint(req.actor!, req.body as Blueprint)));
    app.get('/api/v1/exam/blueprints/:id', { config: { access: [...examAdmin, ...proctors] }, schema: { ...bank, summary: 'Rincian kisi-kisi', params: Id, response: { 200: BlueprintRow } } }, async (req) => items.getBlueprint(req.params.id));
    app.put('/api/v1/exam/blueprints/:id', { config: { access: examAdmin }, schema: { ...bank, summary: 'Ubah kisi-kisi (selama belum dipakai)', params: Id, body: BlueprintSchema, response: { 200: BlueprintRow } } }, async (req) =>
      items.updateBlueprint(req.actor!, req.params.id, req.body as Blueprint));

    // ── proctor console ──
    app.get('/api/v1/cat/sessions', {
      config: { access: [...proctors, ...examAdmin] },
      schema: { ...proc, summary: 'Daftar sesi ujian dengan keadaan CAT-nya (terbaru dahulu; tanpa token)', querystring: z.strictObject({ periodId: z.uuid().optional(), state: z.enum(['open', 'all']).default('all'), page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: CatSessionPage } },
    }, async (req) => sessions.listSessions(req.query, req.actor!));
    app.get('/api/v1/cat/sessions/:id', { config: { access: [...proctors, ...examAdmin], period: 'exam-session' }, schema: { ...proc, summary: 'Keadaan CAT satu sesi dan ringkasan kisi-kisinya (tanpa token)', params: Id, response: { 200: CatSessionDetail } } }, async (req) =>
      sessions.getSession(req.params.id, req.actor!));
    app.get('/api/v1/cat/sessions/:id/proctors', { config: { access: ['committee'], period: 'exam-session' }, schema: { ...proc, summary: 'Pengawas yang ditugaskan pada sesi', params: Id, response: { 200: SessionProctors } } }, async (req) => sessions.listProctors(req.params.id));
    app.post('/api/v1/cat/sessions/:id/proctors', {
      config: { access: ['committee'], period: 'exam-session' },
      schema: { ...proc, summary: 'Tugaskan akun pengawas pada sesi (hanya pengawas yang ditugaskan dapat membuka/menutup sesi dan memberi waktu; dicatat di log audit)', params: Id, body: z.strictObject({ accountId: z.uuid() }), response: { 200: SessionProctors } },
    }, async (req) => sessions.assignProctor(req.actor!, req.params.id, req.body.accountId));
    app.delete('/api/v1/cat/sessions/:id/proctors/:accountId', {
      config: { access: ['committee'], period: 'exam-session' },
      schema: { ...proc, summary: 'Lepas pengawas dari sesi (dicatat di log audit)', params: z.strictObject({ id: z.uuid(), accountId: z.uuid() }), response: { 200: SessionProctors } },
    }, async (req) => sessions.unassignProctor(req.actor!, req.params.id, req.params.accountId));
    app.post('/api/v1/cat/sessions/:id/open', {
      config: { access: proctors, period: 'exam-session' },
      schema: { ...proc, summary: 'Buka sesi CAT dengan kisi-kisi; menghasilkan token sesi (buka lagi = token baru)', params: Id, body: z.strictObject({ blueprintId: z.uuid(), graceSeconds: z.number().int().min(0).max(600).optional() }), response: { 200: SessionOpened } },
    }, async (req) => cat.openSession(req.actor!, req.params.id, req.body));
    app.post('/api/v1/cat/sessions/:id/close', { config: { access: proctors, period: 'exam-session' }, schema: { ...proc, summary: 'Tutup sesi (peserta baru tidak dapat masuk)', params: Id, response: { 200: SessionClosed } } }, async (req) => cat.closeSession(req.actor!, req.params.id));
    app.get('/api/v1/cat/sessions/:id/results', {
      config: { access: [...proctors, ...examAdmin], period: 'exam-session' },
      schema: { ...proc, summary: 'Unduh hasil sesi CAT per peserta (XLSX/CSV; dicatat di log audit)', params: Id, querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    }, async (req, reply) => {
      const { data, filename } = await sessionResults.sheet(req.actor!, req.params.id, req.query.format);
      return reply
        .type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(data);
    });
    app.get('/api/v1/cat/sessions/:id/participants', { config: { access: proctors, period: 'exam-session' }, schema: { ...proc, summary: 'Keadaan setiap peserta sesi', params: Id, response: { 200: ParticipantsSnapshot } } }, async (req) => cat.participantsFor(req.actor!, req.params.id));
    app.post('/api/v1/cat/sessions/:id/grants', {
      config: { access: proctors, period: 'exam-session' },
      schema: { ...proc, summary: 'Tambah waktu peserta dengan alasan', params: Id, body: z.strictObject({ applicationId: z.uuid(), minutes: z.number().int().min(1).max(120), reason: z.string().trim().min(5).max(500) }), response: { 200: TimeGranted } },
    }, async (req) => cat.grantTime(req.actor!, req.params.id, req.body));
    app.post('/api/v1/cat/sessions/:id/device-approvals', {
      config: { access: proctors, period: 'exam-session' },
      schema: { ...proc, summary: 'Setujui pergantian perangkat peserta (sekali pakai)', params: Id, body: z.strictObject({ applicationId: z.uuid() }), response: { 200: DeviceApproved } },
    }, async (req) => cat.approveDevice(req.actor!, req.params.id, req.body.applicationId));
    app.post('/api/v1/cat/sessions/:id/lockouts/clear', {
      config: { access: proctors, period: 'exam-session' },
      schema: { ...proc, summary: 'Hapus penguncian masuk peserta sesi ini (setelah salah kata sandi berulang; dicatat di log audit)', params: Id, body: z.strictObject({ applicationId: z.uuid() }), response: { 200: LockoutCleared } },
    }, async (req) => cat.clearLockout(req.actor!, req.params.id, req.body.applicationId));
    app.get('/api/v1/cat/sessions/:id/address-blocks', {
      config: { access: proctors, period: 'exam-session' },
      schema: { ...proc, summary: 'Alamat jaringan yang masuk ke sesi ini, dengan kegagalan masuk dan perlambatannya', params: Id, response: { 200: AddressBlockList } },
    }, async (req) => cat.addressBlocks(req.actor!, req.params.id));
    app.post('/api/v1/cat/sessions/:id/address-blocks/lift', {
      config: { access: proctors, period: 'exam-session' },
      schema: { ...proc, summary: 'Cabut perlambatan masuk satu alamat jaringan ruang ujian sesi ini (dicatat di log audit)', params: Id, body: z.strictObject({ address: NetworkAddress }), response: { 200: AddressLifted } },
    }, async (req) => cat.liftAddressBlock(req.actor!, req.params.id, req.body.address));
    app.get('/api/v1/cat/sessions/:id/incidents', { config: { access: proctors, period: 'exam-session' }, schema: { ...proc, summary: 'Catatan kejadian sesi', params: Id, response: { 200: IncidentList } } }, async (req) => ({ incidents: await cat.incidents(req.actor!, req.params.id) }));
    app.get('/api/v1/cat/sessions/:id/events', { config: { access: proctors, period: 'exam-session' }, schema: { ...proc, summary: 'SSE: keadaan peserta secara langsung', params: Id } }, async (req, reply) => {
      await cat.participantsFor(req.actor!, req.params.id); // 404 before the stream starts
      await stream(req, reply, live, 'proctor', req.params.id);
    });
    app.get('/api/v1/cat/sessions/:id/item-analysis', {
      config: { access: examAdmin, period: 'exam-session' },
      schema: { ...bank, summary: 'Analisis butir soal sesi (p, point-biserial, sebaran pilihan); ?format=csv', params: Id, querystring: z.strictObject({ format: z.enum(['json', 'csv']).default('json') }), response: { 200: z.union([ItemAnalysis, z.string().describe('CSV (?format=csv)')]) } },
    }, async (req, reply) => {
      const r = await cat.itemAnalysis(req.actor!, req.params.id);
      if (req.query.format === 'json') return r;
      const cols = ['item_id', 'version', 'subtest', 'category', 'n', 'difficulty', 'point_biserial', ...OPTION_KEYS.map((k) => `option_${k.toLowerCase()}`), 'blank', 'flags'];
      const lines = [cols.join(',')];
      for (const s of r.items) {
        lines.push([s.itemId, s.version, s.subtest, s.category, s.n, s.difficulty.toFixed(3), s.pointBiserial === null ? '' : s.pointBiserial.toFixed(3), ...OPTION_KEYS.map((k) => s.optionDistribution[k] ?? 0), s.optionDistribution.blank ?? 0, s.flags.join(' ')].join(','));
      }
      return reply.header('content-disposition', 'attachment; filename="analisis-butir.csv"').type('text/csv; charset=utf-8').send('\uFEFF' + lines.join('\n') + '\n');
    });

    // ── participant ──
    app.post('/api/v1/cat/login', {
      config: { access: 'public' },
      schema: { ...part, summary: 'Masuk ujian CAT: nomor peserta, kata sandi, token sesi', body: z.strictObject({ participantNo: z.string().trim().min(1).max(40), password: z.string().min(1).max(200), token: z.string().trim().regex(/^[A-Za-z0-9]{6}$/) }), response: { 200: AttemptView } },
    }, async (req, reply) => {
      const r = await cat.login({ ...req.body, token: req.body.token.toUpperCase() }, req.ip, req.cookies[DEVICE_COOKIE]);
      setSessionCookie(reply, r.sessionToken, { secure: deps.cookieSecure, maxAgeSeconds: deps.sessionMaxAgeSeconds });
      reply.setCookie(DEVICE_COOKIE, r.device, { path: '/api/v1/cat', httpOnly: true, sameSite: 'strict', secure: deps.cookieSecure, maxAge: 7 * 86_400 });
      return reply.type(JSON_TYPE).send(viewBytes(compressed(req, reply, r.view)));
    });
    const device = (req: FastifyRequest) => req.cookies[DEVICE_COOKIE];
    app.get('/api/v1/cat/attempt', {
      config: { access: ['applicant'] },
      schema: { ...part, summary: 'Paket soal, jawaban tersimpan, dan sisa waktu menurut server (?items=false: tanpa soal, untuk sinkron ulang)', querystring: z.strictObject({ items: z.enum(['true', 'false']).default('true') }), response: { 200: AttemptView } },
    }, async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return reply.type(JSON_TYPE).send(viewBytes(compressed(req, reply, await cat.attempt(req.actor!, device(req), { items: req.query.items === 'true' }))));
    });
    app.put('/api/v1/cat/answers', {
      config: { access: ['applicant'] },
      schema: { ...part, summary: 'Simpan satu jawaban (dijawab setelah tersimpan permanen; seq per soal, idempoten). Halaman ujian memakai WebSocket /api/v1/cat/socket; ini cadangannya.', body: SaveAnswerSchema, response: { 200: SaveAckSchema } },
    }, async (req) => cat.saveAnswer(req.actor!, device(req), req.body));
    const answerSocket = answerSocketHandlers({ cat, identity: deps.identity, publicUrl: deps.publicUrl, deviceCookie: DEVICE_COOKIE });
    app.route({
      method: 'GET',
      url: CAT_SOCKET_PATH,
      config: { access: ['applicant'] },
      schema: { ...part, summary: 'WebSocket jawaban: {type:"save",itemId,chosen,flagged,seq} → satu {type:"ack",…} setelah tersimpan permanen atau {type:"error",…} (lihat API.md). Tanpa upgrade: 426.' },
      onRequest: answerSocket.checkOrigin,
      handler: answerSocket.http,
      wsHandler: answerSocket.socket,
    });
    app.post('/api/v1/cat/submit', { config: { access: ['applicant'] }, schema: { ...part, summary: 'Selesai ujian: nilai dihitung di server', response: { 200: ExamResult } } }, async (req) => cat.submit(req.actor!, device(req)));
    app.get('/api/v1/cat/result', { config: { access: ['applicant'] }, schema: { ...part, summary: 'Nilai saya (TWK/TIU/TKP/total, lulus ambang batas)', response: { 200: MyResult } } }, async (req) => cat.result(req.actor!));
    app.get('/api/v1/cat/certificate.pdf', { config: { access: ['applicant'] }, schema: { ...part, summary: 'Sertifikat hasil ujian (PDF dengan QR)' } }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="sertifikat-hasil-cat.pdf"').send(await cat.certificate(req.actor!)));

    // ── public ──
    app.get('/api/v1/public/cat/sessions/:id/scoreboard', { config: { access: 'public' }, schema: { ...pub, summary: 'Papan skor langsung (nama disamarkan)', params: Id, response: { 200: Scoreboard } } }, async (req, reply) => {
      reply.header('cache-control', 'no-cache');
      return cat.scoreboard(req.params.id);
    });
    app.get('/api/v1/public/cat/sessions/:id/scoreboard/stream', { config: { access: 'public' }, schema: { ...pub, summary: 'SSE papan skor langsung', params: Id } }, async (req, reply) => {
      await cat.scoreboard(req.params.id); // 404 before the stream starts
      await stream(req, reply, live, 'scoreboard', req.params.id);
    });
    app.get('/api/v1/public/cat/certificates/:id', {
      config: { access: 'public' },
      schema: { ...pub, summary: 'Verifikasi sertifikat hasil CAT (QR)', params: Id, querystring: z.strictObject({ s: z.string().max(60) }), response: { 200: CertificateCheck } },
    }, async (req) => cat.verifyCertificate(req.params.id, req.query.s));
  };
}
