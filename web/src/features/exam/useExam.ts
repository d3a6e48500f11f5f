/**
 * The running exam on the participant's device: loads the attempt, merges the server's answers
 * with the device queue, sends each change at once (increasing seq per item), keeps unacknowledged
 * answers in IndexedDB and resends them on `online`, on a back-off timer and after a reload, and
 * keeps the countdown in step with the server (every load, every acknowledgement, on focus).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { type AttemptView, examApi } from './api.ts';
import { type ClockSync, remainingFromSave, syncAt } from './countdown.ts';
import { clearAttempt, listPending, putPending, removeAcked } from './pending-store.ts';
import { type AnswerMap, applyAck, nextSeq, type OptionKey, type PendingAnswer, reconcile, retryDelay, unsent } from './queue.ts';

const RESYNC_MS = 30_000;
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
      v = await examApi.attempt();
    } catch (e) {
      if (!alive.current) return;
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) setPhase((p) => (p === 'loading' ? 'signed-out' : p));
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
      const ack = await examApi.saveAnswer({ itemId: entry.itemId, chosen: entry.chosen, flagged: entry.flagged, seq: entry.seq });
      failures.current = 0;
      await removeAcked(entry.attemptId, entry.itemId, ack.seq).catch(() => undefined);
      setAnswers((prev) => ({ ...prev, [entry.itemId]: applyAck(prev[entry.itemId], ack) }));
      const v = viewRef.current;
      const left = v ? remainingFromSave(v.attempt.deadlineAt, ack.savedAt) : null;
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
    const onOffline = () => setOnline(false);
    const onFocus = () => void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    const resync = setInterval(() => {
      if (navigator.onLine) void load().then(() => flushRef.current());
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

  return { phase, view, answers, sync, online, error, answer, submit, reload: load };
}
