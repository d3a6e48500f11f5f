/**
 * The running exam on the participant's device: loads the attempt, merges the server's answers
 * with the device queue, sends each change at once (increasing seq per item), keeps unacknowledged
 * answers in IndexedDB and resends them on `online`, on a back-off timer and after a reload, and
 * keeps the countdown in step with the server (every load, every acknowledgement, on focus).
 * Saves go over the answer socket (socket.ts) while it is open, else over HTTP;
 * both give the same ack and the same errors, so everything after the send is shared.
 */
import { type MutableRefObject, useCallback, useEffect, useRef, useState } from 'react';
import { SOCKET_CLOSE } from '../../../../common/contracts/cat-socket.ts';
import { ApiError } from '../../app/api.ts';
import { type AttemptView, examApi, type SaveAck } from './api.ts';
import { type ClockSync, remainingFromSave, syncAt } from './countdown.ts';
import { clearAttempt, listPending, putPending, removeAcked } from './pending-store.ts';
import {
  type AnswerMap,
  applyAck,
  type ItemAnswer,
  nextSeq,
  type OptionKey,
  type PendingAnswer,
  reconcile,
  retryDelay,
  unsent,
} from './queue.ts';
import { type AnswerSocket, answerSocketUrl, createAnswerSocket, isSocketFailure } from './socket.ts';

/** Full re-read of the attempt (~30 KB) while saves go over HTTP. */
const RESYNC_MS = 30_000;
/** While the socket is open every ack carries the deadline (grants included): re-read far less often. */
const RESYNC_SOCKET_MS = 120_000;
const mono = () => performance.now();

export type ExamPhase = 'loading' | 'running' | 'submitted' | 'signed-out' | 'error';

/** The attempt for a first load, or a re-sync that keeps the questions already shown. */
async function fetchAttempt(shown: AttemptView | null): Promise<AttemptView> {
  // Re-syncs skip the questions (most of the ~30 KB): a form never changes within an attempt.
  let v = await examApi.attempt(shown ? { items: false } : {});
  if (shown && v.attempt.id === shown.attempt.id) v = { ...v, items: shown.items };
  else if (shown) v = await examApi.attempt(); // another attempt on this device now: its own form
  return v;
}

/** What a failed read of the attempt shows. */
function loadFailed(
  e: unknown,
  hasView: boolean,
  setPhase: (p: ExamPhase | ((p: ExamPhase) => ExamPhase)) => void,
  setError: (e: unknown) => void,
) {
  // Signed out (here, elsewhere, or expired): show the way back to sign-in at any point. The
  // unacknowledged answers stay on the device and are sent after signing in again.
  if (e instanceof ApiError && e.status === 401) setPhase('signed-out');
  else if (e instanceof ApiError && e.status === 404) setPhase((p) => (p === 'loading' ? 'signed-out' : p));
  else if (e instanceof ApiError && e.status === 409) {
    setError(e);
    setPhase('error');
  } else if (!hasView) {
    setError(e);
    setPhase('error');
  }
}

/** Sends one save over the answer socket when it is open, else (or when it cannot carry it) over HTTP. */
async function saveOnce(
  socket: AnswerSocket | null,
  body: { itemId: string; chosen: OptionKey | null; flagged: boolean; seq: number },
): Promise<SaveAck> {
  // Offline: not even the socket (closed on the next render) — the save queues as before.
  const s = typeof navigator !== 'undefined' && !navigator.onLine ? null : socket;
  // A save the socket could not carry (not open, full, closed or silent before the reply) goes
  // over HTTP at once; resending is safe, the server keeps the highest seq.
  return s?.isOpen()
    ? await s.save(body).catch((e: unknown) => {
        if (isSocketFailure(e)) return examApi.saveAnswer(body);
        throw e;
      })
    : await examApi.saveAnswer(body);
}

interface TriggerRefs {
  alive: MutableRefObject<boolean>;
  failures: MutableRefObject<number>;
  retryTimer: MutableRefObject<ReturnType<typeof setTimeout> | undefined>;
  socket: MutableRefObject<AnswerSocket | null>;
  lastLoad: MutableRefObject<number>;
  flushRef: MutableRefObject<() => Promise<void>>;
}

/** Loads at mount, and again (then resends) when the browser comes online, gets focus or is shown, and every RESYNC_MS. */
function useReloadTriggers(refs: TriggerRefs, load: () => Promise<void>, setOnline: (online: boolean) => void) {
  const { alive, failures, retryTimer, socket, lastLoad, flushRef } = refs;
  useEffect(() => {
    alive.current = true;
    void load().then(() => flushRef.current());
    const onOnline = () => {
      setOnline(true);
      failures.current = 0;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = undefined;
      void load().then(() => flushRef.current());
    };
    const onOffline = () => setOnline(false); // also closes the socket (effect below)
    const onFocus = () => void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    const resync = setInterval(() => {
      if (!navigator.onLine) return;
      if (socket.current?.isOpen() && mono() - lastLoad.current < RESYNC_SOCKET_MS - RESYNC_MS / 2) return;
      void load().then(() => flushRef.current());
    }, RESYNC_MS);
    return () => {
      alive.current = false;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(resync);
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = undefined;
    };
    // Refs and a state setter: stable for the page's life, listed so the rule can see it.
  }, [load, alive, failures, flushRef, lastLoad, retryTimer, setOnline, socket]);
}

/**
 * The answer socket lives while the exam runs and the browser is online: closed on submit, on a
 * sign-out or conflict (phase changes), offline and unmount.
 */
function useAnswerSocket(
  socket: MutableRefObject<AnswerSocket | null>,
  live: boolean,
  load: () => Promise<void>,
  flushRef: MutableRefObject<() => Promise<void>>,
) {
  useEffect(() => {
    if (!live || typeof WebSocket === 'undefined') return;
    const s = createAnswerSocket({
      url: answerSocketUrl(),
      // (Re)connected: resend whatever is still unacknowledged.
      onOpen: () => void flushRef.current(),
      // The sign-in ended: the socket will not reconnect; the attempt read says what to show.
      onClose: (code) => {
        if (code === SOCKET_CLOSE.SESSION_ENDED) void load();
      },
    });
    socket.current = s;
    return () => {
      s.close();
      if (socket.current === s) socket.current = null;
    };
  }, [live, load, socket, flushRef]);
}

type SetAnswers = (update: (prev: AnswerMap) => AnswerMap) => void;

/** The answers as state for rendering, and as a ref the callbacks read without re-creating themselves. */
function useAnswerMap() {
  const [answers, setAnswersState] = useState<AnswerMap>({});
  const answersRef = useRef<AnswerMap>({});
  const setAnswers = useCallback<SetAnswers>((update) => {
    answersRef.current = update(answersRef.current);
    setAnswersState(answersRef.current);
  }, []);
  return { answers, answersRef, setAnswers };
}

/** Time left after an ack: the server's figure at reply time, which follows grants (the deadline we loaded may be older). */
function remainingAfter(ack: SaveAck, v: AttemptView | null): number | null {
  return typeof ack.remainingMs === 'number'
    ? ack.remainingMs
    : v
      ? remainingFromSave(v.attempt.deadlineAt, ack.savedAt)
      : null;
}

/** A save that failed: dropped when it cannot succeed, a reload when the attempt changed, else marked and retried. */
async function sendFailed(
  e: unknown,
  entry: PendingAnswer,
  then: { load: () => Promise<void>; setAnswers: SetAnswers; scheduleRetry: () => void },
) {
  if (e instanceof ApiError && e.status === 400) {
    // Not on the form / unknown option: a resend cannot succeed; the server's state stands.
    await removeAcked(entry.attemptId, entry.itemId, entry.seq).catch(() => undefined);
    void then.load();
    return;
  }
  if (e instanceof ApiError && (e.status === 409 || e.status === 401)) {
    // Time over, submitted, or another device: the attempt itself says which.
    void then.load();
    return;
  }
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  then.setAnswers((prev) => {
    const cur = prev[entry.itemId];
    if (!cur || cur.seq !== entry.seq || cur.status === 'saved') return prev;
    return { ...prev, [entry.itemId]: { ...cur, status: offline ? 'pending' : 'failed' } };
  });
  then.scheduleRetry();
}

/** The back-off resend of unacknowledged answers: one timer at a time, longer after each failure. */
function useRetry(flushRef: MutableRefObject<() => Promise<void>>) {
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleRetry = useCallback(() => {
    if (retryTimer.current) return;
    failures.current += 1;
    retryTimer.current = setTimeout(() => {
      retryTimer.current = undefined;
      void flushRef.current();
    }, retryDelay(failures.current));
  }, [flushRef]);
  return { failures, retryTimer, scheduleRetry };
}

/** The queue entry of a change to one answer: unchanged fields kept, the next seq. */
function changedEntry(
  attemptId: string,
  itemId: string,
  cur: ItemAnswer | undefined,
  change: { chosen?: OptionKey | null; flagged?: boolean },
): PendingAnswer {
  return {
    attemptId,
    itemId,
    chosen: change.chosen !== undefined ? change.chosen : (cur?.chosen ?? null),
    flagged: change.flagged ?? cur?.flagged ?? false,
    seq: nextSeq(cur),
  };
}

/** How a queued change shows on the page until the server acknowledges it. */
function shownPending(entry: PendingAnswer): ItemAnswer {
  return { chosen: entry.chosen, flagged: entry.flagged, seq: entry.seq, status: 'pending' };
}

/** The page's answers after a read: merged with the device queue, which forgets what the server already has. */
async function mergeWithDevice(answersRef: { readonly current: AnswerMap }, v: AttemptView): Promise<AnswerMap> {
  const stored = await listPending(v.attempt.id).catch(() => [] as PendingAnswer[]);
  // Read after the await: answers changed meanwhile are merged too.
  const merged = reconcile(answersRef.current, v.answers, stored);
  for (const d of merged.drop) void removeAcked(d.attemptId, d.itemId, d.seq).catch(() => undefined);
  return merged.answers;
}

/** The participant's running exam: phase, view, answers, clock sync, and the actions of the page. */
export function useExam() {
  const [phase, setPhase] = useState<ExamPhase>('loading');
  const [view, setView] = useState<AttemptView | null>(null);
  const [sync, setSync] = useState<ClockSync | null>(null);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [error, setError] = useState<unknown>(null);
  const { answers, answersRef, setAnswers } = useAnswerMap();
  const viewRef = useRef<AttemptView | null>(null);
  const inflight = useRef(new Map<string, number>());
  const flushRef = useRef<() => Promise<void>>(async () => undefined);
  const { failures, retryTimer, scheduleRetry } = useRetry(flushRef);
  const alive = useRef(true);
  const socket = useRef<AnswerSocket | null>(null);
  /** Monotonic time of the last successful read of the attempt. */
  const lastLoad = useRef(-Infinity);

  const finished = useCallback(async (attemptId: string) => {
    await clearAttempt(attemptId).catch(() => undefined);
    if (alive.current) setPhase('submitted');
  }, []);

  /** Reads the attempt from the server and merges it with the device queue (local pending wins on a higher seq). */
  const load = useCallback(async (): Promise<void> => {
    let v: AttemptView;
    try {
      v = await fetchAttempt(viewRef.current);
    } catch (e) {
      if (alive.current) loadFailed(e, viewRef.current !== null, setPhase, setError);
      return;
    }
    if (!alive.current) return;
    lastLoad.current = mono();
    viewRef.current = v;
    setView(v);
    setSync(syncAt(v.attempt.remainingMs, mono()));
    if (v.attempt.status === 'submitted') {
      await finished(v.attempt.id);
      return;
    }
    const merged = await mergeWithDevice(answersRef, v);
    setAnswers(() => merged);
    setPhase('running');
  }, [finished, setAnswers, answersRef]);

  const send = useCallback(
    async (entry: PendingAnswer) => {
      if ((inflight.current.get(entry.itemId) ?? 0) >= entry.seq) return;
      inflight.current.set(entry.itemId, entry.seq);
      try {
        const body = { itemId: entry.itemId, chosen: entry.chosen, flagged: entry.flagged, seq: entry.seq };
        const ack = await saveOnce(socket.current, body);
        failures.current = 0;
        await removeAcked(entry.attemptId, entry.itemId, ack.seq).catch(() => undefined);
        setAnswers((prev) => ({ ...prev, [entry.itemId]: applyAck(prev[entry.itemId], ack) }));
        const left = remainingAfter(ack, viewRef.current);
        if (left !== null) setSync(syncAt(left, mono()));
      } catch (e) {
        await sendFailed(e, entry, { load, setAnswers, scheduleRetry });
      } finally {
        if (inflight.current.get(entry.itemId) === entry.seq) inflight.current.delete(entry.itemId);
      }
    },
    [load, scheduleRetry, setAnswers, failures],
  );

  const flush = useCallback(async () => {
    const v = viewRef.current;
    if (!v || v.attempt.status === 'submitted') return;
    await Promise.all(unsent(answersRef.current, v.attempt.id).map((p) => send(p)));
  }, [send, answersRef]);
  flushRef.current = flush;

  /** Records a change: shown at once, queued on the device, then sent. */
  const answer = useCallback(
    (itemId: string, change: { chosen?: OptionKey | null; flagged?: boolean }) => {
      const v = viewRef.current;
      if (!v) return;
      const entry = changedEntry(v.attempt.id, itemId, answersRef.current[itemId], change);
      setAnswers((prev) => ({ ...prev, [itemId]: shownPending(entry) }));
      void putPending(entry)
        .catch(() => undefined)
        .then(() => send(entry));
    },
    [send, setAnswers, answersRef],
  );

  const submit = useCallback(async () => {
    await flushRef.current();
    const r = await examApi.submit();
    const v = viewRef.current;
    if (v) await clearAttempt(v.attempt.id).catch(() => undefined);
    setPhase('submitted');
    return r;
  }, []);

  useReloadTriggers({ alive, failures, retryTimer, socket, lastLoad, flushRef }, load, setOnline);

  useAnswerSocket(socket, phase === 'running' && online, load, flushRef);

  return { phase, view, answers, sync, online, error, answer, submit, reload: load };
}
