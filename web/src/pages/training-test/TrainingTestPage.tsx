/**
 * /pelatihan/tes/:id — a training pre/post-test on a phone: one question at a time with its options
 * as radio buttons, a navigator, the countdown from the server's deadline, each answer saved at
 * once ("tersimpan", or a retry when the connection fails), submit with a confirmation, the score.
 */
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MutableRefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import '../../features/development/development.css';
import '../../features/development/i18n-tests.ts';
import { type OptionKey, type TestView, testsApi } from '../../features/development/tests-api.ts';
import { examApi } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import { formatCountdown, minutesLeft, remainingAt, syncAt, type ClockSync } from '../../features/exam/countdown.ts';
import { clampIndex, positionLabel } from '../../features/exam/navigator.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

type Save = { state: 'saving' | 'saved' } | { state: 'failed'; message: string };
interface Local {
  chosen: OptionKey | null;
  seq: number;
}

function Result({ view }: { view: TestView }) {
  const { t } = useTranslation();
  const r = view.attempt.result;
  return (
    <section className="card" aria-labelledby="test-done">
      <h2 id="test-done">{t('devt.take.done')}</h2>
      {r ? (
        <p className="devt-time">
          {t('devt.take.result', { percent: r.percent, total: r.total, max: r.max, answered: r.answered })}
        </p>
      ) : null}
      <p>
        <Link to="/pelatihan/saya">{t('devt.take.back')}</Link>
      </p>
    </section>
  );
}

type Answers = Record<string, Local>;
type Items = TestView['items'];

/** Saves each answer at once with a rising sequence number; a 409 means submitted or time up. */
function useAnswerSaver(view: TestView, sync: MutableRefObject<ClockSync>, onDone: () => void) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(view.answers.map((a) => [a.itemId, { chosen: a.chosen, seq: a.seq }])),
  );
  const [saves, setSaves] = useState<Record<string, Save>>({});
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const seqRef = useRef(Math.max(0, ...view.answers.map((a) => a.seq)));
  const save = useCallback(
    async (itemId: string, chosen: OptionKey | null) => {
      const seq = ++seqRef.current;
      setAnswers((a) => ({ ...a, [itemId]: { chosen, seq } }));
      setSaves((s) => ({ ...s, [itemId]: { state: 'saving' } }));
      try {
        const ack = await testsApi.answer(view.attempt.id, { itemId, chosen, seq });
        sync.current = syncAt(ack.remainingMs, performance.now());
        setSaves((s) => ({ ...s, [itemId]: { state: 'saved' } }));
        setLastSaved(itemId);
      } catch (err) {
        const e = err instanceof ApiError ? err : null;
        if (e?.status === 409) onDone(); // submitted or time up: the server's view decides
        setSaves((s) => ({
          ...s,
          [itemId]: {
            state: 'failed',
            message: e?.code === 'NETWORK_ERROR' || !e ? t('devt.take.offline') : e.message,
          },
        }));
      }
    },
    [view.attempt.id, onDone, t, sync],
  );
  return { answers, saves, lastSaved, save };
}

function TimeBar({ left, answered, total }: { left: number; answered: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="card devt-bar">
      <div>
        <span className="small">{t('devt.take.left')}</span>{' '}
        <span className="devt-time" aria-hidden="true">
          {formatCountdown(left)}
        </span>
        <span className="sr-only">{t('devt.take.leftSr', { minutes: minutesLeft(left) })}</span>
      </div>
      <span>{t('devt.take.progress', { answered, total })}</span>
    </div>
  );
}

function SaveStatus({
  items,
  item,
  saver,
}: {
  items: Items;
  item: Items[number];
  saver: ReturnType<typeof useAnswerSaver>;
}) {
  const { t } = useTranslation();
  const { saves, lastSaved, answers, save } = saver;
  const status = saves[item.itemId];
  const failed = Object.entries(saves).filter(([, s]) => s.state === 'failed');
  return (
    <>
      <div className="devt-save small" role="status" aria-live="polite">
        {status?.state === 'saving' ? t('devt.take.saving') : null}
        {lastSaved && saves[lastSaved]?.state === 'saved'
          ? `✓ ${t('devt.take.saved', { n: items.findIndex((x) => x.itemId === lastSaved) + 1 })}`
          : null}
      </div>
      {failed.map(([itemId, s]) => {
        const k = items.findIndex((x) => x.itemId === itemId) + 1;
        return (
          <Alert key={itemId} tone="error">
            {t('devt.take.failed', { n: k, message: s.state === 'failed' ? s.message : '' })}{' '}
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => void save(itemId, answers[itemId]?.chosen ?? null)}
            >
              {t('devt.take.retry')}
            </button>
          </Alert>
        );
      })}
    </>
  );
}

function Question({
  items,
  n,
  setIndex,
  saver,
  disabled,
}: {
  items: Items;
  n: number;
  setIndex: (i: number) => void;
  saver: ReturnType<typeof useAnswerSaver>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const item = items[n - 1]!;
  const current = saver.answers[item.itemId]?.chosen ?? null;
  return (
    <section className="card" aria-labelledby="question-title">
      <h2 id="question-title">{t('devt.take.question', { n, total: items.length })}</h2>
      {item.imageKey ? (
        <img
          className="cat-item-image"
          src={examApi.itemImageUrl(item.imageKey)}
          alt={t('devt.take.imageAlt', { n })}
        />
      ) : null}
      <p className="devt-stem" id="question-stem">
        {item.stem}
      </p>
      <fieldset className="devt-options" aria-describedby="question-stem" disabled={disabled}>
        <legend className="sr-only">{t('devt.take.options', { n })}</legend>
        {item.options.map((o, i) => (
          <label key={o.key} className={`devt-option${current === o.key ? ' devt-option--chosen' : ''}`}>
            <input
              type="radio"
              name={`q-${item.itemId}`}
              value={o.key}
              checked={current === o.key}
              onChange={() => void saver.save(item.itemId, o.key)}
            />
            <span>
              <strong>{positionLabel(i)}.</strong> {o.text}
            </span>
          </label>
        ))}
      </fieldset>
      <SaveStatus items={items} item={item} saver={saver} />
      <div className="actions">
        <button type="button" className="btn btn--secondary" disabled={n === 1} onClick={() => setIndex(n - 2)}>
          {t('devt.take.prev')}
        </button>
        <button type="button" className="btn btn--secondary" disabled={n === items.length} onClick={() => setIndex(n)}>
          {t('devt.take.next')}
        </button>
      </div>
    </section>
  );
}

function Navigator({
  items,
  answers,
  n,
  setIndex,
}: {
  items: Items;
  answers: Answers;
  n: number;
  setIndex: (i: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="card" aria-label={t('devt.take.navigator')}>
      <ol className="devt-nav">
        {items.map((x, i) => {
          const done = !!answers[x.itemId]?.chosen;
          return (
            <li key={x.itemId}>
              <button
                type="button"
                className={done ? 'devt-nav--answered' : ''}
                aria-current={i + 1 === n ? 'step' : undefined}
                aria-label={t('devt.take.goTo', {
                  n: i + 1,
                  state: t(done ? 'devt.take.answered' : 'devt.take.unanswered'),
                })}
                onClick={() => setIndex(i)}
              >
                {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function SubmitPanel({
  submit,
  answered,
  total,
  timeUp,
}: {
  submit: UseMutationResult<unknown, Error, void>;
  answered: number;
  total: number;
  timeUp: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <section className="card">
      {submit.isError ? <ErrorAlert error={submit.error} /> : null}
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body">
          <h2 id="confirm-title">{t('devt.take.confirmTitle')}</h2>
          <p id="confirm-body">{t('devt.take.confirmBody', { answered, total })}</p>
          <div className="actions">
            <button
              ref={confirmRef}
              type="button"
              className="btn btn--primary"
              disabled={submit.isPending}
              onClick={() => submit.mutate()}
            >
              {t('devt.take.confirm')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => setConfirming(false)}>
              {t('devt.take.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="btn btn--primary" disabled={timeUp} onClick={() => setConfirming(true)}>
            {t('devt.take.submit')}
          </button>
        </div>
      )}
    </section>
  );
}

function Taking({ view, onDone }: { view: TestView; onDone: () => void }) {
  const { t } = useTranslation();
  const items = view.items;
  const [index, setIndex] = useState(0);
  const sync = useRef<ClockSync>(syncAt(view.attempt.remainingMs, performance.now()));
  const [left, setLeft] = useState(view.attempt.remainingMs);
  const submit = useMutation({ mutationFn: () => testsApi.submit(view.attempt.id), onSuccess: onDone });
  const saver = useAnswerSaver(view, sync, onDone);

  useEffect(() => {
    const timer = setInterval(() => setLeft(remainingAt(sync.current, performance.now())), 1000);
    return () => clearInterval(timer);
  }, []);
  const timeUp = left <= 0;
  useEffect(() => {
    if (timeUp && !submit.isPending && !submit.isSuccess) submit.mutate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- submit once, when the time runs out
  }, [timeUp]);

  const n = clampIndex(index, items.length) + 1;
  const answered = items.filter((i) => saver.answers[i.itemId]?.chosen).length;
  return (
    <>
      <TimeBar left={left} answered={answered} total={items.length} />
      {timeUp ? <Alert tone="warning">{t('devt.take.timeUp')}</Alert> : null}
      <Question items={items} n={n} setIndex={setIndex} saver={saver} disabled={timeUp || submit.isPending} />
      <Navigator items={items} answers={saver.answers} n={n} setIndex={setIndex} />
      <SubmitPanel submit={submit} answered={answered} total={items.length} timeUp={timeUp} />
    </>
  );
}

function Test() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const view = useQuery({
    queryKey: ['dev', 'test', id],
    queryFn: () => testsApi.view(id),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    retry: false,
  });
  const onDone = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['dev'] });
  }, [qc]);
  if (view.isPending) return <Loading label={t('app.loading')} />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const v = view.data;
  const title = t('devt.take.title', {
    phase: t(`devt.phase.${v.test.phase}`),
    program: v.test.programTitle,
    batch: v.test.batchName,
  });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {v.attempt.status === 'submitted' ? <Result view={v} /> : <Taking view={v} onDone={onDone} />}
    </>
  );
}

export function TrainingTestPage() {
  return <RequireAuth>{() => <Test />}</RequireAuth>;
}
