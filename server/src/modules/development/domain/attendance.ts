/**
 * Attendance QR tokens (issue 12): the facilitator's screen shows a code that changes every
 * WINDOW_SECONDS; it is an HMAC over the batch, the meeting and the time window, so it cannot be
 * made up, moved to another meeting, or kept for later. A scan is accepted with the window it was
 * scanned in or the one before (a code that just rotated still counts) — also when the scan waited
 * offline and arrives later with its original time. Pure: the time and the secret are the caller's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';

export const WINDOW_SECONDS = 30;
/** Scans are taken from this long before a meeting starts until this long after it ends. */
export const MEETING_SLACK_MS = 60 * 60_000;

export const windowOf = (at: Date) => Math.floor(at.getTime() / (WINDOW_SECONDS * 1000));
/** When a window ends (the code on screen changes). */
export const windowEndsAt = (window: number) => new Date((window + 1) * WINDOW_SECONDS * 1000);

const mac = (secret: string, batchId: string, meetingId: string, window: number) =>
  createHmac('sha256', secret).update(`attendance:${batchId}:${meetingId}:${window}`).digest('base64url').slice(0, 16);

/** The token for a meeting at a time: `<meeting id>.<window>.<mac>`. */
export function attendanceToken(secret: string, batchId: string, meetingId: string, at: Date): string {
  const w = windowOf(at);
  return `${meetingId}.${w}.${mac(secret, batchId, meetingId, w)}`;
}

export interface ParsedToken {
  meetingId: string;
  window: number;
  mac: string;
}

/** Reads a token's parts (null: not a Merit attendance token at all). */
export function parseToken(token: string): ParsedToken | null {
  const m = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token.trim());
  return m ? { meetingId: m[1]!, window: Number(m[2]), mac: m[3]! } : null;
}

export const NOT_A_TOKEN = msg(
  'Kode QR ini bukan kode presensi Merit yang sah. Pindai kode di layar fasilitator.',
  'This QR code is not a valid Merit attendance code. Scan the code on the facilitator’s screen.',
);
export const EXPIRED = msg(
  `Kode QR sudah kedaluwarsa (berganti setiap ${WINDOW_SECONDS} detik). Pindai kode yang sedang tampil di layar fasilitator.`,
  `This QR code has expired (it changes every ${WINDOW_SECONDS} seconds). Scan the code currently on the facilitator’s screen.`,
);

/**
 * Whether a token is genuine for this meeting of this batch and was valid at `scannedAt` (its
 * window is the scan's or the one before). null = valid, else why not.
 */
export function tokenProblem(
  secret: string,
  t: ParsedToken,
  meeting: { id: string; batchId: string; startsAt: Date; endsAt: Date },
  scannedAt: Date,
): Msg | null {
  const expected = Buffer.from(mac(secret, meeting.batchId, meeting.id, t.window));
  const given = Buffer.from(t.mac);
  if (t.meetingId !== meeting.id || given.length !== expected.length || !timingSafeEqual(given, expected))
    return NOT_A_TOKEN;
  const w = windowOf(scannedAt);
  if (t.window !== w && t.window !== w - 1) return EXPIRED;
  if (
    scannedAt.getTime() < meeting.startsAt.getTime() - MEETING_SLACK_MS ||
    scannedAt.getTime() > meeting.endsAt.getTime() + MEETING_SLACK_MS
  ) {
    return msg(
      'Presensi pertemuan ini hanya dapat dicatat pada jam pertemuannya.',
      'Attendance for this meeting can only be recorded during the meeting.',
    );
  }
  return null;
}
