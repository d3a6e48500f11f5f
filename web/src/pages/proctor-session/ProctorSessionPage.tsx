/**
 * /pengawas/sesi/:id — open the session with a blueprint (token shown big), the live participant
 * table (SSE, polling as fallback), time grants with a reason, device-change approval, the
 * incident log, and closing the session.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { examApi, type ParticipantsSnapshot, type ProctorParticipant } from '../../features/exam/api.ts';
import { formatCountdown, remainingAt, syncAt } from '../../features/exam/countdown.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { useLiveSnapshot } from '../../features/exam/live.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { ConfirmDialog } from '../../features/recruitment/components/bits.tsx';
import '../../features/recruitment/recruitment.css';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

const tokenKey = (id: string) => `merit.cat.token.${id}`;
// The API has no read of a session's blueprint: remember on this device which one it was opened with.
const blueprintKey = (id: string) => `merit.cat.blueprint.${id}`;

function readStored(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
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

function OpenForm({ sessionId, opened, onOpened }: { sessionId: string; opened: boolean; onOpened: (token: string, blueprintId: string) => void }) {
  const { t } = useTranslation();
  const blueprints = useQuery({ queryKey: ['cat', 'blueprints'], queryFn: examApi.blueprints });
  const [blueprintId, setBlueprintId] = useState(() => readStored(blueprintKey(sessionId)) ?? '');
  const [grace, setGrace] = useState('30');
  const open = useMutation({ mutationFn: () => examApi.openSession(sessionId, { blueprintId, graceSeconds: Number(grace) || 0 }), onSuccess: (r) => onOpened(r.token, blueprintId) });
  const list = blueprints.data?.blueprints ?? [];
  useEffect(() => {
    if ((!blueprintId || !list.some((b) => b.id === blueprintId)) && list[0]) setBlueprintId(list[0].id);
  }, [blueprintId, list]);
  if (blueprints.isPending) return <Loading label={t('app.loading')} />;
  if (blueprints.isError) return <ErrorAlert error={blueprints.error} />;
  if (list.length === 0) return <Alert tone="warning">{t('cat.proctor.noBlueprints')}</Alert>;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate();
      }}
    >
      <div className="cat-inline-form">
        <SelectField label={t('cat.proctor.blueprint')} value={blueprintId} onChange={(e) => setBlueprintId(e.target.value)}>
          {list.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.itemCount} · {t('cat.bp.minutes', { n: b.blueprint.durationMinutes })})
            </option>
          ))}
        </SelectField>
        <TextField label={t('cat.proctor.grace')} inputMode="numeric" value={grace} onChange={(e) => setGrace(e.target.value)} />
      </div>
      {open.isError ? <ErrorAlert error={open.error} /> : null}
      {opened ? <p className="field-hint">{t('cat.proctor.reopenHint')}</p> : null}
      <button type="submit" className={opened ? 'btn btn--secondary' : 'btn btn--primary'} disabled={open.isPending || !blueprintId}>
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
  const approve = useMutation({ mutationFn: (p: ProctorParticipant) => examApi.approveDevice(sessionId, p.applicationId), onSuccess: (_r, p) => setNote(t('cat.proctor.approved', { no: p.participantNo })) });
  return (
    <>
      <div className="table-wrap">
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
                  {p.extraMinutes > 0 ? <div className="small muted">{t('cat.proctor.extra', { minutes: p.extraMinutes })}</div> : null}
                </td>
                <td>
                  <StateText p={p} />
                </td>
                <td className="num nowrap">
                  {p.answered}/{p.itemCount || '—'}
                </td>
                <td className="mono nowrap">{p.state === 'in_progress' ? formatCountdown(remainingAt(syncAt(p.timeLeftMs, at), now)) : '—'}</td>
                <td>
                  {p.state === 'in_progress' ? (
                    <button type="button" className="btn btn--secondary btn--small" aria-label={t('cat.proctor.approve', { no: p.participantNo })} onClick={() => approve.mutate(p)} disabled={approve.isPending}>
                      {t('cat.proctor.approveShort')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
  const [who, setWho] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const grant = useMutation({ mutationFn: (body: { applicationId: string; minutes: number; reason: string }) => examApi.grant(sessionId, body), onSuccess: () => setReason('') });
  const selected = who || running[0]?.applicationId || '';
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="grant-title"
      onSubmit={(e) => {
        e.preventDefault();
        const m = Number(minutes);
        const ok = selected && Number.isInteger(m) && m >= 1 && m <= 120 && reason.trim().length >= 5;
        setInvalid(!ok);
        if (ok) grant.mutate({ applicationId: selected, minutes: m, reason: reason.trim() });
      }}
    >
      <h2 id="grant-title">{t('cat.proctor.grantTitle')}</h2>
      <SelectField label={t('cat.proctor.grantWho')} value={selected} onChange={(e) => setWho(e.target.value)} disabled={running.length === 0}>
        {running.map((p) => (
          <option key={p.applicationId} value={p.applicationId}>
            {p.participantNo} — {p.fullName}
          </option>
        ))}
      </SelectField>
      <TextField label={t('cat.proctor.grantMinutes')} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <TextField label={t('cat.proctor.grantReason')} hint={t('cat.proctor.grantReasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} />
      {invalid ? <Alert tone="error">{t('cat.proctor.grantInvalid')}</Alert> : null}
      {grant.isError ? <ErrorAlert error={grant.error} /> : null}
      {grant.isSuccess ? <Alert tone="success">{t('cat.proctor.granted', { at: formatDateTime(grant.data.deadlineAt, lang) })}</Alert> : null}
      <button type="submit" className="btn btn--primary" disabled={grant.isPending || running.length === 0}>
        {t('cat.proctor.grantSubmit')}
      </button>
    </form>
  );
}

function Incidents({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery({ queryKey: ['cat', 'incidents', sessionId], queryFn: () => examApi.incidents(sessionId), refetchInterval: 5_000 });
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t('cat.proctor.incidents')}</h2>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.incidents.length === 0 ? <p>{t('cat.proctor.noIncidents')}</p> : null}
      {list.data && list.data.incidents.length > 0 ? (
        <ul className="link-list">
          {list.data.incidents.map((i) => (
            <li key={i.id}>
              <strong>{t(`cat.proctor.incidentKind.${i.kind}`, { defaultValue: i.kind })}</strong> · <span className="small muted">{formatDateTime(i.at, lang)}</span>
              {i.participantNo ? <span className="mono small"> · {i.participantNo}</span> : null}
              <div className="small">{i.detail}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Console({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [token, setToken] = useState<string | null>(() => readStored(tokenKey(sessionId)));
  const [closing, setClosing] = useState(false);
  const first = useQuery({ queryKey: ['cat', 'participants', sessionId], queryFn: () => examApi.participants(sessionId), retry: false });
  const notOpened = first.error instanceof ApiError && first.error.status === 404;
  const opened = first.isSuccess;
  const live = useLiveSnapshot<ParticipantsSnapshot>({ streamUrl: opened ? examApi.eventsUrl(sessionId) : null, poll: () => examApi.participants(sessionId) });
  const [at, setAt] = useState(() => performance.now());
  useEffect(() => setAt(performance.now()), [live.data]);
  const close = useMutation({ mutationFn: () => examApi.closeSession(sessionId), onSuccess: () => setClosing(false) });
  const snap = live.data ?? first.data ?? null;

  const onOpened = (tok: string, blueprintId: string) => {
    try {
      sessionStorage.setItem(tokenKey(sessionId), tok);
      sessionStorage.setItem(blueprintKey(sessionId), blueprintId);
    } catch {
      // the token stays on screen for this page view
    }
    setToken(tok);
    void qc.invalidateQueries({ queryKey: ['cat', 'participants', sessionId] });
  };

  if (first.isPending) return <Loading label={t('app.loading')} />;
  if (first.isError && !notOpened) return <ErrorAlert error={first.error} />;

  return (
    <>
      <div className="grid grid--2">
        <section className="card" aria-labelledby="token-title">
          <h2 id="token-title">{t('cat.proctor.token')}</h2>
          {notOpened ? <Alert tone="info">{t('cat.proctor.notOpened')}</Alert> : null}
          {snap ? <p className="strong">{snap.open ? t('cat.proctor.stateOpen') : t('cat.proctor.stateClosed')}</p> : null}
          {token && snap?.open !== false ? (
            <>
              <p className="cat-token" data-testid="session-token" aria-label={`${t('cat.proctor.token')}: ${token.split('').join(' ')}`}>
                {token}
              </p>
              <p className="muted small">{t('cat.proctor.tokenHint')}</p>
            </>
          ) : opened ? (
            <p className="muted small">{t('cat.proctor.tokenHidden')}</p>
          ) : null}
          {snap?.open !== false ? <OpenForm sessionId={sessionId} opened={opened} onOpened={onOpened} /> : null}
        </section>
        <section className="card" aria-labelledby="links-title">
          <h2 id="links-title">{t('cat.proctor.sessionTitle')}</h2>
          <p className="mono small break">{sessionId}</p>
          <p>
            <Link to={`/skor/${sessionId}`}>{t('cat.proctor.scoreboard')}</Link>
          </p>
          {opened && snap?.open ? (
            <button type="button" className="btn btn--secondary" onClick={() => setClosing(true)}>
              {t('cat.proctor.close')}
            </button>
          ) : null}
          {close.isError ? <ErrorAlert error={close.error} /> : null}
          {close.isSuccess ? <Alert tone="success">{t('cat.proctor.closed')}</Alert> : null}
        </section>
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
      <ConfirmDialog open={closing} title={t('cat.proctor.closeConfirm')} confirmLabel={t('cat.proctor.close')} onConfirm={() => close.mutate()} onCancel={() => setClosing(false)} busy={close.isPending}>
        <p>{t('cat.proctor.closeBody')}</p>
      </ConfirmDialog>
    </>
  );
}

export function ProctorSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RequireAuth roles={['proctor', 'committee']}>
      {() => (
        <>
          <PageTitle title={t('cat.proctor.sessionTitle')}>{t('cat.proctor.sessionTitle')}</PageTitle>
          <Console key={id} sessionId={id} />
        </>
      )}
    </RequireAuth>
  );
}
