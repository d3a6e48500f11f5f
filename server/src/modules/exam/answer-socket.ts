/**
 * The exam page's answer channel (common/contracts/cat-socket.ts): a WebSocket per participant that
 * carries the same saves as `PUT /api/v1/cat/answers`, through the same `cat.saveAnswer`, so every
 * rule (form, options, seq, deadline, device, incidents, group commit) is the PUT's. The upgrade
 * passes the app's access control like any request (session cookie, role `applicant`); the session
 * is re-checked per save (identity caches it, and drops it on sign-out on every instance), so a
 * socket never outlives its sign-in.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import {
  type SaveAckBody,
  SOCKET_CLOSE,
  SOCKET_MAX_IN_FLIGHT,
  type SocketServerMessage,
  SocketClientMessageSchema,
} from '../../../../common/contracts/cat-socket.ts';
import { type Lang, msg } from '../../../../common/contracts/messages.ts';
import { AppError, ERROR_STATUS } from '../../errors.ts';
import { SESSION_COOKIE } from '../../http/session.ts';
import type { IdentityService } from '../identity/index.ts';
import type { CatService } from './cat.service.ts';

export interface AnswerSocketDeps {
  cat: CatService;
  identity: IdentityService;
  publicUrl: string;
  deviceCookie: string;
}

const PING_EVERY_MS = 30_000;
const BAD_MESSAGE = msg('Pesan tidak dikenal. Muat ulang halaman ujian.', 'Unknown message. Reload the exam page.');
const TOO_MANY = msg(
  'Terlalu banyak jawaban menunggu; dikirim ulang otomatis.',
  'Too many answers waiting; they are resent automatically.',
);
const FAILED = msg(
  'Jawaban belum tersimpan; dikirim ulang otomatis.',
  'The answer was not saved yet; it is resent automatically.',
);

/**
 * A browser always sends Origin on a WebSocket upgrade and cookies go with it, so a page on another
 * site could otherwise save answers as the participant (cross-site WebSocket hijacking). Clients
 * that are not browsers send no Origin.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return o.host === host || o.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** Pings the socket regularly and terminates it when the previous ping went unanswered. */
function keepAlive(ws: WebSocket) {
  let alive = true;
  const ping = setInterval(() => {
    if (!alive) return ws.terminate(); // no pong since the last ping: the phone is gone
    alive = false;
    ws.ping();
  }, PING_EVERY_MS);
  ws.on('pong', () => (alive = true));
  ws.on('close', () => clearInterval(ping));
}

/** One participant's answer socket: each save goes through `cat.saveAnswer` and is acked or refused. */
function answerSocket(deps: AnswerSocketDeps, ws: WebSocket, req: FastifyRequest) {
  const { cat, identity } = deps;
  // Access control let the upgrade through, so the cookie is well-formed; hashed once per socket.
  const sessionKey = identity.sessionKey(req.cookies[SESSION_COOKIE] ?? '');
  const device = req.cookies[deps.deviceCookie];
  const lang: Lang = req.lang;
  let inFlight = 0;
  const send = (m: SocketServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const refuse = (itemId: string | null, seq: number | null, err: unknown) => {
    if (err instanceof AppError)
      return send({
        type: 'error',
        itemId,
        seq,
        status: ERROR_STATUS[err.code],
        code: err.code,
        message: err.userMessage[lang],
      });
    req.log.error({ err }, 'answer socket: save failed');
    send({ type: 'error', itemId, seq, status: 500, code: 'INTERNAL', message: FAILED[lang] });
  };

  keepAlive(ws);

  ws.on('message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    const m = SocketClientMessageSchema.safeParse(parsed);
    if (!m.success) {
      const p = parsed as { itemId?: unknown; seq?: unknown } | undefined;
      return send({
        type: 'error',
        itemId: typeof p?.itemId === 'string' ? p.itemId.slice(0, 64) : null,
        seq: typeof p?.seq === 'number' ? p.seq : null,
        status: 400,
        code: 'VALIDATION_FAILED',
        message: BAD_MESSAGE[lang],
      });
    }
    const { type: _type, ...body } = m.data;
    if (inFlight >= SOCKET_MAX_IN_FLIGHT)
      return send({
        type: 'error',
        itemId: body.itemId,
        seq: body.seq,
        status: 429,
        code: 'TOO_MANY_REQUESTS',
        message: TOO_MANY[lang],
      });
    inFlight++;
    void (async () => {
      try {
        const actor = sessionKey === null ? null : await identity.authenticateKey(sessionKey);
        if (!actor) return ws.close(SOCKET_CLOSE.SESSION_ENDED, 'session ended');
        const ack = (await cat.saveAnswer(actor, device, body)) as SaveAckBody;
        send({ type: 'ack', sentSeq: body.seq, ...ack });
      } catch (err) {
        refuse(body.itemId, body.seq, err);
      } finally {
        inFlight--;
      }
    })();
  });
}

export function answerSocketHandlers(deps: AnswerSocketDeps) {
  /** Plain GET (no upgrade): say what the address is for. */
  const http = async (req: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(426)
      .header('upgrade', 'websocket')
      .send({
        error: {
          code: 'UPGRADE_REQUIRED',
          message: msg(
            'Alamat ini hanya untuk koneksi WebSocket halaman ujian.',
            "This address is for the exam page's WebSocket only.",
          )[req.lang],
          requestId: req.id,
        },
      });

  /** Route hook: refuses a foreign Origin before the upgrade. */
  const checkOrigin = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!originAllowed(req.headers.origin, req.headers.host, deps.publicUrl)) {
      return reply.status(403).send({
        error: {
          code: 'FORBIDDEN',
          message: msg('Asal halaman tidak diizinkan.', 'Origin not allowed.')[req.lang],
          requestId: req.id,
        },
      });
    }
  };

  const socket = (ws: WebSocket, req: FastifyRequest) => answerSocket(deps, ws, req);

  return { http, checkOrigin, socket };
}
