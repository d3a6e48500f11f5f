import { describe, expect, it } from 'vitest';
import {
  attendanceToken,
  EXPIRED,
  NOT_A_TOKEN,
  parseToken,
  tokenProblem,
  WINDOW_SECONDS,
  windowEndsAt,
  windowOf,
} from './attendance.ts';

const SECRET = 'rahasia-uji';
const BATCH = '11111111-1111-4111-8111-111111111111';
const MEETING = {
  id: '22222222-2222-4222-8222-222222222222',
  batchId: BATCH,
  startsAt: new Date('2026-08-10T00:00:00Z'),
  endsAt: new Date('2026-08-10T08:00:00Z'),
};
const shown = new Date('2026-08-10T01:00:10Z');
const token = attendanceToken(SECRET, BATCH, MEETING.id, shown);
const at = (ms: number) => new Date(shown.getTime() + ms);

describe('attendance tokens', () => {
  it('rotates every window', () => {
    expect(windowEndsAt(windowOf(shown)).getTime() - shown.getTime()).toBeLessThanOrEqual(WINDOW_SECONDS * 1000);
    expect(attendanceToken(SECRET, BATCH, MEETING.id, at(WINDOW_SECONDS * 1000))).not.toBe(token);
  });
  it.each<[string, string, Date, string | null]>([
    ['the same window', token, at(5_000), null],
    ['the next window (just rotated)', token, at(WINDOW_SECONDS * 1000), null],
    ['two windows later', token, at(2 * WINDOW_SECONDS * 1000), EXPIRED.id],
    ['before it was shown', token, at(-WINDOW_SECONDS * 1000), EXPIRED.id],
    [
      'another meeting’s token',
      attendanceToken(SECRET, BATCH, '33333333-3333-4333-8333-333333333333', shown),
      at(0),
      NOT_A_TOKEN.id,
    ],
    [
      'another batch’s signature',
      attendanceToken(SECRET, '44444444-4444-4444-8444-444444444444', MEETING.id, shown),
      at(0),
      NOT_A_TOKEN.id,
    ],
    ['another secret', attendanceToken('lain', BATCH, MEETING.id, shown), at(0), NOT_A_TOKEN.id],
    [
      'a tampered window',
      token.replace(/\.(\d+)\./, (_m, w: string) => `.${Number(w) + 1}.`),
      at(WINDOW_SECONDS * 1000),
      NOT_A_TOKEN.id,
    ],
  ])('%s', (_n, t, scannedAt, problem) => {
    expect(tokenProblem(SECRET, parseToken(t)!, MEETING, scannedAt)?.id ?? null).toBe(problem);
  });
  it('is taken only around the meeting’s hours', () => {
    const late = new Date('2026-08-10T09:30:00Z');
    expect(
      tokenProblem(SECRET, parseToken(attendanceToken(SECRET, BATCH, MEETING.id, late))!, MEETING, late)?.id,
    ).toMatch(/jam pertemuannya/);
  });
  it.each(['', 'abc', `${MEETING.id}.12.short`, 'https://palukota.go.id'])('rejects %j as not a token', (t) => {
    expect(parseToken(t)).toBeNull();
  });
});
