/**
 * The running exam on the participant's device: loads the attempt, merges the server's answers
 * with the device queue, sends each change at once (increasing seq per item), keeps unacknowledged
 * answers in IndexedDB and resends them on `online`, on a back-off timer and after a reload, and
 * keeps the countdown in step with the server (every load, every acknowledgement, on focus).
 * Saves go over the answer socket (socket.ts) while it is open, else over `PUT /api/v1/cat/answers`;
 * both give the same ack and the same errors, so everything after the send is shared.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { SOCKET_CLOSE } from '../../../../common/contracts/cat-socket.ts';
import { ApiError } from '../../app/api.ts';
import { type AttemptView, examApi, type SaveAck } from './api.ts';
import { type ClockSync, remainingFromSave, syncAt } from './countdown.ts';
import { clearAttempt, listPending, putPending, removeAcked } from './pending-store.ts';
import { type AnswerMap, applyAck, nextSeq, type OptionKey, type PendingAnswer, reconcile, retryDelay, unsent } from './queue.ts';
import { type AnswerSocket, answerSocketUrl, createAnswerSocket, isSocketFailure } from './socket.ts';

/** Full re-read of the attempt (~30 KB) while saves go over HTTP. */
const RESYNC_MS = 30_000;
/** While the socket is open every ack carries the deadline (grants included): re-read far less often. */
const RESYNC_SOCKET_MS = 120_000;
const mono = () => performance.now();

export type ExamPhase = 'loading' | 'running' | 'submitted' | 'signed-out' | 'error';

export function useExam() {
  const [phase, setPhase] = useState<ExamPhase>('loading');
  const [view, setView] = useState<AttemptView | null>(null);
  const [answers, setAnswersState] = useState<AnswerMap>({});
  const [sync, setSync] = useState<ClockSync | null>(null);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [error, setError] = useState<unknown>(null);
  const answersRef = useRef<AnswerMap>({});
  const viewRef = useRef<AttemptView | null>(null);
  const inflight = useRef(new Map<string, number>());
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);
  const socket = useRef<AnswerSocket | null>(null);
  /** Monotonic time of the last successful read of the attempt. */
  const lastLoad = useRef(-Infinity);

  const setAnswers = useCallback((update: (prev: AnswerMap) => AnswerMap) => {
    answersRef.current = update(answersRef.current);
    setAnswersState(answersRef.current);
  }, []);

  const finished = useCallback(async (attemptId: string) => {
    await clearAttempt(attemptId).catch(() => undefined);
    if (alive.current) setPhase('submitted');
  }, []);

  /** Reads the attempt from the server and merges it with the device queue (local pending wins on a higher seq). */
  const load = useCallback(async (): Promise<void> => {
    let v: AttemptView;
    try {
      // Re-syncs skip the questions (most of the ~30 KB): a form never changes within an attempt.
      const shown = viewRef.current;
      v = await examApi.attempt(shown ? { items: false } : {});
      if (shown && v.attempt.id === shown.attempt.id) v = { ...v, items: shown.items };
      else if (shown) v = await examApi.attempt(); // another attempt on this device now: its own form
    } catch (e) {
      if (!alive.current) return;
      // Signed out (here, elsewhere, or expired): show the way back to sign-in at any point. The
      // unacknowledged answers stay on the device and are sent after signing in again.
      if (e instanceof ApiError && e.status === 401) setPhase('signed-out');
      else if (e instanceof ApiError && e.status === 404) setPhase((p) => (p === 'loading' ? 'signed-out' : p));
      else if (e instanceof ApiError && e.status === 409) {
        setError(e);
        setPhase('error');
      } else if (!viewRef.current) {
        setError(e);
        setPhase('error');
      }
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
    const stored = await listPending(v.attempt.id).catch(() => [] as PendingAnswer[]);
    const merged = reconcile(answersRef.current, v.answers, stored);
    for (const d of merged.drop) void removeAcked(d.attemptId, d.itemId, d.seq).catch(() => undefined);
    setAnswers(() => merged.answers);
    setPhase('running');
  }, [finished, setAnswers]);

  const scheduleRetry = useCallback(() => {
    if (retryTimer.current) return;
    failures.current += 1;
    retryTimer.current = setTimeout(() => {
      retryTimer.current = undefined;
      void flushRef.current();
    }, retryDelay(failures.current));
  }, []);

  const send = useCallback(async (entry: PendingAnswer) => {
    if ((inflight.current.get(entry.itemId) ?? 0) >= entry.seq) return;
    inflight.current.set(entry.itemId, entry.seq);
    try {
      const body = { itemId: entry.itemId, chosen: entry.chosen, flagged: entry.flagged, seq: entry.seq };
      // Offline: not even the socket (closed on the next render) — the save queues as before.
      const s = typeof navigator !== 'undefined' && !navigator.onLine ? null : socket.current;
      // A save the socket could not carry (not open, full, closed or silent before the reply) goes
      // over HTTP at once; resending is safe, the server keeps the highest seq.
      const ack: SaveAck = s?.isOpen()
        ? await s.save(body).catch((e: unknown) => {
            if (isSocketFailure(e)) return examApi.saveAnswer(body);
            throw e;
          })
        : await examApi.saveAnswer(body);
      failures.current = 0;
      await removeAcked(entry.attemptId, entry.itemId, ack.seq).catch(() => undefined);
      setAnswers((prev) => ({ ...prev, [entry.itemId]: applyAck(prev[entry.itemId], ack) }));
      // remainingMs is the server's figure at reply time and follows grants; the deadline we loaded may be older.
      const v = viewRef.current;
      const left = typeof ack.remainingMs === 'number' ? ack.remainingMs : v ? remainingFromSave(v.attempt.deadlineAt, ack.savedAt) : null;
      if (left !== null) setSync(syncAt(left, mono()));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        // Not on the form / unknown option: a resend cannot succeed; the server's state stands.
        await removeAcked(entry.attemptId, entry.itemId, entry.seq).catch(() => undefined);
        void load();
        return;
      }
      if (e instanceof ApiError && (e.status === 409 || e.status === 401)) {
        // Time over, submitted, or another device: the attempt itself says which.
        void load();
        return;
      }
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      setAnswers((prev) => {
        const cur = prev[entry.itemId];
        if (!cur || cur.seq !== entry.seq || cur.status === 'saved') return prev;
        return { ...prev, [entry.itemId]: { ...cur, status: offline ? 'pending' : 'failed' } };
      });
      scheduleRetry();
    } finally {
      if (inflight.current.get(entry.itemId) === entry.seq) inflight.current.delete(entry.itemId);
    }
  }, [load, scheduleRetry, setAnswers]);

  const flush = useCallback(async () => {
    const v = viewRef.current;
    if (!v || v.attempt.status === 'submitted') return;
    await Promise.all(unsent(answersRef.current, v.attempt.id).map((p) => send(p)));
  }, [send]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** Records a change: shown at once, queued on the device, then sent. */
  const answer = useCallback((itemId: string, change: { chosen?: OptionKey | null; flagged?: boolean }) => {
    const v = viewRef.current;
    if (!v) return;
    const cur = answersRef.current[itemId];
    const entry: PendingAnswer = { attemptId: v.attempt.id, itemId, chosen: change.chosen !== undefined ? change.chosen : (cur?.chosen ?? null), flagged: change.flagged ?? cur?.flagged ?? false, seq: nextSeq(cur) };
    setAnswers((prev) => ({ ...prev, [itemId]: { chosen: entry.chosen, flagged: entry.flagged, seq: entry.seq, status: 'pending' } }));
    void putPending(entry)
      .catch(() => undefined)
      .then(() => send(entry));
  }, [send, setAnswers]);

  const submit = useCallback(async () => {
    await flushRef.current();
    const r = await examApi.submit();
    const v = viewRef.current;
    if (v) await clearAttempt(v.attempt.id).catch(() => undefined);
    setPhase('submitted');
    return r;
  }, []);

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
  }, [load]);

  // The answer socket lives while the exam runs and the browser is online: closed on submit, on a
  // sign-out or conflict (phase changes), offline and unmount.
  useEffect(() => {
    if (phase !== 'running' || !online || typeof WebSocket === 'undefined') return;
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
  }, [phase, online, load]);

  return { phase, view, answers, sync, online, error, answer, submit, reload: load };
}
