/**
 * The exam page's answer socket (common/contracts/cat-socket.ts), framework-free so its rules can be
 * tested with a fake WebSocket. `save()` resolves with the server's ack or rejects with an ApiError:
 * the server's status/code for an `error` reply, or status 0 with a SOCKET_* code when the socket
 * cannot carry the save (the caller then saves over HTTP, which stays the fallback).
 */
import { ApiError } from '../../app/api.ts';
import {
  type SaveAckBody,
  type SaveAnswer,
  SOCKET_CLOSE,
  SOCKET_MAX_IN_FLIGHT,
  type SocketServerMessage,
} from '../../../../common/contracts/cat-socket.ts';
import { examEndpoints } from '../../../../common/contracts/exam.endpoints.ts';
import { urlOf } from '../../app/client.ts';
import { retryDelay } from './queue.ts';

/** Client-side failure codes (status 0, like the app's NETWORK_ERROR): the save should go over HTTP. */
export const SOCKET_FAILURE = {
  /** Not sent: the socket is not open or already has SOCKET_MAX_IN_FLIGHT saves waiting. */
  UNAVAILABLE: 'SOCKET_UNAVAILABLE',
  /** Sent, but the socket closed before the reply: the save may or may not be stored (resending is idempotent). */
  CLOSED: 'SOCKET_CLOSED',
  /** Sent, no reply within the timeout: the connection is treated as dead and dropped. */
  TIMEOUT: 'SOCKET_TIMEOUT',
} as const;

export const SAVE_TIMEOUT_MS = 10_000;
/** A connection that stayed open this long was a good one: the next reconnect starts the back-off afresh. */
export const STABLE_MS = 10_000;
/** Close code reported to onClose when the client itself drops a connection that stopped answering. */
export const CLOSE_TIMED_OUT = 4008;

export function isSocketFailure(e: unknown): boolean {
  return e instanceof ApiError && e.status === 0 && Object.values<string>(SOCKET_FAILURE).includes(e.code);
}

type FailureCode = (typeof SOCKET_FAILURE)[keyof typeof SOCKET_FAILURE];
const failure = (code: FailureCode) => new ApiError({ status: 0, code, message: '' });

/** ws://host/… or wss://host/… for the page's own origin (same cookies, same-origin check on the server). */
export function answerSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${urlOf(examEndpoints.answerSocket)}`;
}

/** The part of the browser WebSocket this client uses (a test passes a fake). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

const OPEN = 1;

export interface AnswerSocketOptions {
  url: string;
  onOpen?: () => void;
  /** Every end of an opened or attempted connection (1006 when the upgrade was refused or the network failed). */
  onClose?: (code: number) => void;
  WebSocketImpl?: WebSocketCtor;
  timeoutMs?: number;
  /** 0..1; spreads reconnects so a restarting server is not hit by every page in the same second. */
  random?: () => number;
}

export interface AnswerSocket {
  save(entry: SaveAnswer): Promise<SaveAckBody>;
  isOpen(): boolean;
  /** Saves waiting for their reply. */
  inFlight(): number;
  /** For good (unmount, offline, submitted): no reconnect; waiting saves are rejected as CLOSED. */
  close(): void;
}

interface Waiting {
  promise: Promise<SaveAckBody>;
  resolve: (ack: SaveAckBody) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

const keyOf = (itemId: string, seq: number) => `${itemId}#${seq}`;

/** Settles the waiting save a server message answers (an ack resolves, an error rejects); others are ignored. */
function onMessage(waiting: Map<string, Waiting>, data: unknown) {
  let m: SocketServerMessage;
  try {
    m = JSON.parse(String(data)) as SocketServerMessage;
  } catch {
    return;
  }
  if (!m || typeof m !== 'object' || typeof m.itemId !== 'string') return; // not about one save
  // An ack names the save it answers by sentSeq (its own seq is the stored one, higher for a stale
  // save); an error by seq.
  const sent = m.type === 'ack' ? m.sentSeq : m.seq;
  if (typeof sent !== 'number') return;
  const key = keyOf(m.itemId, sent);
  const w = waiting.get(key);
  if (!w) return; // already timed out, or not ours
  waiting.delete(key);
  clearTimeout(w.timer);
  if (m.type === 'ack') {
    const { type: _type, sentSeq: _sentSeq, ...ack } = m;
    w.resolve(ack);
  } else if (m.type === 'error') {
    w.reject(new ApiError({ status: m.status, code: m.code, message: m.message }));
  } else {
    w.reject(failure(SOCKET_FAILURE.CLOSED));
  }
}

/**
 * Sends one save on an open socket and waits for its reply. The same (itemId, seq) already waiting
 * shares that wait; no reply within timeoutMs drops the connection (`ended`), a likely dead one.
 */
function sendSave(
  socket: WebSocketLike,
  waiting: Map<string, Waiting>,
  entry: SaveAnswer,
  timeoutMs: number,
  ended: (socket: WebSocketLike, code: number, reason: FailureCode) => void,
): Promise<SaveAckBody> {
  const key = keyOf(entry.itemId, entry.seq);
  // Same (itemId, seq) = same answer: one frame, one reply for both callers.
  const already = waiting.get(key);
  if (already) return already.promise;
  let resolve!: (ack: SaveAckBody) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<SaveAckBody>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const timer = setTimeout(() => {
    if (waiting.get(key)?.promise !== promise) return;
    waiting.delete(key);
    reject(failure(SOCKET_FAILURE.TIMEOUT));
    // No reply in time: most likely a dead connection the browser has not noticed (a phone that
    // changed networks). Drop it so the next saves go over HTTP until a fresh one opens.
    try {
      socket.close();
    } catch {
      // already closing
    }
    ended(socket, CLOSE_TIMED_OUT, SOCKET_FAILURE.TIMEOUT);
  }, timeoutMs);
  waiting.set(key, { promise, resolve, reject, timer });
  try {
    socket.send(
      JSON.stringify({
        type: 'save',
        itemId: entry.itemId,
        chosen: entry.chosen,
        flagged: entry.flagged,
        seq: entry.seq,
      }),
    );
  } catch {
    clearTimeout(timer);
    waiting.delete(key);
    return Promise.reject(failure(SOCKET_FAILURE.UNAVAILABLE));
  }
  return promise;
}

/** Opens at once and keeps a connection up (reconnecting with back-off) until close() or a final close code. */
export function createAnswerSocket(opts: AnswerSocketOptions): AnswerSocket {
  const Impl: WebSocketCtor = opts.WebSocketImpl ?? (WebSocket as unknown as WebSocketCtor);
  const timeoutMs = opts.timeoutMs ?? SAVE_TIMEOUT_MS;
  const random = opts.random ?? Math.random;
  const waiting = new Map<string, Waiting>();
  let ws: WebSocketLike | null = null;
  let failures = 0;
  let openedAt: number | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const rejectAll = (code: (typeof SOCKET_FAILURE)[keyof typeof SOCKET_FAILURE]) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(failure(code));
    }
    waiting.clear();
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer) return;
    failures += 1;
    // retryDelay ×0.75–1.25: the same back-off as the HTTP resend, spread out.
    const delay = Math.round(retryDelay(failures) * (0.75 + random() * 0.5));
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect();
    }, delay);
  };

  /** The end of one connection, whoever noticed it first (the close event, or a save's timeout). */
  const ended = (socket: WebSocketLike, code: number, reason: (typeof SOCKET_FAILURE)[keyof typeof SOCKET_FAILURE]) => {
    if (ws !== socket) return;
    ws = null;
    socket.onopen = socket.onclose = socket.onmessage = socket.onerror = null;
    rejectAll(reason);
    // Not reset on open: a server that accepts and then drops at once must still be backed off from.
    if (openedAt !== null && Date.now() - openedAt >= STABLE_MS) failures = 0;
    openedAt = null;
    if (code === SOCKET_CLOSE.SESSION_ENDED || code === SOCKET_CLOSE.FORBIDDEN)
      stopped = true; // reconnecting cannot help
    else scheduleReconnect();
    opts.onClose?.(code);
  };

  function connect() {
    if (stopped) return;
    let socket: WebSocketLike;
    try {
      socket = new Impl(opts.url);
    } catch {
      scheduleReconnect();
      return;
    }
    ws = socket;
    socket.onopen = () => {
      if (ws !== socket) return;
      openedAt = Date.now();
      opts.onOpen?.();
    };
    socket.onmessage = (ev) => {
      if (ws === socket) onMessage(waiting, ev.data);
    };
    socket.onclose = (ev) => ended(socket, ev.code, SOCKET_FAILURE.CLOSED);
    socket.onerror = () => undefined; // always followed by close
  }

  connect();

  return {
    isOpen: () => ws !== null && ws.readyState === OPEN,
    inFlight: () => waiting.size,
    save(entry) {
      const socket = ws;
      if (!socket || socket.readyState !== OPEN || waiting.size >= SOCKET_MAX_IN_FLIGHT)
        return Promise.reject(failure(SOCKET_FAILURE.UNAVAILABLE));
      return sendSave(socket, waiting, entry, timeoutMs, ended);
    },
    close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      const socket = ws;
      ws = null;
      if (socket) {
        socket.onopen = socket.onclose = socket.onmessage = socket.onerror = null;
        try {
          socket.close(1000, 'done');
        } catch {
          // already closed
        }
      }
      rejectAll(SOCKET_FAILURE.CLOSED);
    },
  };
}
