/**
 * HTTP for the exam, registered from the declarations in common/contracts/exam.endpoints.ts: item
 * bank and blueprints (exam admin), CAT participant, proctor console, public scoreboard. The answer
 * WebSocket keeps its own registration (route() has no wsHandler) but takes its method, path,
 * access and summary from its declaration.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { compressed } from '../../http/compress.ts';
import { setSessionCookie } from '../../http/session.ts';
import { type AttemptView, OPTION_KEYS, type ItemStat } from '../../../../common/contracts/exam.ts';
import { examEndpoints as E } from '../../../../common/contracts/exam.endpoints.ts';
import type { IdentityService } from '../identity/index.ts';
import { answerSocketHandlers } from './answer-socket.ts';
import type { CatService } from './cat.service.ts';
import type { CatSessionsService } from './cat-sessions.service.ts';
import type { SessionResultsService } from './session-results.service.ts';
import type { ItemImagesService } from './item-images.service.ts';
import { sendDocument } from '../../http/documents.ts';
import { route } from '../../http/endpoints.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError } from '../../errors.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { Blueprint, ItemContent } from './domain/index.ts';
import type { ItemBankService } from './item-bank.service.ts';
import type { LiveHub, LiveKind } from './live.ts';

export const DEVICE_COOKIE = 'merit_device';
const JSON_TYPE = 'application/json; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 5 * 1024 * 1024;
/** The exam view goes out as the bytes cat-attempt assembled: fastify never serializes a Buffer or string, so AttemptView documents it without a check on the hot path. */
const viewBytes = (bytes: string | Buffer) => bytes as unknown as AttemptView;
const device = (req: Pick<FastifyRequest, 'cookies'>) => req.cookies[DEVICE_COOKIE];

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
export async function stream(
  req: FastifyRequest,
  reply: FastifyReply,
  live: LiveHub,
  kind: LiveKind,
  sessionId: string,
) {
  if (live.full())
    throw new AppError(
      'TOO_MANY_REQUESTS',
      msg(
        'Terlalu banyak tampilan langsung terbuka di server ini. Halaman memuat ulang data secara berkala.',
        'Too many live views are open on this server. The page refreshes the data periodically instead.',
      ),
      { retryAfterSeconds: 30 },
    );
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
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

/** The item-analysis CSV: one row per item with its difficulty, discrimination and option spread. */
function itemAnalysisCsv(items: readonly ItemStat[]): string {
  const cols = [
    'item_id',
    'version',
    'subtest',
    'category',
    'n',
    'difficulty',
    'point_biserial',
    ...OPTION_KEYS.map((k) => `option_${k.toLowerCase()}`),
    'blank',
    'flags',
  ];
  const lines = [cols.join(',')];
  for (const s of items) {
    lines.push(
      [
        s.itemId,
        s.version,
        s.subtest,
        s.category,
        s.n,
        s.difficulty.toFixed(3),
        s.pointBiserial === null ? '' : s.pointBiserial.toFixed(3),
        ...OPTION_KEYS.map((k) => s.optionDistribution[k] ?? 0),
        s.optionDistribution.blank ?? 0,
        s.flags.join(' '),
      ].join(','),
    );
  }
  return '\uFEFF' + lines.join('\n') + '\n';
}

/** A spreadsheet download that no cache keeps. */
function sendSheet(reply: FastifyReply, format: 'xlsx' | 'csv', filename: string, data: unknown) {
  return reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
    .send(data);
}

/** Item bank and blueprints (exam admins only; every read of an item audited). */
function bankRoutes(app: FastifyInstance, { items, itemImages }: ExamRouteDeps) {
  route(app, E.listItems, (req) =>
    items.listItems(req.actor!, { ...req.query, includeRetired: req.query.includeRetired === 'true' }),
  );
  route(app, E.createItem, (req) => items.createItem(req.actor!, req.body as ItemContent));
  route(app, E.exportItems, async (req, reply) => {
    const { format, ...f } = req.query;
    const data = await items.exportItems(req.actor!, { ...f, includeRetired: f.includeRetired === 'true' }, format);
    return sendSheet(reply, format, `bank-soal.${format}`, data);
  });
  route(app, E.uploadItemImage, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: 2 * 1024 * 1024,
      what: { id: 'gambar soal (JPG atau PNG)', en: 'item picture (JPG or PNG)' },
    });
    return itemImages.upload(req.actor!, file.data);
  });
  route(app, E.itemImage, async (req, reply) => {
    const image = await itemImages.read(req.actor!, req.params.id);
    // A picture never changes under its key: a reload on a weak signal costs nothing.
    return sendDocument(
      reply,
      { data: image.data, mime: image.mime, name: `gambar-soal.${image.mime === 'image/png' ? 'png' : 'jpg'}` },
      { cache: 'immutable' },
    );
  });
  route(app, E.importItems, async (req) => {
    const file = await readUploadedFile(req, {
      maxBytes: MAX_UPLOAD,
      what: { id: 'berkas XLSX atau CSV', en: 'XLSX or CSV file' },
    });
    return items.importItems(req.actor!, file.data, sheetFormatOf(file));
  });
  route(app, E.getItem, (req) => items.getItem(req.actor!, req.params.id));
  route(app, E.updateItem, (req) => items.updateItem(req.actor!, req.params.id, req.body as ItemContent));
  route(app, E.retireItem, async (req) => {
    await items.retireItem(req.actor!, req.params.id);
    return { ok: true as const };
  });
  route(app, E.listBlueprints, async () => ({ blueprints: await items.listBlueprints() }));
  route(app, E.createBlueprint, (req) => items.createBlueprint(req.actor!, req.body as Blueprint));
  route(app, E.getBlueprint, (req) => items.getBlueprint(req.params.id));
  route(app, E.updateBlueprint, (req) => items.updateBlueprint(req.actor!, req.params.id, req.body as Blueprint));
}

/** The proctor console: sessions, proctors, grants, devices, lockouts, incidents, the live stream, item analysis. */
function proctorRoutes(app: FastifyInstance, { cat, sessions, sessionResults, live }: ExamRouteDeps) {
  route(app, E.catSessions, (req) => sessions.listSessions(req.query, req.actor!));
  route(app, E.catSession, (req) => sessions.getSession(req.params.id, req.actor!));
  route(app, E.proctors, (req) => sessions.listProctors(req.params.id));
  route(app, E.assignProctor, (req) => sessions.assignProctor(req.actor!, req.params.id, req.body.accountId));
  route(app, E.unassignProctor, (req) => sessions.unassignProctor(req.actor!, req.params.id, req.params.accountId));
  route(app, E.openSession, (req) => cat.openSession(req.actor!, req.params.id, req.body));
  route(app, E.closeSession, (req) => cat.closeSession(req.actor!, req.params.id));
  route(app, E.sessionResults, async (req, reply) => {
    const { data, filename } = await sessionResults.sheet(req.actor!, req.params.id, req.query.format);
    return sendSheet(reply, req.query.format, filename, data);
  });
  route(app, E.participants, (req) => cat.participantsFor(req.actor!, req.params.id));
  route(app, E.grant, (req) => cat.grantTime(req.actor!, req.params.id, req.body));
  route(app, E.approveDevice, (req) => cat.approveDevice(req.actor!, req.params.id, req.body.applicationId));
  route(app, E.clearLockout, (req) => cat.clearLockout(req.actor!, req.params.id, req.body.applicationId));
  route(app, E.hallAddresses, (req) => cat.addressBlocks(req.actor!, req.params.id));
  route(app, E.liftHallAddress, (req) => cat.liftAddressBlock(req.actor!, req.params.id, req.body.address));
  route(app, E.incidents, async (req) => ({ incidents: await cat.incidents(req.actor!, req.params.id) }));
  route(app, E.events, async (req, reply) => {
    await cat.participantsFor(req.actor!, req.params.id); // 404 before the stream starts
    await stream(req, reply, live, 'proctor', req.params.id);
  });
  route(app, E.itemAnalysis, async (req, reply) => {
    const r = await cat.itemAnalysis(req.actor!, req.params.id);
    if (req.query.format === 'json') return r;
    return reply
      .header('content-disposition', 'attachment; filename="analisis-butir.csv"')
      .type('text/csv; charset=utf-8')
      .send(itemAnalysisCsv(r.items));
  });
}

/** The participant's exam: login, the attempt, saves (HTTP and WebSocket), submit, result, certificate. */
function participantRoutes(app: FastifyInstance, deps: ExamRouteDeps) {
  const { cat } = deps;
  route(app, E.login, async (req, reply) => {
    const r = await cat.login({ ...req.body, token: req.body.token.toUpperCase() }, req.ip, req.cookies[DEVICE_COOKIE]);
    setSessionCookie(reply, r.sessionToken, { secure: deps.cookieSecure, maxAgeSeconds: deps.sessionMaxAgeSeconds });
    reply.setCookie(DEVICE_COOKIE, r.device, {
      path: '/api/v1/cat',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.cookieSecure,
      maxAge: 7 * 86_400,
    });
    return reply.type(JSON_TYPE).send(viewBytes(compressed(req, reply, r.view)));
  });
  route(app, E.attempt, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    return reply
      .type(JSON_TYPE)
      .send(
        viewBytes(
          compressed(req, reply, await cat.attempt(req.actor!, device(req), { items: req.query.items === 'true' })),
        ),
      );
  });
  route(app, E.saveAnswer, (req) => cat.saveAnswer(req.actor!, device(req), req.body));
  const answerSocket = answerSocketHandlers({
    cat,
    identity: deps.identity,
    publicUrl: deps.publicUrl,
    deviceCookie: DEVICE_COOKIE,
  });
  const ws = E.answerSocket;
  app.route({
    method: ws.method,
    url: ws.path,
    config: { access: ws.access },
    schema: { tags: [...ws.tags], summary: ws.summary },
    onRequest: answerSocket.checkOrigin,
    handler: answerSocket.http,
    wsHandler: answerSocket.socket,
  });
  route(app, E.submit, (req) => cat.submit(req.actor!, device(req)));
  route(app, E.result, (req) => cat.result(req.actor!));
  route(app, E.certificate, async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="sertifikat-hasil-cat.pdf"')
      .send(await cat.certificate(req.actor!)),
  );
}

/** The public scoreboard, its stream, and certificate verification (QR). */
function publicRoutes(app: FastifyInstance, { cat, live }: ExamRouteDeps) {
  route(app, E.scoreboard, (req, reply) => {
    reply.header('cache-control', 'no-cache');
    return cat.scoreboard(req.params.id);
  });
  route(app, E.scoreboardStream, async (req, reply) => {
    await cat.scoreboard(req.params.id); // 404 before the stream starts
    await stream(req, reply, live, 'scoreboard', req.params.id);
  });
  route(app, E.verifyCertificate, (req) => cat.verifyCertificate(req.params.id, req.query.s));
}

/** Registers every exam route, in the order they were always registered (the OpenAPI document's order). */
export function examRoutes(deps: ExamRouteDeps): FastifyPluginAsync {
  return async (app) => {
    bankRoutes(app, deps);
    proctorRoutes(app, deps);
    participantRoutes(app, deps);
    publicRoutes(app, deps);
  };
}
