/**
 * /ujian/kerjakan — one question at a time: options as a radio group (A, B, C… by position, the
 * option's own key is sent), ragu-ragu, previous/next, the navigator, the server-clock countdown,
 * text size, a save state per question, an offline banner, and "Selesai" with a confirmation.
 */
import {
  type Dispatch,
  type RefObject,
  type SetStateAction,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, type NavigateFunction, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { type AttemptView, examApi } from '../../features/exam/api.ts';
import { Countdown } from '../../features/exam/components/Countdown.tsx';
import { QuestionNavigator } from '../../features/exam/components/QuestionNavigator.tsx';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { clampIndex, FONT_STEPS, fontStep, navSummary, positionLabel } from '../../features/exam/navigator.ts';
import { type ItemAnswer, type OptionKey, unsent } from '../../features/exam/queue.ts';
import { useExam } from '../../features/exam/useExam.ts';
import { ConfirmDialog } from '../../features/recruitment/components/bits.tsx';
import '../../features/recruitment/recruitment.css';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

const FONT_KEY = 'merit.cat.fontStep';

function readFontStep(): number {
  try {
    const v = localStorage.getItem(FONT_KEY);
    return v === null ? 1 : fontStep(Number(v));
  } catch {
    return 1;
  }
}

function useFontStep() {
  const [font, setFont] = useState(readFontStep);
  useEffect(() => {
    try {
      localStorage.setItem(FONT_KEY, String(font));
    } catch {
      // private mode: the size lasts for this page only
    }
  }, [font]);
  return [font, setFont] as const;
}

/** Signed out, or the exam cannot be shown: the reason and the way back to sign-in. */
function ExamUnavailable({ signedOut, error }: { signedOut: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (signedOut) {
    return (
      <section className="narrow">
        <PageTitle title={t('cat.exam.title')}>{t('cat.exam.title')}</PageTitle>
        <Alert tone="info">
          <p>{t('cat.exam.notSignedIn')}</p>
          <p>
            <Link to="/ujian">{t('cat.exam.toLogin')}</Link>
          </p>
        </Alert>
      </section>
    );
  }
  return (
    <section className="narrow">
      <PageTitle title={t('cat.exam.title')}>{t('cat.exam.title')}</PageTitle>
      <ErrorAlert error={error} />
      <p>
        <Link to="/ujian">{t('cat.exam.toLogin')}</Link>
      </p>
    </section>
  );
}

function FontControls({ font, setFont }: { font: number; setFont: Dispatch<SetStateAction<number>> }) {
  const { t } = useTranslation();
  return (
    <div className="cat-font" role="group" aria-label={t('cat.exam.font')}>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => setFont((f) => fontStep(f - 1))}
        disabled={font <= 0}
        aria-label={t('cat.exam.fontDown')}
      >
        A−
      </button>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => setFont((f) => fontStep(f + 1))}
        disabled={font >= FONT_STEPS.length - 1}
        aria-label={t('cat.exam.fontUp')}
      >
        A+
      </button>
    </div>
  );
}

type ExamItem = AttemptView['items'][number];

/** The options as a radio group, lettered A, B, C… by position; the option's own key is sent. */
function OptionList(props: {
  item: ExamItem;
  groupLabel: string;
  current: number;
  chosen: OptionKey | null | undefined;
  onChoose: (key: OptionKey) => void;
}) {
  const { t } = useTranslation();
  const { item, groupLabel, current, chosen, onChoose } = props;
  return (
    <fieldset
      className="cat-options"
      role="radiogroup"
      aria-labelledby={`${groupLabel}-legend`}
      aria-describedby={`${groupLabel}-stem`}
    >
      <legend id={`${groupLabel}-legend`} className="sr-only">
        {t('cat.exam.choose', { n: current + 1 })}
      </legend>
      {item.options.map((o, i) => (
        <label key={o.key} className="cat-option">
          <input
            type="radio"
            name={`cat-${item.itemId}`}
            value={o.key}
            checked={chosen === o.key}
            onChange={() => onChoose(o.key)}
          />
          <span className="cat-option-letter" aria-hidden="true">
            {positionLabel(i)}.
          </span>
          <span>
            <span className="sr-only">{positionLabel(i)}. </span>
            {o.text}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** One question: stem, picture, options as a radio group, its save state, ragu-ragu, previous/next. */
function QuestionCard(props: {
  item: ExamItem;
  current: number;
  total: number;
  answer: ItemAnswer | undefined;
  font: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  moved: string;
  onAnswer: (change: { chosen?: OptionKey | null; flagged?: boolean }) => void;
  go: (i: number, focusHeading: boolean) => void;
}) {
  const { t } = useTranslation();
  const groupLabel = useId();
  const { item, current, total, answer: a, font, headingRef, moved, onAnswer, go } = props;
  const status = a ? a.status : 'none';
  return (
    <article
      className="card cat-question"
      style={{ ['--cat-font' as string]: FONT_STEPS[font] }}
      aria-labelledby={`${groupLabel}-h`}
    >
      <h2 id={`${groupLabel}-h`} ref={headingRef} tabIndex={-1}>
        {t('cat.exam.question', { n: current + 1, total: total })}{' '}
        <span className="badge">{t(`cat.subtest.${item.subtest}`, { defaultValue: item.subtest })}</span>
      </h2>
      <p className="cat-stem" id={`${groupLabel}-stem`}>
        {item.stem}
      </p>
      {item.imageKey ? (
        <img
          className="cat-item-image"
          src={examApi.itemImageUrl(item.imageKey)}
          alt={t('cat.exam.imageAlt', { n: current + 1 })}
        />
      ) : null}
      <OptionList
        item={item}
        groupLabel={groupLabel}
        current={current}
        chosen={a?.chosen}
        onChoose={(chosen) => onAnswer({ chosen })}
      />
      <p className={`cat-save cat-save--${status}`} role="status" data-testid="save-state">
        {a ? t(`cat.exam.status.${a.status}`) : t('cat.exam.status.none')}
      </p>
      <div className="cat-controls">
        <button
          type="button"
          className="btn btn--secondary cat-flag"
          aria-pressed={a?.flagged ?? false}
          onClick={() => onAnswer({ flagged: !(a?.flagged ?? false) })}
        >
          {a?.flagged ? <span aria-hidden="true">? </span> : null}
          {t('cat.exam.flag')}
        </button>
      </div>
      <div className="cat-controls" style={{ marginTop: '0.5rem' }}>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => go(current - 1, false)}
          disabled={current === 0}
        >
          ← {t('cat.exam.prev')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => go(current + 1, false)}
          disabled={current === total - 1}
        >
          {t('cat.exam.next')} →
        </button>
      </div>
      <span className="sr-only" aria-live="polite">
        {moved}
      </span>
    </article>
  );
}

/** Offline (with the answers still waiting to be sent), time over, and a failed submit. */
function ExamAlerts(props: { online: boolean; waiting: number; timeUp: boolean; submitError: unknown }) {
  const { t } = useTranslation();
  const { online, waiting, timeUp, submitError } = props;
  return (
    <>
      {!online ? (
        <Alert tone="warning" title={t('cat.exam.offlineTitle')}>
          <p>{t('cat.exam.offline')}</p>
          {waiting > 0 ? <p>{t('cat.exam.pendingCount', { count: waiting })}</p> : null}
        </Alert>
      ) : null}
      {timeUp ? <Alert tone="warning">{t('cat.exam.timeOver')}</Alert> : null}
      {submitError ? <ErrorAlert error={submitError} /> : null}
    </>
  );
}

/** "Selesai" asks first: what is answered, and a warning while answers are still unsent. */
function FinishDialog(props: {
  open: boolean;
  summary: ReturnType<typeof navSummary>;
  waiting: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { open, summary, waiting, busy, onConfirm, onCancel } = props;
  return (
    <ConfirmDialog
      open={open}
      title={t('cat.exam.confirmTitle')}
      confirmLabel={t('cat.exam.confirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      busy={busy}
    >
      <p>{t('cat.exam.confirmBody', { ...summary })}</p>
      {waiting > 0 ? <Alert tone="warning">{t('cat.exam.confirmPending', { count: waiting })}</Alert> : null}
    </ConfirmDialog>
  );
}

/** "Selesai": the confirmation's state and the submit, which goes to the result or shows why it failed. */
function useFinish(submit: () => Promise<unknown>, navigate: NavigateFunction) {
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const finish = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await submit();
      navigate('/ujian/hasil', { replace: true });
    } catch (e) {
      setSubmitError(e);
      setConfirming(false);
    } finally {
      setSubmitting(false);
    }
  };
  return { confirming, setConfirming, submitError, submitting, finish };
}

/** The question navigator and the "Selesai" button beside the question. */
function NavigatorPanel(props: {
  itemIds: string[];
  answers: Parameters<typeof QuestionNavigator>[0]['answers'];
  current: number;
  onGo: (i: number) => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const { itemIds, answers, current, onGo, onFinish } = props;
  return (
    <div className="card">
      <QuestionNavigator itemIds={itemIds} answers={answers} current={current} onGo={onGo} />
      <button type="button" className="btn btn--primary btn--block" style={{ marginTop: '1rem' }} onClick={onFinish}>
        {t('cat.exam.finish')}
      </button>
    </div>
  );
}

export function CatExamPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const exam = useExam();
  const [index, setIndex] = useState(0);
  const [font, setFont] = useFontStep();
  const { confirming, setConfirming, submitError, submitting, finish } = useFinish(exam.submit, navigate);
  const [timeUp, setTimeUp] = useState(false);
  const [moved, setMoved] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { phase, view, answers, sync, online, reload } = exam;

  useEffect(() => {
    if (phase === 'submitted') navigate('/ujian/hasil', { replace: true });
  }, [phase, navigate]);

  // After the deadline the server submits (deadline + grace); ask until it has.
  useEffect(() => {
    if (!timeUp) return;
    const id = setInterval(() => void reload(), 5_000);
    return () => clearInterval(id);
  }, [timeUp, reload]);

  const onTimeUp = useCallback(() => setTimeUp(true), []);

  if (phase === 'loading') return <Loading label={t('cat.exam.loading')} />;
  if (phase === 'signed-out' || phase === 'error' || !view)
    return <ExamUnavailable signedOut={phase === 'signed-out'} error={exam.error} />;
  if (phase === 'submitted') return <Navigate to="/ujian/hasil" replace />;

  const items = view.items;
  const current = clampIndex(index, items.length);
  const item = items[current]!;
  const a = answers[item.itemId];
  const itemIds = items.map((i) => i.itemId);
  const summary = navSummary(itemIds, answers);
  const waiting = unsent(answers, view.attempt.id).length;

  const go = (i: number, focusHeading: boolean) => {
    const next = clampIndex(i, items.length);
    setIndex(next);
    setMoved(t('cat.exam.question', { n: next + 1, total: items.length }));
    if (focusHeading) requestAnimationFrame(() => headingRef.current?.focus());
  };

  return (
    <section className="cat-exam">
      <PageTitle title={t('cat.exam.title')}>{t('cat.exam.title')}</PageTitle>
      <div className="cat-bar">
        {sync ? <Countdown sync={sync} onTimeUp={onTimeUp} /> : null}
        <FontControls font={font} setFont={setFont} />
        <p className="cat-summary">{t('cat.exam.summary', { ...summary })}</p>
      </div>

      <ExamAlerts online={online} waiting={waiting} timeUp={timeUp} submitError={submitError} />

      <div className="cat-layout">
        <QuestionCard
          item={item}
          current={current}
          total={items.length}
          answer={a}
          font={font}
          headingRef={headingRef}
          moved={moved}
          onAnswer={(change) => exam.answer(item.itemId, change)}
          go={go}
        />
        <NavigatorPanel
          itemIds={itemIds}
          answers={answers}
          current={current}
          onGo={(i) => go(i, true)}
          onFinish={() => setConfirming(true)}
        />
      </div>

      <FinishDialog
        open={confirming}
        summary={summary}
        waiting={waiting}
        busy={submitting}
        onConfirm={() => void finish()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
