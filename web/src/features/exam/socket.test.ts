import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../app/api.ts';
import { SOCKET_CLOSE, SOCKET_MAX_IN_FLIGHT } from '../../../../common/contracts/cat-socket.ts';
import { examEndpoints } from '../../../../common/contracts/exam.endpoints.ts';
import {
  answerSocketUrl,
  CLOSE_TIMED_OUT,
  createAnswerSocket,
  isSocketFailure,
  SAVE_TIMEOUT_MS,
  SOCKET_FAILURE,
  STABLE_MS,
  type WebSocketLike,
} from './socket.ts';

/** A WebSocket the test drives: it opens, answers and closes only when told to. */
class FakeWebSocket implements WebSocketLike {
  static all: FakeWebSocket[] = [];
  readyState = 0;
  sent: any[] = [];
  closedWith: number | undefined;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.all.push(this);
  }
  send(data: string) {
    if (this.readyState !== 1) throw new Error('InvalidStateError');
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 2;
  }
  // test controls
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  reply(m: unknown) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const last = () => FakeWebSocket.all[FakeWebSocket.all.length - 1]!;
const entry = (itemId = 'i1', seq = 1) => ({ itemId, chosen: 'A' as const, flagged: false, seq });
const ackFor = (e: ReturnType<typeof entry>) => ({
  type: 'ack',
  sentSeq: e.seq,
  ...e,
  savedAt: '2026-11-27T01:00:00.000Z',
  applied: true,
  deadlineAt: '2026-11-27T02:40:00.000Z',
  remainingMs: 6_000_000,
});

function start(extra: { onOpen?: () => void; onClose?: (code: number) => void } = {}) {
  return createAnswerSocket({
    url: `ws://exam.test${examEndpoints.answerSocket.path}`,
    WebSocketImpl: FakeWebSocket,
    random: () => 0.5,
    ...extra,
  });
}

beforeEach(() => {
  FakeWebSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('answerSocketUrl', () => {
  it('uses ws: on http and wss: on https, on the page’s own host', () => {
    expect(answerSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe(
      `ws://127.0.0.1:3000${examEndpoints.answerSocket.path}`,
    );
    expect(answerSocketUrl({ protocol: 'https:', host: 'merit.palukota.go.id' })).toBe(
      `wss://merit.palukota.go.id${examEndpoints.answerSocket.path}`,
    );
  });
});

describe('createAnswerSocket: saves and replies', () => {
  it('sends a save frame and resolves with the ack matched by (itemId, seq), whatever the order', async () => {
    const s = start();
    last().open();
    const a = s.save(entry('i1', 1));
    const b = s.save(entry('i2', 4));
    expect(last().sent).toEqual([
      { type: 'save', itemId: 'i1', chosen: 'A', flagged: false, seq: 1 },
      { type: 'save', itemId: 'i2', chosen: 'A', flagged: false, seq: 4 },
    ]);
    last().reply(ackFor(entry('i2', 4)));
    last().reply(ackFor(entry('i1', 1)));
    await expect(a).resolves.toMatchObject({ itemId: 'i1', seq: 1, applied: true, remainingMs: 6_000_000 });
    const ack = await b;
    expect(ack).toMatchObject({ itemId: 'i2', seq: 4 });
    expect(ack).not.toHaveProperty('type');
    expect(ack).not.toHaveProperty('sentSeq');
    expect(s.inFlight()).toBe(0);
  });

  it('matches an ack by sentSeq: a stale save is answered with the stored, higher seq (applied: false)', async () => {
    const s = start();
    last().open();
    const p = s.save(entry('i1', 2));
    last().reply({ ...ackFor(entry('i1', 5)), sentSeq: 2, applied: false, chosen: 'C' });
    await expect(p).resolves.toMatchObject({ itemId: 'i1', seq: 5, chosen: 'C', applied: false });
  });

  it('does not settle a save on a reply for another seq of the same item', async () => {
    const s = start();
    last().open();
    let settled = false;
    void s.save(entry('i1', 2)).finally(() => (settled = true));
    last().reply(ackFor(entry('i1', 1)));
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(s.inFlight()).toBe(1);
  });

  it('sends the same (itemId, seq) once while it waits, and both callers get the reply', async () => {
    const s = start();
    last().open();
    const a = s.save(entry('i1', 3));
    const b = s.save(entry('i1', 3));
    expect(last().sent).toHaveLength(1);
    last().reply(ackFor(entry('i1', 3)));
    await expect(a).resolves.toMatchObject({ seq: 3 });
    await expect(b).resolves.toMatchObject({ seq: 3 });
  });

  it('rejects with an ApiError carrying the server’s status, code and message on an error reply', async () => {
    const s = start();
    last().open();
    const p = s.save(entry('i1', 1));
    last().reply({ type: 'error', itemId: 'i1', seq: 1, status: 409, code: 'CONFLICT', message: 'Waktu habis' });
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'CONFLICT', message: 'Waktu habis' });
    expect(isSocketFailure(err)).toBe(false);
  });

  it('ignores replies it cannot match and frames that are not JSON', async () => {
    const s = start();
    last().open();
    const p = s.save(entry('i1', 1));
    last().onmessage?.({ data: 'not json' });
    last().reply({ type: 'error', itemId: null, seq: null, status: 400, code: 'VALIDATION_FAILED', message: 'x' });
    last().reply(ackFor(entry('other', 1)));
    expect(s.inFlight()).toBe(1);
    last().reply(ackFor(entry('i1', 1)));
    await expect(p).resolves.toMatchObject({ itemId: 'i1' });
  });
});

describe('createAnswerSocket: refusing, so the caller uses HTTP', () => {
  it('refuses at once while connecting, without sending', async () => {
    const s = start();
    expect(s.isOpen()).toBe(false);
    const err = await s.save(entry()).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, code: SOCKET_FAILURE.UNAVAILABLE });
    expect(isSocketFailure(err)).toBe(true);
    expect(last().sent).toEqual([]);
  });

  it('refuses once SOCKET_MAX_IN_FLIGHT saves are waiting, and accepts again after a reply', async () => {
    const s = start();
    last().open();
    for (let i = 1; i <= SOCKET_MAX_IN_FLIGHT; i++) void s.save(entry(`i${i}`, 1)).catch(() => undefined);
    expect(s.inFlight()).toBe(SOCKET_MAX_IN_FLIGHT);
    await expect(s.save(entry('one-more', 1))).rejects.toMatchObject({ code: SOCKET_FAILURE.UNAVAILABLE });
    expect(last().sent).toHaveLength(SOCKET_MAX_IN_FLIGHT);
    last().reply(ackFor(entry('i1', 1)));
    const p = s.save(entry('one-more', 1));
    expect(last().sent).toHaveLength(SOCKET_MAX_IN_FLIGHT + 1);
    last().reply(ackFor(entry('one-more', 1)));
    await expect(p).resolves.toMatchObject({ itemId: 'one-more' });
  });

  it('refuses after close() and never reconnects', async () => {
    const s = start();
    last().open();
    s.close();
    expect(last().closedWith).toBe(1000);
    await expect(s.save(entry())).rejects.toMatchObject({ code: SOCKET_FAILURE.UNAVAILABLE });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeWebSocket.all).toHaveLength(1);
  });
});

describe('createAnswerSocket: lost replies', () => {
  it('rejects waiting saves as CLOSED when the connection closes, and reports the code', async () => {
    const onClose = vi.fn();
    const s = start({ onClose });
    last().open();
    const p = s.save(entry('i1', 1));
    last().serverClose(1006);
    await expect(p).rejects.toMatchObject({ status: 0, code: SOCKET_FAILURE.CLOSED });
    expect(onClose).toHaveBeenCalledWith(1006);
    expect(s.isOpen()).toBe(false);
  });

  it('rejects waiting saves as CLOSED on close() (unmount)', async () => {
    const s = start();
    last().open();
    const p = s.save(entry('i1', 1));
    s.close();
    await expect(p).rejects.toMatchObject({ code: SOCKET_FAILURE.CLOSED });
  });

  it('times a save out, drops the silent connection (rejecting the others too) and reconnects', async () => {
    const onClose = vi.fn();
    const s = start({ onClose });
    const first = last();
    first.open();
    const a = s.save(entry('i1', 1));
    a.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(SAVE_TIMEOUT_MS / 2);
    const b = s.save(entry('i2', 1));
    b.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(SAVE_TIMEOUT_MS / 2 - 1);
    expect(s.inFlight()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(a).rejects.toMatchObject({ status: 0, code: SOCKET_FAILURE.TIMEOUT });
    await expect(b).rejects.toMatchObject({ status: 0, code: SOCKET_FAILURE.TIMEOUT });
    expect(first.closedWith).toBeDefined();
    expect(onClose).toHaveBeenCalledWith(CLOSE_TIMED_OUT);
    expect(s.isOpen()).toBe(false);
    // a late ack on the dropped connection changes nothing
    first.reply(ackFor(entry('i2', 1)));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeWebSocket.all).toHaveLength(2);
    s.close();
  });

  it('a reply in time clears the timeout', async () => {
    const onClose = vi.fn();
    const s = start({ onClose });
    last().open();
    const p = s.save(entry('i1', 1));
    last().reply(ackFor(entry('i1', 1)));
    await p;
    await vi.advanceTimersByTimeAsync(SAVE_TIMEOUT_MS * 2);
    expect(onClose).not.toHaveBeenCalled();
    expect(s.isOpen()).toBe(true);
  });
});

describe('createAnswerSocket: reconnecting', () => {
  it('reconnects with the retry back-off (2 s, 4 s, 8 s … 30 s) while connections fail', async () => {
    const s = start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const n = FakeWebSocket.all.length;
      last().serverClose(1006); // refused upgrade or no network: never opened
      let waited = 0;
      while (FakeWebSocket.all.length === n) {
        await vi.advanceTimersByTimeAsync(500);
        waited += 500;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    s.close();
  });

  it('spreads the delay with jitter (×0.75 to ×1.25)', async () => {
    const early = createAnswerSocket({ url: 'ws://x/', WebSocketImpl: FakeWebSocket, random: () => 0 });
    last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(FakeWebSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.all).toHaveLength(2);
    early.close();
  });

  it('starts the back-off afresh after a connection that stayed open, not after one dropped at once', async () => {
    const onOpen = vi.fn();
    const s = start({ onOpen });
    last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(2_000); // failure 1
    last().open();
    last().serverClose(1011); // accepted, then dropped at once: still failing
    await vi.advanceTimersByTimeAsync(3_999);
    expect(FakeWebSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // 4 s
    expect(FakeWebSocket.all).toHaveLength(3);
    last().open();
    await vi.advanceTimersByTimeAsync(STABLE_MS);
    last().serverClose(SOCKET_CLOSE.RESTART);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeWebSocket.all).toHaveLength(4);
    expect(onOpen).toHaveBeenCalledTimes(2);
    s.close();
  });

  it('does not reconnect after SESSION_ENDED or FORBIDDEN', async () => {
    for (const code of [SOCKET_CLOSE.SESSION_ENDED, SOCKET_CLOSE.FORBIDDEN]) {
      FakeWebSocket.all = [];
      const onClose = vi.fn();
      const s = start({ onClose });
      last().open();
      last().serverClose(code);
      expect(onClose).toHaveBeenCalledWith(code);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(FakeWebSocket.all).toHaveLength(1);
      await expect(s.save(entry())).rejects.toMatchObject({ code: SOCKET_FAILURE.UNAVAILABLE });
    }
  });

  it('reconnects after a server restart (1012) and calls onOpen again, so the page resends', async () => {
    const onOpen = vi.fn();
    const s = start({ onOpen });
    last().open();
    last().serverClose(SOCKET_CLOSE.RESTART);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeWebSocket.all).toHaveLength(2);
    last().open();
    expect(onOpen).toHaveBeenCalledTimes(2);
    const p = s.save(entry('i1', 2));
    last().reply(ackFor(entry('i1', 2)));
    await expect(p).resolves.toMatchObject({ seq: 2 });
    s.close();
  });
});
