/**
 * /pengawas/sesi/:id — the session's state from GET /cat/sessions/:id (period, site, seats, CAT
 * state, blueprint, when the current token was issued, started/finished), opening it with a
 * blueprint or making a new token (token shown big), the live participant table (SSE, polling as
 * fallback), time grants with a reason, device-change approval, the incident log, and closing.
 * The API never returns a token after the open call: this device keeps the one it was given, with
 * the issue time, and stops showing it once the server reports a newer token.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { GrantBody, OpenSessionBody } from '../../../../common/contracts/exam.endpoints.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useContractForm } from '../../app/useContractForm.ts';
import { useFirstOption } from '../../app/useFirstOption.ts';
import {
  type CatSessionDetail,
  catSessionPhase,
  examApi,
  type ParticipantsSnapshot,
  periodLabel,
  type ProctorParticipant,
} from '../../features/exam/api.ts';
import { formatCountdown, remainingAt, syncAt } from '../../features/exam/countdown.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { useLiveSnapshot } from '../../features/exam/live.ts';
import { ClearLockout, HallAddresses, ProctorAssignments } from '../../features/exam/components/SessionSafeguards.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { ConfirmDialog } from '../../features/recruitment/components/bits.tsx';
import '../../features/recruitment/recruitment.css';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

const tokenKey = (id: string) => `merit.cat.token.${id}`;
const PHASE_BADGE = { not_opened: 'badge badge--muted', open: 'badge badge--ok', closed: 'badge' } as const;

/** The token this device was given, and the server's openedAt it belongs to (null until known). */
interface StoredToken {
  token: string;
  openedAt: string | null;
}

function readToken(sessionId: string): StoredToken | null {
  try {
    const raw = sessionStorage.getItem(tokenKey(sessionId));
    if (!raw) return null;
    if (!raw.startsWith('{')) return { token: raw, openedAt: null }; // kept by an older version of this page
    const v = JSON.parse(raw) as Partial<StoredToken>;
    return typeof v.token === 'string'
      ? { token: v.token, openedAt: typeof v.openedAt === 'string' ? v.openedAt : null }
      : null;
  } catch {
    return null;
  }
}

function writeToken(sessionId: string, value: StoredToken) {
  try {
    sessionStorage.setItem(tokenKey(sessionId), JSON.stringify(value));
  } catch {
    // the token stays on screen for this page view
  }
}

function useTick(ms: number) {
  const [, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN((n) => n + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
  return performance.now();
}

/** An empty grace field means no grace (0 seconds), as before; anything else is read as a number. */
const blankAsZero = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? 0 : Number(v));

function OpenForm({
  sessionId,
  opened,
  current,
  locked,
  onOpened,
}: {
  sessionId: string;
  opened: boolean;
  current: { blueprintId: string; graceSeconds: number } | null;
  locked: boolean;
  onOpened: (token: string) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const blueprints = useQuery({ queryKey: ['cat', 'blueprints'], queryFn: examApi.blueprints });
  // A new token keeps the grace the session was opened with unless the proctor changes it.
  const form = useContractForm(OpenSessionBody, {
    blueprintId: current?.blueprintId ?? '',
    graceSeconds: current?.graceSeconds ?? 30,
  });
  const open = useMutation({
    mutationFn: (body: z.output<typeof OpenSessionBody>) => examApi.openSession(sessionId, body),
    onSuccess: (r) => void onOpened(r.token),
    onError: (e) => form.showServerErrors(e),
  });
  // A selection session never draws a training pre/post-test (the server refuses it too).
  const list = (blueprints.data?.blueprints ?? []).filter((b) => b.examType !== 'PELATIHAN');
  useFirstOption(
    form,
    'blueprintId',
    list.map((b) => b.id),
  );
  if (blueprints.isPending) return <Loading label={t('app.loading')} />;
  if (blueprints.isError) return <ErrorAlert error={blueprints.error} />;
  if (list.length === 0) return <Alert tone="warning">{t('cat.proctor.noBlueprints')}</Alert>;
  return (
    <form className="form" noValidate onSubmit={form.handleSubmit((body) => open.mutate(body))}>
      <div className="cat-inline-form">
        <SelectField
          label={t('cat.proctor.blueprint')}
          hint={locked ? t('cat.proctor.blueprintLocked') : undefined}
          disabled={locked}
          error={form.fieldError('blueprintId')}
          {...form.register('blueprintId')}
        >
          {list.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.itemCount} · {t('cat.bp.minutes', { n: b.blueprint.durationMinutes })})
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('cat.proctor.grace')}
          inputMode="numeric"
          error={form.fieldError('graceSeconds')}
          {...form.register('graceSeconds', { setValueAs: blankAsZero })}
        />
      </div>
      {open.isError ? <ErrorAlert error={open.error} /> : null}
      {opened ? <p className="field-hint">{t('cat.proctor.reopenHint')}</p> : null}
      <button
        type="submit"
        className={opened ? 'btn btn--secondary' : 'btn btn--primary'}
        disabled={open.isPending || !form.watch('blueprintId')}
      >
        {opened ? t('cat.proctor.reopen') : t('cat.proctor.open')}
      </button>
    </form>
  );
}

function StateText({ p }: { p: ProctorParticipant }) {
  const { t } = useTranslation();
  const key = p.disconnected ? 'disconnected' : p.state;
  return (
    <span className={`cat-state cat-state--${key}`}>
      {t(`cat.proctor.state.${key}`)}
      {p.state === 'submitted' && p.submittedBy === 'server' ? ` (${t('cat.proctor.byServer')})` : ''}
    </span>
  );
}

function ParticipantTable({ sessionId, snap, at }: { sessionId: string; snap: ParticipantsSnapshot; at: number }) {
  const { t } = useTranslation();
  const now = useTick(1000);
  const [note, setNote] = useState('');
  const approve = useMutation({
    mutationFn: (p: ProctorParticipant) => examApi.approveDevice(sessionId, p.applicationId),
    onSuccess: (_r, p) => setNote(t('cat.proctor.approved', { no: p.participantNo })),
  });
  return (
    <>
      <TableWrap label={t('cat.proctor.participants')}>
        <table>
          <caption className="sr-only">{t('cat.proctor.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cat.proctor.col.seat')}</th>
              <th scope="col">{t('cat.proctor.col.no')}</th>
              <th scope="col">{t('cat.proctor.col.name')}</th>
              <th scope="col">{t('cat.proctor.col.state')}</th>
              <th scope="col">{t('cat.proctor.col.answered')}</th>
              <th scope="col">{t('cat.proctor.col.timeLeft')}</th>
              <th scope="col">{t('cat.proctor.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {snap.participants.map((p) => (
              <tr key={p.applicationId} data-participant={p.participantNo}>
                <td className="num">{p.seat ?? '—'}</td>
                <td className="mono nowrap">{p.participantNo}</td>
                <td>
                  {p.fullName}
                  {p.extraMinutes > 0 ? (
                    <div className="small muted">{t('cat.proctor.extra', { minutes: p.extraMinutes })}</div>
                  ) : null}
                </td>
                <td>
                  <StateText p={p} />
                </td>
                <td className="num nowrap">
                  {p.answered}/{p.itemCount || '—'}
                </td>
                <td className="mono nowrap">
                  {p.state === 'in_progress' ? formatCountdown(remainingAt(syncAt(p.timeLeftMs, at), now)) : '—'}
                </td>
                <td>
                  {p.state === 'in_progress' ? (
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      aria-label={t('cat.proctor.approve', { no: p.participantNo })}
                      onClick={() => approve.mutate(p)}
                      disabled={approve.isPending}
                    >
                      {t('cat.proctor.approveShort')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {approve.isError ? <ErrorAlert error={approve.error} /> : null}
      <p role="status" className="small">
        {note}
      </p>
    </>
  );
}

function GrantForm({ sessionId, participants }: { sessionId: string; participants: ProctorParticipant[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const running = participants.filter((p) => p.state === 'in_progress');
  const ids = running.map((p) => p.applicationId);
  const form = useContractForm(GrantBody, { applicationId: ids[0] ?? '', minutes: 5, reason: '' });
  useFirstOption(form, 'applicationId', ids);
  const grant = useMutation({
    mutationFn: (body: z.output<typeof GrantBody>) => examApi.grant(sessionId, body),
    onSuccess: () => form.resetField('reason'),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="grant-title"
      onSubmit={form.handleSubmit((body) => grant.mutate(body))}
    >
      <h2 id="grant-title">{t('cat.proctor.grantTitle')}</h2>
      <SelectField
        label={t('cat.proctor.grantWho')}
        disabled={running.length === 0}
        error={form.fieldError('applicationId')}
        {...form.register('applicationId')}
      >
        {running.map((p) => (
          <option key={p.applicationId} value={p.applicationId}>
            {p.participantNo} — {p.fullName}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('cat.proctor.grantMinutes')}
        inputMode="numeric"
        error={form.fieldError('minutes')}
        {...form.register('minutes', { valueAsNumber: true })}
      />
      <TextField
        label={t('cat.proctor.grantReason')}
        hint={t('cat.proctor.grantReasonHint')}
        error={form.fieldError('reason')}
        {...form.register('reason')}
      />
      {grant.isError ? <ErrorAlert error={grant.error} /> : null}
      {grant.isSuccess ? (
        <Alert tone="success">{t('cat.proctor.granted', { at: formatDateTime(grant.data.deadlineAt, lang) })}</Alert>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={grant.isPending || running.length === 0}>
        {t('cat.proctor.grantSubmit')}
      </button>
    </form>
  );
}

function Incidents({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery({
    queryKey: ['cat', 'incidents', sessionId],
    queryFn: () => examApi.incidents(sessionId),
    refetchInterval: 5_000,
  });
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t('cat.proctor.incidents')}</h2>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.incidents.length === 0 ? <p>{t('cat.proctor.noIncidents')}</p> : null}
      {list.data && list.data.incidents.length > 0 ? (
        <ul className="link-list">
          {list.data.incidents.map((i) => (
            <li key={i.id}>
              <strong>{t(`cat.proctor.incidentKind.${i.kind}`, { defaultValue: i.kind })}</strong> ·{' '}
              <span className="small muted">{formatDateTime(i.at, lang)}</span>
              {i.participantNo ? <span className="mono small"> · {i.participantNo}</span> : null}
              <div className="small">{i.detail}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SessionFacts({ state }: { state: CatSessionDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const phase = catSessionPhase(state);
  return (
    <dl className="facts">
      <div>
        <dt>{t('cat.proctor.fact.period')}</dt>
        <dd>{periodLabel(state.period)}</dd>
      </div>
      <div>
        <dt>{t('cat.proctor.fact.site')}</dt>
        <dd>{state.site.name}</dd>
      </div>
      <div>
        <dt>{t('cat.proctor.fact.startsAt')}</dt>
        <dd>
          {t('cat.proctor.startsLine', { start: formatDateTime(state.startsAt, lang), minutes: state.durationMinutes })}
        </dd>
      </div>
      <div>
        <dt>{t('cat.proctor.fact.seats')}</dt>
        <dd>{t('cat.proctor.seats', { assigned: state.assigned, capacity: state.capacity })}</dd>
      </div>
      <div>
        <dt>{t('cat.proctor.fact.state')}</dt>
        <dd>
          <span className={PHASE_BADGE[phase]}>{t(`cat.proctor.phase.${phase}`)}</span>
        </dd>
      </div>
      {state.blueprint ? (
        <div>
          <dt>{t('cat.proctor.fact.blueprint')}</dt>
          <dd>
            {t('cat.proctor.blueprintLine', {
              name: state.blueprint.name,
              items: state.blueprint.itemCount,
              minutes: state.blueprint.durationMinutes,
            })}
          </dd>
        </div>
      ) : null}
      {state.cat ? (
        <div>
          <dt>{t('cat.proctor.fact.tokenIssuedAt')}</dt>
          <dd>{formatDateTime(state.cat.openedAt, lang)}</dd>
        </div>
      ) : null}
      {state.cat?.closedAt ? (
        <div>
          <dt>{t('cat.proctor.fact.closedAt')}</dt>
          <dd>{formatDateTime(state.cat.closedAt, lang)}</dd>
        </div>
      ) : null}
      {state.cat ? (
        <div>
          <dt>{t('cat.proctor.fact.progress')}</dt>
          <dd>{t('cat.proctor.progress', { started: state.counts.started, submitted: state.counts.submitted })}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('cat.proctor.fact.sessionId')}</dt>
        <dd className="mono small break">{state.sessionId}</dd>
      </div>
    </dl>
  );
}

/** Keeps a freshly issued token on this device, then binds it to the issue time the server reports. */
async function bindToken(qc: QueryClient, sessionId: string, tok: string, setStored: (t: StoredToken) => void) {
  const key = ['cat', 'session', sessionId];
  const fresh: StoredToken = { token: tok, openedAt: null };
  writeToken(sessionId, fresh);
  setStored(fresh);
  void qc.invalidateQueries({ queryKey: ['cat', 'participants', sessionId] });
  // Read the state only after the open answered, so the issue time bound to the token is this
  // token's: a later, different openedAt then means another device made a newer one.
  await qc.cancelQueries({ queryKey: key });
  try {
    const fresher = await examApi.catSession(sessionId);
    qc.setQueryData(key, fresher);
    const bound = { token: tok, openedAt: fresher.cat?.openedAt ?? null };
    writeToken(sessionId, bound);
    setStored(bound);
  } catch {
    void qc.invalidateQueries({ queryKey: key });
  }
}

/** The token panel's state line and the token itself, or why it is not shown. */
function TokenState(props: {
  notOpened: boolean;
  cat: CatSessionDetail['cat'];
  hasSnapshot: boolean;
  isOpen: boolean;
  opened: boolean;
  stored: StoredToken | null;
  replaced: boolean;
  showToken: boolean;
}) {
  const { t } = useTranslation();
  const { notOpened, cat, hasSnapshot, isOpen, opened, stored, replaced, showToken } = props;
  return (
    <>
      {notOpened && !cat ? <Alert tone="info">{t('cat.proctor.notOpened')}</Alert> : null}
      {cat || hasSnapshot ? (
        <p className="strong">{isOpen ? t('cat.proctor.stateOpen') : t('cat.proctor.stateClosed')}</p>
      ) : null}
      {showToken && stored ? (
        <>
          <p
            className="cat-token"
            data-testid="session-token"
            aria-label={`${t('cat.proctor.token')}: ${stored.token.split('').join(' ')}`}
          >
            {stored.token}
          </p>
          <p className="muted small">{t('cat.proctor.tokenHint')}</p>
        </>
      ) : replaced && isOpen ? (
        <p className="muted small">{t('cat.proctor.tokenReplaced')}</p>
      ) : opened && isOpen ? (
        <p className="muted small">{t('cat.proctor.tokenHidden')}</p>
      ) : null}
    </>
  );
}

/** Downloads of the session's results per participant. */
function ResultLinks({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <a href={examApi.resultsUrl(sessionId)} download>
        {t('cat.proctor.resultsXlsx')}
      </a>{' '}
      ·{' '}
      <a href={examApi.resultsUrl(sessionId, 'csv')} download aria-label={t('cat.proctor.resultsCsvLabel')}>
        {t('cat.proctor.resultsCsv')}
      </a>
    </p>
  );
}

/** The session's facts, its scoreboard and result links, and closing it (after a confirmation). */
function SessionCard({
  sessionId,
  state,
  results,
  canClose,
}: {
  sessionId: string;
  state: CatSessionDetail;
  results: boolean;
  canClose: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [closing, setClosing] = useState(false);
  const close = useMutation({
    mutationFn: () => examApi.closeSession(sessionId),
    onSuccess: () => {
      setClosing(false);
      void qc.invalidateQueries({ queryKey: ['cat', 'session', sessionId] });
    },
  });
  return (
    <>
      <section className="card" aria-labelledby="links-title">
        <h2 id="links-title">{t('cat.proctor.sessionTitle')}</h2>
        <SessionFacts state={state} />
        <p>
          <Link to={`/skor/${sessionId}`}>{t('cat.proctor.scoreboard')}</Link>
        </p>
        {results ? <ResultLinks sessionId={sessionId} /> : null}
        {canClose ? (
          <button type="button" className="btn btn--secondary" onClick={() => setClosing(true)}>
            {t('cat.proctor.close')}
          </button>
        ) : null}
        {close.isError ? <ErrorAlert error={close.error} /> : null}
        {close.isSuccess ? <Alert tone="success">{t('cat.proctor.closed')}</Alert> : null}
      </section>
      <ConfirmDialog
        open={closing}
        title={t('cat.proctor.closeConfirm')}
        confirmLabel={t('cat.proctor.close')}
        onConfirm={() => close.mutate()}
        onCancel={() => setClosing(false)}
        busy={close.isPending}
      >
        <p>{t('cat.proctor.closeBody')}</p>
      </ConfirmDialog>
    </>
  );
}

function Console({ sessionId, isCommittee }: { sessionId: string; isCommittee: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [stored, setStored] = useState<StoredToken | null>(() => readToken(sessionId));
  const state = useQuery({
    queryKey: ['cat', 'session', sessionId],
    queryFn: () => examApi.catSession(sessionId),
    refetchInterval: 15_000,
    retry: false,
  });
  const first = useQuery({
    queryKey: ['cat', 'participants', sessionId],
    queryFn: () => examApi.participants(sessionId),
    retry: false,
  });
  const notOpened = first.error instanceof ApiError && first.error.status === 404;
  const opened = first.isSuccess;
  const live = useLiveSnapshot<ParticipantsSnapshot>({
    streamUrl: opened ? examApi.eventsUrl(sessionId) : null,
    poll: () => examApi.participants(sessionId),
  });
  const [at, setAt] = useState(() => performance.now());
  useEffect(() => setAt(performance.now()), [live.data]);
  const snap = live.data ?? first.data ?? null;
  const cat = state.data?.cat ?? null;

  const onOpened = (tok: string) => bindToken(qc, sessionId, tok, setStored);

  if (state.isPending || first.isPending) return <Loading label={t('app.loading')} />;
  // An unknown session: GET /cat/sessions/:id tells it apart from one that is merely not opened.
  if (state.isError) return <ErrorAlert error={state.error} />;
  if (first.isError && !notOpened) return <ErrorAlert error={first.error} />;

  const isOpen = cat ? cat.open : snap?.open !== false;
  const replaced = Boolean(stored && cat && stored.openedAt !== null && stored.openedAt !== cat.openedAt);
  const showToken = Boolean(stored) && isOpen && !replaced;

  return (
    <>
      <p>
        <Link to="/pengawas">{t('cat.proctor.backToList')}</Link>
      </p>
      <div className="grid grid--2">
        <section className="card" aria-labelledby="token-title">
          <h2 id="token-title">{t('cat.proctor.token')}</h2>
          <TokenState
            notOpened={notOpened}
            cat={cat}
            hasSnapshot={snap !== null}
            isOpen={isOpen}
            opened={opened}
            stored={stored}
            replaced={replaced}
            showToken={showToken}
          />
          {isOpen ? (
            <OpenForm
              sessionId={sessionId}
              opened={opened || cat !== null}
              current={cat}
              locked={state.data.counts.started > 0}
              onOpened={onOpened}
            />
          ) : null}
        </section>
        <SessionCard
          sessionId={sessionId}
          state={state.data}
          results={opened || cat !== null}
          canClose={opened && isOpen}
        />
      </div>
      {snap ? (
        <section className="card" aria-labelledby="participants-title">
          <h2 id="participants-title">
            {t('cat.proctor.participants')} <span className="badge">{t(`cat.proctor.live.${live.mode}`)}</span>
          </h2>
          <ParticipantTable sessionId={sessionId} snap={snap} at={at} />
        </section>
      ) : null}
      {snap ? (
        <div className="grid grid--2">
          <GrantForm sessionId={sessionId} participants={snap.participants} />
          <Incidents sessionId={sessionId} />
        </div>
      ) : null}
      <div className="grid grid--2">
        {isCommittee ? <ProctorAssignments sessionId={sessionId} /> : null}
        {snap ? <ClearLockout sessionId={sessionId} participants={snap.participants} /> : null}
        <HallAddresses sessionId={sessionId} />
      </div>
    </>
  );
}

export function ProctorSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RequireAuth roles={['proctor', 'committee']}>
      {(me) => (
        <>
          <PageTitle title={t('cat.proctor.sessionTitle')}>{t('cat.proctor.sessionTitle')}</PageTitle>
          <Console key={id} sessionId={id} isCommittee={me.role === 'committee'} />
        </>
      )}
    </RequireAuth>
  );
}
