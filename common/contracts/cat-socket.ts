/**
 * The exam page's answer channel: one WebSocket per participant (`CAT_SOCKET_PATH`), opened after
 * the exam is loaded, authenticated by the same cookies as `PUT /api/v1/cat/answers`. Each `save`
 * is answered by exactly one `ack` (after the answer is durably committed) or one `error`, matched
 * by (itemId, sentSeq) — an ack's own `seq` is the stored one, higher when the save was stale —
 * and the semantics are those of the PUT, which stays the fallback when the socket is
 * down. Why a socket: a save is then a ~100-byte frame instead of an HTTP request with headers,
 * cookies and a CSRF check, which is most of what a save costs on a phone and on the server.
 */
import { z } from 'zod';

export const CAT_SOCKET_PATH = '/api/v1/cat/socket';
export const ANSWER_OPTION_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;

/** One answer as the page sends it (also the body of `PUT /api/v1/cat/answers`). */
export const SaveAnswerSchema = z.strictObject({
  itemId: z.uuid(),
  chosen: z.enum(ANSWER_OPTION_KEYS).nullable(),
  flagged: z.boolean(),
  seq: z.number().int().min(1).max(2_000_000_000),
});
export type SaveAnswer = z.infer<typeof SaveAnswerSchema>;

export const SocketClientMessageSchema = SaveAnswerSchema.extend({ type: z.literal('save') });
export type SocketClientMessage = z.infer<typeof SocketClientMessageSchema>;

/** What a committed save returns (the PUT's response body, and the socket's `ack`). */
export const SaveAckSchema = z.object({
  itemId: z.string(),
  seq: z.number(),
  chosen: z.enum(ANSWER_OPTION_KEYS).nullable(),
  flagged: z.boolean(),
  savedAt: z.string(),
  /** false: a newer or equal seq was already stored; the fields are the stored state. */
  applied: z.boolean(),
  deadlineAt: z.string(),
  remainingMs: z.number(),
});
export type SaveAckBody = z.infer<typeof SaveAckSchema>;

export type SocketServerMessage =
  /** sentSeq: the seq of the save this answers (its `seq` is the stored one). */
  | ({ type: 'ack'; sentSeq: number } & SaveAckBody)
  /** status/code as the HTTP API would answer (400 not on the form, 409 time up or other device, 429 too many in flight…); seq is the save's. */
  | { type: 'error'; itemId: string | null; seq: number | null; status: number; code: string; message: string };

/** Close codes the page acts on (4000–4999 are the application's). */
export const SOCKET_CLOSE = {
  /** The sign-in ended (signed out, expired, password reset): do not reconnect; reload the exam. */
  SESSION_ENDED: 4401,
  /** Refused before any save (foreign Origin). */
  FORBIDDEN: 4403,
  /** The server is restarting: reconnect (to another instance). */
  RESTART: 1012,
} as const;

/** Saves a socket may have waiting for their commit; more are refused with 429 (resend later). */
export const SOCKET_MAX_IN_FLIGHT = 256;
